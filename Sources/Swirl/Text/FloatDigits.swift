// FloatDigits.swift
// Correctly rounded decimal digit generation for Doubles: the equivalent of
// CPython's `_Py_dg_dtoa` in modes 0 (shortest round-trip), 2 (N significant
// digits) and 3 (N digits after the decimal point). Also wraps the C library's
// correctly rounded `vsnprintf` and `strtod` (glibc / Darwin libc).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A finite, non-negative decimal value `0.d1d2d3... * 10^decpt`, as produced by
/// `_Py_dg_dtoa`: `digits` are ASCII '0'...'9' with no leading or trailing
/// zeros, except that zero is represented as "0" with `decpt == 1`.
struct DecimalDigits: Sendable {
    var digits: [UInt8]
    var decpt: Int
}

/// How `decimalDigits` rounds, mirroring `_Py_dg_dtoa`'s modes.
enum DigitMode: Sendable {
    /// Mode 0: shortest string that round-trips.
    case shortest
    /// Mode 2: `max(n, 1)` significant digits, round-half-even on the exact value.
    case significant(Int)
    /// Mode 3: `n >= 0` digits after the decimal point, round-half-even on the exact value.
    case fractional(Int)
}

private let asciiZero: UInt8 = 48
private let asciiNine: UInt8 = 57

/// Every finite double has at most 767 significant decimal digits and at most
/// 1074 digits after the decimal point, so asking libc for more than these
/// caps never changes the (trailing-zero-stripped) result.
private let maxSignificantDigits = 800
private let maxFractionalDigits = 1100

/// Formats one Double with a `%.*X` C conversion. `conversion` is "e" or "f".
/// Returns the ASCII bytes (no terminating NUL).
func cFormatDouble(_ x: Double, precision: Int, conversion: String) -> [UInt8] {
    let prec = Int32(clamping: max(0, precision))
    let format = "%.*" + conversion
    var capacity = 64
    for _ in 0..<3 {
        var buffer = [CChar](repeating: 0, count: capacity)
        let written: Int32 = buffer.withUnsafeMutableBufferPointer { buf in
            withVaList([prec, x]) { va in
                vsnprintf(buf.baseAddress, buf.count, format, va)
            }
        }
        if written < 0 { return [] }
        let needed = Int(written)
        if needed < capacity {
            return buffer[0..<needed].map { UInt8(bitPattern: $0) }
        }
        capacity = needed + 1
    }
    return []
}

/// Parses a decimal string with C's correctly rounded `strtod`. The caller must
/// have validated the syntax already (digits, '.', exponent, optional sign).
func cStrtod(_ ascii: String) -> Double {
    return ascii.withCString { ptr in strtod(ptr, nil) }
}

/// Strips leading/trailing zeros from raw integer-part + fraction-part digits.
private func normalize(_ raw: [UInt8], decpt: Int) -> DecimalDigits {
    var start = 0
    var point = decpt
    while start < raw.count && raw[start] == asciiZero {
        start += 1
        point -= 1
    }
    var end = raw.count
    while end > start && raw[end - 1] == asciiZero {
        end -= 1
    }
    if start == end {
        return DecimalDigits(digits: [asciiZero], decpt: 1)
    }
    return DecimalDigits(digits: Array(raw[start..<end]), decpt: point)
}

/// Parses C/Swift style output "ddd.ddd[e±XX]" (no sign) into DecimalDigits.
private func parsePlainOrExponent(_ bytes: [UInt8]) -> DecimalDigits {
    var raw: [UInt8] = []
    raw.reserveCapacity(bytes.count)
    var intLen = -1
    var exponent = 0
    var index = 0
    while index < bytes.count {
        let c = bytes[index]
        if c >= asciiZero && c <= asciiNine {
            raw.append(c)
        } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            var negative = false
            var j = index + 1
            if j < bytes.count && (bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+")) {
                negative = bytes[j] == UInt8(ascii: "-")
                j += 1
            }
            var value = 0
            while j < bytes.count && bytes[j] >= asciiZero && bytes[j] <= asciiNine {
                if value < 100_000 { value = value * 10 + Int(bytes[j] - asciiZero) }
                j += 1
            }
            exponent = negative ? -value : value
            break
        } else if intLen < 0 {
            // The radix character: '.' in the C locale (tolerate others).
            intLen = raw.count
        }
        index += 1
    }
    if intLen < 0 { intLen = raw.count }
    return normalize(raw, decpt: intLen + exponent)
}

/// The digits `_Py_dg_dtoa(|x|, mode, n)` would return for a finite `x`.
func decimalDigits(_ x: Double, mode: DigitMode) -> DecimalDigits {
    let magnitude = x.magnitude
    if magnitude == 0 {
        return DecimalDigits(digits: [asciiZero], decpt: 1)
    }
    switch mode {
    case .shortest:
        // Swift's description is the shortest round-tripping digit string,
        // choosing the closest candidate, exactly like dtoa mode 0.
        return parsePlainOrExponent(Array(magnitude.description.utf8))
    case .significant(let n):
        let count = min(max(n, 1), maxSignificantDigits)
        return parsePlainOrExponent(cFormatDouble(magnitude, precision: count - 1, conversion: "e"))
    case .fractional(let n):
        let count = min(max(n, 0), maxFractionalDigits)
        return parsePlainOrExponent(cFormatDouble(magnitude, precision: count, conversion: "f"))
    }
}
