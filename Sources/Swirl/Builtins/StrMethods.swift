// Methods of `str` and the string helpers the runtime shares: repr quoting, `%`
// formatting, `format()` dispatch.
import Foundation
import BigInt

extension Runtime {
    /// `format(v, spec)`.
    func format(_ v: Value, _ spec: String) throws -> String {
        do {
            switch v {
            case .int(let i): return try pyFormatInt(i, spec)
            case .bool(let b):
                if spec.isEmpty { return b ? "True" : "False" }
                return try pyFormatInt(b ? 1 : 0, spec, typeName: "bool")
            case .float(let d): return try pyFormatFloat(d, spec)
            case .none: if spec.isEmpty { return "None" }
            case .object(let o):
                if let s = o as? PyStr { return try pyFormatStr(s.value, spec) }
                if let b = o as? PyBigInt { return try pyFormatInt(b.value, spec) }
                if let m = special(v, "__format__") {
                    let r = try callMethod(m, self: v, [Value(spec)])
                    guard case .object(let ro) = r, let rs = ro as? PyStr else { throw Swirl.typeError("__format__ must return a str, not \(typeName(r))") }
                    return rs.value
                }
                if spec.isEmpty { return try str(v) }
            }
        } catch let e as PyFormatError {
            throw ScriptError(e.kind == .overflowError ? Types.overflowError : Types.valueError, e.message)
        }
        throw Swirl.typeError("unsupported format string passed to \(typeName(v)).__format__")
    }

    /// `"fmt" % args`.
    func percentFormat(_ fmt: String, _ args: Value) throws -> String {
        var values: [Value]
        var mapping: Value?
        if case .object(let o) = args, let t = o as? PyTuple { values = t.items } else {
            values = [args]
            if case .object(let o) = args, o is PyDict { mapping = args }
        }
        var out = ""
        var index = 0
        let chars = Array(fmt.unicodeScalars)
        var i = 0
        func nextValue() throws -> Value {
            guard index < values.count else { throw Swirl.typeError("not enough arguments for format string") }
            defer { index += 1 }
            return values[index]
        }
        while i < chars.count {
            let c = chars[i]
            if c != "%" { out.unicodeScalars.append(c); i += 1; continue }
            i += 1
            guard i < chars.count else { throw Swirl.valueError("incomplete format") }
            var key: String?
            if chars[i] == "(" {
                var depth = 1, j = i + 1
                var k = ""
                while j < chars.count && depth > 0 {
                    if chars[j] == "(" { depth += 1 } else if chars[j] == ")" { depth -= 1; if depth == 0 { break } }
                    k.unicodeScalars.append(chars[j]); j += 1
                }
                key = k
                i = j + 1
            }
            var flags = ""
            while i < chars.count, "-+ #0".unicodeScalars.contains(chars[i]) { flags.unicodeScalars.append(chars[i]); i += 1 }
            var width: Int?
            if i < chars.count, chars[i] == "*" { width = try indexValue(try nextValue()); i += 1 } else {
                var w = ""
                while i < chars.count, (0x30...0x39).contains(chars[i].value) { w.unicodeScalars.append(chars[i]); i += 1 }
                if !w.isEmpty { width = Int(w) }
            }
            var precision: Int?
            if i < chars.count, chars[i] == "." {
                i += 1
                if i < chars.count, chars[i] == "*" { precision = try indexValue(try nextValue()); i += 1 } else {
                    var p = ""
                    while i < chars.count, (0x30...0x39).contains(chars[i].value) { p.unicodeScalars.append(chars[i]); i += 1 }
                    precision = Int(p) ?? 0
                }
            }
            guard i < chars.count else { throw Swirl.valueError("incomplete format") }
            let type = chars[i]
            i += 1
            // A bare "%%" only: with flags, width or precision it is an unknown conversion.
            if type == "%" && flags.isEmpty && width == nil && precision == nil && key == nil { out += "%"; continue }
            if type == "%" {
                if key == nil { _ = try nextValue() }
                throw Swirl.valueError("unsupported format character '%' (0x25) at index \(i - 1)")
            }
            let v: Value
            if let key {
                guard let m = mapping else { throw Swirl.typeError("format requires a mapping") }
                v = try getItem(m, Value(key))
                // As in CPython, a keyed conversion uses the mapping up: a later plain `%s`
                // has no argument left.
                index = values.count
            } else {
                v = try nextValue()
            }
            var piece: String
            do {
                switch type {
                case "s": piece = try str(v)
                case "r": piece = try repr(v)
                case "a": piece = asciiEscape(try repr(v))
                case "d", "i", "u", "x", "X", "o":
                    // %d/%i/%u take any real number (a float truncated); %x/%X/%o only integers.
                    let integerOnly = "xXo".unicodeScalars.contains(type)
                    let number: Value?
                    switch v {
                    case .float(let d): number = integerOnly ? nil : try constructInt(Arguments([.float(d)]))
                    default: number = num(v) != nil ? v : nil
                    }
                    guard let n = number else {
                        throw Swirl.typeError("%\(type) format: \(integerOnly ? "an integer" : "a real number") is required, not \(typeName(v))")
                    }
                    switch n {
                    case .int(let x): piece = try pyPercentFormatInt(x, flags: flags, width: width, precision: precision, type: Character(type))
                    case .bool(let b): piece = try pyPercentFormatInt(b ? 1 : 0, flags: flags, width: width, precision: precision, type: Character(type))
                    default: piece = try pyPercentFormatInt(bigOf(num(n) ?? .int(0)), flags: flags, width: width, precision: precision, type: Character(type))
                    }
                    out += piece
                    continue
                case "f", "F", "e", "E", "g", "G":
                    guard let x = num(v) else { throw Swirl.typeError("must be real number, not \(typeName(v))") }
                    out += try pyPercentFormatFloat(try floatOf(x), flags: flags, width: width, precision: precision, type: Character(type))
                    continue
                case "c":
                    if case .int(let x) = v {
                        guard x >= 0, x <= 0x10FFFF, let u = Unicode.Scalar(UInt32(x)) else { throw Swirl.overflowError("%c arg not in range(0x110000)") }
                        piece = String(Character(u))
                    } else if case .bool(let b) = v {
                        piece = b ? "\u{1}" : "\u{0}"
                    } else if case .object(let o) = v, o is PyBigInt {
                        throw Swirl.overflowError("%c arg not in range(0x110000)")
                    } else if case .object(let o) = v, let c = o as? PyStr, c.count == 1 {
                        piece = c.value
                    } else {
                        throw Swirl.typeError("%c requires int or char")
                    }
                default:
                    throw Swirl.valueError("unsupported format character '\(type)' (0x\(String(type.value, radix: 16))) at index \(i - 1)")
                }
            } catch let e as PyFormatError {
                throw ScriptError(Types.valueError, e.message)
            }
            if let p = precision, "sra".unicodeScalars.contains(type) { piece = String(piece.unicodeScalars.prefix(p)) }
            if let w = width {
                let n = piece.unicodeScalars.count
                if n < w {
                    let pad = String(repeating: " ", count: w - n)
                    piece = flags.contains("-") ? piece + pad : pad + piece
                }
            }
            out += piece
        }
        if mapping == nil && index < values.count { throw Swirl.typeError("not all arguments converted during string formatting") }
        return out
    }
}

