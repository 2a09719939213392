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
    // fill its padding, which keeps a coroutine's frame at 116 bytes (a 128-byte allocation).
    unowned(unsafe) let rt: Runtime
    /// The frame's variable slots.
    var slots: UnsafeMutablePointer<Value?>
    /// The running code; kept alive by the function object for the whole activation.
    unowned(unsafe) var code: CodeObject?
    /// The namespace a class body fills.
    var namespace: ClassNamespace?

    // Resume state of generator and coroutine frames.
    /// Resume stacks: each suspending node pushes what it needs to continue, its position
    /// and phase numbers on `savedInts`, objects on `savedValues`. Two stacks rather than
    /// one keeps the integers free of reference counting; each stays LIFO because every
    /// node pops exactly what it pushed. A frame that owns its slots starts both stacks in
    /// the slots' allocation (see `init(rt:ownedSlots:)`).
    private var savedInts: UnsafeMutablePointer<Int32>?
    private var savedValues: UnsafeMutablePointer<Value>?

    /// What the frame hands out: the `return` value, or the value of the `yield` (or the
    /// future of the `await`) it suspended at. Never both at once: a `return` pending across
    /// a suspension (in `finally`, in `async with`) is kept on the resume stack.
    var returnValue: Value = .none
    /// Set while re-entering the node path down to the suspension point.
    var resuming = false
    /// Set by the `yield` of an async generator: the suspension hands out a value rather
    /// than passing up a future from an `await`.
    var yieldIsAsyncGenValue = false
    /// Whether `slots` is a heap buffer this frame owns (generators, coroutines, class
    /// bodies) rather than a window of the value stack.
    private var ownsSlots = false
    private var storedSlotCount: Int32 = 0

    /// What the suspension point receives on resume: a value, or (`sendIsThrow`) the
    /// exception to raise there.
    private(set) var sendValue: Value = .none
    private var sendIsThrow = false
    /// 1 + the index in `Runtime.asyncForSinks` of the `async for` body this async
    /// generator's `yield` may run in place (see AsyncForSink.swift); 0 for none.
    var sinkIndex: Int16 = 0
    /// The line of the statement a coroutine or generator frame is at (kept by resumable
    /// blocks, for task reprs: `coro=<main() running at app.py:7>`).
    var currentLine: Int32 = 0

    /// Unique per activation (modulo 2^32): exceptions record one traceback entry per
    /// activation.
    private var storedActivation: Int32 = 0
    private var savedIntCount: Int32 = 0
    private var savedIntCapacity: Int32 = 0
    private var savedValueCount: Int32 = 0
    private var savedValueCapacity: Int32 = 0

    var slotCount: Int {
        get { Int(storedSlotCount) }
        set { storedSlotCount = Int32(truncatingIfNeeded: newValue) }
    }
    var activation: Int {
        get { Int(storedActivation) }
        set { storedActivation = Int32(truncatingIfNeeded: newValue) }
    }

    /// Sets what the suspension point receives on resume.
    func setResumeInput(send: Value, throwing: PyException?) {
        if let e = throwing {
            sendValue = .object(e)
            sendIsThrow = true
        } else {
            sendValue = send
            sendIsThrow = false
        }
    }

    /// Takes what the suspension point receives: the value sent in, or the exception
    /// thrown in (then the value is None).
    func takeResumeInput() -> (Value, PyException?) {
        let v = sendValue
        sendValue = .none
        if sendIsThrow {
            sendIsThrow = false
            return (.none, v.asObject as? PyException)
        }
        return (v, nil)
    }

    /// Runs `body` with the runtime borrowed. `rt` is unowned(unsafe), so each plain use of
    /// it as an argument or receiver costs a retain and a release; hot nodes borrow it once.
    @inline(__always) func withRuntime<R>(_ body: (Runtime) throws -> R) rethrows -> R {
        try Unmanaged.passUnretained(rt)._withUnsafeGuaranteedRef(body)
    }

    init(rt: Runtime, slots: UnsafeMutablePointer<Value?>) {
        self.rt = rt
        self.slots = slots
    }

    /// Room for the first resume state in an owned-slots allocation: enough for a
    /// coroutine suspended at an `await` a few blocks deep, so most suspended tasks need
    /// no further buffers.
    private static let initialSavedValues = 1
    private static let initialSavedInts = 6

    /// A frame that owns its slots (generators, coroutines, class bodies). One allocation
    /// holds the slots, then the first resume values, then the first resume integers.
    init(rt: Runtime, ownedSlots count: Int) {
        self.rt = rt
        let slotBytes = count * MemoryLayout<Value?>.stride
        let valueBytes = Self.initialSavedValues * MemoryLayout<Value>.stride
        let intBytes = Self.initialSavedInts * MemoryLayout<Int32>.stride
        let raw = UnsafeMutableRawPointer.allocate(byteCount: slotBytes + valueBytes + intBytes,
                                                   alignment: MemoryLayout<Value?>.alignment)
        let buf = raw.bindMemory(to: Value?.self, capacity: count)
        buf.initialize(repeating: nil, count: count)
        self.slots = buf
        self.storedSlotCount = Int32(truncatingIfNeeded: count)
        self.ownsSlots = true
        savedValues = (raw + slotBytes).bindMemory(to: Value.self, capacity: Self.initialSavedValues)
        savedValueCapacity = Int32(Self.initialSavedValues)
        savedInts = (raw + slotBytes + valueBytes).bindMemory(to: Int32.self, capacity: Self.initialSavedInts)
        savedIntCapacity = Int32(Self.initialSavedInts)
    }

    /// Whether `pointer` lies in the owned-slots allocation (the first resume buffers).
    private func isInline(_ pointer: UnsafeMutableRawPointer) -> Bool {
        guard ownsSlots else { return false }
        let start = UnsafeMutableRawPointer(slots)
        let end = start + slotCount * MemoryLayout<Value?>.stride
            + Self.initialSavedValues * MemoryLayout<Value>.stride
            + Self.initialSavedInts * MemoryLayout<Int32>.stride
        return pointer >= start && pointer < end
    }

    deinit {
        clearSaved()
        if let values = savedValues, !isInline(UnsafeMutableRawPointer(values)) { values.deallocate() }
        if let ints = savedInts, !isInline(UnsafeMutableRawPointer(ints)) { ints.deallocate() }
        if ownsSlots {
            slots.deinitialize(count: slotCount)
            UnsafeMutableRawPointer(slots).deallocate()
        }
    }

    // MARK: resume stack helpers

    @inline(__always) func push(_ v: Value) {
        if savedValueCount == savedValueCapacity { growValues() }
        (savedValues.unsafelyUnwrapped + Int(savedValueCount)).initialize(to: v)
        savedValueCount += 1
    }
    /// Pushes a position or phase number (small: statement indexes, phases, flow kinds).
    @inline(__always) func pushInt(_ i: Int) {
        if savedIntCount == savedIntCapacity { growInts() }
        savedInts.unsafelyUnwrapped[Int(savedIntCount)] = Int32(truncatingIfNeeded: i)
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
        return Int(savedInts.unsafelyUnwrapped[Int(savedIntCount)])
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
        let buffer = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        if let old = savedInts {
            buffer.update(from: old, count: Int(savedIntCount))
            if !isInline(UnsafeMutableRawPointer(old)) { old.deallocate() }
        }
        savedInts = buffer
        savedIntCapacity = Int32(capacity)
    }

    @inline(never) private func growValues() {
        let capacity = max(2, Int(savedValueCapacity) * 2)
        let buffer = UnsafeMutablePointer<Value>.allocate(capacity: capacity)
        if let old = savedValues {
            buffer.moveInitialize(from: old, count: Int(savedValueCount))
            if !isInline(UnsafeMutableRawPointer(old)) { old.deallocate() }
        }
        savedValues = buffer
        savedValueCapacity = Int32(capacity)
    }
}

/// The namespace a class body fills.
final class ClassNamespace {
    var dict: AttributeDict = [:]
}
