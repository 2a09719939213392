// The value type every script value is: small immediates (None, bools, machine ints,
// floats) inline, everything else a reference to a `PyObject`.

enum Value {
    case none
    case bool(Bool)
    /// An int that fits in a machine word; larger ints are `PyBigInt` objects.
    case int(Int)
    case float(Double)
    case object(PyObject)

    @inline(__always) var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// Whether the value holds an object (tested without a copy).
    @inline(__always) var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    @inline(__always) var asObject: PyObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The Swift class of an object value (inline caches key on it), without a copy.
    @inline(__always) var classIdentity: ObjectIdentifier? {
        if case .object(let o) = self { return ObjectIdentifier(type(of: o)) }
        return nil
    }

    /// Identity for `is`: immediates compare by value (as CPython's small-int and
    /// singleton caches make them behave), objects by reference.
    func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }
}

extension Value {
    static var `true`: Value { .bool(true) }
    static var `false`: Value { .bool(false) }

    init(_ s: String) { self = .object(PyStr(s)) }
    init(_ b: Bool) { self = .bool(b) }
}
