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
    // Field order matters for size: each 9-byte Value is followed by small fields that
    // fill its padding, which keeps a coroutine's frame in a 160-byte allocation.
    unowned(unsafe) let rt: Runtime
    /// The frame's variable slots.
    var slots: UnsafeMutablePointer<Value?>
    var slotCount = 0
    /// The running code; kept alive by the function object for the whole activation.
    unowned(unsafe) var code: CodeObject?
    /// Unique per activation: exceptions record one traceback entry per activation.
    var activation = 0
    /// The class namespace while a class body runs.
    var namespace: ClassNamespace?
    /// The function whose body this is (for diagnostics); alive while the frame runs.
    unowned(unsafe) var function: PyFunction?

    // Resume state of generator and coroutine frames.
    /// Resume stacks: each suspending node pushes what it needs to continue, its position
    /// and phase numbers on `savedInts`, objects on `savedValues`. Two stacks rather than
    /// one keeps the integers free of reference counting; each stays LIFO because every
    /// node pops exactly what it pushed.
    private var savedInts: UnsafeMutablePointer<Int>?
    private var savedValues: UnsafeMutablePointer<Value>?
    var throwValue: PyException?

    var returnValue: Value = .none
    /// Set while re-entering the node path down to the suspension point.
    var resuming = false
    /// Set by the `yield` of an async generator: the suspension hands out a value rather
    /// than passing up a future from an `await`.
    var yieldIsAsyncGenValue = false
    /// Whether `slots` is a heap buffer this frame owns (generators, coroutines, class
    /// bodies) rather than a window of the value stack.
    private var ownsSlots = false
    private var savedIntCount: Int32 = 0

    /// What the suspension point receives on resume: a value, or an exception to raise
    /// (`throwValue`).
    var sendValue: Value = .none
    /// The line of the statement a coroutine or generator frame is at (kept by resumable
    /// blocks, for task reprs: `coro=<main() running at app.py:7>`).
    var currentLine: Int32 = 0

    /// What the frame yielded when it suspended.
    var yieldValue: Value = .none
    private var savedIntCapacity: Int32 = 0
    private var savedValueCount: Int32 = 0
    private var savedValueCapacity: Int32 = 0

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
        self.ownsSlots = true
    }

    deinit {
        if ownsSlots {
            slots.deinitialize(count: slotCount)
            slots.deallocate()
        }
        clearSaved()
        savedInts?.deallocate()
        savedValues?.deallocate()
    }

    // MARK: resume stack helpers

    @inline(__always) func push(_ v: Value) {
        if savedValueCount == savedValueCapacity { growValues() }
        (savedValues.unsafelyUnwrapped + Int(savedValueCount)).initialize(to: v)
        savedValueCount += 1
    }
    @inline(__always) func pushInt(_ i: Int) {
        if savedIntCount == savedIntCapacity { growInts() }
        savedInts.unsafelyUnwrapped[Int(savedIntCount)] = i
        savedIntCount += 1
    }
    /// The last value pushed (None if the stack is empty, which a consistent node path
    /// never sees).
    @inline(__always) func pop() -> Value {
        guard savedValueCount > 0 else { return .none }
        savedValueCount -= 1
        return (savedValues.unsafelyUnwrapped + Int(savedValueCount)).move()
    }
    @inline(__always) func popInt() -> Int {
        guard savedIntCount > 0 else { return 0 }
        savedIntCount -= 1
        return savedInts.unsafelyUnwrapped[Int(savedIntCount)]
    }

    /// Drops all saved resume state (a finished generator).
    func clearSaved() {
        if savedValueCount > 0, let values = savedValues {
            values.deinitialize(count: Int(savedValueCount))
        }
        savedValueCount = 0
        savedIntCount = 0
    }

    @inline(never) private func growInts() {
        let capacity = max(4, Int(savedIntCapacity) * 2)
        let buffer = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        if let old = savedInts {
            buffer.update(from: old, count: Int(savedIntCount))
            old.deallocate()
        }
        savedInts = buffer
        savedIntCapacity = Int32(capacity)
    }

    @inline(never) private func growValues() {
        let capacity = max(2, Int(savedValueCapacity) * 2)
        let buffer = UnsafeMutablePointer<Value>.allocate(capacity: capacity)
        if let old = savedValues {
            buffer.moveInitialize(from: old, count: Int(savedValueCount))
            old.deallocate()
        }
        savedValues = buffer
        savedValueCapacity = Int32(capacity)
    }
}

/// The namespace a class body fills.
final class ClassNamespace {
    var dict: AttributeDict = [:]
}
