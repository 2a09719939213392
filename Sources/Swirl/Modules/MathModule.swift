// The `math` module: constants, float functions with CPython's domain/range error rules,
// integer functions on arbitrary-size ints (isqrt, gcd, lcm, factorial, comb, perm), and
// the exact algorithms CPython uses for fsum and hypot/dist.
import BigInt
import Foundation
import SwirlSyntax

extension Runtime {
    func makeMathModule() throws -> PyModule {
        let m = PyModule(name: "math")
        let g = m.globals
        g["pi"] = .float(Double.pi)
        g["e"] = .float(M_E)
        g["tau"] = .float(2 * Double.pi)
        g["inf"] = .float(.infinity)
        g["nan"] = .float(.nan)

        func def(_ name: String, _ body: @escaping (Runtime, Arguments) throws -> Value) {
            g[name] = .object(PyNativeFunction(name, .general(body)))
        }
        /// A one-argument function (CPython's METH_O arity messages).
        func def1(_ name: String, _ body: @escaping (Runtime, Value) throws -> Value) {
            def(name) { rt, a in
                try MathArgs.noKeywords(name, a)
                guard a.positional.count == 1 else {
                    throw typeError("math.\(name)() takes exactly one argument (\(a.positional.count) given)")
                }
                return try body(rt, a.positional[0])
            }
        }
        /// A two-argument function (argument-clinic arity messages).
        func def2(_ name: String, _ body: @escaping (Runtime, Value, Value) throws -> Value) {
            def(name) { rt, a in
                try MathArgs.noKeywords(name, a)
                guard a.positional.count == 2 else {
                    throw typeError("\(name) expected 2 arguments, got \(a.positional.count)")
                }
                return try body(rt, a.positional[0], a.positional[1])
            }
        }
        /// A float function checked like CPython's `math_1`.
        func float1(_ name: String, canOverflow: Bool = false, _ f: @escaping (Double) -> Double) {
            def1(name) { rt, v in
                let x = try rt.mathDouble(v)
                return .float(try MathArgs.checked(x, f(x), canOverflow))
            }
        }

        float1("sqrt") { $0.squareRoot() }
        float1("exp", canOverflow: true) { Foundation.exp($0) }
        float1("exp2", canOverflow: true) { Foundation.exp2($0) }
        float1("expm1", canOverflow: true) { Foundation.expm1($0) }
        float1("cbrt") { Foundation.cbrt($0) }
        float1("fabs") { Swift.abs($0) }
        float1("sin") { Foundation.sin($0) }
        float1("cos") { Foundation.cos($0) }
        float1("tan") { Foundation.tan($0) }
        float1("asin") { Foundation.asin($0) }
        float1("acos") { Foundation.acos($0) }
        float1("atan") { Foundation.atan($0) }
        float1("sinh", canOverflow: true) { Foundation.sinh($0) }
        float1("cosh", canOverflow: true) { Foundation.cosh($0) }
        float1("tanh") { Foundation.tanh($0) }
        float1("asinh") { Foundation.asinh($0) }
        float1("acosh") { Foundation.acosh($0) }
        float1("atanh") { Foundation.atanh($0) }
        float1("log1p") { Foundation.log1p($0) }
        float1("erf") { Foundation.erf($0) }
        float1("erfc") { Foundation.erfc($0) }
        def1("gamma") { rt, v in .float(try MathGamma.tgamma(try rt.mathDouble(v))) }
        def1("lgamma") { rt, v in .float(try MathGamma.lgamma(try rt.mathDouble(v))) }
        def1("degrees") { rt, v in .float(try rt.mathDouble(v) * (180.0 / Double.pi)) }
        def1("radians") { rt, v in .float(try rt.mathDouble(v) * (Double.pi / 180.0)) }
        def1("isinf") { rt, v in .bool(try rt.mathDouble(v).isInfinite) }
        def1("isnan") { rt, v in .bool(try rt.mathDouble(v).isNaN) }
        def1("isfinite") { rt, v in .bool(try rt.mathDouble(v).isFinite) }

        // Logarithms (ints of any size are handled without converting to float first).
        def("log") { rt, a in
            try MathArgs.noKeywords("log", a)
            guard a.positional.count == 1 || a.positional.count == 2 else {
                throw typeError("math.log requires 1 to 2 arguments")
            }
            let num = try rt.mathLog(a.positional[0]) { Foundation.log($0) }
            if a.positional.count == 1 { return .float(num) }
            let den = try rt.mathLog(a.positional[1]) { Foundation.log($0) }
            if den == 0 { throw zeroDivision("float division by zero") }
            return .float(num / den)
        }
        def1("log2") { rt, v in .float(try rt.mathLog(v) { Foundation.log2($0) }) }
        def1("log10") { rt, v in .float(try rt.mathLog(v) { Foundation.log10($0) }) }

        // Two-argument float functions.
        def2("pow") { rt, a, b in .float(try MathArgs.pow(try rt.mathDouble(a), try rt.mathDouble(b))) }
        def2("atan2") { rt, a, b in .float(Foundation.atan2(try rt.mathDouble(a), try rt.mathDouble(b))) }
        def2("copysign") { rt, a, b in
            .float(Double(signOf: try rt.mathDouble(b), magnitudeOf: try rt.mathDouble(a)))
        }
        def2("fmod") { rt, a, b in
            let x = try rt.mathDouble(a), y = try rt.mathDouble(b)
            if y.isInfinite && x.isFinite { return .float(x) }
            let r = x.truncatingRemainder(dividingBy: y)
            if r.isNaN && !x.isNaN && !y.isNaN { throw MathArgs.domain }
            return .float(r)
        }
        def2("remainder") { rt, a, b in
            let x = try rt.mathDouble(a), y = try rt.mathDouble(b)
            if x.isNaN { return .float(x) }
            if y.isNaN { return .float(y) }
            if x.isInfinite || y == 0 { throw MathArgs.domain }
            if y.isInfinite { return .float(x) }
            return .float(x.remainder(dividingBy: y))
        }
        def2("nextafter") { rt, a, b in
            let x = try rt.mathDouble(a), y = try rt.mathDouble(b)
            if x.isNaN || y.isNaN { return .float(.nan) }
            if x == y { return .float(y) }
            return .float(y > x ? x.nextUp : x.nextDown)
        }
        def1("ulp") { rt, v in
            let x = Swift.abs(try rt.mathDouble(v))
            if x.isNaN || x.isInfinite { return .float(x) }
            if x == Double.greatestFiniteMagnitude { return .float(x - x.nextDown) }
            return .float(x.nextUp - x)
        }
        def2("ldexp") { rt, a, b in
            let x = try rt.mathDouble(a)
            switch b {
            case .int, .bool: break
            case .object(let o) where o is PyBigInt || rt.special(b, "__index__") != nil: break
            default: throw typeError("Expected an int as second argument to ldexp.")
            }
            return .float(try MathArgs.ldexp(x, try rt.mathInt(b)))
        }
        def1("frexp") { rt, v in
            let x = try rt.mathDouble(v)
            if x == 0 || !x.isFinite { return .object(PyTuple([.float(x), .int(0)])) }
            let mant = Double(sign: x.sign, exponent: -1, significand: x.significand)
            return .object(PyTuple([.float(mant), .int(Int(x.exponent) + 1)]))
        }
        def1("modf") { rt, v in
            let x = try rt.mathDouble(v)
            if x.isNaN { return .object(PyTuple([.float(x), .float(x)])) }
            if x.isInfinite { return .object(PyTuple([.float(Double(signOf: x, magnitudeOf: 0)), .float(x)])) }
            let ip = x.rounded(.towardZero)
            return .object(PyTuple([.float(Double(signOf: x, magnitudeOf: x - ip)), .float(ip)]))
        }

        // Rounding to ints.
        def1("floor") { rt, v in try rt.mathRound(v, "__floor__", .down) }
        def1("ceil") { rt, v in try rt.mathRound(v, "__ceil__", .up) }
        def1("trunc") { rt, v in
            if let n = rt.num(v) {
                switch n {
                case .float(let d): return try MathArgs.integral(d.rounded(.towardZero))
                case .int(let i): return .int(i)
                case .big: return v
                }
            }
            if let m = rt.special(v, "__trunc__") { return try rt.callMethod(m, self: v, []) }
            throw typeError("type \(rt.typeName(v)) doesn't define __trunc__ method")
        }

        // Float aggregates.
        def1("fsum") { rt, v in .float(try MathArgs.fsum(try rt.iterateToArray(v).map { try rt.mathDouble($0) })) }
        def("hypot") { rt, a in
            try MathArgs.noKeywords("hypot", a)
            return .float(MathArgs.vectorNorm(try a.positional.map { Swift.abs(try rt.mathDouble($0)) }))
        }
        def2("dist") { rt, p, q in
            let ps = try rt.mathPoint(p), qs = try rt.mathPoint(q)
            if ps.count != qs.count { throw valueError("both points must have the same number of dimensions") }
            var diffs: [Double] = []
            for i in 0..<ps.count { diffs.append(Swift.abs(try rt.mathDouble(ps[i]) - rt.mathDouble(qs[i]))) }
            return .float(MathArgs.vectorNorm(diffs))
        }
        def("prod") { rt, a in
            guard a.positional.count == 1 else {
                throw typeError("prod() takes exactly 1 positional argument (\(a.positional.count) given)")
            }
            var total: Value = .int(1)
            for (k, v) in a.keywords {
                guard k == "start" else { throw typeError("prod() got an unexpected keyword argument '\(k)'") }
                total = v
            }
            let it = try rt.iterate(a.positional[0])
            while let x = try it.next(rt) {
                if case .int(let t) = total, case .int(let y) = x {
                    let (r, o) = t.multipliedReportingOverflow(by: y)
                    if !o { total = .int(r); continue }
                }
                total = try rt.binary(.mul, total, x)
            }
            return total
        }
        def("isclose") { rt, a in
            var vals: [Value?] = [nil, nil, nil, nil]
            let names = ["a", "b", "rel_tol", "abs_tol"]
            if a.positional.count > 2 {
                throw typeError("isclose() takes exactly 2 positional arguments (\(a.positional.count) given)")
            }
            for (i, v) in a.positional.enumerated() { vals[i] = v }
            for (k, v) in a.keywords {
                guard let i = names.firstIndex(of: k) else {
                    throw typeError("isclose() got an unexpected keyword argument '\(k)'")
                }
                if vals[i] != nil { throw typeError("argument for isclose() given by name ('\(k)') and position (\(i + 1))") }
                vals[i] = v
            }
            guard let av = vals[0] else { throw typeError("isclose() missing required argument 'a' (pos 1)") }
            guard let bv = vals[1] else { throw typeError("isclose() missing required argument 'b' (pos 2)") }
            let x = try rt.mathDouble(av), y = try rt.mathDouble(bv)
            let rel = try vals[2].map { try rt.mathDouble($0) } ?? 1e-9
            let abst = try vals[3].map { try rt.mathDouble($0) } ?? 0.0
            if rel < 0 || abst < 0 { throw valueError("tolerances must be non-negative") }
            if x == y { return .true }
            if x.isInfinite || y.isInfinite { return .false }
            let diff = Swift.abs(y - x)
            return .bool(diff <= Swift.abs(rel * y) || diff <= Swift.abs(rel * x) || diff <= abst)
        }

        // Integer functions.
        def1("isqrt") { rt, v in
            let n = try rt.mathInt(v)
            if n.sign == .minus { throw valueError("isqrt() argument must be nonnegative") }
            return Value.integer(BigInt(MathArgs.isqrt(n.magnitude)))
        }
        def("gcd") { rt, a in
            try MathArgs.noKeywords("gcd", a)
            var r = BigInt(0)
            for v in a.positional { r = r.greatestCommonDivisor(with: try rt.mathInt(v)) }
            return Value.integer(BigInt(r.magnitude))
        }
        def("lcm") { rt, a in
            try MathArgs.noKeywords("lcm", a)
            var r = BigInt(1)
            for v in a.positional {
                let x = try rt.mathInt(v)
                if r == 0 || x == 0 { r = 0; continue }
                r = BigInt((r * x).magnitude / r.greatestCommonDivisor(with: x).magnitude)
            }
            return Value.integer(r)
        }
        def1("factorial") { rt, v in
            let n = try rt.mathInt(v)
            if n.sign == .minus { throw valueError("factorial() not defined for negative values") }
            guard let k = Int(exactly: n) else {
                throw overflowError("factorial() argument should not exceed \(Int.max)")
            }
            return Value.integer(MathArgs.rangeProduct(1, k))
        }
        def("comb") { rt, a in
            try MathArgs.noKeywords("comb", a)
            guard a.positional.count == 2 else { throw typeError("comb expected 2 arguments, got \(a.positional.count)") }
            let n = try rt.mathInt(a.positional[0]), k = try rt.mathInt(a.positional[1])
            if n.sign == .minus { throw valueError("n must be a non-negative integer") }
            if k.sign == .minus { throw valueError("k must be a non-negative integer") }
            if k > n { return .int(0) }
            guard let kk = Int(exactly: Swift.min(k, n - k)) else {
                throw overflowError("min(n - k, k) must not exceed \(Int.max)")
            }
            var r = BigInt(1)
            for i in 0..<kk {
                r = r * (n - BigInt(i)) / BigInt(i + 1)
                if i & 1023 == 1023 { try rt.checkInterrupt() }
            }
            return Value.integer(r)
        }
        def("perm") { rt, a in
            try MathArgs.noKeywords("perm", a)
            guard a.positional.count == 1 || a.positional.count == 2 else {
                throw typeError("perm expected at most 2 arguments, got \(a.positional.count)")
            }
            let n = try rt.mathInt(a.positional[0])
            if n.sign == .minus { throw valueError("n must be a non-negative integer") }
            let k: BigInt
            if a.positional.count == 2 && !a.positional[1].isNone { k = try rt.mathInt(a.positional[1]) } else { k = n }
            if k.sign == .minus { throw valueError("k must be a non-negative integer") }
            if k > n { return .int(0) }
            guard let kk = Int(exactly: k) else { throw overflowError("k must not exceed \(Int.max)") }
            var r = BigInt(1)
            for i in 0..<kk {
                r *= n - BigInt(i)
                if i & 1023 == 1023 { try rt.checkInterrupt() }
            }
            return Value.integer(r)
        }
        return m
    }

