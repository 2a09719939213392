// FloatRepr.swift
// CPython's `PyOS_double_to_string` / `format_float_short` (Python/pystrtod.c)
// ported to Swift, plus `pyFloatRepr`, the exact text of `repr(float)` and
// `str(float)`.

/// Conversion codes accepted by `pyDoubleToString`, as in `PyOS_double_to_string`.
enum DoubleFormatCode: Sendable {
    case e, E, f, F, g, G
    /// 'r': repr style (shortest digits); precision must be 0.
    case r
}

/// Options of `PyOS_double_to_string` (the `Py_DTSF_*` flags).
struct DoubleFormatFlags: Sendable {
    var alwaysAddSign = false   // Py_DTSF_SIGN
    var addDot0 = false         // Py_DTSF_ADD_DOT_0
    var alternate = false       // Py_DTSF_ALT
    var noNegativeZero = false  // Py_DTSF_NO_NEG_0
}

/// Port of `PyOS_double_to_string(val, format_code, precision, flags, NULL)`.
/// `precision` must be non-negative (callers clamp it).
func pyDoubleToString(_ value: Double, code: DoubleFormatCode, precision: Int, flags: DoubleFormatFlags) -> String {
    var upper = false
    var precision = max(0, precision)
    let mode: DigitMode
    let kind: UInt8  // 'e', 'f', 'g', 'r'
    switch code {
    case .E, .e:
        upper = code == .E
        kind = UInt8(ascii: "e")
        precision += 1
        mode = .significant(precision)
    case .F, .f:
        upper = code == .F
        kind = UInt8(ascii: "f")
        mode = .fractional(precision)
    case .G, .g:
        upper = code == .G
        kind = UInt8(ascii: "g")
        if precision == 0 { precision = 1 }
        mode = .significant(precision)
    case .r:
        kind = UInt8(ascii: "r")
        precision = 0
        mode = .shortest
    }

    var out: [UInt8] = []
    var negative = value.sign == .minus

    if value.isNaN || value.isInfinite {
        if value.isNaN { negative = false }
        if negative {
            out.append(UInt8(ascii: "-"))
        } else if flags.alwaysAddSign {
            out.append(UInt8(ascii: "+"))
        }
        let word = value.isNaN ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf")
        out.append(contentsOf: word.utf8)
        return String(decoding: out, as: UTF8.self)
    }

    let dd = decimalDigits(value, mode: mode)
    let digits = dd.digits
    var decpt = dd.decpt
    let digitsLen = digits.count

    if flags.noNegativeZero && negative && digitsLen == 1 && digits[0] == UInt8(ascii: "0") {
        negative = false
    }

    var vdigitsEnd = digitsLen
    var useExp = false
    var exp = 0
    switch kind {
    case UInt8(ascii: "e"):
        useExp = true
        vdigitsEnd = precision
    case UInt8(ascii: "f"):
        vdigitsEnd = decpt + precision
    case UInt8(ascii: "g"):
        if decpt <= -4 || decpt > (flags.addDot0 ? precision - 1 : precision) {
            useExp = true
        }
        if flags.alternate { vdigitsEnd = precision }
    default:  // 'r'
        if decpt <= -4 || decpt > 16 { useExp = true }
    }

    if useExp {
        exp = decpt - 1
        decpt = 1
    }
    let vdigitsStart = decpt <= 0 ? decpt - 1 : 0
    if !useExp && flags.addDot0 {
        vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1
    } else {
        vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt
    }

    let zero = UInt8(ascii: "0")
    let dot = UInt8(ascii: ".")
    out.reserveCapacity(8 + (vdigitsEnd - vdigitsStart))

    if negative {
        out.append(UInt8(ascii: "-"))
    } else if flags.alwaysAddSign {
        out.append(UInt8(ascii: "+"))
    }

    // Zero padding on the left of the digit string.
    if decpt <= 0 {
        out.append(contentsOf: repeatElement(zero, count: decpt - vdigitsStart))
        out.append(dot)
        out.append(contentsOf: repeatElement(zero, count: -decpt))
    } else {
        out.append(contentsOf: repeatElement(zero, count: -vdigitsStart))
    }

    // The digits, with the decimal point if it falls inside them.
    if decpt > 0 && decpt <= digitsLen {
        out.append(contentsOf: digits[0..<decpt])
        out.append(dot)
        out.append(contentsOf: digits[decpt..<digitsLen])
    } else {
        out.append(contentsOf: digits)
    }

    // Zeros on the right.
    if digitsLen < decpt {
        out.append(contentsOf: repeatElement(zero, count: decpt - digitsLen))
        out.append(dot)
        out.append(contentsOf: repeatElement(zero, count: max(0, vdigitsEnd - decpt)))
    } else {
        out.append(contentsOf: repeatElement(zero, count: max(0, vdigitsEnd - digitsLen)))
    }

    // Delete a trailing decimal point unless using the alternate form.
    if out.last == dot && !flags.alternate {
        out.removeLast()
    }

    if useExp {
        out.append(upper ? UInt8(ascii: "E") : UInt8(ascii: "e"))
        out.append(exp < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let magnitude = exp.magnitude
        if magnitude < 10 { out.append(zero) }
        out.append(contentsOf: String(magnitude).utf8)
    }
    return String(decoding: out, as: UTF8.self)
}

/// `repr(x)` (and `str(x)`) for a Python float, exactly as CPython 3.11 prints it:
/// shortest round-trip digits, exponent notation when the decimal exponent is
/// below -4 or at least 16, and a trailing ".0" for integral values.
public func pyFloatRepr(_ x: Double) -> String {
    var flags = DoubleFormatFlags()
    flags.addDot0 = true
    return pyDoubleToString(x, code: .r, precision: 0, flags: flags)
}