/// CPython's `repr(str)`: single quotes unless the text has a single quote and no double.
func strRepr(_ s: String) -> String {
    let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for u in s.unicodeScalars {
        switch u {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if Character(u) == quote { out += "\\" + String(quote); continue }
            if u.value < 0x20 || u.value == 0x7f { out += "\\x" + String(u.value, radix: 16).leftPadded(to: 2); continue }
            if u.value >= 0x80 && !isPrintable(u) {
                if u.value <= 0xff { out += "\\x" + String(u.value, radix: 16).leftPadded(to: 2) } else if u.value <= 0xffff {
                    out += "\\u" + String(u.value, radix: 16).leftPadded(to: 4)
                } else { out += "\\U" + String(u.value, radix: 16).leftPadded(to: 8) }
                continue
            }
            out.unicodeScalars.append(u)
        }
    }
    out.append(quote)
    return out
}

/// `str.isprintable()` of one scalar (also what `repr` leaves unescaped).
func isPrintable(_ u: Unicode.Scalar) -> Bool {
    if u.value < 0x80 { return u.value >= 0x20 && u.value != 0x7f }
    switch u.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: return false
    case .spaceSeparator: return u == " "
    default: return true
    }
}

func bytesRepr(_ bytes: [UInt8]) -> String {
    let quote: UInt8 = bytes.contains(39) && !bytes.contains(34) ? 34 : 39
    var out = "b" + String(UnicodeScalar(quote))
    for b in bytes {
        switch b {
        case 92: out += "\\\\"
        case 10: out += "\\n"
        case 13: out += "\\r"
        case 9: out += "\\t"
        case quote: out += "\\" + String(UnicodeScalar(quote))
        case 32..<127: out += String(UnicodeScalar(b))
        default: out += "\\x" + String(b, radix: 16).leftPadded(to: 2)
        }
    }
    return out + String(UnicodeScalar(quote))
}

func asciiEscape(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
        if u.isASCII { out.unicodeScalars.append(u) } else if u.value <= 0xff { out += "\\x" + String(u.value, radix: 16).leftPadded(to: 2) } else if u.value <= 0xffff {
            out += "\\u" + String(u.value, radix: 16).leftPadded(to: 4)
        } else { out += "\\U" + String(u.value, radix: 16).leftPadded(to: 8) }
    }
    return out
}

