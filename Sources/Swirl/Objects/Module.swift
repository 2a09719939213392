// Module objects and their global namespaces. A namespace stores values in slots so that
// compiled code reads a global by index; names map to slots, and the order in which names
// were first defined is kept for `dir()` and `vars()`.

final class Globals {
    private(set) var values: [Value?] = []
    private(set) var slots: [String: Int] = [:]
    private(set) var names: [String] = []

    /// The slot for `name`, creating an empty one if needed.
    func slot(for name: String) -> Int {
        if let s = slots[name] { return s }
        let s = values.count
        slots[name] = s
        names.append(name)
        values.append(nil)
        return s
    }

    @inline(__always) func get(_ slot: Int) -> Value? { values[slot] }
    /// The slot of `name` if it has one (without creating it).
    func existingSlot(_ name: String) -> Int? { slots[name] }
    @inline(__always) func set(_ slot: Int, _ v: Value?) { values[slot] = v }

    /// Whether `slot` holds no value (read without copying one).
    @inline(__always) func isUnset(_ slot: Int) -> Bool { values[slot] == nil }

    /// The identity of the object in `slot`, nil for an immediate or no value.
    @inline(__always) func objectIdentity(at slot: Int) -> ObjectIdentifier? {
        if case .object(let o)? = values[slot] { return ObjectIdentifier(o) }
        return nil
    }

    subscript(name: String) -> Value? {
        get { slots[name].flatMap { values[$0] } }
        set { values[slot(for: name)] = newValue }
    }

    /// Defined names with their values, in slot order.
    var defined: [(String, Value)] {
        var out: [(String, Value)] = []
        for (i, n) in names.enumerated() { if let v = values[i] { out.append((n, v)) } }
        return out
    }
}

final class PyModule: PyObject {
    let name: String
    let globals: Globals
    init(name: String, globals: Globals = Globals()) {
        self.name = name
        self.globals = globals
        super.init()
        globals["__name__"] = Value(name)
    }
    override var type: PyType { Types.module }
}