    // MARK: argument conversion

    /// A real number argument as a Double (`PyFloat_AsDouble`).
    func mathDouble(_ v: Value) throws -> Double {
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if let b = o as? PyBigInt { return try MathArgs.bigToDouble(b.value) }
            if let m = special(v, "__float__") {
                let r = try callMethod(m, self: v, [])
                guard case .float(let d) = r else {
                    throw typeError("\(typeName(v)).__float__ returned non-float (type \(typeName(r)))")
                }
                return d
            }
            if let m = special(v, "__index__") {
                return try MathArgs.bigToDouble(try mathInt(try callMethod(m, self: v, [])))
            }
        case .none: break
        }
        throw typeError("must be real number, not \(typeName(v))")
    }

    /// An integer argument (`operator.index`) as a BigInt.
    func mathInt(_ v: Value) throws -> BigInt {
        switch v {
        case .int(let i): return BigInt(i)
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if let b = o as? PyBigInt { return b.value }
            if let m = special(v, "__index__") {
                let r = try callMethod(m, self: v, [])
                switch r {
                case .int, .bool: return try mathInt(r)
                case .object(let ro) where ro is PyBigInt: return try mathInt(r)
                default: throw typeError("__index__ returned non-int (type \(typeName(r)))")
                }
            }
        default: break
        }
        throw typeError("'\(typeName(v))' object cannot be interpreted as an integer")
    }

    /// `floor`/`ceil`: ints pass through, floats round to an int of any size.
    func mathRound(_ v: Value, _ dunder: String, _ rule: FloatingPointRoundingRule) throws -> Value {
        switch v {
        case .int, .bool: return .int(try indexValue(v))
        case .float(let d): return try MathArgs.integral(d.rounded(rule))
        case .object(let o):
            if o is PyBigInt { return v }
            if let m = special(v, dunder) { return try callMethod(m, self: v, []) }
        default: break
        }
        return try MathArgs.integral(try mathDouble(v).rounded(rule))
    }

    /// A logarithm with CPython's `loghelper` rules: ints too large for a float are
    /// split as m·2^e first.
    func mathLog(_ v: Value, _ f: (Double) -> Double) throws -> Double {
        var big: BigInt?
        switch v {
        case .int(let i): big = BigInt(i)
        case .bool(let b): big = b ? 1 : 0
        case .object(let o): if let b = o as? PyBigInt { big = b.value }
        default: break
        }
        if let b = big {
            if b.sign == .minus || b == 0 { throw MathArgs.domain }
            if b.magnitude.bitWidth <= 1000 { return try MathArgs.log(try MathArgs.bigToDouble(b), f) }
            let (x, e) = MathArgs.frexp(b.magnitude)
            return f(x) + f(2.0) * Double(e)
        }
        return try MathArgs.log(try mathDouble(v), f)
    }

    /// The coordinates of a point for `dist`.
    func mathPoint(_ v: Value) throws -> [Value] {
        try iterateToArray(v)
    }
}