extension Types {
    static func installStrMethods() {
        let t = Types.str
        func s(_ v: Value) -> String { (v.asObject as? PyStr)?.value ?? "" }
        /// The text of an ASCII str (nil for any other), for the byte-level fast paths.
        func ascii(_ v: Value) -> String? {
            guard case .object(let o) = v, let p = o as? PyStr, p.isASCII else { return nil }
            return p.value
        }
        /// Argument `position` of `method` (`replace()`), which must be a str.
        func strArg(_ rt: Runtime, _ v: Value, _ method: String, _ position: Int) throws -> String {
            guard case .object(let o) = v, let p = o as? PyStr else {
                throw Swirl.typeError("\(method) argument \(position) must be str, not \(rt.typeName(v))")
            }
            return p.value
        }
        method(t, "upper", .a1 { _, v in Value(s(v).uppercased()) })
        method(t, "lower", .a1 { _, v in Value(pythonLowercased(s(v))) })
        method(t, "casefold", .a1 { _, v in
            // Full case folding: lower-casing plus the special folds CPython applies.
            Value(s(v).lowercased().replacingOccurrences(of: "ß", with: "ss").replacingOccurrences(of: "ς", with: "σ"))
        })
        method(t, "title", .a1 { _, v in
            if let a = ascii(v) { return Value(ASCIIText.title(a)) }
            // Python's rule: a cased character after an uncased one is titlecased, the
            // rest lowercased ("they're" -> "They'Re", "3rd" -> "3Rd").
            var out = ""
            var previousCased = false
            for u in s(v).unicodeScalars {
                let cased = u.properties.isCased
                if cased {
                    out += previousCased ? u.properties.lowercaseMapping : u.properties.titlecaseMapping
                } else {
                    out.unicodeScalars.append(u)
                }
                previousCased = cased
            }
            return Value(out)
        })
        method(t, "capitalize", .a1 { _, v in
            // The first code point titlecased ("ß" -> "Ss"), the rest lowercased.
            if let a = ascii(v) { return Value(ASCIIText.capitalize(a)) }
            let x = s(v)
            guard let first = x.unicodeScalars.first else { return v }
            return Value(first.properties.titlecaseMapping + pythonLowercased(String(x.unicodeScalars.dropFirst()), after: first))
        })
        method(t, "strip", .general { rt, a in try stripImpl(rt, a, "strip", left: true, right: true) })
        method(t, "lstrip", .general { rt, a in try stripImpl(rt, a, "lstrip", left: true, right: false) })
        method(t, "rstrip", .general { rt, a in try stripImpl(rt, a, "rstrip", left: false, right: true) })
        method(t, "startswith", .general { rt, a in try affixImpl(rt, a, prefix: true) })
        method(t, "endswith", .general { rt, a in try affixImpl(rt, a, prefix: false) })
        method(t, "join", .a2 { rt, sep, items in
            let parts = try rt.iterateToArray(items).enumerated().map { (i, v) -> String in
                guard case .object(let o) = v, let p = o as? PyStr else {
                    throw Swirl.typeError("sequence item \(i): expected str instance, \(rt.typeName(v)) found")
                }
                return p.value
            }
            return Value(parts.joined(separator: s(sep)))
        })
        method(t, "split", .general { rt, a in try splitImpl(rt, a, fromRight: false) })
        method(t, "rsplit", .general { rt, a in try splitImpl(rt, a, fromRight: true) })
        method(t, "splitlines", .general { rt, a in
            var keepends = false
            if a.positional.count > 1 { keepends = try rt.truthy(a.positional[1]) }
            if let k = a.keywords.first(where: { $0.0 == "keepends" }) { keepends = try rt.truthy(k.1) }
            let scalars = Array(s(a.positional[0]).unicodeScalars)
            var lines: [Value] = []
            var start = 0, i = 0
            func piece(_ from: Int, _ to: Int) -> Value {
                var v = String.UnicodeScalarView()
                v.append(contentsOf: scalars[from..<to])
                return Value(String(v))
            }
            while i < scalars.count {
                let c = scalars[i].value
                let isBreak = c == 10 || c == 13 || c == 11 || c == 12 || c == 0x1c || c == 0x1d || c == 0x1e
                    || c == 0x85 || c == 0x2028 || c == 0x2029
                if isBreak {
                    var end = i + 1
                    if c == 13 && end < scalars.count && scalars[end].value == 10 { end += 1 }
                    lines.append(piece(start, keepends ? end : i))
                    start = end
                    i = end
                } else {
                    i += 1
                }
            }
            if start < scalars.count { lines.append(piece(start, scalars.count)) }
            return .object(PyList(lines))
        })
        method(t, "replace", .general { rt, a in
            guard a.positional.count >= 3 else { throw Swirl.typeError("replace expected at least 2 arguments") }
            let x = s(a.positional[0]), old = try strArg(rt, a.positional[1], "replace()", 1), new = try strArg(rt, a.positional[2], "replace()", 2)
            let count = a.positional.count > 3 ? try rt.indexValue(a.positional[3]) : -1
            if count < 0 && !old.isEmpty {
                guard case .object(let so) = a.positional[0], let ps = so as? PyStr else { return a.positional[0] }
                let hay = ps.utf8Bytes, needle = Array(old.utf8), repl = Array(new.utf8)
                let hits = ByteSearch.all(needle, in: hay)
                if hits.isEmpty { return a.positional[0] }
                var out: [UInt8] = []
                out.reserveCapacity(hay.count + hits.count * (repl.count - needle.count))
                var start = 0
                for h in hits {
                    out.append(contentsOf: hay[start..<h])
                    out.append(contentsOf: repl)
                    start = h + needle.count
                }
                out.append(contentsOf: hay[start...])
                return Value(String(decoding: out, as: UTF8.self))
            }
            if count < 0 { return Value(replaceEmpty(x, new)) }
            if old.isEmpty {
                // `new` goes before each of the first `count` characters (and at the end
                // if count exceeds the length).
                var out = "", inserted = 0
                for u in x.unicodeScalars {
                    if inserted < count { out += new; inserted += 1 }
                    out.unicodeScalars.append(u)
                }
                if inserted < count { out += new }
                return Value(out)
            }
            let hay = Array(x.utf8), needle = Array(old.utf8)
            var out: [UInt8] = [], from = 0
            for i in ByteSearch.all(needle, in: hay, limit: count) {
                out += hay[from..<i]
                out += new.utf8
                from = i + needle.count
            }
            out += hay[from...]
            return Value(String(decoding: out, as: UTF8.self))
        })
        method(t, "find", .general { rt, a in .int(try findImpl(rt, a, reverse: false)) })
        method(t, "rfind", .general { rt, a in .int(try findImpl(rt, a, reverse: true)) })
        method(t, "index", .general { rt, a in
            let i = try findImpl(rt, a, reverse: false)
            if i < 0 { throw Swirl.valueError("substring not found") }
            return .int(i)
        })
        method(t, "rindex", .general { rt, a in
            let i = try findImpl(rt, a, reverse: true)
            if i < 0 { throw Swirl.valueError("substring not found") }
            return .int(i)
        })
        method(t, "count", .general { rt, a in
            guard a.positional.count >= 2 else { throw Swirl.typeError("count() takes at least 1 argument (0 given)") }
            if a.positional.count > 4 { throw Swirl.typeError("count() takes at most 3 arguments (\(a.positional.count - 1) given)") }
            let v = a.positional[0], sub = a.positional[1]
            guard case .object(let o) = v, var x = o as? PyStr, case .object(let so) = sub, let y = so as? PyStr else {
                throw Swirl.typeError("must be str, not \(rt.typeName(sub))")
            }
            if a.positional.count > 2 {
                // count(sub, start[, end]) counts inside the slice [start:end].
                guard let (lo, end) = try searchBounds(rt, a, count: x.count), lo <= end else { return .int(0) }
                x = PyStr(x.substring(lo, end))
            }
            if y.value.isEmpty { return .int(x.count + 1) }
            return .int(ByteSearch.all(y.utf8Bytes, in: x.utf8Bytes).count)
        })
        method(t, "format_map", .a2 { rt, v, mapping in
            // The names in the template are looked up in the mapping one by one.
            var keywords: [(String, Value)] = []
            for name in try formatFieldNames(s(v)) where !keywords.contains(where: { $0.0 == name }) {
                keywords.append((name, try rt.getItem(mapping, Value(name))))
            }
            return Value(try rt.strFormat(s(v), Arguments([], keywords: keywords)))
        })
        method(t, "format", .general { rt, a in Value(try rt.strFormat(s(a.positional[0]), Arguments(Array(a.positional.dropFirst()), keywords: a.keywords))) })
        method(t, "isdigit", .a1 { _, v in
            if let a = ascii(v) { return .bool(ASCIIText.all(a, ASCIIText.isDigit)) }
            return .bool(!s(v).isEmpty && s(v).unicodeScalars.allSatisfy { $0.properties.numericType == .decimal || $0.properties.numericType == .digit }) })
        method(t, "isdecimal", .a1 { _, v in .bool(!s(v).isEmpty && s(v).unicodeScalars.allSatisfy { $0.properties.numericType == .decimal }) })
        method(t, "isnumeric", .a1 { _, v in .bool(!s(v).isEmpty && s(v).unicodeScalars.allSatisfy { $0.properties.numericType != nil }) })
        method(t, "isalpha", .a1 { _, v in
            if let a = ascii(v) { return .bool(ASCIIText.all(a, ASCIIText.isLetter)) }
            return .bool(!s(v).isEmpty && s(v).unicodeScalars.allSatisfy { $0.properties.isAlphabetic }) })
        method(t, "isalnum", .a1 { _, v in
            if let a = ascii(v) { return .bool(ASCIIText.all(a) { ASCIIText.isLetter($0) || ASCIIText.isDigit($0) }) }
            return .bool(!s(v).isEmpty && s(v).unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil }) })
        method(t, "isspace", .a1 { _, v in
            if let a = ascii(v) { return .bool(ASCIIText.all(a, ASCIIText.isSpace)) }
            return .bool(!s(v).isEmpty && s(v).unicodeScalars.allSatisfy { isPythonWhitespace($0) }) })
        method(t, "isupper", .a1 { _, v in
            if let a = ascii(v) { return .bool(ASCIIText.hasOnlyCase(upper: true, a)) }
            return .bool(s(v).contains { $0.isUppercase } && !s(v).contains { $0.isLowercase }) })
        method(t, "islower", .a1 { _, v in
            if let a = ascii(v) { return .bool(ASCIIText.hasOnlyCase(upper: false, a)) }
            return .bool(s(v).contains { $0.isLowercase } && !s(v).contains { $0.isUppercase }) })
        method(t, "isidentifier", .a1 { _, v in
            let x = s(v)
            guard let f = x.unicodeScalars.first, f == "_" || f.properties.isXIDStart else { return .false }
            return .bool(x.unicodeScalars.dropFirst().allSatisfy { $0 == "_" || $0.properties.isXIDContinue })
        })
        method(t, "zfill", .a2 { rt, v, w in
            let x = s(v), width = try rt.indexValue(w)
            let n = x.unicodeScalars.count
            if n >= width { return v }
            try rt.checkSize(width, 1)
            var sign = ""
            var body = Substring(x)
            if body.hasPrefix("-") || body.hasPrefix("+") { sign = String(body.prefix(1)); body = body.dropFirst() }
            return Value(sign + String(repeating: "0", count: width - n) + body)
        })
        for (name, align) in [("center", 0), ("ljust", 1), ("rjust", 2)] {
            method(t, name, .general { rt, a in
                guard a.positional.count >= 2 else { throw Swirl.typeError("\(name) expected at least 1 argument, got 0") }
                if a.positional.count > 3 { throw Swirl.typeError("\(name) expected at most 2 arguments, got \(a.positional.count - 1)") }
                let x = s(a.positional[0]), width = try rt.indexValue(a.positional[1])
                var fill = " "
                if a.positional.count > 2 {
                    guard let f = a.positional[2].asObject as? PyStr else {
                        throw Swirl.typeError("The fill character must be a unicode character, not \(rt.typeName(a.positional[2]))")
                    }
                    guard f.value.unicodeScalars.count == 1 else {
                        throw Swirl.typeError("The fill character must be exactly one character long")
                    }
                    fill = f.value
                }
                let n = x.unicodeScalars.count
                if n >= width { return Value(x) }
                try rt.checkSize(width, max(fill.utf8.count, 1))
                let total = width - n
                switch align {
                case 1: return Value(x + String(repeating: fill, count: total))
                case 2: return Value(String(repeating: fill, count: total) + x)
                default:
                    let left = total / 2 + (total & width & 1)
                    return Value(String(repeating: fill, count: left) + x + String(repeating: fill, count: total - left))
                }
            })
        }
        method(t, "removeprefix", .a2 { _, v, p in
            let x = s(v), pre = s(p)
            return hasCodePointPrefix(x, pre) ? Value(String(decoding: x.utf8.dropFirst(pre.utf8.count), as: UTF8.self)) : v
        })
        method(t, "removesuffix", .a2 { _, v, p in
            let x = s(v), suf = s(p)
            return !suf.isEmpty && hasCodePointSuffix(x, suf) ? Value(String(decoding: x.utf8.dropLast(suf.utf8.count), as: UTF8.self)) : v
        })
        method(t, "encode", .general { rt, a in
            let (codec, errors) = try rt.codecArguments(a, skip: 1, function: "encode")
            return .object(PyBytes(try rt.encode(s(a.positional[0]), codec, errors: errors)))
        })
        method(t, "swapcase", .a1 { _, v in Value(String(s(v).map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) })) })
        // By code points over the UTF-8 bytes (not by Swift's grapheme clusters).
        func strOperand(_ rt: Runtime, _ v: Value) throws -> PyStr {
            guard case .object(let o) = v, let p = o as? PyStr else { throw Swirl.typeError("must be str, not \(rt.typeName(v))") }
            return p
        }
        func partition(_ rt: Runtime, _ v: Value, _ sep: Value, last: Bool) throws -> Value {
            let x = try strOperand(rt, v), p = try strOperand(rt, sep)
            if p.value.isEmpty { throw Swirl.valueError("empty separator") }
            let hay = x.utf8Bytes, needle = p.utf8Bytes
            guard let i = last ? ByteSearch.last(needle, in: hay) : ByteSearch.first(needle, in: hay) else {
                return .object(PyTuple(last ? [Value(""), Value(""), v] : [v, Value(""), Value("")]))
            }
            return .object(PyTuple([Value(ByteSearch.string(hay[..<i])), sep, Value(ByteSearch.string(hay[(i + needle.count)...]))]))
        }
        method(t, "partition", .a2 { rt, v, sep in try partition(rt, v, sep, last: false) })
        method(t, "rpartition", .a2 { rt, v, sep in try partition(rt, v, sep, last: true) })
    }
}

