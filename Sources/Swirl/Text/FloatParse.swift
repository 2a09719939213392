// FloatParse.swift
// `float(s)` for Python strings: accepts exactly what CPython 3.11's
// `float_from_string_inner` / `PyOS_string_to_double` accept (surrounding
// whitespace, Unicode decimal digits, underscores between digits, inf /
// infinity / nan in any case) and converts with a correctly rounded strtod.

/// The value of `float(s)`, or nil where CPython raises ValueError
/// ("could not convert string to float: ...").
public func pyFloatFromString(_ s: String) -> Double? {
    // _PyUnicode_TransformDecimalAndSpaceToASCII
    var ascii: [UInt8] = []
    ascii.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
        if c.value < 0x80 {
            // ASCII is kept as is (only ASCII whitespace is stripped below).
            ascii.append(UInt8(c.value))
        } else if isPythonWhitespace(c) {
            ascii.append(UInt8(ascii: " "))
        } else if let d = decimalValue(c) {
            ascii.append(UInt8(ascii: "0") + UInt8(d))
        } else {
            return nil
        }
    }

    // Strip leading and trailing whitespace.
    func isSpace(_ b: UInt8) -> Bool { return b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    var start = 0
    var end = ascii.count
    while start < end && isSpace(ascii[start]) { start += 1 }
    while end > start && isSpace(ascii[end - 1]) { end -= 1 }
    var text = Array(ascii[start..<end])
    if text.isEmpty { return nil }

    func isDigit(_ b: UInt8) -> Bool { return b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    // _Py_string_to_number_with_underscores
    if text.contains(UInt8(ascii: "_")) {
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(text.count)
        var prev: UInt8 = 0
        for b in text {
            if b == UInt8(ascii: "_") {
                if !isDigit(prev) { return nil }
            } else {
                if prev == UInt8(ascii: "_") && !isDigit(b) { return nil }
                cleaned.append(b)
            }
            prev = b
        }
        if prev == UInt8(ascii: "_") { return nil }
        text = cleaned
    }

    // Grammar check: [sign] (inf|infinity|nan | digits[.digits*] | .digits) [e[sign]digits]
    var i = 0
    var negative = false
    if i < text.count && (text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-")) {
        negative = text[i] == UInt8(ascii: "-")
        i += 1
    }
    let word = String(decoding: text[i...], as: UTF8.self).lowercased()
    if word == "inf" || word == "infinity" {
        return negative ? -Double.infinity : Double.infinity
    }
    if word == "nan" {
        return negative ? -Double.nan : Double.nan
    }
    var mantissaDigits = 0
    while i < text.count && isDigit(text[i]) { i += 1; mantissaDigits += 1 }
    if i < text.count && text[i] == UInt8(ascii: ".") {
        i += 1
        while i < text.count && isDigit(text[i]) { i += 1; mantissaDigits += 1 }
    }
    if mantissaDigits == 0 { return nil }
    if i < text.count && (text[i] == UInt8(ascii: "e") || text[i] == UInt8(ascii: "E")) {
        i += 1
        if i < text.count && (text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-")) { i += 1 }
        var expDigits = 0
        while i < text.count && isDigit(text[i]) { i += 1; expDigits += 1 }
        if expDigits == 0 { return nil }
    }
    if i != text.count { return nil }
    return cStrtod(String(decoding: text, as: UTF8.self))
}
