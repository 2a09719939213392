// The `random` module: a Mersenne Twister generator (CPython's MT19937 with its seeding of
// ints, so int-seeded streams match CPython's) and the functions of random.py built on it
// (randrange, choice, choices, shuffle, sample, uniform, gauss, ...). Each runtime gets its
// own generator, held by the module; `random.Random(seed)` makes further independent ones.
import BigInt
import Foundation

/// One generator's state: the twister words plus the spare value of `gauss`.
final class PyRandom: PyObject {
    var mt = [UInt32](repeating: 0, count: 624)
    var index = 625
    var gaussNext: Double?

    override var type: PyType { Types.randomType }

    func initGenrand(_ s: UInt32) {
        mt[0] = s
        for i in 1..<624 {
            mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
        }
        index = 624
    }

    func initByArray(_ key: [UInt32]) {
        initGenrand(19_650_218)
        var i = 1, j = 0
        let n = 624
        for _ in 0..<max(n, key.count) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1
            j += 1
            if i >= n { mt[0] = mt[n - 1]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<(n - 1) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= n { mt[0] = mt[n - 1]; i = 1 }
        }
        mt[0] = 0x8000_0000
        gaussNext = nil
    }

    /// Seeds from a non-negative integer as CPython does (32-bit words, little end first).
    func seed(_ n: BigUInt) {
        var key: [UInt32] = []
        var rest = n
        while rest > 0 {
            key.append(UInt32(truncatingIfNeeded: rest & BigUInt(UInt32.max)))
            rest >>= 32
        }
        if key.isEmpty { key = [0] }
        initByArray(key)
    }