private func replaceEmpty(_ x: String, _ new: String) -> String {
    var out = new
    for u in x.unicodeScalars { out.unicodeScalars.append(u); out += new }
    return out
}

private func stripImpl(_ rt: Runtime, _ a: Arguments, _ name: String, left: Bool, right: Bool) throws -> Value {
    guard case .object(let o) = a.positional[0], let p = o as? PyStr else { return .none }
    if a.positional.count > 2 { throw typeError("\(name) expected at most 1 argument, got \(a.positional.count - 1)") }
    var chars: Set<Unicode.Scalar>?
    if a.positional.count > 1, !a.positional[1].isNone {
        guard case .object(let co) = a.positional[1], let c = co as? PyStr else { throw typeError("\(name) arg must be None or str") }
        chars = Set(c.value.unicodeScalars)
    }
    var scalars = Array(p.value.unicodeScalars)[...]
    func strip(_ u: Unicode.Scalar) -> Bool { chars.map { $0.contains(u) } ?? isPythonWhitespace(u) }
    if left { while let f = scalars.first, strip(f) { scalars = scalars.dropFirst() } }
    if right { while let l = scalars.last, strip(l) { scalars = scalars.dropLast() } }
    var v = String.UnicodeScalarView()
    v.append(contentsOf: scalars)
    return Value(String(v))
}

