// The decoding half of the `json` module: a port of CPython's C scanner (_json.c) working
// on code points, with the same error messages and positions, hooks (object_hook,
// object_pairs_hook, parse_float, parse_int, parse_constant, strict) and a nesting limit
// that raises RecursionError.
import BigInt

extension Runtime {
    /// `json.loads(s, **options)`.
    func jsonLoads(_ source: Value, _ keywords: [(String, Value)]) throws -> Value {
        let text: String
        switch source {
        case .object(let o as PyStr): text = o.value
        case .object(let o as PyBytes):
            var bytes = o.bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            guard let s = String(validating: bytes, as: UTF8.self) else {
                throw ScriptError(Types.unicodeError, "'utf-8' codec can't decode bytes: invalid utf-8 data")
            }
            text = s
        default:
            throw typeError("the JSON object must be str, bytes or bytearray, not \(typeName(source))")
        }
        var dec = JSONDecoderState(rt: self, text: Array(text.unicodeScalars), doc: text)
        for (k, v) in keywords {
            let hook: Value? = v.isNone ? nil : v
            switch k {
            case "object_hook": dec.objectHook = hook
            case "object_pairs_hook": dec.objectPairsHook = hook
            case "parse_float": dec.parseFloat = hook
            case "parse_int": dec.parseInt = hook
            case "parse_constant": dec.parseConstant = hook
            case "strict": dec.strict = try truthy(v)
            case "cls":
                if !v.isNone { throw typeError("json.loads(): custom decoder classes (cls=) are not supported") }
            default: throw typeError("JSONDecoder.__init__() got an unexpected keyword argument '\(k)'")
            }
        }
        return try dec.decode()
    }
}

/// One `loads` call: the text as code points and the decoding options.
struct JSONDecoderState {
    let rt: Runtime
    let s: [Unicode.Scalar]
    let doc: String
    var objectHook: Value?
    var objectPairsHook: Value?
    var parseFloat: Value?
    var parseInt: Value?
    var parseConstant: Value?
    var strict = true
    private var depth = 0

    init(rt: Runtime, text: [Unicode.Scalar], doc: String) {
        self.rt = rt
        self.s = text
        self.doc = doc
    }

    /// Raised where CPython's scanner raises StopIteration: "Expecting value" at `pos`.
    private struct NoValue: Error { let pos: Int }

