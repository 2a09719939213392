// Decoding of string and bytes literal bodies: backslash escapes as CPython 3.11 does them
// (unknown escapes are kept literally), raw literals, and the ASCII rule for bytes.

/// A decoding failure; the lexer attaches the position.
struct StringDecodeError: Error {
    var message: String
}

enum StringDecoder {
    /// Decodes a (non-f) literal body into `.string` or `.bytes`.
    static func decode(_ body: [Unicode.Scalar], raw: Bool, bytes: Bool) throws(StringDecodeError) -> Constant {
        if bytes {
            var out: [UInt8] = []
            out.reserveCapacity(body.count)
            if body.contains(where: { !$0.isASCII }) {
                throw StringDecodeError(message: "bytes can only contain ASCII literal characters")
            }
            if raw {
                for c in body { out.append(UInt8(c.value)) }
                return .bytes(out)
            }
            try decodeEscapes(body, bytes: true) { out.append(UInt8(truncatingIfNeeded: $0)) }
            return .bytes(out)
        }
        var s = String.UnicodeScalarView()
        if raw {
            s.append(contentsOf: body)
            return .string(String(s))
        }
        try decodeEscapes(body, bytes: false) { value in
            if let scalar = Unicode.Scalar(value) { s.append(scalar) }
        }
        return .string(String(s))
    }

    /// Decodes the escapes of a non-raw str body (used for f-string literal parts too).
    static func decodeString(_ body: ArraySlice<Unicode.Scalar>) throws(StringDecodeError) -> String {
        var s = String.UnicodeScalarView()
        try decodeEscapes(Array(body), bytes: false) { value in
            if let scalar = Unicode.Scalar(value) { s.append(scalar) }
        }
        return String(s)
    }

    /// Calls `emit` with each decoded code point (or byte value, for bytes).
    private static func decodeEscapes(_ body: [Unicode.Scalar], bytes: Bool,
                                      emit: (UInt32) -> Void) throws(StringDecodeError) {
        let codec = bytes ? "could not convert string to bytes" : "(unicode error) 'unicodeescape' codec can't decode bytes"
        var i = 0
        let n = body.count
        while i < n {
            let c = body[i]
            guard c == "\\", i + 1 < n else {
                emit(c.value)
                i += 1
                continue
            }
            let e = body[i + 1]
            i += 2
            switch e {
            case "\n": break
            case "\r":
                if i < n, body[i] == "\n" { i += 1 }
            case "\\": emit(0x5C)
            case "'": emit(0x27)
            case "\"": emit(0x22)
            case "a": emit(0x07)
            case "b": emit(0x08)
            case "f": emit(0x0C)
            case "n": emit(0x0A)
            case "r": emit(0x0D)
            case "t": emit(0x09)
            case "v": emit(0x0B)
            case "0"..."7":
                var value = e.value - 48
                var count = 1
                while count < 3, i < n, body[i] >= "0", body[i] <= "7" {
                    value = value * 8 + (body[i].value - 48)
                    i += 1
                    count += 1
                }
                emit(value)
            case "x":
                guard let value = hexValue(body, at: i, count: 2) else {
                    if bytes {
                        throw StringDecodeError(message: "(value error) invalid \\x escape at position \(i - 2)")
                    }
                    throw StringDecodeError(message: "\(codec) in position \(i - 2)-\(min(n, i + 1) - 1): truncated \\xXX escape")
                }
                i += 2
                emit(value)
            case "u" where !bytes, "U" where !bytes:
                let count = e == "u" ? 4 : 8
                guard let value = hexValue(body, at: i, count: count) else {
                    let shape = e == "u" ? "\\uXXXX" : "\\UXXXXXXXX"
                    throw StringDecodeError(message: "\(codec) in position \(i - 2)-\(min(n, i + count - 1) - 1): truncated \(shape) escape")
                }
                i += count
                if value > 0x10FFFF {
                    throw StringDecodeError(message: "\(codec) in position \(i - count - 2)-\(i - 1): illegal Unicode character")
                }
                if (0xD800...0xDFFF).contains(value) {
                    throw StringDecodeError(message: "surrogate code points in string literals are not supported")
                }
                emit(value)
            case "N" where !bytes:
                let nameStart = i + 1
                guard i < n, body[i] == "{", let close = body[nameStart...].firstIndex(of: "}"), close > nameStart else {
                    throw StringDecodeError(message: "\(codec) in position \(i - 2)-\(min(n, i + 1) - 1): malformed \\N character escape")
                }
                var name = ""
                name.unicodeScalars.append(contentsOf: body[nameStart..<close])
                guard let value = UnicodeNames.lookup(name) else {
                    throw StringDecodeError(message: "\(codec) in position \(i - 2)-\(close): unknown Unicode character name")
                }
                i = close + 1
                emit(value)
            default:
                // Unknown escape: CPython keeps the backslash (with a DeprecationWarning).
                emit(0x5C)
                emit(e.value)
            }
        }
    }

    private static func hexValue(_ body: [Unicode.Scalar], at start: Int, count: Int) -> UInt32? {
        guard start + count <= body.count else { return nil }
        var value: UInt32 = 0
        for k in start..<(start + count) {
            guard let d = NumberLiteral.digitValue(body[k]) else { return nil }
            value = value * 16 + UInt32(d)
        }
        return value
    }
}
