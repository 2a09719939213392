// Methods of `bytes`, `int.to_bytes`/`int.from_bytes`, and the remaining str predicates.
import BigInt
import Foundation

extension Types {
    nonisolated(unsafe) static let unicodeDecodeError = exc("UnicodeDecodeError", unicodeError)
    nonisolated(unsafe) static let unicodeEncodeError = exc("UnicodeEncodeError", unicodeError)

    static func installBytesMethods() {
        let t = bytes
        func b(_ v: Value) -> [UInt8] { (v.asObject as? PyBytes)?.bytes ?? [] }
        func arg(_ rt: Runtime, _ v: Value, _ what: String) throws -> [UInt8] {
            if case .object(let o) = v, let x = o as? PyBytes { return x.bytes }
            if case .int(let i) = v, i >= 0, i < 256 { return [UInt8(i)] }
            throw Swirl.typeError("a bytes-like object is required, not '\(rt.typeName(v))'")
        }
        method(t, "decode", .general { rt, a in
            let (codec, errors) = try rt.codecArguments(a, skip: 1, function: "decode")
            return Value(try rt.decode(b(a.positional[0]), codec, errors: errors))
        })
        method(t, "hex", .a1 { _, v in Value(b(v).map { String($0, radix: 16).leftPadded(to: 2) }.joined()) })
        t.dict["fromhex"] = .object(PyClassMethod(.object(PyNativeFunction("fromhex", owner: t, .a2 { rt, _, s in
            let text = try rt.str(s).filter { !$0.isWhitespace }
            var out: [UInt8] = []
            var chars = Array(text.utf8)[...]
            while chars.count >= 2 {
                guard let byte = UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16) else {
                    throw Swirl.valueError("non-hexadecimal number found in fromhex() arg at position \(text.utf8.count - chars.count)")
                }
                out.append(byte)
                chars = chars.dropFirst(2)
            }
            if !chars.isEmpty { throw Swirl.valueError("non-hexadecimal number found in fromhex() arg at position \(text.utf8.count - 1)") }
            return .object(PyBytes(out))
        }))))
        method(t, "split", .general { rt, a in
            let data = b(a.positional[0])
            let sepArg = a.positional.count > 1 ? a.positional[1] : (a.keywords.first { $0.0 == "sep" }?.1 ?? .none)
            let maxArg = a.positional.count > 2 ? a.positional[2] : (a.keywords.first { $0.0 == "maxsplit" }?.1 ?? .int(-1))
            var maxsplit = try rt.indexValue(maxArg)
            if maxsplit < 0 { maxsplit = Int.max }
            if !sepArg.isNone {
                let sep = try arg(rt, sepArg, "sep")
                if sep.isEmpty { throw Swirl.valueError("empty separator") }
                var parts: [Value] = []
                var start = 0
                for i in ByteSearch.all(sep, in: data, limit: maxsplit) {
                    parts.append(.object(PyBytes(Array(data[start..<i]))))
                    start = i + sep.count
                }
                parts.append(.object(PyBytes(Array(data[start...]))))
                return .object(PyList(parts))
            }
            // Runs of ASCII whitespace separate; after maxsplit splits the rest is one word
            // (its leading whitespace dropped).
            func isSpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }
            var words: [Value] = []
            var i = 0
            while i < data.count {
                while i < data.count, isSpace(data[i]) { i += 1 }
                if i == data.count { break }
                if words.count == maxsplit {
                    var end = data.count
                    while end > i, isSpace(data[end - 1]) { end -= 1 }
                    words.append(.object(PyBytes(Array(data[i..<end]))))
                    break
                }
                let start = i
                while i < data.count, !isSpace(data[i]) { i += 1 }
                words.append(.object(PyBytes(Array(data[start..<i]))))
            }
            return .object(PyList(words))
        })
        method(t, "join", .a2 { rt, sep, items in
            var out: [UInt8] = []
            for (i, x) in try rt.iterateToArray(items).enumerated() {
                if i > 0 { out += b(sep) }
                guard case .object(let o) = x, let bx = o as? PyBytes else {
                    throw Swirl.typeError("sequence item \(i): expected a bytes-like object, \(rt.typeName(x)) found")
                }
                out += bx.bytes
            }
            return .object(PyBytes(out))
        })
        // strip/lstrip/rstrip: ASCII whitespace, or the bytes of the argument.
        func stripped(_ rt: Runtime, _ a: Arguments, left: Bool, right: Bool) throws -> Value {
            var data = b(a.positional[0])[...]
            let chars: [UInt8]?
            if a.positional.count > 1, !a.positional[1].isNone { chars = try arg(rt, a.positional[1], "chars") } else { chars = nil }
            func strip(_ c: UInt8) -> Bool { chars.map { $0.contains(c) } ?? (c == 32 || (c >= 9 && c <= 13)) }
            if left { while let f = data.first, strip(f) { data = data.dropFirst() } }
            if right { while let l = data.last, strip(l) { data = data.dropLast() } }
            return .object(PyBytes(Array(data)))
        }
        method(t, "strip", .general { rt, a in try stripped(rt, a, left: true, right: true) })
        method(t, "lstrip", .general { rt, a in try stripped(rt, a, left: true, right: false) })
        method(t, "rstrip", .general { rt, a in try stripped(rt, a, left: false, right: true) })
        func partition(_ rt: Runtime, _ v: Value, _ sep: Value, last: Bool) throws -> Value {
            let data = b(v), p = try arg(rt, sep, "sep")
            if p.isEmpty { throw Swirl.valueError("empty separator") }
            let empty = Value.object(PyBytes([]))
            guard let i = last ? ByteSearch.last(p, in: data) : ByteSearch.first(p, in: data) else {
                return .object(PyTuple(last ? [empty, empty, v] : [v, empty, empty]))
            }
            return .object(PyTuple([.object(PyBytes(Array(data[..<i]))), .object(PyBytes(p)), .object(PyBytes(Array(data[(i + p.count)...])))]))
        }
        method(t, "partition", .a2 { rt, v, sep in try partition(rt, v, sep, last: false) })
        method(t, "rpartition", .a2 { rt, v, sep in try partition(rt, v, sep, last: true) })
        method(t, "removeprefix", .a2 { rt, v, p in
            let data = b(v), x = try arg(rt, p, "prefix")
            return data.starts(with: x) && !x.isEmpty ? .object(PyBytes(Array(data.dropFirst(x.count)))) : v
        })
        method(t, "removesuffix", .a2 { rt, v, p in
            let data = b(v), x = try arg(rt, p, "suffix")
            return data.count >= x.count && !x.isEmpty && data.suffix(x.count).elementsEqual(x) ? .object(PyBytes(Array(data.dropLast(x.count)))) : v
        })
        method(t, "isascii", .a1 { _, v in .bool(b(v).allSatisfy { $0 < 128 }) })
        method(t, "upper", .a1 { _, v in .object(PyBytes(b(v).map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 })) })
        method(t, "lower", .a1 { _, v in .object(PyBytes(b(v).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 })) })
        method(t, "replace", .a3 { rt, v, old, new in
            let data = b(v), o = try arg(rt, old, "old"), n = try arg(rt, new, "new")
            var out: [UInt8] = []
            var start = 0
            for i in o.isEmpty ? [] : ByteSearch.all(o, in: data) {
                out += data[start..<i] + n
                start = i + o.count
            }
            out += data[start...]
            return .object(PyBytes(out))
        })
        // find/rfind/index/rindex/count/startswith/endswith take optional start and end,
        // as str's do (the needle may also be an int for the search methods).
        func window(_ rt: Runtime, _ a: Arguments) throws -> ArraySlice<UInt8>? {
            let data = b(a.positional[0])
            guard let (start, end) = try searchBounds(rt, a, count: data.count) else { return nil }
            return start <= end ? data[start..<end] : data[start..<start]
        }
        func needle(_ rt: Runtime, _ a: Arguments) throws -> [UInt8] {
            guard a.positional.count > 1 else { throw Swirl.typeError("expected at least 1 argument, got 0") }
            return try arg(rt, a.positional[1], "sub")
        }
        func find(_ rt: Runtime, _ a: Arguments, last: Bool) throws -> Int {
            guard let w = try window(rt, a) else { return -1 }
            let sub = try needle(rt, a), hay = Array(w)
            let hit = last ? ByteSearch.last(sub, in: hay) : ByteSearch.first(sub, in: hay)
            return hit.map { $0 + w.startIndex } ?? -1
        }
        method(t, "find", .general { rt, a in .int(try find(rt, a, last: false)) })
        method(t, "rfind", .general { rt, a in .int(try find(rt, a, last: true)) })
        method(t, "index", .general { rt, a in
            let i = try find(rt, a, last: false)
            if i < 0 { throw Swirl.valueError("subsection not found") }
            return .int(i)
        })
        method(t, "rindex", .general { rt, a in
            let i = try find(rt, a, last: true)
            if i < 0 { throw Swirl.valueError("subsection not found") }
            return .int(i)
        })
        method(t, "count", .general { rt, a in
            guard let w = try window(rt, a) else { return .int(0) }
            let sub = try needle(rt, a)
            if sub.isEmpty { return .int(w.count + 1) }
            return .int(ByteSearch.all(sub, in: Array(w)).count)
        })
        func affix(_ rt: Runtime, _ a: Arguments, suffix: Bool) throws -> Bool {
            guard a.positional.count > 1 else { throw Swirl.typeError("expected at least 1 argument, got 0") }
            guard let w = try window(rt, a) else { return false }
            let candidates: [Value]
            if case .object(let o) = a.positional[1], let tuple = o as? PyTuple { candidates = tuple.items } else { candidates = [a.positional[1]] }
            for c in candidates {
                guard case .object(let o) = c, let x = o as? PyBytes else {
                    throw Swirl.typeError("\(suffix ? "endswith" : "startswith") first arg must be bytes or a tuple of bytes, not \(rt.typeName(c))")
                }
                if suffix ? w.reversed().starts(with: x.bytes.reversed()) : w.starts(with: x.bytes) { return true }
            }
            return false
        }
        method(t, "startswith", .general { rt, a in .bool(try affix(rt, a, suffix: false)) })
        method(t, "endswith", .general { rt, a in .bool(try affix(rt, a, suffix: true)) })
        method(t, "splitlines", .a1 { _, v in
            var lines = b(v).split(separator: 10, omittingEmptySubsequences: false).map { Array($0) }
            if lines.last?.isEmpty == true { lines.removeLast() }
            return .object(PyList(lines.map { .object(PyBytes($0.last == 13 ? Array($0.dropLast()) : $0)) }))
        })
        method(t, "isalpha", .a1 { _, v in .bool(!b(v).isEmpty && b(v).allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }) })
        method(t, "isdigit", .a1 { _, v in .bool(!b(v).isEmpty && b(v).allSatisfy { $0 >= 48 && $0 <= 57 }) })
        method(t, "isspace", .a1 { _, v in .bool(!b(v).isEmpty && b(v).allSatisfy { $0 == 32 || ($0 >= 9 && $0 <= 13) }) })

        method(int, "to_bytes", .general { rt, a in
            guard let n = rt.num(a.positional[0]) else { throw Swirl.typeError("descriptor 'to_bytes' requires an int") }
            let value = rt.bigOf(n)
            var length = 1
            var order = "big"
            var signed = false
            if a.positional.count > 1 { length = try rt.indexValue(a.positional[1]) }
            if a.positional.count > 2 { order = try rt.str(a.positional[2]) }
            for (k, v) in a.keywords {
                switch k {
                case "length": length = try rt.indexValue(v)
                case "byteorder": order = try rt.str(v)
                case "signed": signed = try rt.truthy(v)
                default: throw Swirl.typeError("'\(k)' is an invalid keyword argument for to_bytes()")
                }
            }
            if order != "big" && order != "little" { throw Swirl.valueError("byteorder must be either 'little' or 'big'") }
            if length < 0 { throw Swirl.valueError("length argument must be non-negative") }
            try rt.checkSize(length, 8)
            if value.sign == .minus && !signed { throw Swirl.overflowError("can't convert negative int to unsigned") }
            let modulus = BigInt(1) << (8 * length)
            let limit = signed ? modulus >> 1 : modulus
            if value >= limit || (signed && value < -limit) { throw Swirl.overflowError("int too big to convert") }
            var x = value.sign == .minus ? value + modulus : value
            var out = [UInt8](repeating: 0, count: length)
            for i in 0..<length {
                out[length - 1 - i] = UInt8(x & 0xff)
                x >>= 8
            }
            if order == "little" { out.reverse() }
            return .object(PyBytes(out))
        })
        int.dict["from_bytes"] = .object(PyClassMethod(.object(PyNativeFunction("from_bytes", owner: int, .general { rt, a in
            guard a.positional.count >= 2 else { throw Swirl.typeError("from_bytes() missing required argument 'bytes' (pos 1)") }
            var data = try rt.iterateToArray(a.positional[1]).map { UInt8(clamping: try rt.indexValue($0)) }
            var order = "big"
            var signed = false
            if a.positional.count > 2 { order = try rt.str(a.positional[2]) }
            for (k, v) in a.keywords {
                if k == "byteorder" { order = try rt.str(v) }
                if k == "signed" { signed = try rt.truthy(v) }
            }
            if order == "little" { data.reverse() }
            var x = BigInt(0)
            for byte in data { x = (x << 8) | BigInt(byte) }
            if signed, let first = data.first, first >= 0x80 { x -= BigInt(1) << (8 * data.count) }
            return .integer(x)
        }))))

        method(str, "istitle", .a1 { _, v in
            guard case .object(let o) = v, let s = o as? PyStr else { return .false }
            var sawCased = false, previousCased = false
            for c in s.value {
                if c.isUppercase || c.unicodeScalars.first?.properties.generalCategory == .titlecaseLetter {
                    if previousCased { return .false }
                    previousCased = true
                    sawCased = true
                } else if c.isLowercase {
                    if !previousCased { return .false }
                    previousCased = true
                    sawCased = true
                } else {
                    previousCased = false
                }
            }
            return .bool(sawCased)
        })
        method(str, "isascii", .a1 { _, v in .bool((v.asObject as? PyStr)?.isASCII ?? false) })
        method(str, "isprintable", .a1 { _, v in
            let s = (v.asObject as? PyStr)?.value ?? ""
            return .bool(s.unicodeScalars.allSatisfy(isPrintable))
        })
        method(str, "expandtabs", .general { rt, a in
            let s = (a.positional[0].asObject as? PyStr)?.value ?? ""
            let size = a.positional.count > 1 ? try rt.indexValue(a.positional[1]) : 8
            var out = "", column = 0
            for c in s {
                if c == "\t" {
                    if size > 0 {
                        let n = size - column % size
                        try rt.checkSize(out.utf8.count + n, 1)
                        out += String(repeating: " ", count: n)
                        column += n
                    }
                } else if c == "\n" || c == "\r" {
                    out.append(c)
                    column = 0
                } else {
                    out.append(c)
                    column += 1
                }
            }
            return Value(out)
        })
    }
}