private func affixImpl(_ rt: Runtime, _ a: Arguments, prefix: Bool) throws -> Value {
    let name = prefix ? "startswith" : "endswith"
    guard case .object(let o) = a.positional[0], let p = o as? PyStr else { return .false }
    guard a.positional.count > 1 else { throw Swirl.typeError("\(name)() takes at least 1 argument (0 given)") }
    if a.positional.count > 4 { throw Swirl.typeError("\(name)() takes at most 3 arguments (\(a.positional.count - 1) given)") }
    var x = p.value
    if a.positional.count > 2 {
        guard let (start, end) = try searchBounds(rt, a, count: p.count), start <= end else { return .false }
        x = p.substring(start, end)
    }
    let candidates: [Value]
    if case .object(let co) = a.positional[1], let t = co as? PyTuple { candidates = t.items } else { candidates = [a.positional[1]] }
    for c in candidates {
        guard case .object(let cs) = c, let str = cs as? PyStr else {
            throw Swirl.typeError("\(name) first arg must be str or a tuple of str, not \(rt.typeName(c))")
        }
        if prefix ? hasCodePointPrefix(x, str.value) : hasCodePointSuffix(x, str.value) { return .true }
    }
    return .false
}

/// The optional `start, end` arguments (positionals 2 and 3, None meaning omitted) of
/// find, count, startswith and endswith over `n` code points, adjusted as CPython's
/// ADJUST_INDICES does; nil when `start` lies past the end, where nothing matches, not
/// even the empty string.
func searchBounds(_ rt: Runtime, _ a: Arguments, count n: Int) throws -> (start: Int, end: Int)? {
    var start = 0, end = n
    if a.positional.count > 2, !a.positional[2].isNone {
        let v = try rt.indexValue(a.positional[2])
        if v > n { return nil }
        start = v < 0 ? max(0, n + v) : v
    }
    if a.positional.count > 3, !a.positional[3].isNone {
        let v = try rt.indexValue(a.positional[3])
        end = v < 0 ? max(0, n + v) : min(v, n)
    }
    return (start, end)
}

