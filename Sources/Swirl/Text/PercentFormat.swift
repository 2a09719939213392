// PercentFormat.swift
// The numeric conversions of printf-style `str % args` formatting:
// %e %E %f %F %g %G for floats and %d %i %u %o %x %X for ints, with flags
// "-+ 0#", width and precision. A port of CPython 3.11's `formatfloat`,
// `_PyUnicode_FormatLong` and `unicode_format_arg_output`
// (Objects/unicodeobject.c). Parsing the format string and fetching the
// arguments (including '*' widths) is left to the interpreter.

import BigInt

/// The conversion flags of one `%` directive.
private struct PercentFlags {
    var leftJustify = false  // '-'
    var sign = false         // '+'
    var blank = false        // ' '
    var alternate = false    // '#'
    var zero = false         // '0'

    init(_ text: String) {
        for c in text.unicodeScalars {
            switch c {
            case "-": leftJustify = true
            case "+": sign = true
            case " ": blank = true
            case "#": alternate = true
            case "0": zero = true
            default: break
            }
        }
    }
}

private func unsupportedCharacter(_ type: Character) -> PyFormatError {
    let value = type.unicodeScalars.first.map { $0.value } ?? 0
    let shown = type.unicodeScalars.count == 1 ? String(type) : "?"
    return PyFormatError("unsupported format character '\(shown)' (0x\(String(value, radix: 16)))")
}

/// Normalises width/precision: a negative width (from '*') means left-justify;
/// a negative precision counts as 0. nil/-1 means "not given".
private func normalize(width: Int?, precision: Int?, flags: inout PercentFlags) throws(PyFormatError) -> (Int, Int) {
    var w = -1
    if let given = width {
        if given < 0 {
            flags.leftJustify = true
            w = given == Int.min ? Int.max : -given
        } else {
            w = given
        }
    }
    if w > pyFormatMaxWidth {
        throw PyFormatError("width too big")
    }
    var p = -1
    if let given = precision {
        p = max(0, given)
    }
    if p > pyFormatMaxWidth {
        throw PyFormatError("precision too big")
    }
    return (w, p)
}

/// `"%<flags><width>.<precision><type>" % x` for a float; `type` is one of e E f F g G.
/// `width`/`precision` nil mean not given; a negative width left-justifies, as with '*'.
public func pyPercentFormatFloat(_ x: Double, flags: String, width: Int?, precision: Int?,
                                 type: Character) throws(PyFormatError) -> String {
    var f = PercentFlags(flags)
    let code: DoubleFormatCode
    switch type {
    case "e": code = .e
    case "E": code = .E
    case "f": code = .f
    case "F": code = .F
    case "g": code = .g
    case "G": code = .G
    default: throw unsupportedCharacter(type)
    }
    let (w, p) = try normalize(width: width, precision: precision, flags: &f)
    var dtoaFlags = DoubleFormatFlags()
    dtoaFlags.alternate = f.alternate
    let text = pyDoubleToString(x, code: code, precision: p < 0 ? 6 : p, flags: dtoaFlags)
    return percentOutput(Array(text.utf8), type: UInt8(ascii: "f"), flags: f, width: w, precision: p)
}

/// `"%<flags><width>.<precision><type>" % n` for an int; `type` is one of d i u o x X.
public func pyPercentFormatInt(_ x: BigInt, flags: String, width: Int?, precision: Int?,
                               type: Character) throws(PyFormatError) -> String {
    if let small = Int(exactly: x) {
        return try percentFormatIntOperand(.small(small), flags: flags, width: width, precision: precision, type: type)
    }
    return try percentFormatIntOperand(.big(x), flags: flags, width: width, precision: precision, type: type)
}

/// Fast overload of `pyPercentFormatInt` for machine-sized ints.
public func pyPercentFormatInt(_ x: Int, flags: String, width: Int?, precision: Int?,
                               type: Character) throws(PyFormatError) -> String {
    return try percentFormatIntOperand(.small(x), flags: flags, width: width, precision: precision, type: type)
}

private func percentFormatIntOperand(_ x: PyIntOperand, flags: String, width: Int?, precision: Int?,
                                     type: Character) throws(PyFormatError) -> String {
    var f = PercentFlags(flags)
    let radix: Int
    let marker: UInt8
    switch type {
    case "d", "i", "u": radix = 10; marker = 0
    case "o": radix = 8; marker = UInt8(ascii: "o")
    case "x": radix = 16; marker = UInt8(ascii: "x")
    case "X": radix = 16; marker = UInt8(ascii: "X")
    default: throw unsupportedCharacter(type)
    }
    let (w, p) = try normalize(width: width, precision: precision, flags: &f)

    // _PyUnicode_FormatLong
    var out: [UInt8] = []
    if x.isNegative { out.append(UInt8(ascii: "-")) }
    if f.alternate && marker != 0 {
        out.append(UInt8(ascii: "0"))
        out.append(marker)
    }
    let digits = Array(x.magnitudeString(radix: radix, uppercase: type == "X").utf8)
    if p > digits.count {
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: p - digits.count))
    }
    out.append(contentsOf: digits)
    let typeByte: UInt8 = marker == 0 ? UInt8(ascii: "d") : marker
    return percentOutput(out, type: typeByte, flags: f, width: w, precision: p)
}

/// `unicode_format_arg_output` for a numeric conversion (arg->sign is set).
private func percentOutput(_ str: [UInt8], type: UInt8, flags: PercentFlags, width: Int, precision: Int) -> String {
    var width = width
    let fill: UInt8 = flags.zero ? UInt8(ascii: "0") : UInt8(ascii: " ")
    var len = str.count
    if (width == -1 || width <= len) && (precision == -1 || precision >= len) && !(flags.sign || flags.blank) {
        return String(decoding: str, as: UTF8.self)
    }

    var pindex = 0
    var signChar: UInt8 = 0
    var hasSign = true
    if let first = str.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
        signChar = first
        len -= 1
        pindex += 1
    } else if flags.sign {
        signChar = UInt8(ascii: "+")
    } else if flags.blank {
        signChar = UInt8(ascii: " ")
    } else {
        hasSign = false
    }
    if width < len { width = len }

    var out: [UInt8] = []
    out.reserveCapacity(width + 1)
    let hasPrefix = flags.alternate && (type == UInt8(ascii: "x") || type == UInt8(ascii: "X") || type == UInt8(ascii: "o"))

    if hasSign {
        if fill != UInt8(ascii: " ") { out.append(signChar) }
        if width > len { width -= 1 }
    }
    if hasPrefix {
        if fill != UInt8(ascii: " ") {
            out.append(UInt8(ascii: "0"))
            out.append(type)
            pindex += 2
        }
        width = max(0, width - 2)
        len -= 2
    }
    if width > len && !flags.leftJustify {
        out.append(contentsOf: repeatElement(fill, count: width - len))
        width = len
    }
    if fill == UInt8(ascii: " ") {
        if hasSign { out.append(signChar) }
        if hasPrefix {
            out.append(UInt8(ascii: "0"))
            out.append(type)
            pindex += 2
        }
    }
    if len > 0 && pindex < str.count {
        out.append(contentsOf: str[pindex..<min(str.count, pindex + len)])
    }
    if width > len {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width - len))
    }
    return String(decoding: out, as: UTF8.self)
}