    mutating func decode() throws -> Value {
        if s.first == "\u{FEFF}" { throw error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0) }
        var idx = skipWhitespace(0)
        let value: Value
        do {
            value = try scanOnce(&idx)
        } catch let e as NoValue {
            throw error("Expecting value", e.pos)
        }
        idx = skipWhitespace(idx)
        if idx != s.count { throw error("Extra data", idx) }
        return value
    }

    /// A JSONDecodeError with CPython's message and attributes.
    private func error(_ msg: String, _ pos: Int) -> ScriptError {
        var line = 1
        var lastNewline = -1
        for i in 0..<min(pos, s.count) where s[i] == "\n" {
            line += 1
            lastNewline = i
        }
        let col = pos - lastNewline
        let e = PyException(Types.jsonDecodeError, "\(msg): line \(line) column \(col) (char \(pos))")
        e.attrs["msg"] = Value(msg)
        e.attrs["doc"] = Value(doc)
        e.attrs["pos"] = .int(pos)
        e.attrs["lineno"] = .int(line)
        e.attrs["colno"] = .int(col)
        return ScriptError(e)
    }

    private func isWhitespace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }

    private func skipWhitespace(_ start: Int) -> Int {
        var i = start
        while i < s.count && isWhitespace(s[i]) { i += 1 }
        return i
    }

    private func matches(_ word: String, at idx: Int) -> Bool {
        var i = idx
        for u in word.unicodeScalars {
            if i >= s.count || s[i] != u { return false }
            i += 1
        }
        return true
    }

    private mutating func scanOnce(_ idx: inout Int) throws -> Value {
        guard idx < s.count else { throw NoValue(pos: idx) }
        switch s[idx] {
        case "\"":
            let (str, end) = try scanString(idx + 1)
            idx = end
            return Value(str)
        case "{":
            try enter("object")
            defer { depth -= 1 }
            return try parseObject(&idx)
        case "[":
            try enter("array")
            defer { depth -= 1 }
            return try parseArray(&idx)
        case "n" where matches("null", at: idx):
            idx += 4
            return .none
        case "t" where matches("true", at: idx):
            idx += 4
            return .true
        case "f" where matches("false", at: idx):
            idx += 5
            return .false
        case "N" where matches("NaN", at: idx):
            idx += 3
            return try constant("NaN", .nan)
        case "I" where matches("Infinity", at: idx):
            idx += 8
            return try constant("Infinity", .infinity)
        case "-" where matches("-Infinity", at: idx):
            idx += 9
            return try constant("-Infinity", -.infinity)
        default:
            return try matchNumber(&idx)
        }
    }

    private mutating func enter(_ what: String) throws {
        depth += 1
        if depth > rt.recursionLimit {
            depth -= 1
            throw ScriptError(Types.recursionError,
                              "maximum recursion depth exceeded while decoding a JSON \(what) from a unicode string")
        }
    }

    private func constant(_ name: String, _ value: Double) throws -> Value {
        if let hook = parseConstant { return try rt.call(hook, [Value(name)]) }
        return .float(value)
    }

    private mutating func parseObject(_ idx: inout Int) throws -> Value {
        var i = skipWhitespace(idx + 1)
        var pairs: [(Value, Value)] = []
        if i >= s.count || s[i] != "}" {
            while true {
                guard i < s.count, s[i] == "\"" else {
                    throw error("Expecting property name enclosed in double quotes", i)
                }
                let (key, afterKey) = try scanString(i + 1)
                i = skipWhitespace(afterKey)
                guard i < s.count, s[i] == ":" else { throw error("Expecting ':' delimiter", i) }
                i = skipWhitespace(i + 1)
                let value = try scanOnce(&i)
                pairs.append((Value(key), value))
                i = skipWhitespace(i)
                if i < s.count && s[i] == "}" { break }
                guard i < s.count, s[i] == "," else { throw error("Expecting ',' delimiter", i) }
                i = skipWhitespace(i + 1)
            }
        }
        idx = i + 1
        if let hook = objectPairsHook {
            return try rt.call(hook, [.object(PyList(pairs.map { .object(PyTuple([$0.0, $0.1])) }))])
        }
        let d = PyDict()
        for (k, v) in pairs { try rt.dictSet(d, k, v) }
        if let hook = objectHook { return try rt.call(hook, [.object(d)]) }
        return .object(d)
    }

    private mutating func parseArray(_ idx: inout Int) throws -> Value {
        var i = skipWhitespace(idx + 1)
        var items: [Value] = []
        if i >= s.count || s[i] != "]" {
            while true {
                items.append(try scanOnce(&i))
                i = skipWhitespace(i)
                if i < s.count && s[i] == "]" { break }
                guard i < s.count, s[i] == "," else { throw error("Expecting ',' delimiter", i) }
                i = skipWhitespace(i + 1)
            }
        }
        idx = i + 1
        return .object(PyList(items))
    }

    private func isDigit(_ i: Int) -> Bool { i < s.count && s[i] >= "0" && s[i] <= "9" }

    private func matchNumber(_ idx: inout Int) throws -> Value {
        let start = idx
        var i = idx
        if s[i] == "-" {
            i += 1
            if i >= s.count { throw NoValue(pos: start) }
        }
        if s[i] >= "1" && s[i] <= "9" {
            i += 1
            while isDigit(i) { i += 1 }
        } else if s[i] == "0" {
            i += 1
        } else {
            throw NoValue(pos: start)
        }
        var isFloat = false
        if i + 1 < s.count && s[i] == "." && isDigit(i + 1) {
            isFloat = true
            i += 2
            while isDigit(i) { i += 1 }
        }
        if i + 1 < s.count && (s[i] == "e" || s[i] == "E") {
            let eStart = i
            i += 1
            if i + 1 < s.count && (s[i] == "-" || s[i] == "+") { i += 1 }
            while isDigit(i) { i += 1 }
            if isDigit(i - 1) { isFloat = true } else { i = eStart }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: s[start..<i])
        idx = i
        if isFloat {
            if let hook = parseFloat { return try rt.call(hook, [Value(text)]) }
            return .float(pyFloatFromString(text) ?? .nan)
        }
        if let hook = parseInt { return try rt.call(hook, [Value(text)]) }
        if let n = Int(text) { return .int(n) }
        let digits = text.hasPrefix("-") ? text.count - 1 : text.count
        if digits > 4300 {
            throw valueError("Exceeds the limit (4300 digits) for integer string conversion: value has \(digits) digits; "
                             + "use sys.set_int_max_str_digits() to increase the limit")
        }
        guard let big = BigInt(text) else { throw NoValue(pos: start) }
        return Value.integer(big)
    }

    /// Scans a string body starting after its opening quote; returns the text and the
    /// index after the closing quote.
    private func scanString(_ begin: Int) throws -> (String, Int) {
        var out = String.UnicodeScalarView()
        var end = begin
        let quote = begin - 1
        while true {
            var next = end
            var c: Unicode.Scalar = "\0"
            while next < s.count {
                c = s[next]
                if c == "\"" || c == "\\" { break }
                if c.value <= 0x1f && strict { throw error("Invalid control character at", next) }
                next += 1
            }
            guard next < s.count else { throw error("Unterminated string starting at", quote) }
            out.append(contentsOf: s[end..<next])
            next += 1
            if c == "\"" {
                end = next
                break
            }
            guard next < s.count else { throw error("Unterminated string starting at", quote) }
            let esc = s[next]
            if esc != "u" {
                end = next + 1
                switch esc {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                default: throw error("Invalid \\escape", end - 2)
                }
                continue
            }
            next += 1
            end = next + 4
            if end >= s.count { throw error("Invalid \\uXXXX escape", next - 1) }
            guard var code = hex4(next) else { throw error("Invalid \\uXXXX escape", end - 5) }
            next = end
            if (0xD800...0xDBFF).contains(code) && end + 6 < s.count && s[next] == "\\" && s[next + 1] == "u" {
                guard let low = hex4(next + 2) else { throw error("Invalid \\uXXXX escape", end + 1) }
                if (0xDC00...0xDFFF).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    end += 6
                }
            }
            // Swift strings cannot hold a lone surrogate: it becomes U+FFFD.
            out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        }
        return (String(out), end)
    }

    private func hex4(_ at: Int) -> UInt32? {
        guard at + 4 <= s.count else { return nil }
        var v: UInt32 = 0
        for i in at..<at + 4 {
            guard let d = hexValue(s[i]) else { return nil }
            v = v << 4 | d
        }
        return v
    }

    private func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x41...0x46: return c.value - 0x41 + 10
        case 0x61...0x66: return c.value - 0x61 + 10
        default: return nil
        }
    }
}
