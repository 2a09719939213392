// The hash table behind `set` and `frozenset`, laid out like CPython's (open addressing
// with a run of linear probes, then perturbed jumps; the same growth policy), so that a
// set iterates — and prints — in the same order as in CPython for the same hashes.

struct SetTable {
    private enum Slot {
        case empty
        case dummy
        case used(HashTable.Entry)
    }

    private static let minSize = 8
    private static let linearProbes = 9
    private static let perturbShift = 5

    private var slots: [Slot] = Array(repeating: .empty, count: SetTable.minSize)
    /// Used plus dummy slots.
    private var fill = 0
    private(set) var count = 0

    init() {}

    var isEmpty: Bool { count == 0 }
    private var mask: Int { slots.count - 1 }

    /// Entries in table order (CPython's iteration order).
    var liveEntries: [HashTable.Entry] {
        slots.compactMap { if case .used(let e) = $0 { return e } else { return nil } }
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
                switch slots[probe] {
                case .empty: return nil
                case .dummy: break
                case .used(let e):
                    if try e.hash == hash && (e.key.isIdentical(to: key) || rt.keysEqual(e.key, key)) { return probe }
                }
                probe += 1
            }
            perturb >>= UInt(SetTable.perturbShift)
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    func get(_ key: Value, hash: Int, _ rt: Runtime) throws -> Value? {
        guard let s = try find(key, hash: hash, rt), case .used(let e) = slots[s] else { return nil }
        return e.value
    }

    /// Adds `key` (the value is ignored for sets but kept for the shared API). As in
    /// CPython, a dummy slot met on the way is reused, else the first empty one.
    mutating func set(_ key: Value, hash: Int, value: Value, _ rt: Runtime) throws {
        let mask = self.mask
        var perturb = UInt(bitPattern: hash)
        var i = hash & mask
        var freeSlot: Int?
        var emptyAt = -1
        search: while true {
            var probe = i
            let limit = i + SetTable.linearProbes <= mask ? SetTable.linearProbes : 0
            for _ in 0...limit {
                switch slots[probe] {
                case .empty:
                    emptyAt = probe
                    break search
                case .dummy:
                    if freeSlot == nil { freeSlot = probe }
                case .used(let e):
                    if try e.hash == hash && (e.key.isIdentical(to: key) || rt.keysEqual(e.key, key)) { return }
                }
                probe += 1
            }
            perturb >>= UInt(SetTable.perturbShift)
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
        let entry = HashTable.Entry(hash: hash, key: key, value: value)
        count += 1
        if let f = freeSlot {
            slots[f] = .used(entry)
            return
        }
        slots[emptyAt] = .used(entry)
        fill += 1
        if fill * 5 >= mask * 3 { resize(count > 50_000 ? count * 2 : count * 4) }
    }

    /// The first empty slot on `hash`'s probe sequence.
    private func emptySlot(for hash: Int) throws -> Int {
        let mask = self.mask
        var perturb = UInt(bitPattern: hash)
        var i = hash & mask
        while true {
            var probe = i
            let limit = i + SetTable.linearProbes <= mask ? SetTable.linearProbes : 0
            for _ in 0...limit {
                if case .empty = slots[probe] { return probe }
                probe += 1
            }
            perturb >>= UInt(SetTable.perturbShift)
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    private mutating func resize(_ minUsed: Int) {
        var size = SetTable.minSize
        while size <= minUsed { size <<= 1 }
        let old = slots
        slots = Array(repeating: .empty, count: size)
        fill = count
        for case .used(let e) in old {
            if let s = try? emptySlot(for: e.hash) { slots[s] = .used(e) }
        }
    }

    @discardableResult
    mutating func remove(_ key: Value, hash: Int, _ rt: Runtime) throws -> Value? {
        guard let s = try find(key, hash: hash, rt), case .used(let e) = slots[s] else { return nil }
        slots[s] = .dummy
        count -= 1
        return e.value
    }

    mutating func removeAll() {
        slots = Array(repeating: .empty, count: SetTable.minSize)
        fill = 0
        count = 0
    }

    /// Removes and returns the first entry in table order (`set.pop`).
    mutating func popFirst() -> HashTable.Entry? {
        for (i, slot) in slots.enumerated() {
            if case .used(let e) = slot {
                slots[i] = .dummy
                count -= 1
                return e
            }
        }
        return nil
    }
}