/// Numeric helpers of the math module that need no runtime.
fileprivate enum MathArgs {
    static var domain: ScriptError { valueError("math domain error") }
    static var range: ScriptError { overflowError("math range error") }

    static func noKeywords(_ name: String, _ a: Arguments) throws {
        if !a.keywords.isEmpty { throw typeError("math.\(name)() takes no keyword arguments") }
    }

    /// CPython's `math_1` result check: NaN from a non-NaN is a domain error, infinity from
    /// a finite input a range error (or a domain error for functions that cannot overflow).
    static func checked(_ x: Double, _ r: Double, _ canOverflow: Bool) throws -> Double {
        if r.isNaN && !x.isNaN { throw domain }
        if r.isInfinite && x.isFinite { throw canOverflow ? range : domain }
        return r
    }

    static func log(_ x: Double, _ f: (Double) -> Double) throws -> Double {
        if x.isNaN { return x }
        if x <= 0 { throw domain }
        return f(x)
    }

    static func bigToDouble(_ b: BigInt) throws -> Double {
        do {
            return try bigIntToDouble(b)
        } catch {
            throw overflowError("int too large to convert to float")
        }
    }

    /// `_PyLong_Frexp`: m in [0.5, 1) and e with value ≈ m·2^e.
    static func frexp(_ m: BigUInt) -> (Double, Int) {
        let bits = m.bitWidth
        let shift = Swift.max(0, bits - 63)
        let top = Double(UInt64(m >> shift))
        return (Double(sign: .plus, exponent: -1, significand: top.significand), Int(top.exponent) + 1 + shift)
    }

    /// A float that is already integral, as an int of any size.
    static func integral(_ d: Double) throws -> Value {
        if d.isNaN { throw valueError("cannot convert float NaN to integer") }
        if d.isInfinite { throw overflowError("cannot convert float infinity to integer") }
        if let i = Int(exactly: d) { return .int(i) }
        return Value.integer(BigInt(d))
    }

    static func pow(_ x: Double, _ y: Double) throws -> Double {
        if !x.isFinite || !y.isFinite {
            if x.isNaN { return y == 0 ? 1 : x }
            if y.isNaN { return x == 1 ? 1 : y }
            if x.isInfinite {
                let oddY = y.isFinite && Swift.abs(y).truncatingRemainder(dividingBy: 2) == 1
                if y > 0 { return oddY ? x : Swift.abs(x) }
                if y == 0 { return 1 }
                return oddY ? Double(signOf: x, magnitudeOf: 0) : 0
            }
            if Swift.abs(x) == 1 { return 1 }
            if y > 0 && Swift.abs(x) > 1 { return y }
            if y < 0 && Swift.abs(x) < 1 { return -y }
            return 0
        }
        let r = Foundation.pow(x, y)
        if r.isNaN { throw domain }
        if r.isInfinite { throw x == 0 ? domain : range }
        return r
    }

    static func ldexp(_ x: Double, _ n: BigInt) throws -> Double {
        if x == 0 || !x.isFinite { return x }
        if n > 100_000 { throw range }
        if n < -100_000 { return Double(signOf: x, magnitudeOf: 0) }
        let r = Foundation.scalbn(x, Int(n))
        if r.isInfinite { throw range }
        return r
    }

    /// `math.isqrt` of a non-negative integer.
    static func isqrt(_ n: BigUInt) -> BigUInt {
        if n.bitWidth <= 52, let small = UInt64(exactly: n) {
            var r = UInt64(Double(small).squareRoot())
            while r * r > small { r -= 1 }
            while (r + 1) * (r + 1) <= small { r += 1 }
            return BigUInt(r)
        }
        // Newton's iteration from an overestimate converges down to the floor.
        var x = BigUInt(1) << ((n.bitWidth + 1) / 2)
        while true {
            let y = (x + n / x) >> 1
            if y >= x { return x }
            x = y
        }
    }

    /// The product lo·(lo+1)·…·hi by binary splitting (1 when the range is empty).
    static func rangeProduct(_ lo: Int, _ hi: Int) -> BigInt {
        if lo > hi { return 1 }
        if hi - lo < 16 {
            var r = BigInt(1)
            var acc = 1
            for i in lo...hi {
                let (p, o) = acc.multipliedReportingOverflow(by: i)
                if o {
                    r *= BigInt(acc)
                    acc = i
                } else {
                    acc = p
                }
            }
            return r * BigInt(acc)
        }
        let mid = lo + (hi - lo) / 2
        return rangeProduct(lo, mid) * rangeProduct(mid + 1, hi)
    }

    /// CPython's `math.fsum`: Shewchuk's exact partial sums with half-even correction.
    static func fsum(_ xs: [Double]) throws -> Double {
        var p: [Double] = []
        var specialSum = 0.0, infSum = 0.0
        for item in xs {
            var x = item
            let xsave = x
            var i = 0
            for j in 0..<p.count {
                var y = p[j]
                if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                let hi = x + y
                let yr = hi - x
                let lo = y - yr
                if lo != 0 {
                    p[i] = lo
                    i += 1
                }
                x = hi
            }
            p.removeSubrange(i...)
            if x != 0 {
                if !x.isFinite {
                    if xsave.isFinite { throw overflowError("intermediate overflow in fsum") }
                    if xsave.isInfinite { infSum += xsave }
                    specialSum += xsave
                    p.removeAll()
                } else {
                    p.append(x)
                }
            }
        }
        if specialSum != 0 {
            if infSum.isNaN { throw valueError("-inf + inf in fsum") }
            return specialSum
        }
        var hi = 0.0
        var n = p.count
        if n > 0 {
            n -= 1
            hi = p[n]
            var lo = 0.0
            while n > 0 {
                let x = hi
                n -= 1
                let y = p[n]
                hi = x + y
                let yr = hi - x
                lo = y - yr
                if lo != 0 { break }
            }
            if n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0)) {
                let y = lo * 2
                let x = hi + y
                let yr = x - hi
                if y == yr { hi = x }
            }
        }
        return hi
    }

    /// CPython's `vector_norm` (hypot, dist) over absolute values.
    static func vectorNorm(_ vec: [Double]) -> Double {
        var maxv = 0.0
        var foundNaN = false
        for x in vec {
            if x.isNaN { foundNaN = true } else if x > maxv { maxv = x }
        }
        return norm(vec, maxv, foundNaN)
    }

    private static func norm(_ input: [Double], _ maxv: Double, _ foundNaN: Bool) -> Double {
        if maxv.isInfinite { return maxv }
        if foundNaN { return .nan }
        if maxv == 0 || input.count <= 1 { return maxv }
        let maxE = Int(maxv.exponent) + 1
        if maxE < -1023 {
            let m = Double.leastNormalMagnitude
            return m * norm(input.map { $0 / m }, maxv / m, false)
        }
        let scale = Foundation.scalbn(1.0, -maxE)
        var csum = 1.0, frac1 = 0.0, frac2 = 0.0
        for v in input {
            let x = v * scale
            let prHi = x * x
            let lo1 = fmaLo(x, x, prHi)
            let smHi = csum + prHi
            let smLo = (csum - smHi) + prHi
            csum = smHi
            frac1 += lo1
            frac2 += smLo
        }
        var h = (csum - 1.0 + (frac1 + frac2)).squareRoot()
        let prHi = -h * h
        let prLo = fmaLo(-h, h, prHi)
        let smHi = csum + prHi
        let smLo = (csum - smHi) + prHi
        csum = smHi
        frac1 += prLo
        frac2 += smLo
        let x = csum - 1.0 + (frac1 + frac2)
        h += x / (2.0 * h)
        return h / scale
    }

    /// The rounding error of `a*b` given its rounded value `hi` (exact via fused multiply-add).
    private static func fmaLo(_ a: Double, _ b: Double, _ hi: Double) -> Double {
        (-hi).addingProduct(a, b)
    }
}

