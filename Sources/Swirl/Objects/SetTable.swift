// The hash table behind `set` and `frozenset`, laid out like CPython's (open addressing
// with a run of linear probes, then perturbed jumps; the same growth policy), so that a
// set iterates — and prints — in the same order as in CPython for the same insertions.
// Slots are parallel arrays, so probing compares hashes without touching reference counts.

struct SetTable {
    private static let minSize = 8
    private static let linearProbes = 9
    private static let perturbShift = 5
    private static let empty: UInt8 = 0, dummy: UInt8 = 1, used: UInt8 = 2

    private var states = [UInt8](repeating: SetTable.empty, count: SetTable.minSize)
    private var hashes = [Int](repeating: 0, count: SetTable.minSize)
    private var keys = [Value](repeating: .none, count: SetTable.minSize)
    /// Used plus dummy slots.
    private var fill = 0
    private(set) var count = 0

    init() {}

    var isEmpty: Bool { count == 0 }
    private var mask: Int { states.count - 1 }

    /// Entries in table order (CPython's iteration order).
    var liveEntries: [HashTable.Entry] {
        var out: [HashTable.Entry] = []
        out.reserveCapacity(count)
        for i in 0..<states.count where states[i] == SetTable.used {
            out.append(HashTable.Entry(hash: hashes[i], key: keys[i], value: .none))
        }
        return out
    }

    /// The slot holding `key`, or nil.
    func find(_ key: Value, hash: Int, _ rt: Runtime) throws -> Int? {
        let mask = self.mask
        var perturb = UInt(bitPattern: hash)
        var i = hash & mask
        while true {
            var probe = i
            let limit = i + SetTable.linearProbes <= mask ? SetTable.linearProbes : 0
            for _ in 0...limit {
                let state = states[probe]
                if state == SetTable.empty { return nil }
                if state == SetTable.used && hashes[probe] == hash {
                    if keys[probe].isIdentical(to: key) { return probe }
                    if try rt.keysEqual(keys[probe], key) { return probe }
                }
                probe += 1
            }
            perturb >>= UInt(SetTable.perturbShift)
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    func get(_ key: Value, hash: Int, _ rt: Runtime) throws -> Value? {
        try find(key, hash: hash, rt) == nil ? nil : Value.none
    }

    /// Adds `key` (the value is ignored; the parameter keeps the dict table's API). As in
    /// CPython, a dummy slot met on the way is reused, else the first empty one.
    mutating func set(_ key: Value, hash: Int, value: Value, _ rt: Runtime) throws {
        let mask = self.mask
        var perturb = UInt(bitPattern: hash)
        var i = hash & mask
        var freeSlot = -1
        var emptyAt = -1
        search: while true {
            var probe = i
            let limit = i + SetTable.linearProbes <= mask ? SetTable.linearProbes : 0
            for _ in 0...limit {
                let state = states[probe]
                if state == SetTable.empty {
                    emptyAt = probe
                    break search
                }
                if state == SetTable.dummy {
                    if freeSlot < 0 { freeSlot = probe }
                } else if hashes[probe] == hash {
                    if keys[probe].isIdentical(to: key) { return }
                    if try rt.keysEqual(keys[probe], key) { return }
                }
                probe += 1
            }
            perturb >>= UInt(SetTable.perturbShift)
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
        count += 1
        if freeSlot >= 0 {
            store(freeSlot, hash, key)
            return
        }
        store(emptyAt, hash, key)
        fill += 1
        if fill * 5 >= mask * 3 { resize(count > 50_000 ? count * 2 : count * 4) }
    }

    private mutating func store(_ slot: Int, _ hash: Int, _ key: Value) {
        states[slot] = SetTable.used
        hashes[slot] = hash
        keys[slot] = key
    }

    /// CPython's set_merge: `other`'s entries added in its slot order after growing the
    /// table once for all of them. Copies of sets are made this way (so a copy's layout,
    /// and print order, can differ from the original's), and so are unions and updates
    /// from sets.
    mutating func merge(_ other: SetTable, _ rt: Runtime) throws {
        if (fill + other.count) * 5 >= mask * 3 { resize((count + other.count) * 2) }
        if fill == 0 && mask == other.mask && other.fill == other.count {
            self = other
            return
        }
        for i in 0..<other.states.count where other.states[i] == SetTable.used {
            try set(other.keys[i], hash: other.hashes[i], value: .none, rt)
        }
    }

    /// The first empty slot on `hash`'s probe sequence.
    private func emptySlot(for hash: Int) -> Int {
        let mask = self.mask
        var perturb = UInt(bitPattern: hash)
        var i = hash & mask
        while true {
            var probe = i
            let limit = i + SetTable.linearProbes <= mask ? SetTable.linearProbes : 0
            for _ in 0...limit {
                if states[probe] == SetTable.empty { return probe }
                probe += 1
            }
            perturb >>= UInt(SetTable.perturbShift)
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    private mutating func resize(_ minUsed: Int) {
        var size = SetTable.minSize
        while size <= minUsed { size <<= 1 }
        let oldStates = states, oldHashes = hashes, oldKeys = keys
        states = [UInt8](repeating: SetTable.empty, count: size)
        hashes = [Int](repeating: 0, count: size)
        keys = [Value](repeating: .none, count: size)
        fill = count
        for i in 0..<oldStates.count where oldStates[i] == SetTable.used {
            store(emptySlot(for: oldHashes[i]), oldHashes[i], oldKeys[i])
        }
    }

    @discardableResult
    mutating func remove(_ key: Value, hash: Int, _ rt: Runtime) throws -> Value? {
        guard let s = try find(key, hash: hash, rt) else { return nil }
        states[s] = SetTable.dummy
        keys[s] = .none
        count -= 1
        return Value.none
    }

    mutating func removeAll() {
        states = [UInt8](repeating: SetTable.empty, count: SetTable.minSize)
        hashes = [Int](repeating: 0, count: SetTable.minSize)
        keys = [Value](repeating: .none, count: SetTable.minSize)
        fill = 0
        count = 0
    }

    /// Removes and returns the first entry in table order (`set.pop`).
    mutating func popFirst() -> HashTable.Entry? {
        for i in 0..<states.count where states[i] == SetTable.used {
            let entry = HashTable.Entry(hash: hashes[i], key: keys[i], value: .none)
            states[i] = SetTable.dummy
            keys[i] = .none
            count -= 1
            return entry
        }
        return nil
    }
}