/// Prefix and suffix tests by code point (Swift's hasPrefix/hasSuffix compare grapheme
/// clusters, so "a\r\n" would not end with "\n"). UTF-8 is self-synchronising: a byte
/// match of valid UTF-8 is a code-point match.
func hasCodePointPrefix(_ s: String, _ prefix: String) -> Bool {
    s.utf8.starts(with: prefix.utf8)
}

func hasCodePointSuffix(_ s: String, _ suffix: String) -> Bool {
    let n = suffix.utf8.count
    return s.utf8.count >= n && s.utf8.suffix(n).elementsEqual(suffix.utf8)
}

/// `s.split(sep, maxsplit)` / `rsplit` on the UTF-8 bytes (a valid UTF-8 separator can only
/// match at character boundaries).
private func splitBytes(_ s: String, _ sep: String, maxsplit: Int, fromRight: Bool) -> [String] {
    var text = s
    var separator = sep
    return text.withUTF8 { t in
        separator.withUTF8 { p in
            let n = t.count, m = p.count
            guard m > 0, let first = p.first else { return [s] }
            func matches(at i: Int) -> Bool {
                if t[i] != first { return false }
                var k = 1
                while k < m && t[i + k] == p[k] { k += 1 }
                return k == m
            }
            func piece(_ start: Int, _ end: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: t[start..<end]), as: UTF8.self)
            }
            var parts: [String] = []
            var splits = 0
            if !fromRight {
                var start = 0, i = 0
                while i + m <= n && (maxsplit < 0 || splits < maxsplit) {
                    if matches(at: i) {
                        parts.append(piece(start, i))
                        splits += 1
                        i += m
                        start = i
                    } else {
                        i += 1
                    }
                }
                parts.append(piece(start, n))
                return parts
            }
            // rsplit scans from the right even without a limit: overlapping separators
            // ("a...b".rsplit("..")) pair up from the end.
            var end = n, i = n - m
            while i >= 0 && (maxsplit < 0 || splits < maxsplit) {
                if matches(at: i) {
                    parts.append(piece(i + m, end))
                    splits += 1
                    end = i
                    i -= m
                } else {
                    i -= 1
                }
            }
            parts.append(piece(0, end))
            return parts.reversed()
        }
    }
}