/// CPython's own Gamma and log-Gamma (Lanczos approximation), so results match its digits.
private enum MathGamma {
    static let g = 6.024680040776729583740234375
    static let gMinusHalf = 5.524680040776729583740234375
    static let num: [Double] = [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ]
    static let den: [Double] = [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
                                13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0]

    static func lanczosSum(_ x: Double) -> Double {
        var n = 0.0, d = 0.0
        if x < 5.0 {
            for i in stride(from: 12, through: 0, by: -1) {
                n = n * x + num[i]
                d = d * x + den[i]
            }
        } else {
            for i in 0..<13 {
                n = n / x + num[i]
                d = d / x + den[i]
            }
        }
        return n / d
    }

    static func sinpi(_ x: Double) -> Double {
        let y = Swift.abs(x).truncatingRemainder(dividingBy: 2.0)
        let n = Int((2.0 * y).rounded())
        let r: Double
        switch n {
        case 0: r = Foundation.sin(Double.pi * y)
        case 1: r = Foundation.cos(Double.pi * (y - 0.5))
        case 2: r = Foundation.sin(Double.pi * (1.0 - y))
        case 3: r = -Foundation.cos(Double.pi * (y - 1.5))
        default: r = Foundation.sin(Double.pi * (y - 2.0))
        }
        return Double(signOf: x, magnitudeOf: 1.0) * r
    }

