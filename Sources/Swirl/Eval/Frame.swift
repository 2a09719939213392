// Activation records. A sync call's locals live on the runtime's shared value stack and its
// `Frame` object comes from a per-depth pool, so a call allocates nothing; generator and
// coroutine frames own a heap buffer because they outlive the call that created them.
// The resume fields carry a suspended frame's state (see Resumable.swift).

/// How a statement finished.
enum Flow: UInt8 {
    case normal
    case breakLoop
    case continueLoop
    /// `return`: the value is in `Frame.returnValue`.
    case returned
    /// The frame suspended at a `yield` or `await`; each statement on the way out pushed
    /// its resume state onto `Frame.saved`.
    case suspended
}

final class Frame {
    unowned(unsafe) let rt: Runtime
    /// The frame's variable slots.
    var slots: UnsafeMutablePointer<Value?>
    var slotCount = 0
    /// The running code; kept alive by the function object for the whole activation.
    unowned(unsafe) var code: CodeObject?
    /// Unique per activation: exceptions record one traceback entry per activation.
    var activation = 0
    var returnValue: Value = .none
    /// The class namespace while a class body runs.
    var namespace: ClassNamespace?
    /// The function whose body this is (for diagnostics); alive while the frame runs.
    unowned(unsafe) var function: PyFunction?

    // Resume state of generator and coroutine frames.
    /// Resume stack: each suspending node pushes what it needs to continue.
    var saved: [Value] = []
    /// Set while re-entering the node path down to the suspension point.
    var resuming = false
    /// What the suspension point receives on resume: a value, or an exception to raise.
    var sendValue: Value = .none
    var throwValue: PyException?
    /// What the frame yielded when it suspended.
    var yieldValue: Value = .none
    /// The heap buffer a generator frame owns (nil for pooled frames on the value stack).
    private var ownedBuffer: UnsafeMutablePointer<Value?>?

    init(rt: Runtime, slots: UnsafeMutablePointer<Value?>) {
        self.rt = rt
        self.slots = slots
    }

    /// A frame that owns its slots (generators, coroutines, class bodies).
    init(rt: Runtime, ownedSlots count: Int) {
        self.rt = rt
        let buf = UnsafeMutablePointer<Value?>.allocate(capacity: max(count, 1))
        buf.initialize(repeating: nil, count: count)
        self.slots = buf
        self.slotCount = count
        self.ownedBuffer = buf
    }

    deinit {
        if let buf = ownedBuffer {
            buf.deinitialize(count: slotCount)
            buf.deallocate()
        }
    }

    // MARK: resume stack helpers

    @inline(__always) func push(_ v: Value) { saved.append(v) }
    @inline(__always) func pushInt(_ i: Int) { saved.append(.int(i)) }
    @inline(__always) func pop() -> Value { saved.popLast() ?? .none }
    @inline(__always) func popInt() -> Int {
        if case .int(let i) = saved.popLast() { return i }
        return 0
    }
}

/// The namespace a class body fills.
final class ClassNamespace {
    var dict: AttributeDict = [:]
}
