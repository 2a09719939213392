// `dict` and `set` objects over their hash tables (HashTable.swift, SetTable.swift), with
// name-keyed access for attribute dictionaries.

final class PyDict: PyObject {
    var table = HashTable()
    /// Bytes charged to the memory limit for this dict (Embedding/MemoryAccount.swift).
    var memoryCharge: MemoryCharge?
    override init() {}
    override var type: PyType { Types.dict }
    override class var isPlainBuiltin: Bool { true }

    // Attribute-dictionary access by name (keys that are str cannot make `==` run script code).
    func get(name: String, _ rt: Runtime) -> Value? { get(name: rt.intern(name)) }

    @inline(__always) func get(name: PyStr) -> Value? {
        guard let e = table.findName(name, hash: name.hash) else { return nil }
        return table.value(at: e)
    }

    func set(name: String, _ value: Value, _ rt: Runtime) { set(name: rt.intern(name), value) }

    func set(name: PyStr, _ value: Value) {
        let h = name.hash
        if let e = table.findName(name, hash: h) {
            table.update(at: e, value)
            return
        }
        table.append(.object(name), hash: h, value: value)
    }

    @discardableResult
    func remove(name: String, _ rt: Runtime) -> Value? {
        let key = rt.intern(name)
        guard let e = table.findName(key, hash: key.hash) else { return nil }
        return table.removeEntry(e)
    }

    /// The str-keyed entries, for `dir()` and suggestions.
    var stringKeys: [String] { table.liveEntries.compactMap { ($0.key.asObject as? PyStr)?.value } }
}

final class PySet: PyObject {
    var table = SetTable()
    let frozen: Bool
    /// Bytes charged to the memory limit for this set (Embedding/MemoryAccount.swift).
    var memoryCharge: MemoryCharge?
    init(frozen: Bool = false) { self.frozen = frozen }
    override var type: PyType { frozen ? Types.frozenset : Types.set }
}
