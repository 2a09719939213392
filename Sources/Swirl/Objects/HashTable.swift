// The table behind dicts: entries in insertion order (parallel arrays, so probing reads
// hashes without touching reference counts) plus an open-addressing index, as CPython's
// compact dict does. Hashing and equality may run script code (`__hash__`, `__eq__`) and so
// may throw; the runtime supplies them.

struct HashTable {
    struct Entry {
        var hash: Int
        var key: Value
        var value: Value
    }

    /// Entry storage in insertion order; a removed entry has a nil key until compaction.
    private(set) var hashes: [Int] = []
    private(set) var keys: [Value?] = []
    private(set) var values: [Value] = []
    /// Index table: -1 empty, -2 deleted, else an index into the entry arrays.
    private var index: [Int32] = []
    private(set) var count = 0

    init() {}

    var isEmpty: Bool { count == 0 }
    /// Number of entry positions (live and removed), for iteration by position.
    var slotCount: Int { keys.count }

    /// The live entry at storage position `i`, if any.
    func entry(at i: Int) -> Entry? {
        guard i < keys.count, let k = keys[i] else { return nil }
        return Entry(hash: hashes[i], key: k, value: values[i])
    }

    func value(at i: Int) -> Value { values[i] }

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
                if hashes[e] == hash, let k = keys[e] {
                    if k.isIdentical(to: key) { return e }
                    if try rt.keysEqual(k, key) { return e }
                }
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    /// Finds a str key by a (usually interned) name object without running script code.
    func findName(_ name: PyStr, hash: Int) -> Int? {
        if index.isEmpty { return nil }
        let mask = index.count - 1
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            let slot = index[i]
            if slot == -1 { return nil }
            if slot >= 0 {
                let e = Int(slot)
                if hashes[e] == hash, case .object(let o)? = keys[e] {
                    if o === name { return e }
                    if let s = o as? PyStr, sameCodePoints(s.value, name.value) { return e }
                }
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    func get(_ key: Value, hash: Int, _ rt: Runtime) throws -> Value? {
        guard let e = try find(key, hash: hash, rt) else { return nil }
        return values[e]
    }

    mutating func set(_ key: Value, hash: Int, value: Value, _ rt: Runtime) throws {
        if let e = try find(key, hash: hash, rt) {
            values[e] = value
            return
        }
        append(key, hash: hash, value: value)
    }

    /// Adds a key known to be absent.
    mutating func append(_ key: Value, hash: Int, value: Value) {
        if (keys.count + 1) * 3 >= index.count * 2 { rebuild(minimum: (count + 1) * 3) }
        hashes.append(hash)
        keys.append(key)
        values.append(value)
        insertIndex(hash: hash, entry: keys.count - 1)
        count += 1
    }

    /// Replaces the value of the entry at `index` (from `find`/`findName`).
    mutating func update(at index: Int, _ value: Value) {
        values[index] = value
    }

    /// Removes `key`; returns its value if it was present.
    @discardableResult
    mutating func remove(_ key: Value, hash: Int, _ rt: Runtime) throws -> Value? {
        guard let e = try find(key, hash: hash, rt) else { return nil }
        return removeEntry(e)
    }

    @discardableResult
    mutating func removeEntry(_ e: Int) -> Value {
        let old = values[e]
        let hash = hashes[e]
        keys[e] = nil
        values[e] = .none
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
        hashes = []
        keys = []
        values = []
        index = []
        count = 0
    }

    /// Removes and returns the last entry (for `popitem`).
    mutating func popLast() -> Entry? {
        var i = keys.count - 1
        while i >= 0 {
            if let k = keys[i] {
                let entry = Entry(hash: hashes[i], key: k, value: values[i])
                removeEntry(i)
                return entry
            }
            i -= 1
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
        if count != keys.count {
            var h: [Int] = [], k: [Value?] = [], v: [Value] = []
            h.reserveCapacity(count)
            k.reserveCapacity(count)
            v.reserveCapacity(count)
            for i in 0..<keys.count where keys[i] != nil {
                h.append(hashes[i])
                k.append(keys[i])
                v.append(values[i])
            }
            hashes = h
            keys = k
            values = v
        }
        index = [Int32](repeating: -1, count: size)
        for i in 0..<keys.count { insertIndex(hash: hashes[i], entry: i) }
    }

    /// Live entries in insertion order.
    var liveEntries: [Entry] {
        var out: [Entry] = []
        out.reserveCapacity(count)
        for i in 0..<keys.count { if let k = keys[i] { out.append(Entry(hash: hashes[i], key: k, value: values[i])) } }
        return out
    }
}
