// `dict` objects: an insertion-ordered hash table (compact entries plus an open-addressing
// index, as CPython does). Hashing and equality may run script code (`__hash__`, `__eq__`)
// and so may throw; the runtime supplies them.

/// The table shared by dicts and sets (sets store `.none` as every value).
struct HashTable {
    struct Entry {
        var hash: Int
        var key: Value
        var value: Value
    }

    /// Entries in insertion order; removed ones are nil until the next compaction.
    private(set) var entries: [Entry?] = []
    /// Index table: -1 empty, -2 deleted, else an index into `entries`.
    private var index: [Int32] = []
    private(set) var count = 0

    init() {}

    var isEmpty: Bool { count == 0 }

    /// Finds the entry index for `key` with hash `hash`, or nil.
    func find(_ key: Value, hash: Int, _ rt: Runtime) throws -> Int? {
        if index.isEmpty { return nil }
        let mask = index.count - 1
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            let slot = index[i]
            if slot == -1 { return nil }
            if slot >= 0 {
                let e = Int(slot)
                if let entry = entries[e], entry.hash == hash {
                    if entry.key.isIdentical(to: key) { return e }
                    if try rt.keysEqual(entry.key, key) { return e }
                }
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    func get(_ key: Value, hash: Int, _ rt: Runtime) throws -> Value? {
        guard let e = try find(key, hash: hash, rt) else { return nil }
        return entries[e]?.value
    }

    mutating func set(_ key: Value, hash: Int, value: Value, _ rt: Runtime) throws {
        if let e = try find(key, hash: hash, rt) {
            entries[e]?.value = value
            return
        }
        if (entries.count + 1) * 3 >= index.count * 2 { rebuild(minimum: (count + 1) * 3) }
        entries.append(Entry(hash: hash, key: key, value: value))
        insertIndex(hash: hash, entry: entries.count - 1)
        count += 1
    }

    /// Removes `key`; returns its value if it was present.
    @discardableResult
    mutating func remove(_ key: Value, hash: Int, _ rt: Runtime) throws -> Value? {
        guard let e = try find(key, hash: hash, rt) else { return nil }
        let old = entries[e]?.value
        entries[e] = nil
        let mask = index.count - 1
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        while index[i] != Int32(e) {
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
        index[i] = -2
        count -= 1
        if count == 0 { removeAll() }
        return old
    }

    mutating func removeAll() {
        entries = []
        index = []
        count = 0
    }

    /// Removes and returns the last entry (for `popitem`).
    mutating func popLast() -> Entry? {
        while let last = entries.last {
            entries.removeLast()
            if let e = last {
                rebuild(minimum: count * 3)
                count -= 1
                rebuild(minimum: count * 3)
                return e
            }
        }
        return nil
    }

    private mutating func insertIndex(hash: Int, entry: Int) {
        let mask = index.count - 1
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        while index[i] >= 0 {
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
        index[i] = Int32(entry)
    }

    private mutating func rebuild(minimum: Int) {
        var size = 8
        while size < minimum { size <<= 1 }
        entries = entries.filter { $0 != nil }
        index = [Int32](repeating: -1, count: size)
        for (n, e) in entries.enumerated() {
            if let e { insertIndex(hash: e.hash, entry: n) }
        }
    }

    /// Finds a str key by its text without creating a str object (attribute dictionaries).
    func findString(_ key: String, hash: Int) -> Int? {
        if index.isEmpty { return nil }
        let mask = index.count - 1
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            let slot = index[i]
            if slot == -1 { return nil }
            if slot >= 0, let entry = entries[Int(slot)], entry.hash == hash,
               case .object(let o) = entry.key, let s = o as? PyStr, s.value == key {
                return Int(slot)
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    /// Live entries in insertion order.
    var liveEntries: [Entry] { entries.compactMap { $0 } }
}

final class PyDict: PyObject {
    var table = HashTable()
    override init() {}
    override var type: PyType { Types.dict }

    // Attribute-dictionary access by name (keys that are str cannot make `==` run script code).
    func get(name: String) -> Value? {
        guard let e = table.findString(name, hash: PyStr.hash(of: name)) else { return nil }
        return table.entries[e]?.value
    }

    func set(name: String, _ value: Value, _ rt: Runtime) {
        try? table.set(Value(name), hash: PyStr.hash(of: name), value: value, rt)
    }

    @discardableResult
    func remove(name: String, _ rt: Runtime) -> Value? {
        let h = PyStr.hash(of: name)
        guard table.findString(name, hash: h) != nil else { return nil }
        return try? table.remove(Value(name), hash: h, rt)
    }

    /// The str-keyed entries, for `dir()` and suggestions.
    var stringKeys: [String] { table.liveEntries.compactMap { ($0.key.asObject as? PyStr)?.value } }
}

final class PySet: PyObject {
    var table = SetTable()
    let frozen: Bool
    init(frozen: Bool = false) { self.frozen = frozen }
    override var type: PyType { frozen ? Types.frozenset : Types.set }
}