private func splitImpl(_ rt: Runtime, _ a: Arguments, fromRight: Bool) throws -> Value {
    guard case .object(let o) = a.positional[0], let p = o as? PyStr else { return .none }
    var sep: String?
    var maxsplit = -1
    let name = fromRight ? "rsplit" : "split"
    if a.positional.count > 3 { throw Swirl.typeError("\(name)() takes at most 2 arguments (\(a.positional.count - 1) given)") }
    func separator(_ v: Value) throws -> String? {
        if v.isNone { return nil }
        guard case .object(let so) = v, let s = so as? PyStr else { throw Swirl.typeError("must be str or None, not \(rt.typeName(v))") }
        return s.value
    }
    if a.positional.count > 1 { sep = try separator(a.positional[1]) }
    if a.positional.count > 2 { maxsplit = try rt.indexValue(a.positional[2]) }
    for (k, v) in a.keywords {
        switch k {
        case "sep": sep = try separator(v)
        case "maxsplit": maxsplit = try rt.indexValue(v)
        default: throw Swirl.typeError("'\(k)' is an invalid keyword argument for \(name)()")
        }
    }
    if let sep {
        if sep.isEmpty { throw Swirl.valueError("empty separator") }
        return .object(PyList(splitBytes(p.value, sep, maxsplit: maxsplit, fromRight: fromRight).map { Value($0) }))
    }
    // Whitespace split.
    var words: [String] = []
    var current = ""
    var inWord = false
    let scalars = Array(p.value.unicodeScalars)
    if fromRight && maxsplit >= 0 {
        var end = scalars.count
        var splits = 0
        var i = scalars.count - 1
        var out: [String] = []
        while i >= 0 {
            while i >= 0 && isPythonWhitespace(scalars[i]) { i -= 1 }
            if i < 0 { break }
            end = i + 1
            if splits == maxsplit {
                // The remainder keeps its leading whitespace, as in CPython.
                var v = String.UnicodeScalarView()
                v.append(contentsOf: scalars[0..<end])
                out.append(String(v))
                break
            }
            while i >= 0 && !isPythonWhitespace(scalars[i]) { i -= 1 }
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[(i + 1)..<end])
            out.append(String(v))
            splits += 1
        }
        return .object(PyList(out.reversed().map { Value($0) }))
    }
    if maxsplit == 0 {
        // No split: the string without its leading whitespace (trailing kept), if any.
        guard let first = scalars.firstIndex(where: { !isPythonWhitespace($0) }) else { return .object(PyList([])) }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[first...])
        return .object(PyList([Value(String(v))]))
    }
    var idx = 0
    while idx < scalars.count {
        let u = scalars[idx]
        if isPythonWhitespace(u) {
            if inWord {
                words.append(current)
                current = ""
                inWord = false
                if maxsplit >= 0 && words.count == maxsplit {
                    var j = idx
                    while j < scalars.count && isPythonWhitespace(scalars[j]) { j += 1 }
                    if j < scalars.count {
                        // The remainder keeps its trailing whitespace, as in CPython.
                        var v = String.UnicodeScalarView()
                        v.append(contentsOf: scalars[j...])
                        words.append(String(v))
                    }
                    return .object(PyList(words.map { Value($0) }))
                }
            }
        } else {
            current.unicodeScalars.append(u)
            inWord = true
        }
        idx += 1
    }
    if inWord { words.append(current) }
    return .object(PyList(words.map { Value($0) }))
}

private func findImpl(_ rt: Runtime, _ a: Arguments, reverse: Bool) throws -> Int {
    guard case .object(let o) = a.positional[0], let p = o as? PyStr, a.positional.count > 1,
          case .object(let so) = a.positional[1], let sub = so as? PyStr else {
        throw Swirl.typeError("must be str")
    }
    if a.positional.count == 2 && !reverse {
        // Whole-string forward search on bytes; convert the byte offset to code points.
        guard let b = ByteSearch.first(sub.utf8Bytes, in: p.utf8Bytes) else { return -1 }
        return p.isASCII ? b : String(decoding: p.utf8Bytes[..<b], as: UTF8.self).unicodeScalars.count
    }
    let hay = p.scalars, needle = Array(sub.value.unicodeScalars)
    guard let (start, end) = try searchBounds(rt, a, count: hay.count), needle.count <= end - start else { return -1 }
    let positions = reverse ? Array(stride(from: end - needle.count, through: start, by: -1)) : Array(start...(end - needle.count))
    for i in positions where hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
    return -1
}

extension Runtime {
    /// `str.format`: positional `{}`/`{0}`, keyword `{name}`, attribute/index access,
    /// conversions and format specs.
    func strFormat(_ fmt: String, _ args: Arguments) throws -> String {
        var auto = 0
        return try strFormat(fmt, args, &auto)
    }

