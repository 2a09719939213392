// Per-interpreter state: the value stack and frame pool, the recursion limit, the module
// table, the output sinks and the event loop. One `Runtime` is used from one thread only;
// there is no state shared between runtimes except the immutable built-in types.
import CSwirlSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SwirlSyntax

/// Where script output goes.
struct OutputSinks {
    var stdout: (String) -> Void
    var stderr: (String) -> Void
    /// Pushes buffered standard output out (`print(flush=True)`, `sys.stdout.flush()`).
    var flush: () -> Void = {}
    /// Receives warnings (`RuntimeWarning: coroutine ... was never awaited`); nil: stderr.
    var warning: ((String) -> Void)? = nil
}

final class Runtime {
    var output: OutputSinks
    let builtins = Globals()
    var modules: [String: PyModule] = [:]
    var argv: [String] = []
    /// Folder of the main script, for imports of the user's own modules.
    var scriptDirectory: String?
    var virtualTime = false
    var debugMode = false
    /// The debug mode a new event loop starts with (`--debug`, `Configuration.debug`).
    var configuredDebug = false
    /// `set_event_loop(None)` was the last word (asyncio.run ends with it): outside a running
    /// loop, `get_event_loop()` raises instead of returning the last loop.
    var noCurrentEventLoop = false
    /// Tasks that raised SystemExit or KeyboardInterrupt out of the loop; released (and so
    /// reported if nobody saw their exception) after the uncaught exception is printed.
    var tasksEndingTheRun: [PyTask] = []
    private(set) lazy var loop = EventLoop(rt: self)

    // Value stack for the locals of sync calls.
    var stackCapacity = 1 << 22
    var stack: UnsafeMutablePointer<Value?>
    var sp = 0
    /// Frames reused by sync calls, one per depth (owned here, released in deinit).
    var framePool: [Unmanaged<Frame>] = []
    /// The `to_thread` fiber whose state is installed (nil when the loop itself runs).
    var currentWorker: WorkerFiber?
    var depth = 0
    var recursionLimit = 1000
    var activationCounter = 0
    /// Lowest native stack address script code may reach before RecursionError.
    var nativeStackLimit: UInt = 0
    /// Containers whose repr is being computed (to print `[...]` for cycles).
    var reprActive = Set<ObjectIdentifier>()
    /// Exceptions being handled by enclosing `except`/`finally` blocks (innermost last).
    var handledExceptions: [PyException] = []
    /// The `async for` bodies lent to the async generators they drive (AsyncForSink.swift).
    let asyncForSinks = AsyncForSinkStack()
    /// How many `async for` bodies ran in place (the tests check the mechanism engages).
    var bodiesRunInPlace = 0
    /// The namespace of the main script.
    var mainGlobals: Globals?
    /// Constructors of native types that scripts can call.
    var nativeConstructors: [ObjectIdentifier: (Runtime, Arguments) throws -> Value] = [:]
    /// Bumped whenever a class's namespace changes after creation: attribute caches at
    /// call sites compare it to know their cached class lookups are still right.
    var classEpoch = 0
    /// `sys.modules`: every module imported so far.
    let sysModules = PyDict()
    /// Identifier strings shared by the compiled code (see `intern`).
    var internedNames: [String: PyStr] = [:]
    /// The parser's error for each SyntaxError exception, to print its caret line.
    var syntaxErrors: [ObjectIdentifier: SyntaxError] = [:]
    /// Set from another thread to interrupt the running script.
    let interruptFlag = InterruptFlag()
    /// The event loop's descriptor poller, created with the runtime so that another
    /// thread can always wake the loop (`Interpreter.interrupt()`).
    let poller = Poller()
    /// Set by an interactive session: runs `asyncio.run(main)` typed at its prompt on the
    /// session's own (already running) loop.
    var interactiveAsyncioRun: ((Value) throws -> Value)?

    // Embedding (Embedding/*.swift): sandbox, limits and the bridge to host Swift code.
    /// What the script may touch outside the interpreter (the CLI grants everything).
    var capabilities: Capabilities = .all
    /// Decremented at every call and loop back-edge; below zero, `limitSlowPath` runs.
    var stepCountdown = Int.max
    /// Step and deadline limits of the current run.
    let limits = LimitState()
    /// The byte budget for large script objects (nil: unlimited).
    var memoryAccount: MemoryAccount?
    /// Work other threads hand to the loop thread (host `async` results, cancellations).
    let hostInbox = HostInbox()
    /// Host `async` calls started and not yet finished: the loop waits for them.
    var pendingHostCalls = 0
    /// The script objects of the host objects converted so far (one per `HostObject`).
    var hostObjects: [ObjectIdentifier: PyHostObject] = [:]

    init(output: OutputSinks) {
        self.output = output
        stack = UnsafeMutablePointer<Value?>.allocate(capacity: stackCapacity)
        deathReports.runtime = self
        Types.installMethods()
        installBuiltins()
    }

    /// Shared with objects that report from their deinitialisers.
    let deathReports = DeathReports()

