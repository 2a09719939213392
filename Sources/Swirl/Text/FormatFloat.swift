// FormatFloat.swift
// `format(x, spec)` for Python floats: a port of CPython 3.11's
// `format_float_internal` (Python/formatter_unicode.c). Also used by int
// formatting for the float presentation types (e E f F g G %).

/// `format(x, spec)` / `f"{x:spec}"` for a Python float, byte-for-byte like CPython 3.11.
public func pyFormatFloat(_ x: Double, _ spec: String) throws(PyFormatError) -> String {
    if spec.isEmpty {
        return pyFloatRepr(x)
    }
    let parsed = try PyFormatSpec.parse(spec, typeName: "float")
    _ = try parsed.validateGrouping(type: parsed.type)
    switch parsed.type {
    case nil, "e", "E", "f", "F", "g", "G", "n", "%":
        return try formatFloatInternal(x, parsed)
    default:
        throw unknownFormatCode(parsed.type, typeName: "float")
    }
}

/// `format_float_internal`. The spec's type must be nil or one of e E f F g G n %.
func formatFloatInternal(_ value: Double, _ spec: PyFormatSpec) throws(PyFormatError) -> String {
    if let p = spec.precision, p > Int(Int32.max) || p > pyFormatMaxWidth {
        throw PyFormatError("precision too big")
    }
    try checkWidth(spec.width)

    var flags = DoubleFormatFlags()
    flags.alternate = spec.alternate
    flags.noNegativeZero = spec.noNegativeZero

    var defaultPrecision = 6
    var code: DoubleFormatCode
    var val = value
    var addPercent = false
    switch spec.type {
    case nil:
        flags.addDot0 = true
        code = .r
        defaultPrecision = 0
    case "e": code = .e
    case "E": code = .E
    case "f": code = .f
    case "F": code = .F
    case "g", "n": code = .g
    case "G": code = .G
    case "%":
        code = .f
        val *= 100
        addPercent = true
    default:
        throw unknownFormatCode(spec.type, typeName: "float")
    }

    let precision: Int
    if let p = spec.precision {
        precision = p
        if code == .r { code = .g }
    } else {
        precision = defaultPrecision
    }

    var text = pyDoubleToString(val, code: code, precision: precision, flags: flags)
    if addPercent { text.append("%") }

    if spec.sign != .plus && spec.sign != .space && spec.width == nil
        && spec.type != "n" && spec.grouping == .none {
        return text
    }

    var bytes = Array(text.utf8)[...]
    var negative = false
    if bytes.first == UInt8(ascii: "-") {
        negative = true
        bytes = bytes.dropFirst()
    }
    var digitEnd = bytes.startIndex
    while digitEnd < bytes.endIndex && bytes[digitEnd] >= UInt8(ascii: "0") && bytes[digitEnd] <= UInt8(ascii: "9") {
        digitEnd += 1
    }
    let hasDecimal = digitEnd < bytes.endIndex && bytes[digitEnd] == UInt8(ascii: ".")
    let remainderStart = hasDecimal ? digitEnd + 1 : digitEnd
    var remainder = String.UnicodeScalarView()
    for b in bytes[remainderStart...] { remainder.append(Unicode.Scalar(b)) }

    // 'n' uses the current locale; Python programs run in the C locale, which has no grouping.
    let groupSize: Int? = spec.type == "n" ? nil : 3
    let options = NumberLayoutOptions(spec: spec, defaultAlign: .right, groupSize: groupSize)
    return layoutNumber(negative: negative, prefix: [], digits: bytes[bytes.startIndex..<digitEnd],
                        hasDecimal: hasDecimal, remainder: remainder, options: options)
}
