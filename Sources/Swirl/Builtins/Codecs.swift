// Text codecs for `str.encode` and `bytes.decode` (and `str(b, encoding)`): UTF-8, ASCII
// and Latin-1 under the error handlers strict, ignore, replace, backslashreplace and
// xmlcharrefreplace, with CPython's UnicodeEncodeError/UnicodeDecodeError messages and
// `LookupError: unknown encoding: x` for any other codec.

enum TextCodec: String {
    case utf8 = "utf-8", ascii, latin1 = "latin-1"

    /// CPython's codec name normalisation for the names it accepts for these three.
    init(named raw: String) throws {
        let name = raw.lowercased().replacingOccurrences(of: "_", with: "-")
        switch name {
        case "utf-8", "utf8", "u8", "utf", "cp65001": self = .utf8
        case "ascii", "us-ascii", "646": self = .ascii
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "l1", "latin": self = .latin1
        default: throw ScriptError(Types.lookupError, "unknown encoding: \(raw)")
        }
    }

    /// The largest code point the codec can write.
    var limit: UInt32 {
        switch self {
        case .utf8: return 0x10FFFF
        case .ascii: return 0x7F
        case .latin1: return 0xFF
        }
    }
}

extension Runtime {
    /// The (encoding, errors) arguments of encode/decode, positional or keyword.
    func codecArguments(_ a: Arguments, skip: Int, function: String) throws -> (TextCodec, String) {
        var encoding = "utf-8", errors = "strict"
        let rest = Array(a.positional.dropFirst(skip))
        if rest.count > 2 { throw typeError("\(function)() takes at most 2 arguments (\(rest.count) given)") }
        func text(_ v: Value, _ what: String) throws -> String {
            guard case .object(let o) = v, let s = o as? PyStr else {
                throw typeError("\(function)() argument '\(what)' must be str, not \(typeName(v))")
            }
            return s.value
        }
        if rest.count > 0 { encoding = try text(rest[0], "encoding") }
        if rest.count > 1 { errors = try text(rest[1], "errors") }
        for (k, v) in a.keywords {
            switch k {
            case "encoding": encoding = try text(v, "encoding")
            case "errors": errors = try text(v, "errors")
            default: throw typeError("\(function)() got an unexpected keyword argument '\(k)'")
            }
        }
        return (try TextCodec(named: encoding), errors)
    }

    func encode(_ s: String, _ codec: TextCodec, errors: String) throws -> [UInt8] {
        if codec == .utf8 { return Array(s.utf8) }
        let scalars = Array(s.unicodeScalars)
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            if u.value <= codec.limit {
                out.append(UInt8(u.value))
                i += 1
                continue
            }
            var end = i
            while end < scalars.count && scalars[end].value > codec.limit { end += 1 }
            switch errors {
            case "ignore": break
            case "replace": out += [UInt8](repeating: UInt8(ascii: "?"), count: end - i)
            case "backslashreplace": for x in scalars[i..<end] { out += Array(escapedCodePoint(x.value).utf8) }
            case "xmlcharrefreplace": for x in scalars[i..<end] { out += Array("&#\(x.value);".utf8) }
            case "strict":
                let what = end - i == 1
                    ? "character '\(escapedCodePoint(u.value))' in position \(i)"
                    : "characters in position \(i)-\(end - 1)"
                throw ScriptError(Types.unicodeEncodeError,
                                  "'\(codec.rawValue)' codec can't encode \(what): ordinal not in range(\(codec.limit + 1))")
            default: throw ScriptError(Types.lookupError, "unknown error handler name '\(errors)'")
            }
            i = end
        }
        return out
    }

    func decode(_ data: [UInt8], _ codec: TextCodec, errors: String) throws -> String {
        switch codec {
        case .latin1:
            var v = String.UnicodeScalarView()
            for byte in data { v.append(Unicode.Scalar(byte)) }
            return String(v)
        case .ascii:
            guard let bad = data.firstIndex(where: { $0 >= 0x80 }) else { return String(decoding: data, as: UTF8.self) }
            var v = String.UnicodeScalarView()
            for (i, byte) in data.enumerated() {
                if byte < 0x80 { v.append(Unicode.Scalar(byte)); continue }
                switch errors {
                case "ignore": continue
                case "replace": v.append("\u{FFFD}")
                case "backslashreplace": v.append(contentsOf: "\\x\(String(byte, radix: 16).leftPadded(to: 2))".unicodeScalars)
                case "strict":
                    throw ScriptError(Types.unicodeDecodeError,
                                      "'ascii' codec can't decode byte 0x\(String(data[bad], radix: 16)) in position \(i): ordinal not in range(128)")
                default: throw ScriptError(Types.lookupError, "unknown error handler name '\(errors)'")
                }
            }
            return String(v)
        case .utf8:
            if let s = String(validating: data, as: UTF8.self) { return s }
            switch errors {
            case "replace": return String(decoding: data, as: UTF8.self)
            case "ignore": return String(String(decoding: data, as: UTF8.self).unicodeScalars.filter { $0 != "\u{FFFD}" }.map(Character.init))
            case "strict":
                let bad = firstInvalidUTF8Offset(data)
                throw ScriptError(Types.unicodeDecodeError,
                                  "'utf-8' codec can't decode byte 0x\(String(data[bad], radix: 16)) in position \(bad): \(utf8Problem(data, at: bad))")
            default: throw ScriptError(Types.lookupError, "unknown error handler name '\(errors)'")
            }
        }
    }

    /// `\xe9`, `\u20ac`, `\U0001f600`: how CPython's messages show a code point.
    private func escapedCodePoint(_ v: UInt32) -> String {
        if v < 0x100 { return "\\x" + String(v, radix: 16).leftPadded(to: 2) }
        if v < 0x10000 { return "\\u" + String(v, radix: 16).leftPadded(to: 4) }
        return "\\U" + String(v, radix: 16).leftPadded(to: 8)
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence.
    func firstInvalidUTF8Offset(_ data: [UInt8]) -> Int {
        var i = 0
        while i < data.count {
            let n = utf8SequenceLength(data[i])
            if n == 0 || i + n > data.count { return i }
            if data[(i + 1)..<(i + n)].contains(where: { $0 >> 6 != 0x2 }) { return i }
            i += n
        }
        return max(0, data.count - 1)
    }

    private func utf8SequenceLength(_ b: UInt8) -> Int {
        b < 0x80 ? 1 : (b >> 5 == 0x6 ? 2 : (b >> 4 == 0xE ? 3 : (b >> 3 == 0x1E ? 4 : 0)))
    }

    /// CPython's reason for a bad UTF-8 sequence at `i`.
    private func utf8Problem(_ data: [UInt8], at i: Int) -> String {
        let n = utf8SequenceLength(data[i])
        if n == 0 { return "invalid start byte" }
        for k in 1..<n {
            if i + k >= data.count { return "unexpected end of data" }
            if data[i + k] >> 6 != 0x2 { return "invalid continuation byte" }
        }
        return "invalid start byte"
    }
}