    /// The thread running scripts, while one runs. Deinitialisers run script code (the
    /// `finally` of a dropped generator) only there: a host thread dropping the last
    /// reference to a script object must not run the script behind the runtime's back.
    var scriptThread: pthread_t?
    /// Dropped suspended generators waiting to be closed (see `queueFinalizer`), checked
    /// after each statement and each script call.
    var pendingFinalizers: [PendingFinalizer] = []
    /// Coroutines dropped without being awaited, by qualified name, not yet reported.
    var pendingNeverAwaited: [String] = []
    /// The warnings already shown, by location and message (each is shown once).
    var shownWarnings = Set<String>()
    var hasPendingFinalizers = false
    var runningFinalizers = false
    /// Set while the main module's namespace is cleared at exit.
    var finalizingAtExit = false
    var isOnScriptThread: Bool {
        guard let t = scriptThread else { return false }
        return pthread_equal(t, pthread_self()) != 0
    }

    deinit {
        deathReports.runtime = nil
        for f in framePool { f.release() }
        stack.deinitialize(count: sp)
        stack.deallocate()
    }

    // MARK: frames

    /// Takes the pooled frame for the next depth, checking the recursion limits.
    @inline(__always)
    func enterFrame(code: CodeObject, slots: UnsafeMutablePointer<Value?>, count: Int) throws -> Frame {
        try checkDepth()
        let f: Frame
        if depth < framePool.count {
            f = framePool[depth].takeUnretainedValue()
            f.slots = slots
        } else {
            f = Frame(rt: self, slots: slots)
            framePool.append(Unmanaged.passRetained(f))
        }
        depth += 1
        f.slotCount = count
        f.code = code
        activationCounter &+= 1
        f.activation = activationCounter
        return f
    }

    /// `enterFrame`, handing back the pooled frame unretained.
    @inline(__always)
    func enterFrameRef(code: CodeObject, slots: UnsafeMutablePointer<Value?>, count: Int) throws -> Unmanaged<Frame> {
        try checkDepth()
        let f: Unmanaged<Frame>
        if depth < framePool.count {
            f = framePool[depth]
        } else {
            f = Unmanaged.passRetained(Frame(rt: self, slots: slots))
            framePool.append(f)
        }
        f._withUnsafeGuaranteedRef { frame in
            frame.slots = slots
            frame.slotCount = count
            frame.code = code
            activationCounter &+= 1
            frame.activation = activationCounter
        }
        depth += 1
        return f
    }

    @inline(__always) func leaveFrame(_ f: Frame) {
        depth -= 1
        if case .object = f.returnValue { f.returnValue = .none }
    }

    /// Counts a nested activation that has its own frame (generators, coroutines).
    /// RecursionError past `sys.getrecursionlimit()` or when the native stack runs low (the
    /// stack is sampled every 8 levels; the margin covers the deepest nesting in between).
    /// Each call also counts as one execution step (see `stepCountdown`).
    @inline(__always) func checkDepth() throws {
        stepCountdown &-= 1
        if depth >= recursionLimit || (depth & 7 == 0 && nativeStackLimit != 0 && swirl_stack_pointer() < nativeStackLimit) {
            throw ScriptError(Types.recursionError, "maximum recursion depth exceeded")
        }
        if stepCountdown < 0 { try limitSlowPath() }
    }

    @inline(__always) func enterNested() throws {
        try checkDepth()
        depth += 1
        activationCounter &+= 1
    }

    @inline(__always) func leaveNested() { depth -= 1 }

    /// Reserves `n` slots on the value stack, initialised to nil.
    @inline(__always) func reserve(_ n: Int) throws -> Int {
        let base = sp
        if base + n > stackCapacity {
            throw ScriptError(Types.recursionError, "maximum recursion depth exceeded")
        }
        (stack + base).initialize(repeating: nil, count: n)
        sp = base + n
        return base
    }

    /// Pops the value stack back to `base`, releasing what it held.
    @inline(__always) func release(to base: Int) {
        var i = sp
        while i > base {
            i -= 1
            let old: Value? = (stack + i).move()
            _ = old
        }
        sp = base
    }

    /// Raises KeyboardInterrupt when an interrupt was requested (checked on loop back-edges),
    /// or the limit error once a step or time limit is exhausted (see Embedding/Limits.swift).
    @inline(__always) func checkInterrupt() throws {
        stepCountdown &-= 1
        if interruptFlag.isSet || stepCountdown < 0 { try limitSlowPath() }
    }

    // MARK: tracebacks

    /// Adds a traceback entry for frame `f` unless this exception already has one for it.
    func recordTraceback(_ e: PyException, _ f: Frame, line: Int32) {
        guard e.recordedActivation != f.activation, let code = f.code else { return }
        e.recordedActivation = f.activation
        // The part of a multi-line statement it came out of, if marked (LineMarkNode).
        let entryLine = e.pendingLineActivation == f.activation ? e.pendingLine : line
        e.pendingLineActivation = 0
        e.traceback.append(TracebackEntry(source: code.source, function: code.name, line: Int(entryLine)))
        var i = 0
        while i < f.slotCount {
            if case .object(let o)? = f.slots[i], o !== e {
                switch o {
                case let g as PyGenerator:
                    if g.code.kind == .coroutine, g.state == .created, !g.awaitedOrStarted { e.heldObjects.append(g) }
                case let fut as PyFuture:
                    if fut.logTraceback { e.heldObjects.append(fut) }
                case let inst as PyInstance:
                    if inst.cls.finalizerReports != nil { e.heldObjects.append(inst) }
                default:
                    break
                }
            }
            i += 1
        }
    }
}