    private func strFormat(_ fmt: String, _ args: Arguments, _ auto: inout Int) throws -> String {
        var out = ""
        let chars = Array(fmt)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count && chars[i + 1] == "{" { out.append("{"); i += 2; continue }
                if i + 1 == chars.count { throw Swirl.valueError("Single '{' encountered in format string") }
                var depth = 1, j = i + 1
                var field = ""
                while j < chars.count {
                    if chars[j] == "{" { depth += 1 } else if chars[j] == "}" { depth -= 1; if depth == 0 { break } }
                    field.append(chars[j]); j += 1
                }
                if j >= chars.count { throw Swirl.valueError("expected '}' before end of string") }
                i = j + 1
                var spec = ""
                var conv: Character?
                var name = field
                if let colon = field.firstIndex(of: ":") {
                    spec = String(field[field.index(after: colon)...])
                    name = String(field[..<colon])
                }
                if let bang = name.firstIndex(of: "!") {
                    let text = name[name.index(after: bang)...]
                    conv = text.first
                    name = String(name[..<bang])
                    guard let c = conv, text.count == 1 else {
                        throw Swirl.valueError(conv == nil ? "unmatched '{' in format spec"
                                                           : "expected ':' after conversion specifier")
                    }
                    if !"rsa".contains(c) { throw Swirl.valueError("Unknown conversion specifier \(c)") }
                }
                var head = name
                var rest = ""
                if let k = name.firstIndex(where: { $0 == "." || $0 == "[" }) {
                    head = String(name[..<k])
                    rest = String(name[k...])
                }
                var v: Value
                // `auto` counts automatic fields; -1 once a field was numbered by hand.
                if head.isEmpty {
                    if auto < 0 { throw Swirl.valueError("cannot switch from manual field specification to automatic field numbering") }
                    guard auto < args.positional.count else { throw Swirl.indexError("Replacement index \(auto) out of range for positional args tuple") }
                    v = args.positional[auto]
                    auto += 1
                } else if head.allSatisfy(isASCIIDigit), let n = Int(head) {
                    if auto > 0 { throw Swirl.valueError("cannot switch from automatic field numbering to manual field specification") }
                    auto = -1
                    guard n < args.positional.count else { throw Swirl.indexError("Replacement index \(n) out of range for positional args tuple") }
                    v = args.positional[n]
                } else {
                    guard let kv = args.keywords.first(where: { $0.0 == head }) else { throw Swirl.keyError(Value(head)) }
                    v = kv.1
                }
                while !rest.isEmpty {
                    if rest.hasPrefix(".") {
                        rest.removeFirst()
                        let end = rest.firstIndex(where: { $0 == "." || $0 == "[" }) ?? rest.endIndex
                        v = try getAttribute(v, String(rest[..<end]))
                        rest = String(rest[end...])
                    } else if rest.hasPrefix("[") {
                        guard let close = rest.firstIndex(of: "]") else { break }
                        let key = String(rest[rest.index(after: rest.startIndex)..<close])
                        // Only an all-digit key is an index ("{0[-1]}" looks up the string "-1").
                        let isIndex = !key.isEmpty && key.allSatisfy(isASCIIDigit)
                        v = try getItem(v, isIndex ? (Int(key).map { .int($0) } ?? Value(key)) : Value(key))
                        rest = String(rest[rest.index(after: close)...])
                    } else { break }
                }
                if spec.contains("{") { spec = try strFormat(spec, args, &auto) }
                out += try FStringNode.format(v, conv, spec, self)
            } else if c == "}" {
                if i + 1 < chars.count && chars[i + 1] == "}" { out.append("}"); i += 2; continue }
                throw Swirl.valueError("Single '}' encountered in format string")
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }
}

/// The names of the keyword fields of a format template (`"{name} {n.attr}"` gives name,
/// n), for `str.format_map`.
func formatFieldNames(_ template: String) throws -> [String] {
    var names: [String] = []
    let scalars = Array(template.unicodeScalars)
    var i = 0
    while i < scalars.count {
        let c = scalars[i]
        if c == "{" && i + 1 < scalars.count && scalars[i + 1] == "{" { i += 2; continue }
        if c == "{" {
            var name = String.UnicodeScalarView()
            i += 1
            while i < scalars.count, !".[!:}".unicodeScalars.contains(scalars[i]) {
                name.append(scalars[i])
                i += 1
            }
            let text = String(name)
            if !text.isEmpty && !text.allSatisfy(\.isNumber) { names.append(text) }
            continue
        }
        i += 1
    }
    return names
}

/// Python's whitespace (`str.isspace`, `split()`, `strip()`): the Unicode White_Space
/// characters plus the ASCII separators U+001C–U+001F, which CPython counts as well.
/// Whether `c` is one of the ASCII digits 0-9 (without a Unicode property look-up).
func isASCIIDigit(_ c: Character) -> Bool {
    guard let a = c.asciiValue else { return false }
    return a >= 0x30 && a <= 0x39
}

func isPythonWhitespace(_ u: Unicode.Scalar) -> Bool {
    u.properties.isWhitespace || (0x1C...0x1F).contains(u.value)
}

/// `str.lower()`: Unicode lower-casing with CPython's one context rule, a capital sigma
/// that ends a word becoming final sigma ("ΣΑΣ" -> "σας"). `after` is the code point
/// before the string (for `capitalize`, which lowers all but the first).
func pythonLowercased(_ s: String, after preceding: Unicode.Scalar? = nil) -> String {
    guard s.unicodeScalars.contains("\u{3A3}") else { return s.lowercased() }
    let scalars = (preceding.map { [$0] } ?? []) + Array(s.unicodeScalars)
    var out = String.UnicodeScalarView()
    for i in (preceding == nil ? 0 : 1)..<scalars.count {
        let u = scalars[i]
        guard u == "\u{3A3}" else {
            out.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars)
            continue
        }
        var j = i - 1
        while j >= 0 && scalars[j].properties.isCaseIgnorable { j -= 1 }
        var k = i + 1
        while k < scalars.count && scalars[k].properties.isCaseIgnorable { k += 1 }
        let isFinal = j >= 0 && scalars[j].properties.isCased && !(k < scalars.count && scalars[k].properties.isCased)
        out.append(isFinal ? "\u{3C2}" : "\u{3C3}")
    }
    return String(out)
}
