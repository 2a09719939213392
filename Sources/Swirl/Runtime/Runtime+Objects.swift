// The core object protocols: type of a value, repr/str, truth, equality, hashing and
// ordering, each with the built-in fast paths first and the dunder methods of user
// classes after.
import BigInt

extension Runtime {
    @inline(__always) func typeOf(_ v: Value) -> PyType {
        switch v {
        case .none: return Types.noneType
        case .bool: return Types.bool
        case .int: return Types.int
        case .float: return Types.float
        case .object(let o): return o.type
        }
    }

    /// The type's name as error messages give it (CPython's `tp_name`).
    func typeName(_ v: Value) -> String { typeOf(v).messageName }

    /// Looks up a special method on the value's class (never on the instance), for user classes.
    @inline(__always) func special(_ v: Value, _ name: String) -> Value? {
        guard case .object(let o) = v else { return nil }
        let t = o.type
        if t.isBuiltin && t.layout == .builtin { return nil }
        return t.lookup(name)
    }

    // MARK: repr / str

    func repr(_ v: Value) throws -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return pyFloatRepr(d)
        case .object(let o):
            if let s = o as? PyStr { return strRepr(s.value) }
            if !o.type.isBuiltin, let m = o.type.lookup("__repr__"), case .object(let mo) = m, !(mo is PyNativeFunction) {
                let r = try callMethod(m, self: v, [])
                guard case .object(let ro) = r, let rs = ro as? PyStr else {
                    throw typeError("__repr__ returned non-string (type \(typeName(r)))")
                }
                return rs.value
            }
            return try builtinRepr(o)
        }
    }

    func str(_ v: Value) throws -> String {
        if case .object(let o) = v {
            if let s = o as? PyStr { return s.value }
            if let m = special(v, "__str__"), case .object(let mo) = m, !(mo is PyNativeFunction) {
                let r = try callMethod(m, self: v, [])
                guard case .object(let ro) = r, let rs = ro as? PyStr else {
                    throw typeError("__str__ returned non-string (type \(typeName(r)))")
                }
                return rs.value
            }
            if let e = o as? PyException { return try exceptionStr(e) }
            if let text = asyncioStr(o) { return text }
        }
        return try repr(v)
    }

    func exceptionStr(_ e: PyException) throws -> String {
        if e.cls.isSubtype(of: Types.baseExceptionGroup), e.args.count == 2 {
            let n = try len(e.args[1])
            return "\(try str(e.args[0])) (\(n) sub-exception\(n == 1 ? "" : "s"))"
        }
        if e.cls.isSubtype(of: Types.keyError), e.args.count == 1 { return try repr(e.args[0]) }
        if e.cls.isSubtype(of: Types.osError), e.args.count >= 2, case .int(let errno) = e.args[0] {
            // OSError(errno, strerror[, filename]) prints as "[Errno N] strerror: 'filename'".
            var s = "[Errno \(errno)] \(try str(e.args[1]))"
            if e.args.count >= 3 { s += ": \(try repr(e.args[2]))" }
            return s
        }
        switch e.args.count {
        case 0: return ""
        case 1: return try str(e.args[0])
        default: return try repr(.object(PyTuple(e.args)))
        }
    }

    func builtinRepr(_ o: PyObject) throws -> String {
        switch o {
        case let b as PyBigInt: return try bigIntString(b.value)
        case let l as PyList:
            return try reprGuard(o, "[...]") { "[" + (try l.items.map { try repr($0) }.joined(separator: ", ")) + "]" }
        case let t as PyTuple:
            if t.items.count == 1 { return "(" + (try repr(t.items[0])) + ",)" }
            return try reprGuard(o, "(...)") { "(" + (try t.items.map { try repr($0) }.joined(separator: ", ")) + ")" }
        case let d as PyDict:
            return try reprGuard(o, "{...}") {
                "{" + (try d.table.liveEntries.map { try repr($0.key) + ": " + repr($0.value) }.joined(separator: ", ")) + "}"
            }
        case let s as PySet:
            if s.table.isEmpty { return s.frozen ? "frozenset()" : "set()" }
            let inner = try s.table.liveEntries.map { try repr($0.key) }.joined(separator: ", ")
            return s.frozen ? "frozenset({\(inner)})" : "{\(inner)}"
        case let b as PyBytes: return bytesRepr(b.bytes)
        case let r as PyRange:
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case let r as PyBigRange: return r.repr
        case let s as PySlice: return "slice(\(try repr(s.start)), \(try repr(s.stop)), \(try repr(s.step)))"
        case let t as PyType:
            if t.layout == .exception || !t.isBuiltin || t.moduleName != "builtins" {
                return "<class '\(t.moduleName == "builtins" ? "" : t.moduleName + ".")\(t.qualname)'>"
            }
            return "<class '\(t.name)'>"
        case let f as PyFunction: return "<function \(f.qualname) at \(address(o))>"
        case let n as PyNativeFunction:
            if let b = n.boundSelf { return "<built-in method \(n.name) of \(typeName(b)) object at \(address(o))>" }
            return "<built-in function \(n.name)>"
        case let m as PyBoundMethod:
            let fname: String
            if case .object(let fo) = m.function, let f = fo as? PyFunction { fname = f.qualname } else { fname = "?" }
            return "<bound method \(fname) of \(try repr(m.receiver))>"
        case let m as PyModule: return "<module '\(m.name)'>"
        case let e as PyException:
            let inner: String
            if e.args.count == 1 { inner = try repr(e.args[0]) } else { inner = try e.args.map { try repr($0) }.joined(separator: ", ") }
            return "\(e.cls.name)(\(inner))"
        case let s as PySingleton: return s.name
        case let g as PyGenerator: return "<\(g.kindName) object \(g.code.qualname) at \(address(o))>"
        default:
            if let r = nativeRepr(o) { return r }
            if let r = try typeExpressionObjectRepr(o) { return r }
            return defaultRepr(o)
        }
    }

    /// `object.__repr__`: `<module.Class object at 0x...>`.
    func defaultRepr(_ o: PyObject) -> String {
        let t = o.type
        let prefix = t.moduleName == "builtins" ? "" : t.moduleName + "."
        return "<\(prefix)\(t.qualname) object at \(address(o))>"
    }

    /// Guards against infinite recursion when a container contains itself.
    func reprGuard(_ o: PyObject, _ placeholder: String, _ body: () throws -> String) throws -> String {
        let id = ObjectIdentifier(o)
        if reprActive.contains(id) { return placeholder }
        // Nested containers count against the recursion limit, as in CPython.
        try enterNested()
        reprActive.insert(id)
        defer {
            reprActive.remove(id)
            leaveNested()
        }
        return try body()
    }

    /// Decimal text of a big int, refusing more than 4300 digits like CPython 3.11.
    func bigIntString(_ v: BigInt) throws -> String {
        let limitError = valueError("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
        if v.magnitude.bitWidth > 14_300 { throw limitError }
        let s = String(v)
        if s.utf8.count - (v.sign == .minus ? 1 : 0) > 4300 { throw limitError }
        return s
    }

    func address(_ o: PyObject) -> String { address(ObjectIdentifier(o)) }

    /// The address of an object known by its identity (one that may be gone by now).
    func address(_ id: ObjectIdentifier) -> String {
        "0x" + String(UInt(bitPattern: id), radix: 16).leftPadded(to: 12)
    }

    // MARK: truth

    func truthy(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .object(let o):
            switch o {
            case let s as PyStr: return !s.value.isEmpty
            case let l as PyList: return !l.items.isEmpty
            case let t as PyTuple: return !t.items.isEmpty
            case let d as PyDict: return !d.table.isEmpty
            case let s as PySet: return !s.table.isEmpty
            case let b as PyBytes: return !b.bytes.isEmpty
            case let r as PyRange: return r.count != 0
            case let r as PyBigRange: return r.count != 0
            case is PyBigInt: return true
            default:
                if let m = special(v, "__bool__") {
                    let r = try callMethod(m, self: v, [])
                    guard case .bool(let b) = r else {
                        throw typeError("__bool__ should return bool, returned \(typeName(r))")
                    }
                    return b
                }
                if special(v, "__len__") != nil { return try len(v) != 0 }
                return true
            }
        }
    }

    // MARK: equality

    /// `a == b` as a Python bool.
    /// How containers compare their items (CPython's `PyObject_RichCompareBool`): the same
    /// object is equal to itself before `==` is asked (`[nan].count(nan)` is 1).
    func itemEquals(_ a: Value, _ b: Value) throws -> Bool {
        try a.isIdentical(to: b) || eq(a, b)
    }

    func eq(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.int(let x), .float(let y)): return Double(x) == y && intFloatExact(x, y)
        case (.float(let x), .int(let y)): return x == Double(y) && intFloatExact(y, x)
        case (.bool(let x), .bool(let y)): return x == y
        case (.bool(let x), .int(let y)): return (x ? 1 : 0) == y
        case (.int(let x), .bool(let y)): return x == (y ? 1 : 0)
        case (.bool(let x), .float(let y)): return (x ? 1.0 : 0.0) == y
        case (.float(let x), .bool(let y)): return x == (y ? 1.0 : 0.0)
        case (.none, .none): return true
        case (.object(let x), .object(let y)):
            if let s = x as? PyStr, let t = y as? PyStr { return s === t || sameCodePoints(s.value, t.value) }
            if x === y, !(x is PyInstance) { return true }
            // Bound methods are equal when they bind the same function to the same object.
            if let m = x as? PyBoundMethod, let n = y as? PyBoundMethod {
                return m.function.isIdentical(to: n.function) && m.receiver.isIdentical(to: n.receiver)
            }
            return try objectEq(a, b)
        case (.object, _), (_, .object):
            return try objectEq(a, b)
        default: return false
        }
    }

    private func intFloatExact(_ i: Int, _ d: Double) -> Bool {
        // Double(i) may round; compare exactly when the float is integral and in range.
        guard d.isFinite, d == d.rounded(), abs(d) < 9.3e18 else { return false }
        return Int(d) == i
    }

    private func objectEq(_ a: Value, _ b: Value) throws -> Bool {
        if let r = try richCompare(a, b, "__eq__", "__eq__") { return try truthy(r) }
        if case .object(let x) = a, case .object(let y) = b {
            switch (x, y) {
            case (let l as PyList, let m as PyList): return try sequenceEq(l.items, m.items)
            case (let l as PyTuple, let m as PyTuple): return try sequenceEq(l.items, m.items)
            case (let l as PyBigInt, let m as PyBigInt): return l.value == m.value
            case (let l as PyBytes, let m as PyBytes): return l.bytes == m.bytes
            case (let l as PyDict, let m as PyDict):
                if l.table.count != m.table.count { return false }
                for e in l.table.liveEntries {
                    guard let v = try m.table.get(e.key, hash: e.hash, self), try itemEquals(v, e.value) else {
                        return false
                    }
                }
                return true
            case (let l as PySet, let m as PySet):
                if l.table.count != m.table.count { return false }
                for e in l.table.liveEntries where try m.table.find(e.key, hash: e.hash, self) == nil { return false }
                return true
            case (let l as DictView, _) where l.mode != .values && (y is PySet || (y as? DictView)?.mode ?? .values != .values),
                 (_, let l as DictView) where l.mode != .values && x is PySet:
                // Key and item views compare as sets.
                return try eq(.object(try asSet(a)), .object(try asSet(b)))
            case (is PyGenericAlias, _), (is PyUnionType, _):
                return try typeExpressionsEqual(a, b)
            case (let l as PyRange, let m as PyRange):
                return l.count == m.count && (l.count == 0 || (l.start == m.start && (l.count == 1 || l.step == m.step)))
            default: return x === y
            }
        }
        if case .object(let x) = a, let big = x as? PyBigInt {
            switch b {
            case .int(let i): return big.value == BigInt(i)
            case .float(let d): return d.isFinite && d == d.rounded() && BigInt(exactly: d) == big.value
            default: return false
            }
        }
        if case .object(let y) = b, y is PyBigInt { return try eq(b, a) }
        return false
    }

    func sequenceEq(_ a: [Value], _ b: [Value]) throws -> Bool {
        if a.count != b.count { return false }
        for i in 0..<a.count where !a[i].isIdentical(to: b[i]) {
            if try !eq(a[i], b[i]) { return false }
        }
        return true
    }

    /// Tries the user-defined rich comparison `op` of `a`, then the reflected `rop` of `b`.
    /// Returns nil when neither is defined or both return NotImplemented.
    func richCompare(_ a: Value, _ b: Value, _ op: String, _ rop: String) throws -> Value? {
        var called = false
        return try richCompare(a, b, op, rop, scriptOnly: false, called: &called)
    }

    /// `richCompare`, optionally with script-defined methods only (built-in defaults
    /// skipped); `called` is set when a method was asked.
    func richCompare(_ a: Value, _ b: Value, _ op: String, _ rop: String,
                     scriptOnly: Bool, called: inout Bool) throws -> Value? {
        func method(_ v: Value, _ name: String) -> Value? {
            guard let m = special(v, name), !scriptOnly || isScriptFunction(m) else { return nil }
            return m
        }
        let reflectedFirst = rightOperandFirst(a, b)
        if reflectedFirst, let m = method(b, rop) {
            called = true
            let r = try callMethod(m, self: b, [a])
            if !isNotImplemented(r) { return r }
        }
        if let m = method(a, op) {
            called = true
            let r = try callMethod(m, self: a, [b])
            if !isNotImplemented(r) { return r }
        }
        if !reflectedFirst, let m = method(b, rop) {
            called = true
            let r = try callMethod(m, self: b, [a])
            if !isNotImplemented(r) { return r }
        }
        return nil
    }

    @inline(__always) func isNotImplemented(_ v: Value) -> Bool {
        if case .object(let o) = v { return o === Types.notImplemented }
        return false
    }

    /// Equality used by dict and set lookups (identity already checked).
    func keysEqual(_ a: Value, _ b: Value) throws -> Bool { try eq(a, b) }

    // MARK: hashing

    func hash(_ v: Value) throws -> Int {
        switch v {
        case .none: return 0x5f3759df
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return hashInt(i)
        case .float(let d): return hashFloat(d)
        case .object(let o):
            switch o {
            case let s as PyStr: return s.hash
            case let t as PyTuple:
                // CPython 3.11's xxHash-based tuple hash, so sets of tuples iterate alike.
                let prime1: UInt = 11400714785074694791, prime2: UInt = 14029467366897019727
                let prime5: UInt = 2870177450012600261
                var acc = prime5
                for item in t.items {
                    let lane = UInt(bitPattern: try hash(item))
                    acc = acc &+ lane &* prime2
                    acc = (acc << 31) | (acc >> 33)
                    acc = acc &* prime1
                }
                acc = acc &+ (UInt(t.items.count) ^ (prime5 ^ 3527539))
                if acc == UInt.max { return 1546275796 }
                return Int(bitPattern: acc)
            case let b as PyBigInt:
                let m = BigInt((1 << 61) - 1)
                var r = Int(b.value.magnitude % m.magnitude)
                if b.value.sign == .minus { r = -r }
                return r == -1 ? -2 : r
            case let s as PySet where s.frozen:
                var h: UInt = 0
                for e in s.table.liveEntries { h ^= UInt(bitPattern: e.hash) &* 0x9e3779b97f4a7c15 }
                return Int(bitPattern: h)
            case let b as PyBytes:
                var hasher = Hasher()
                hasher.combine(b.bytes)
                return hasher.finalize()
            case is PyList, is PyDict, is PySet:
                throw typeError("unhashable type: '\(o.type.name)'")
            case let a as PyGenericAlias:
                // Equal aliases and unions hash alike (unions whatever their order).
                var h = UInt(bitPattern: ObjectIdentifier(a.origin).hashValue)
                for item in a.args { h = (h &* 1_000_003) ^ UInt(bitPattern: try hash(item)) }
                return Int(bitPattern: h)
            case let u as PyUnionType:
                var h: UInt = 0x345678
                for item in u.args { h ^= UInt(bitPattern: try hash(item)) }
                return Int(bitPattern: h)
            default:
                if !o.type.isBuiltin || o is PyException {
                    if let h = o.type.lookup("__hash__") {
                        if h.isNone { throw typeError("unhashable type: '\(o.type.name)'") }
                        if case .object(let ho) = h, ho is PyFunction {
                            let r = try callMethod(h, self: v, [])
                            guard case .int(let i) = r else {
                                if case .object(let bo) = r, bo is PyBigInt { return try hash(r) }
                                throw typeError("__hash__ method should return an integer")
                            }
                            return i == -1 ? -2 : i
                        }
                    } else if o.type.lookup("__eq__") != nil, o.type.dict["__eq__"] != nil {
                        throw typeError("unhashable type: '\(o.type.name)'")
                    }
                }
                return ObjectIdentifier(o).hashValue >> 4
            }
        }
    }

    func hashInt(_ i: Int) -> Int {
        let m = (1 << 61) - 1
        var r = i >= 0 ? i % m : -((-(i + 1)) % m + 1) % m
        if i < 0 && r == 0 { r = 0 }
        return r == -1 ? -2 : r
    }

    /// CPython's `_Py_HashDouble`: equal to the int hash for integral values.
    func hashFloat(_ d: Double) -> Int {
        if d.isNaN { return 0 }
        if d.isInfinite { return d > 0 ? 314159 : -314159 }
        let bits = 61
        let modulus: UInt = (1 << 61) - 1
        var (m, e) = (d.significand, Int(d.exponent) + 1)
        m /= 2
        var sign = 1
        if d < 0 { sign = -1 }
        m = abs(m)
        var x: UInt = 0
        while m != 0 {
            x = ((x << 28) & modulus) | x >> UInt(bits - 28)
            m *= 268435456.0
            e -= 28
            let y = UInt(m)
            m -= Double(y)
            x += y
            if x >= modulus { x -= modulus }
        }
        e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits)
        x = ((x << UInt(e)) & modulus) | x >> UInt(bits - e)
        var r = Int(bitPattern: x) * sign
        if r == -1 { r = -2 }
        return r
    }
}

extension String {
    func leftPadded(to n: Int, with c: Character = "0") -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}
