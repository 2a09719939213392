// The memory limit: an approximate count of the bytes held by large script objects.
//
// What is counted: the payload of lists (16 bytes per element, charged in steps of
// `MemoryAccount.listStep` elements as a list grows by append/extend/insert/+=/*=), of
// dicts and sets (about 48 and 32 bytes per entry, charged the same way as they grow by
// item assignment, `setdefault`, `update` or `add`), and
// of strs, bytes, lists and tuples made by repetition (`[0] * n`, `"ab" * n`) or by
// concatenation when the result is at least `MemoryAccount.threshold` bytes. A charge is
// attached to the object that owns the bytes and given back when that object is freed, so
// the count follows live objects, not total allocation. A request that would take the
// total past the budget raises `MemoryError` before anything is allocated. Small objects
// and interpreter bookkeeping are not counted.
import Foundation

/// The byte budget of one interpreter. Charges are made on the script thread; releases
/// happen when objects die, which can be on another thread (a host dropping a handle), so
/// the count is guarded by a lock. Only large objects touch it.
final class MemoryAccount: @unchecked Sendable {
    /// Objects smaller than this are not charged.
    static let threshold = 64 * 1024
    /// Lists are charged each time they grow by this many elements.
    static let listStep = 4096
    let limit: Int
    private var used = 0
    private let lock = NSLock()

    init(limit: Int) { self.limit = limit }

    var bytesInUse: Int {
        lock.lock()
        defer { lock.unlock() }
        return used
    }

    /// Takes `bytes` from the budget, or returns false when they do not fit.
    func take(_ bytes: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let (total, overflow) = used.addingReportingOverflow(bytes)
        if overflow || total > limit { return false }
        used = total
        return true
    }

    func give(_ bytes: Int) {
        lock.lock()
        used -= bytes
        lock.unlock()
    }
}

/// Bytes charged to an account on behalf of one object; returned when the object (the
/// only owner of this charge) is freed.
final class MemoryCharge {
    let account: MemoryAccount
    private(set) var bytes: Int
    init(account: MemoryAccount, bytes: Int) {
        self.account = account
        self.bytes = bytes
    }
    func grow(_ delta: Int) { bytes += delta }
    deinit { account.give(bytes) }
}

extension Runtime {
    /// Raises MemoryError unless `bytes` more fit in the budget; on success the bytes are
    /// charged and the returned charge must be attached to the object that holds them.
    func chargeMemory(_ bytes: Int) throws -> MemoryCharge? {
        guard let account = memoryAccount, bytes >= MemoryAccount.threshold else { return nil }
        guard account.take(bytes) else { throw memoryLimitError(bytes, account) }
        return MemoryCharge(account: account, bytes: bytes)
    }

    /// Checks that `count * times` elements of `elementSize` bytes fit before a repetition
    /// allocates them.
    func checkRepeatMemory(_ count: Int, _ times: Int, elementSize: Int) throws -> MemoryCharge? {
        guard memoryAccount != nil else { return nil }
        let (n, o1) = count.multipliedReportingOverflow(by: times)
        let (bytes, o2) = n.multipliedReportingOverflow(by: elementSize)
        if o1 || o2 { throw ScriptError(PyException(Types.memoryError, args: [])) }
        return try chargeMemory(bytes)
    }

    /// Charges a list's growth once it has grown a further `listStep` elements.
    @inline(__always) func chargeListGrowth(_ l: PyList) throws {
        guard memoryAccount != nil else { return }
        try chargeGrowth(&l.memoryCharge, bytes: l.items.count * 16, step: MemoryAccount.listStep * 16)
    }

    /// Charges a dict's growth (about 48 bytes per entry: hash, key, value, index).
    @inline(__always) func chargeDictGrowth(_ d: PyDict) throws {
        guard memoryAccount != nil else { return }
        try chargeGrowth(&d.memoryCharge, bytes: d.table.count * 48, step: MemoryAccount.listStep * 48)
    }

    /// Charges a set's growth (about 32 bytes per element).
    @inline(__always) func chargeSetGrowth(_ s: PySet) throws {
        guard memoryAccount != nil else { return }
        try chargeGrowth(&s.memoryCharge, bytes: s.table.count * 32, step: MemoryAccount.listStep * 32)
    }

    /// Brings `charge` up to `bytes` once the object has outgrown it by `step` bytes.
    private func chargeGrowth(_ charge: inout MemoryCharge?, bytes: Int, step: Int) throws {
        guard let account = memoryAccount else { return }
        let delta = bytes - (charge?.bytes ?? 0)
        if delta < step { return }
        guard account.take(delta) else { throw memoryLimitError(delta, account) }
        if let c = charge { c.grow(delta) } else { charge = MemoryCharge(account: account, bytes: delta) }
    }

    private func memoryLimitError(_ bytes: Int, _ account: MemoryAccount) -> ScriptError {
        ScriptError(Types.memoryError,
                    "memory limit of \(account.limit) bytes exceeded (\(account.bytesInUse) in use, \(bytes) requested)")
    }
}
