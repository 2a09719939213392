// Round.swift
// `round(x, ndigits)` for Python floats: a port of CPython 3.11's
// `float___round___impl` / `double_round` (Objects/floatobject.c), which
// rounds half-to-even on the exact binary value via correctly rounded
// decimal conversion, then converts back with a correctly rounded strtod.

import BigInt

/// CPython's NDIGITS_MAX / NDIGITS_MIN for doubles.
private let roundDigitsMax = 323
private let roundDigitsMin = -308

/// `round(x, ndigits)` exactly as CPython 3.11 computes it. When the rounded
/// value is too large for a double (only possible for negative `ndigits`,
/// e.g. `round(1.7e308, -308)`), CPython raises OverflowError; this
/// non-throwing variant returns ±infinity instead. See `pyRoundChecked`.
public func pyRound(_ x: Double, ndigits: Int) -> Double {
    if !x.isFinite { return x }
    if ndigits > roundDigitsMax { return x }
    if ndigits < roundDigitsMin { return 0.0 * x }
    if ndigits >= 0 {
        let text = cFormatDouble(x, precision: ndigits, conversion: "f")
        return cStrtod(String(decoding: text, as: UTF8.self))
    }
    return roundToNegativeDigits(x, power: -ndigits)
}

/// `round(x, ndigits)`, throwing OverflowError("rounded value too large to
/// represent") exactly where CPython does.
public func pyRoundChecked(_ x: Double, ndigits: Int) throws(PyFormatError) -> Double {
    let r = pyRound(x, ndigits: ndigits)
    if x.isFinite && r.isInfinite {
        throw PyFormatError("rounded value too large to represent", kind: .overflowError)
    }
    return r
}

/// Rounds finite `x` to a multiple of 10^power (power >= 1), half to even.
private func roundToNegativeDigits(_ x: Double, power: Int) -> Double {
    let magnitude = x.magnitude
    if magnitude == 0 { return x }
    // magnitude == m * 2^e exactly.
    let m: BigInt
    let e: Int
    if magnitude.isNormal {
        m = BigInt((UInt64(1) << 52) | magnitude.significandBitPattern)
        e = Int(magnitude.exponent) - 52
    } else {
        m = BigInt(magnitude.significandBitPattern)
        e = -1074
    }
    let tenPower = BigInt(10).power(power)
    var numerator = m
    var denominator = tenPower
    if e >= 0 {
        numerator = m << e
    } else {
        denominator = tenPower << (-e)
    }
    var (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
    let twice = r * 2
    if twice > denominator || (twice == denominator && q.magnitude[bitAt: 0]) {
        q += 1
    }
    let sign = x.sign == .minus ? "-" : ""
    return cStrtod("\(sign)\(q)e\(power)")
}
