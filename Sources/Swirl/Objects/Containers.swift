// The sequence containers: `list` and `tuple`, plus `range` and `slice` objects.

final class PyList: PyObject {
    var items: [Value]
    /// Bytes charged to the memory limit for this list (Embedding/MemoryAccount.swift).
    var memoryCharge: MemoryCharge?
    init(_ items: [Value] = []) { self.items = items }
    /// Items are released last to first, as CPython does: the order dropped generators
    /// run their `finally` blocks in. A list of immediates (ints, floats) has nothing to
    /// release and is freed at once.
    deinit {
        guard items.contains(where: { $0.isObject }) else { return }
        while !items.isEmpty { items.removeLast() }
    }
    override var type: PyType { Types.list }
    override class var isPlainBuiltin: Bool { true }

    /// Appends one item. A list that grows from empty starts with room for eight items
    /// (Swift's own growth would reallocate at 1, 2, 4 and 8): the common "collect a few,
    /// then reset" pattern (`buf.append(x)` … `buf = []`) reallocates once instead of four times.
    @inline(__always) func append(_ v: Value) {
        if items.count == items.capacity && items.count < 8 { items.reserveCapacity(8) }
        items.append(v)
    }
}

final class PyTuple: PyObject {
    let items: [Value]
    /// Bytes charged to the memory limit for this tuple (Embedding/MemoryAccount.swift).
    var memoryCharge: MemoryCharge?
    init(_ items: [Value]) { self.items = items }
    override var type: PyType { Types.tuple }
    override class var isPlainBuiltin: Bool { true }
    nonisolated(unsafe) static let empty = PyTuple([])
}

final class PyRange: PyObject {
    let start: Int
    let stop: Int
    let step: Int
    init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }
    override var type: PyType { Types.range }

    /// Number of elements (never negative).
    var count: Int {
        if step > 0 {
            if start >= stop { return 0 }
            let (span, o) = stop.subtractingReportingOverflow(start)
            if o { return Int.max }
            return (span - 1) / step + 1
        } else {
            if start <= stop { return 0 }
            let (span, o) = start.subtractingReportingOverflow(stop)
            if o { return Int.max }
            return (span - 1) / (-step) + 1
        }
    }
}

final class PySlice: PyObject {
    let start: Value
    let stop: Value
    let step: Value
    init(start: Value, stop: Value, step: Value) {
        self.start = start
        self.stop = stop
        self.step = step
    }
    override var type: PyType { Types.slice }
}

final class PyBytes: PyObject {
    let bytes: [UInt8]
    /// Bytes charged to the memory limit for this object (Embedding/MemoryAccount.swift).
    var memoryCharge: MemoryCharge?
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    override var type: PyType { Types.bytes }
    override class var isPlainBuiltin: Bool { true }
}
