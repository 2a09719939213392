// FormatInt.swift
// `format(n, spec)` for Python ints (arbitrary precision via BigInt, with a
// fast `Int` overload): a port of CPython 3.11's `format_long_internal` and
// `_PyLong_FormatAdvancedWriter`, including conversion to float for the
// float presentation types.

import BigInt

/// An int operand: machine-sized or arbitrary precision.
enum PyIntOperand {
    case small(Int)
    case big(BigInt)

    var isNegative: Bool {
        switch self {
        case .small(let v): return v < 0
        case .big(let v): return v.sign == .minus && !v.magnitude.isZero
        }
    }

    func magnitudeString(radix: Int, uppercase: Bool) -> String {
        switch self {
        case .small(let v): return String(v.magnitude, radix: radix, uppercase: uppercase)
        case .big(let v): return String(v.magnitude, radix: radix, uppercase: uppercase)
        }
    }

    /// `PyLong_AsDouble`: correctly rounded, OverflowError when out of range.
    func toDouble() throws(PyFormatError) -> Double {
        switch self {
        case .small(let v): return Double(v)
        case .big(let v): return try bigIntToDouble(v)
        }
    }

    /// `PyLong_AsLong` as used by the 'c' type.
    func asInt64() throws(PyFormatError) -> Int64 {
        switch self {
        case .small(let v): return Int64(v)
        case .big(let v):
            guard let r = Int64(exactly: v) else {
                throw PyFormatError("Python int too large to convert to C long", kind: .overflowError)
            }
            return r
        }
    }
}

/// Converts a BigInt to the nearest Double (ties to even), like `PyLong_AsDouble`.
func bigIntToDouble(_ value: BigInt) throws(PyFormatError) -> Double {
    let magnitude = value.magnitude
    let bits = magnitude.bitWidth
    let negative = value.sign == .minus
    var result: Double
    if bits <= 53 {
        result = Double(UInt64(magnitude))
    } else {
        // Keep 54 bits (53 + a rounding bit); anything below is the sticky part.
        let shift = bits - 54
        let top = magnitude >> shift
        let sticky = magnitude.trailingZeroBitCount < shift
        var q = UInt64(top)
        let roundBit = q & 1
        q >>= 1
        if roundBit == 1 && (sticky || (q & 1) == 1) {
            q += 1
        }
        // q <= 2^53 here; Double(q) is exact.
        result = Double(sign: .plus, exponent: shift + 1, significand: Double(q))
        if result.isInfinite || bits > 1024 {
            throw PyFormatError("int too large to convert to float", kind: .overflowError)
        }
    }
    if negative { result = -result }
    return result
}

/// `format(x, spec)` for a Python int, byte-for-byte like CPython 3.11.
public func pyFormatInt(_ x: BigInt, _ spec: String) throws(PyFormatError) -> String {
    if let small = Int(exactly: x) {
        return try formatIntOperand(.small(small), spec)
    }
    return try formatIntOperand(.big(x), spec)
}

/// Fast overload of `pyFormatInt` for machine-sized ints. `typeName` is the type errors
/// name ("bool" for a bool, which formats as its int).
public func pyFormatInt(_ x: Int, _ spec: String, typeName: String = "int") throws(PyFormatError) -> String {
    return try formatIntOperand(.small(x), spec, typeName: typeName)
}

func formatIntOperand(_ x: PyIntOperand, _ specString: String, typeName: String = "int") throws(PyFormatError) -> String {
    if specString.isEmpty {
        return (x.isNegative ? "-" : "") + x.magnitudeString(radix: 10, uppercase: false)
    }
    let spec = try PyFormatSpec.parse(specString, typeName: typeName)
    let type = spec.type ?? "d"
    let groupByFour = try spec.validateGrouping(type: type)
    switch type {
    case "b", "c", "d", "o", "x", "X", "n":
        return try formatLongInternal(x, spec, type: type, groupByFour: groupByFour)
    case "e", "E", "f", "F", "g", "G", "%":
        let d = try x.toDouble()
        return try formatFloatInternal(d, spec)
    default:
        throw unknownFormatCode(type, typeName: typeName)
    }
}

private func formatLongInternal(_ x: PyIntOperand, _ spec: PyFormatSpec, type: Unicode.Scalar,
                                groupByFour: Bool) throws(PyFormatError) -> String {
    if spec.precision != nil {
        throw PyFormatError("Precision not allowed in integer format specifier")
    }
    if spec.noNegativeZero {
        throw PyFormatError("Negative zero coercion (z) not allowed in integer format specifier")
    }

    if type == "c" {
        if spec.sign != .unspecified {
            throw PyFormatError("Sign not allowed with integer format specifier 'c'")
        }
        if spec.alternate {
            throw PyFormatError("Alternate form (#) not allowed with integer format specifier 'c'")
        }
        let code = try x.asInt64()
        if code < 0 || code > 0x10FFFF {
            throw PyFormatError("%c arg not in range(0x110000)", kind: .overflowError)
        }
        guard let scalar = Unicode.Scalar(UInt32(code)) else {
            // Lone surrogates are valid Python str contents but cannot be held in a Swift String.
            throw PyFormatError("%c arg is a surrogate code point, which is not supported")
        }
        try checkWidth(spec.width)
        var remainder = String.UnicodeScalarView()
        remainder.append(scalar)
        let options = NumberLayoutOptions(spec: spec, defaultAlign: .right, groupSize: nil)
        return layoutNumber(negative: false, prefix: [], digits: [][...], hasDecimal: false,
                            remainder: remainder, options: options)
    }

    let radix: Int
    var prefix: [UInt8] = []
    switch type {
    case "b": radix = 2; prefix = Array("0b".utf8)
    case "o": radix = 8; prefix = Array("0o".utf8)
    case "x": radix = 16; prefix = Array("0x".utf8)
    case "X": radix = 16; prefix = Array("0X".utf8)
    default: radix = 10
    }
    if !spec.alternate { prefix = [] }
    let digits = x.magnitudeString(radix: radix, uppercase: type == "X")

    if spec.sign != .plus && spec.sign != .space && spec.width == nil
        && type != "X" && type != "n" && spec.grouping == .none {
        return (x.isNegative ? "-" : "") + String(decoding: prefix, as: UTF8.self) + digits
    }
    try checkWidth(spec.width)

    let groupSize: Int?
    if type == "n" {
        groupSize = nil  // the C locale has no grouping
    } else {
        groupSize = groupByFour ? 4 : 3
    }
    let options = NumberLayoutOptions(spec: spec, defaultAlign: .right, groupSize: groupSize)
    return layoutNumber(negative: x.isNegative, prefix: prefix, digits: Array(digits.utf8)[...],
                        hasDecimal: false, remainder: String.UnicodeScalarView(), options: options)
}
