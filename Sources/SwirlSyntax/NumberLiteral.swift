// Conversion of integer literal digits to a Constant: machine ints when they fit,
// otherwise the decimal digits of the big integer (radix conversion done here).

enum NumberLiteral {
    static func digitValue(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "0"..."9": Int(c.value - 48)
        case "a"..."f": Int(c.value - 87)
        case "A"..."F": Int(c.value - 55)
        default: nil
        }
    }

    /// The value of `digits` (no underscores) in `radix`: `.int` when it fits, else `.bigInt`.
    static func integer(digits: [Unicode.Scalar], radix: Int) -> Constant {
        var value = 0
        var overflow = false
        for d in digits {
            let (m, o1) = value.multipliedReportingOverflow(by: radix)
            let (a, o2) = m.addingReportingOverflow(digitValue(d) ?? 0)
            if o1 || o2 { overflow = true; break }
            value = a
        }
        if !overflow { return .int(value) }
        return .bigInt(decimalString(digits: digits, radix: radix))
    }

    /// Converts arbitrary-length digits to decimal using base-1e9 limbs (little-endian).
    private static func decimalString(digits: [Unicode.Scalar], radix: Int) -> String {
        let base: UInt64 = 1_000_000_000
        var limbs: [UInt64] = [0]
        for d in digits {
            var carry = UInt64(digitValue(d) ?? 0)
            for i in limbs.indices {
                let v = limbs[i] * UInt64(radix) + carry
                limbs[i] = v % base
                carry = v / base
            }
            while carry > 0 {
                limbs.append(carry % base)
                carry /= base
            }
        }
        while limbs.count > 1, limbs[limbs.count - 1] == 0 { limbs.removeLast() }
        var out = String(limbs[limbs.count - 1])
        for limb in limbs.dropLast().reversed() {
            let s = String(limb)
            out += String(repeating: "0", count: 9 - s.count) + s
        }
        return out
    }
}