    func next32() -> UInt32 {
        if index >= 624 {
            if index == 625 { initGenrand(5489) }
            for k in 0..<624 {
                let y = (mt[k] & 0x8000_0000) | (mt[(k + 1) % 624] & 0x7fff_ffff)
                mt[k] = mt[(k + 397) % 624] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908_b0df : 0)
            }
            index = 0
        }
        var y = mt[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// A float in [0, 1) with 53 random bits.
    func random() -> Double {
        let a = Double(next32() >> 5), b = Double(next32() >> 6)
        return (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for k ≥ 0.
    func bits(_ k: Int) -> BigUInt {
        if k <= 32 { return k == 0 ? 0 : BigUInt(next32() >> (32 - UInt32(k))) }
        var words: [UInt32] = []
        var left = k
        while left > 0 {
            var r = next32()
            if left < 32 { r >>= (32 - UInt32(left)) }
            words.append(r)
            left -= 32
        }
        var result = BigUInt(0)
        for w in words.reversed() { result = (result << 32) | BigUInt(w) }
        return result
    }

    /// A uniform integer in [0, n) by rejection sampling (CPython's `_randbelow`).
    func below(_ n: BigUInt) -> BigUInt {
        if n == 0 { return 0 }
        let k = n.bitWidth
        var r = bits(k)
        while r >= n { r = bits(k) }
        return r
    }

    func below(_ n: Int) -> Int {
        guard n > 0 else { return 0 }
        let k = Int.bitWidth - n.leadingZeroBitCount
        if k <= 32 {
            var r = Int(next32() >> (32 - UInt32(k)))
            while r >= n { r = Int(next32() >> (32 - UInt32(k))) }
            return r
        }
        return Int(below(BigUInt(n)))
    }
}

extension Types {
    /// `random.Random`: the generator type, with every module function as a method.
    nonisolated(unsafe) static let randomType: PyType = {
        let t = PyType(name: "Random", base: object, isBuiltin: true, layout: .builtin, module: "random")
        for (name, impl) in RandomImpl.methods { method(t, name, .general(impl)) }
        return t
    }()
}

extension Runtime {
    func makeRandomModule() throws -> PyModule {
        let m = PyModule(name: "random")
        let gen = PyRandom()
        try RandomImpl.seed(self, gen, .none)
        for (name, impl) in RandomImpl.methods {
            m.globals[name] = .object(PyNativeFunction(name, owner: Types.randomType, .general(impl)).bound(to: .object(gen)))
        }
        m.globals["Random"] = .object(PyNativeFunction("Random", .general { rt, a in
            guard a.keywords.isEmpty, a.positional.count <= 1 else {
                throw typeError("Random() takes at most 1 argument (\(a.positional.count) given)")
            }
            let g = PyRandom()
            try RandomImpl.seed(rt, g, a.positional.first ?? Value.none)
            return .object(g)
        }))
        return m
    }
}

/// The module's functions, written as methods whose first argument is the generator.
private enum RandomImpl {
    typealias Impl = (Runtime, Arguments) throws -> Value

    /// Binds `a` (receiver first) to `names`; missing optional parameters are nil.
    static func bind(_ fn: String, _ a: Arguments, _ names: [String], required: Int,
                     keywordOnly: [String] = []) throws -> (PyRandom, [Value?]) {
        guard case .object(let o)? = a.positional.first, let gen = o as? PyRandom else {
            throw typeError("descriptor '\(fn)' requires a 'Random' object")
        }
        let pos = a.positional.dropFirst()
        if pos.count > names.count {
            throw typeError("\(fn)() takes \(names.count + 1) positional arguments but \(pos.count + 1) were given")
        }
        var vals = [Value?](repeating: nil, count: names.count + keywordOnly.count)
        for (i, v) in pos.enumerated() { vals[i] = v }
        let all = names + keywordOnly
        for (k, v) in a.keywords {
            guard let i = all.firstIndex(of: k) else {
                throw typeError("\(fn)() got an unexpected keyword argument '\(k)'")
            }
            if vals[i] != nil { throw typeError("\(fn)() got multiple values for argument '\(k)'") }
            vals[i] = v
        }
        for i in 0..<required where vals[i] == nil {
            throw typeError("\(fn)() missing 1 required positional argument: '\(names[i])'")
        }
        return (gen, vals)
    }

    static func seed(_ rt: Runtime, _ gen: PyRandom, _ v: Value) throws {
        switch v {
        case .none:
            var sys = SystemRandomNumberGenerator()
            gen.initByArray((0..<20).map { _ in UInt32.random(in: .min ... .max, using: &sys) })
        case .int, .bool:
            gen.seed(try rt.mathInt(v).magnitude)
        case .float(let d):
            gen.seed(BigUInt(floatHash(d)))
        case .object(let o):
            var bytes: [UInt8]
            switch o {
            case let b as PyBigInt:
                gen.seed(b.value.magnitude)
                return
            case let s as PyStr: bytes = Array(s.value.utf8)
            case let b as PyBytes: bytes = b.bytes
            default:
                throw typeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
            }
            // CPython's version-2 seeding: the bytes followed by their SHA-512 digest, read
            // as one big-endian integer.
            gen.seed(BigUInt(Data(bytes + SHA512.digest(bytes))))
        }
        gen.gaussNext = nil
    }

    /// CPython's hash of a float, as the unsigned word `random.seed` uses.
    static func floatHash(_ v: Double) -> UInt64 {
        if v.isNaN { return 0 }
        if v.isInfinite { return v > 0 ? 314_159 : UInt64(bitPattern: -314_159) }
        if v == 0 { return 0 }
        let bits: UInt64 = 61, modulus: UInt64 = (1 << 61) - 1
        var m = Swift.abs(v).significand / 2
        var e = Int(Swift.abs(v).exponent) + 1
        var x: UInt64 = 0
        while m != 0 {
            x = ((x << 28) & modulus) | x >> (bits - 28)
            m *= 268_435_456.0
            e -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= modulus { x -= modulus }
        }
        let shift = e >= 0 ? UInt64(e % 61) : UInt64(60 - ((-1 - e) % 61))
        x = ((x << shift) & modulus) | x >> (bits - shift)
        if v < 0 { x = 0 &- x }
        if x == UInt64.max { x = UInt64.max - 1 }
        return x
    }

    /// An int argument of randrange; integral floats are accepted as CPython 3.11 does.
    static func rangeArg(_ rt: Runtime, _ v: Value, _ what: String) throws -> BigInt {
        if case .float(let d) = v {
            guard d.isFinite, d == d.rounded() else {
                if !d.isFinite { throw d.isNaN ? valueError("cannot convert float NaN to integer")
                                               : overflowError("cannot convert float infinity to integer") }
                throw valueError("non-integer \(what) for randrange()")
            }
            return BigInt(d)
        }
        return try rt.mathInt(v)
    }

    static func randrange(_ rt: Runtime, _ gen: PyRandom, _ start: Value, _ stop: Value?, _ step: Value?) throws -> Value {
        let istart = try rangeArg(rt, start, "arg 1")
        guard let stopV = stop, !stopV.isNone else {
            if let s = step, !(s.isIdentical(to: .int(1))) { throw typeError("Missing a non-None stop argument") }
            if istart > 0 { return Value.integer(BigInt(gen.below(istart.magnitude))) }
            throw valueError("empty range for randrange()")
        }
        let istop = try rangeArg(rt, stopV, "stop")
        let width = istop - istart
        let istep = try step.map { try rangeArg(rt, $0, "step") } ?? 1
        if istep == 1 {
            if width > 0 {
                if let w = Int(exactly: width), let s = Int(exactly: istart) {
                    let (r, o) = s.addingReportingOverflow(gen.below(w))
                    if !o { return .int(r) }
                }
                return Value.integer(istart + BigInt(gen.below(width.magnitude)))
            }
            throw valueError("empty range for randrange() (\(istart), \(istop), \(width))")
        }
        let n: BigInt
        if istep > 0 {
            n = floorDiv(width + istep - 1, istep)
        } else if istep < 0 {
            n = floorDiv(width + istep + 1, istep)
        } else {
            throw valueError("zero step for randrange()")
        }
        if n <= 0 { throw valueError("empty range for randrange()") }
        return Value.integer(istart + istep * BigInt(gen.below(n.magnitude)))
    }

    static func floorDiv(_ a: BigInt, _ b: BigInt) -> BigInt {
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        return (r != 0 && (r.sign == .minus) != (b.sign == .minus)) ? q - 1 : q
    }

    static func isSequence(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        switch o {
        case is PyList, is PyTuple, is PyStr, is PyRange, is PyBytes: return true
        default: return !o.type.isBuiltin && o.type.lookup("__getitem__") != nil && o.type.lookup("__len__") != nil
        }
    }

    static func float(_ rt: Runtime, _ v: Value?, _ dflt: Double) throws -> Double {
        guard let v else { return dflt }
        return try rt.mathDouble(v)
    }

    nonisolated(unsafe) static let methods: [(String, Impl)] = [
        ("seed", { rt, a in
            let (gen, v) = try bind("seed", a, ["a", "version"], required: 0)
            try seed(rt, gen, v[0] ?? Value.none)
            return .none
        }),
        ("random", { _, a in
            let (gen, _) = try bind("random", a, [], required: 0)
            return .float(gen.random())
        }),
        ("getrandbits", { rt, a in
            let (gen, v) = try bind("getrandbits", a, ["k"], required: 1)
            let k = try rt.indexValue(v[0] ?? .int(0))
            if k < 0 { throw valueError("number of bits must be non-negative") }
            if k > 1 << 28 { throw overflowError("getrandbits() argument too large") }
            return Value.integer(BigInt(gen.bits(k)))
        }),
        ("randrange", { rt, a in
            let (gen, v) = try bind("randrange", a, ["start", "stop", "step"], required: 1)
            return try randrange(rt, gen, v[0] ?? .int(0), v[1], v[2])
        }),
        ("randint", { rt, a in
            let (gen, v) = try bind("randint", a, ["a", "b"], required: 2)
            let hi = try rt.binary(.add, v[1] ?? .int(0), .int(1))
            return try randrange(rt, gen, v[0] ?? .int(0), hi, nil)
        }),
        ("uniform", { rt, a in
            let (gen, v) = try bind("uniform", a, ["a", "b"], required: 2)
            let lo = v[0] ?? .int(0), hi = v[1] ?? .int(0)
            let span = try rt.mathDouble(try rt.binary(.sub, hi, lo))
            return .float(try rt.mathDouble(lo) + span * gen.random())
        }),
        ("choice", { rt, a in
            let (gen, v) = try bind("choice", a, ["seq"], required: 1)
            let seq = v[0] ?? .none
            let n = try rt.len(seq)
            if n == 0 { throw indexError("Cannot choose from an empty sequence") }
            return try rt.getItem(seq, .int(gen.below(n)))
        }),
        ("choices", { rt, a in
            let (gen, v) = try bind("choices", a, ["population", "weights"], required: 1,
                                    keywordOnly: ["cum_weights", "k"])
            let pop = v[0] ?? .none
            let n = try rt.len(pop)
            let k = try v[3].map { try rt.indexValue($0) } ?? 1
            var out: [Value] = []
            let weights = v[1].flatMap { $0.isNone ? nil : $0 }
            var cum: [Value]
            if let cw = v[2], !cw.isNone {
                if weights != nil { throw typeError("Cannot specify both weights and cumulative weights") }
                cum = try rt.iterateToArray(cw)
            } else if let w = weights {
                if case .int(let kk) = w { throw typeError("The number of choices must be a keyword argument: k=\(kk)") }
                cum = []
                var total: Value?
                for x in try rt.iterateToArray(w) {
                    let t = try total.map { try rt.binary(.add, $0, x) } ?? x
                    cum.append(t)
                    total = t
                }
            } else {
                for _ in 0..<max(0, k) {
                    out.append(try rt.getItem(pop, .int(Int((gen.random() * Double(n)).rounded(.down)))))
                }
                return .object(PyList(out))
            }
            if cum.count != n { throw valueError("The number of weights does not match the population") }
            let cumD = try cum.map { try rt.mathDouble($0) }
            let total = cumD.last ?? 0
            if !(total > 0) { throw valueError("Total of weights must be greater than zero") }
            if !total.isFinite { throw valueError("Total of weights must be finite") }
            let hi = n - 1
            for _ in 0..<max(0, k) {
                let x = gen.random() * total
                var lo = 0, h = hi
                while lo < h {
                    let mid = (lo + h) / 2
                    if x < cumD[mid] { h = mid } else { lo = mid + 1 }
                }
                out.append(try rt.getItem(pop, .int(lo)))
            }
            return .object(PyList(out))
        }),
        ("shuffle", { rt, a in
            let (gen, v) = try bind("shuffle", a, ["x"], required: 1)
            let x = v[0] ?? .none
            if case .object(let o) = x, let l = o as? PyList {
                var i = l.items.count - 1
                while i >= 1 {
                    let j = gen.below(i + 1)
                    l.items.swapAt(i, min(j, l.items.count - 1))
                    i -= 1
                }
                return .none
            }
            var i = try rt.len(x) - 1
            while i >= 1 {
                let j = gen.below(i + 1)
                let xi = try rt.getItem(x, .int(i)), xj = try rt.getItem(x, .int(j))
                try rt.setItem(x, .int(i), xj)
                try rt.setItem(x, .int(j), xi)
                i -= 1
            }
            return .none
        }),
        ("sample", { rt, a in
            let (gen, v) = try bind("sample", a, ["population", "k"], required: 2, keywordOnly: ["counts"])
            let pop = v[0] ?? .none
            if !isSequence(pop) { throw typeError("Population must be a sequence.  For dicts or sets, use sorted(d).") }
            if let c = v[2], !c.isNone { throw notImplemented("sample(counts=) is not supported") }
            let n = try rt.len(pop)
            let k = try rt.indexValue(v[1] ?? .int(0))
            if k < 0 || k > n { throw valueError("Sample larger than population or is negative") }
            var result: [Value] = []
            result.reserveCapacity(k)
            var setsize = 21
            if k > 5 {
                let e = Int((Foundation.log(Double(k * 3)) / Foundation.log(4.0)).rounded(.up))
                setsize += 1 << (2 * min(e, 30))
            }
            if n <= setsize {
                var pool = try rt.iterateToArray(pop)
                for i in 0..<k {
                    let j = gen.below(n - i)
                    result.append(pool[j])
                    pool[j] = pool[n - i - 1]
                }
            } else {
                var selected = Set<Int>()
                for _ in 0..<k {
                    var j = gen.below(n)
                    while selected.contains(j) { j = gen.below(n) }
                    selected.insert(j)
                    result.append(try rt.getItem(pop, .int(j)))
                }
            }
            return .object(PyList(result))
        }),
        ("gauss", { rt, a in
            let (gen, v) = try bind("gauss", a, ["mu", "sigma"], required: 0)
            let mu = try float(rt, v[0], 0), sigma = try float(rt, v[1], 1)
            var z: Double
            if let spare = gen.gaussNext {
                z = spare
                gen.gaussNext = nil
            } else {
                let x2pi = gen.random() * 2 * Double.pi
                let g2rad = (-2.0 * Foundation.log(1.0 - gen.random())).squareRoot()
                z = Foundation.cos(x2pi) * g2rad
                gen.gaussNext = Foundation.sin(x2pi) * g2rad
            }
            return .float(mu + z * sigma)
        }),
        ("normalvariate", { rt, a in
            let (gen, v) = try bind("normalvariate", a, ["mu", "sigma"], required: 0)
            let mu = try float(rt, v[0], 0), sigma = try float(rt, v[1], 1)
            let magic = 4 * Foundation.exp(-0.5) / 2.0.squareRoot()
            var z = 0.0
            while true {
                let u1 = gen.random()
                let u2 = 1.0 - gen.random()
                z = magic * (u1 - 0.5) / u2
                if z * z / 4.0 <= -Foundation.log(u2) { break }
            }
            return .float(mu + z * sigma)
        }),
        ("expovariate", { rt, a in
            let (gen, v) = try bind("expovariate", a, ["lambd"], required: 1)
            let l = try float(rt, v[0], 1)
            if l == 0 { throw zeroDivision("float division by zero") }
            return .float(-Foundation.log(1.0 - gen.random()) / l)
        }),
        ("triangular", { rt, a in
            let (gen, v) = try bind("triangular", a, ["low", "high", "mode"], required: 0)
            var low = try float(rt, v[0], 0), high = try float(rt, v[1], 1)
            var u = gen.random()
            var c = 0.5
            if let mv = v[2], !mv.isNone {
                if high == low { return .float(low) }
                c = (try rt.mathDouble(mv) - low) / (high - low)
            }
            if u > c {
                u = 1.0 - u
                c = 1.0 - c
                swap(&low, &high)
            }
            return .float(low + (high - low) * (u * c).squareRoot())
        }),
    ]
}