    static func tgamma(_ x: Double) throws -> Double {
        if !x.isFinite {
            if x.isNaN || x > 0 { return x }
            throw MathArgs.domain
        }
        if x == 0 { throw MathArgs.domain }
        if x == x.rounded(.down) {
            if x < 0 { throw MathArgs.domain }
            if x <= 23 { return try MathArgs.bigToDouble(MathArgs.rangeProduct(1, Int(x) - 1)) }
        }
        let absx = Swift.abs(x)
        if absx < 1e-20 {
            let r = 1.0 / x
            if r.isInfinite { throw MathArgs.range }
            return r
        }
        if absx > 200 {
            if x < 0 { return 0.0 / sinpi(x) }
            throw MathArgs.range
        }
        let y = absx + gMinusHalf
        var z: Double
        if absx > gMinusHalf {
            let q = y - absx
            z = q - gMinusHalf
        } else {
            let q = y - gMinusHalf
            z = q - absx
        }
        z = z * g / y
        var r: Double
        if x < 0 {
            r = -Double.pi / sinpi(absx) / absx * Foundation.exp(y) / lanczosSum(absx)
            r -= z * r
            if absx < 140 {
                r /= Foundation.pow(y, absx - 0.5)
            } else {
                let sp = Foundation.pow(y, absx / 2.0 - 0.25)
                r /= sp
                r /= sp
            }
        } else {
            r = lanczosSum(absx) / Foundation.exp(y)
            r += z * r
            if absx < 140 {
                r *= Foundation.pow(y, absx - 0.5)
            } else {
                let sp = Foundation.pow(y, absx / 2.0 - 0.25)
                r *= sp
                r *= sp
            }
        }
        if r.isInfinite { throw MathArgs.range }
        return r
    }

    static func lgamma(_ x: Double) throws -> Double {
        if !x.isFinite { return x.isNaN ? x : .infinity }
        if x == x.rounded(.down) && x <= 2 {
            if x <= 0 { throw MathArgs.domain }
            return 0
        }
        let absx = Swift.abs(x)
        if absx < 1e-20 { return -Foundation.log(absx) }
        var r = Foundation.log(lanczosSum(absx)) - g
        r += (absx - 0.5) * (Foundation.log(absx + g - 0.5) - 1)
        if x < 0 {
            r = 1.1447298858494002 - Foundation.log(Swift.abs(sinpi(absx))) - Foundation.log(absx) - r
        }
        if r.isInfinite { throw MathArgs.range }
        return r
    }
}
