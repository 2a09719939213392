// Generator, coroutine and async-generator objects: a suspended frame plus the resume
// protocol (send a value or throw an exception in, get a yielded or returned value out).
// Awaiting a coroutine, `yield from` and the event loop's task steps all drive frames
// through `ResumableObject.resume`.

enum GenStep {
    case yielded(Value)
    case returned(Value)
}

/// Anything that can be driven by `send`/`throw`: script generators and coroutines, and
/// native awaitables (futures, asyncio.sleep, queue operations...).
class ResumableObject: PyIteratorObject {
    func resume(_ rt: Runtime, send: Value, throwing: PyException?) throws -> GenStep {
        .returned(.none)
    }
    /// Whether scripts may iterate it (`next()`, `for`, `yield from`): not a coroutine,
    /// which only `await` (or its `__await__()` wrapper) drives, nor an async generator.
    var isScriptIterator: Bool { type !== Types.coroutine }
    /// `close()`: throws GeneratorExit in; native awaitables just stop.
    func close(_ rt: Runtime) throws {}

    override func next(_ rt: Runtime) throws -> Value? {
        switch try resume(rt, send: .none, throwing: nil) {
        case .yielded(let v): return v
        case .returned: return nil
        }
    }
}

final class PyGenerator: ResumableObject {
    enum State { case created, suspended, running, finished }

    // The one-byte fields sit together at the end: 51 bytes, a 64-byte allocation.
    let code: CodeObject
    let frame: Frame
    /// The function the generator was made from (names for reprs and warnings).
    let function: PyFunction
    var name: String { function.name }
    var qualname: String { function.qualname }
    private let reports: DeathReports
    var state = State.created
    /// Set when the last suspension was a `yield` of an async generator (not an await).
    var yieldedFromAsyncGen = false
    /// Whether the coroutine was ever started or awaited (the "never awaited" warning).
    var awaitedOrStarted = false
    /// Set on the stand-in that finalizes a dropped generator: finalization runs once.
    var finalized = false
    /// In its loop's set of live async generators (see `EventLoop.noteAsyncGeneratorStarted`).
    var registeredWithLoop = false

    init(code: CodeObject, frame: Frame, function: PyFunction, rt: Runtime) {
        self.code = code
        self.frame = frame
        self.function = function
        self.reports = rt.deathReports
    }

    deinit {
        guard let rt = reports.runtime else { return }
        if registeredWithLoop { rt.loop.forgetAsyncGenerator(self, onLoopThread: rt.isOnScriptThread) }
        if code.kind == .coroutine && state == .created && !awaitedOrStarted {
            rt.coroutineDroppedUnawaited(qualname)
        } else if state == .suspended && !finalized && rt.isOnScriptThread {
            rt.queueFinalizer(code: code, frame: frame, function: function, identity: ObjectIdentifier(self),
                              closedByLoop: registeredWithLoop)
        }
    }

    /// CPython's `ag_running_async`: an `anext()`/`asend()`/`athrow()`/`aclose()` step of this
    /// async generator is under way (it may be suspended at an `await` of the generator's
    /// own), and another may not start until it completes.
    var runningAsync = false
    /// CPython's `ag_closed`: `aclose()` has begun, or a step ended the generator with
    /// StopAsyncIteration or GeneratorExit; a later `athrow()`/`aclose()` stops at once.
    var closedForAthrow = false

    /// The error for a step started meanwhile (`method`: "anext", "athrow", "aclose"). Out
    /// of line, so the direct `async for` step that checks for it stays small.
    @inline(never) static func alreadyRunning(_ method: String) -> ScriptError {
        runtimeError("\(method)(): asynchronous generator is already running")
    }

    override var isScriptIterator: Bool { code.kind == .generator }

    override var type: PyType {
        switch code.kind {
        case .coroutine: return Types.coroutine
        case .asyncGenerator: return Types.asyncGenerator
        default: return Types.generator
        }
    }

    var kindName: String {
        switch code.kind {
        case .coroutine: return "coroutine"
        case .asyncGenerator: return "async_generator"
        default: return "generator"
        }
    }

    /// The kind as CPython's error messages spell it ("async generator raised StopIteration").
    var kindInMessages: String {
        code.kind == .asyncGenerator ? "async generator" : kindName
    }

    override func resume(_ rt: Runtime, send: Value, throwing: PyException?) throws -> GenStep {
        switch state {
        case .running:
            throw valueError("\(kindInMessages) already executing")
        case .finished:
            if let e = throwing { throw ScriptError(e) }
            if code.kind == .coroutine { throw runtimeError("cannot reuse already awaited coroutine") }
            return .returned(.none)
        case .created:
            awaitedOrStarted = true
            // asyncio's firstiter hook: the loop closes it at shutdown if still alive.
            if code.kind == .asyncGenerator && rt.loop.running && !finalized { rt.loop.noteAsyncGeneratorStarted(self) }
            if let e = throwing {
                state = .finished
                throw ScriptError(e)
            }
            if !send.isNone {
                throw typeError("can't send non-None value to a just-started \(kindInMessages)")
            }
            frame.resuming = false
        case .suspended:
            frame.resuming = true
            frame.setResumeInput(send: send, throwing: throwing)
        }
        state = .running
        try rt.enterNested()
        frame.activation = rt.activationCounter
        defer { rt.leaveNested() }
        let flow: Flow
        do {
            flow = try Unmanaged.passUnretained(code.body)._withUnsafeGuaranteedRef { try $0.exec(frame) }
        } catch let e as ScriptError {
            finish()
            if e.exception.isInstance(of: Types.stopIteration) && code.kind != .function {
                let r = PyException(Types.runtimeError, "\(kindInMessages) raised StopIteration")
                r.cause = e.exception
                r.context = e.exception
                r.suppressContext = true
                throw ScriptError(r)
            }
            if code.kind == .asyncGenerator && e.exception.isInstance(of: Types.stopAsyncIteration) {
                let r = PyException(Types.runtimeError, "async generator raised StopAsyncIteration")
                r.cause = e.exception
                r.suppressContext = true
                throw ScriptError(r)
            }
            throw e
        }
        switch flow {
        case .suspended:
            state = .suspended
            yieldedFromAsyncGen = frame.yieldIsAsyncGenValue
            frame.yieldIsAsyncGenValue = false
            let v = frame.returnValue
            frame.returnValue = .none
            return .yielded(v)
        case .returned:
            let v = frame.returnValue
            finish()
            return .returned(v)
        default:
            finish()
            return .returned(.none)
        }
    }

    private func finish() {
        state = .finished
        frame.clearSaved()
        frame.returnValue = .none
        for i in 0..<frame.slotCount { frame.slots[i] = nil }
    }

    override func close(_ rt: Runtime) throws {
        guard state == .suspended else {
            state = .finished
            return
        }
        do {
            let step = try resume(rt, send: .none, throwing: PyException(Types.generatorExit, args: []))
            if case .yielded = step { throw runtimeError("\(kindInMessages) ignored GeneratorExit") }
        } catch let e as ScriptError where e.exception.isInstance(of: Types.generatorExit)
                    || e.exception.isInstance(of: Types.stopIteration) {
            return
        }
    }

    override func next(_ rt: Runtime) throws -> Value? {
        if code.kind != .generator { throw typeError("'\(kindName)' object is not an iterator") }
        switch try resume(rt, send: .none, throwing: nil) {
        case .yielded(let v): return v
        case .returned: return nil
        }
    }
}

extension Runtime {
    /// The iterator `await x` drives: a coroutine itself, or what `__await__` returns.
    func awaitIterator(_ v: Value, refusal: String? = nil) throws -> ResumableObject {
        if case .object(let o) = v {
            if let g = o as? PyGenerator {
                if g.code.kind == .coroutine {
                    // Suspended means suspended inside an await of its own: someone else
                    // (a task, another coroutine) is driving it.
                    if g.state == .suspended { throw runtimeError("coroutine is being awaited already") }
                    return g
                }
            } else if let r = o as? ResumableObject {
                if let fut = r as? PyFuture { return fut.awaitIterator() }
                // Native coroutine-like objects (asyncio.sleep, async generator steps).
                if !(r is PyGenerator) { return r }
            }
            if let m = special(v, "__await__") {
                let it = try callMethod(m, self: v, [])
                if case .object(let io) = it, let r = io as? ResumableObject { return r }
                if case .object(let io) = it, io is PyIteratorObject { return IteratorDriver(it) }
                if special(it, "__next__") != nil { return IteratorDriver(it) }
                throw typeError("__await__() returned non-iterator of type '\(typeName(it))'")
            }
        }
        if let refusal { throw typeError("\(refusal): \(typeName(v))") }
        throw typeError("object \(typeName(v)) can't be used in 'await' expression")
    }
}


/// `coroutine.__await__()`: an iterator driving the coroutine (CPython's
/// `coroutine_wrapper`), whose end raises StopIteration with the coroutine's result.
final class CoroutineWrapper: ResumableObject {
    let coroutine: ResumableObject
    init(_ c: ResumableObject) { coroutine = c }
    override var type: PyType { Types.coroutineWrapper }
    override func resume(_ rt: Runtime, send: Value, throwing: PyException?) throws -> GenStep {
        try coroutine.resume(rt, send: send, throwing: throwing)
    }
    override func close(_ rt: Runtime) throws { try coroutine.close(rt) }
}

extension Types {
    nonisolated(unsafe) static let coroutineWrapper = builtin("coroutine_wrapper")
}

/// Drives a plain iterator (from a user `__await__` or `yield from`) with send/throw.
final class IteratorDriver: ResumableObject {
    let iterator: Value
    init(_ it: Value) { iterator = it }
    override func resume(_ rt: Runtime, send: Value, throwing: PyException?) throws -> GenStep {
        if let e = throwing {
            if let m = rt.special(iterator, "throw") {
                return try stepResult(rt) { try rt.callMethod(m, self: iterator, [.object(e)]) }
            }
            throw ScriptError(e)
        }
        if !send.isNone, let m = rt.special(iterator, "send") {
            return try stepResult(rt) { try rt.callMethod(m, self: iterator, [send]) }
        }
        // A script iterator's StopIteration carries the value `yield from` evaluates to.
        if case .object(let o) = iterator, !(o is PyIteratorObject), let m = rt.special(iterator, "__next__") {
            return try stepResult(rt) { try rt.callMethod(m, self: iterator, []) }
        }
        if let v = try rt.nextOf(iterator) { return .yielded(v) }
        return .returned(.none)
    }

    private func stepResult(_ rt: Runtime, _ body: () throws -> Value) throws -> GenStep {
        do {
            return .yielded(try body())
        } catch let e as ScriptError where e.exception.isInstance(of: Types.stopIteration) {
            return .returned(e.exception.args.first ?? .none)
        }
    }
}

/// A dropped suspended generator awaiting finalization (see `Runtime.queueFinalizer`).
struct PendingFinalizer {
    enum StandIn {
        case generator(PyGenerator, closedByLoop: Bool)
        /// An instance of a class with `__del__`.
        case instance(PyInstance)
    }
    let standIn: StandIn
    /// The dropped object, for the address in an "Exception ignored in" report.
    let identity: ObjectIdentifier
}

extension Runtime {
    /// What CPython does when a suspended generator, coroutine or async generator is
    /// dropped: a generator or coroutine is closed (GeneratorExit thrown in at its
    /// suspension point, so `finally` blocks and `with` exits run; what goes wrong is
    /// reported as "Exception ignored in"); an async generator first iterated under the
    /// loop gets its `aclose()` run as a task of the loop (asyncio's finalizer hook; nothing
    /// once the loop is closed), any other is closed like a generator.
    /// A dying object cannot be kept alive, so a stand-in takes over its frame. The
    /// stand-in runs at the next safe point (after the current statement or call) rather
    /// than inside the release: the release may happen in the middle of a container
    /// update the finalizer's script code could touch.
    /// `closedByLoop`: an async generator first iterated while the loop ran (asyncio's
    /// finalizer hook applies); one iterated with no loop running is closed at once, like
    /// a generator, as CPython does without a hook.
    func queueFinalizer(code: CodeObject, frame: Frame, function: PyFunction, identity: ObjectIdentifier,
                        closedByLoop: Bool) {
        let standIn = PyGenerator(code: code, frame: frame, function: function, rt: self)
        standIn.state = .suspended
        standIn.awaitedOrStarted = true
        standIn.finalized = true
        standIn.yieldedFromAsyncGen = true
        pendingFinalizers.append(PendingFinalizer(standIn: .generator(standIn, closedByLoop: closedByLoop), identity: identity))
        hasPendingFinalizers = true
    }

    /// A dropped instance of a class with `__del__`: `standIn` (its class and attributes)
    /// runs `__del__` at the next safe point.
    func queueFinalizer(instance standIn: PyInstance, identity: ObjectIdentifier) {
        pendingFinalizers.append(PendingFinalizer(standIn: .instance(standIn), identity: identity))
        hasPendingFinalizers = true
    }

    /// Runs the queued finalizers, oldest first (those queued meanwhile included), then
    /// reports the coroutines dropped unawaited meanwhile: at `line` of frame `f` (the
    /// statement that just ended) or, without a frame, at CPython's "sys:1". With
    /// `keepingWarnings` (a function returning) the reports wait for the caller's
    /// statement, which is where CPython places them.
    @inline(never)
    func runPendingFinalizers(at f: Frame? = nil, line: Int32 = 0, keepingWarnings: Bool = false) {
        guard !runningFinalizers else { return }
        runningFinalizers = true
        defer { runningFinalizers = false }
        drainFinalizers(nesting: 0)
        if !keepingWarnings { reportNeverAwaited(at: f, line: line) }
        hasPendingFinalizers = !pendingNeverAwaited.isEmpty
    }

    /// Before an `except` or `finally` block of frame `f` runs: what exception `e` dropped
    /// on its way out (the iterator of a loop it left) is finalized first, as in CPython,
    /// where it dies as the stack unwinds. A coroutine dropped unawaited is reported at
    /// the failing line when `e` was raised in this frame (a temporary of the failed
    /// statement); raised further down, the coroutine may have been an argument of a
    /// failed call, which CPython's traceback keeps until the handler ends, so the report
    /// waits for the end of a statement.
    @inline(__always) func finalizeDroppedDuringUnwinding(_ e: PyException, _ f: Frame) {
        guard hasPendingFinalizers else { return }
        if e.traceback.count == 1, let entry = e.traceback.first, e.recordedActivation == f.activation {
            runPendingFinalizers(at: f, line: Int32(truncatingIfNeeded: entry.line))
        } else {
            runPendingFinalizers(keepingWarnings: true)
        }
    }

    /// Reports the coroutines dropped unawaited so far, at `line` of `f` (see above). A
    /// statement left by an exception does not report: in CPython the arguments of the
    /// failed call live on in the traceback until the handler ends.
    private func reportNeverAwaited(at f: Frame?, line: Int32) {
        guard !pendingNeverAwaited.isEmpty else { return }
        let names = pendingNeverAwaited
        pendingNeverAwaited = []
        let location = f?.code.map { ($0.source, Int(line)) }
        for name in names { warnNeverAwaited(name, location: location) }
    }

    /// A coroutine dropped without being awaited: reported at the next statement boundary,
    /// which knows the script line (at once when no script code runs here).
    func coroutineDroppedUnawaited(_ qualname: String) {
        if isOnScriptThread && !finalizingAtExit {
            pendingNeverAwaited.append(qualname)
            hasPendingFinalizers = true
        } else {
            warnNeverAwaited(qualname, location: nil)
        }
    }

    /// Runs the queue in order; what a finalizer drops is finalized right after it, before
    /// the next one, as in CPython (up to a nesting depth, then in queue order, so that a
    /// long chain of generators cannot exhaust the native stack).
    private func drainFinalizers(nesting: Int) {
        while !pendingFinalizers.isEmpty {
            // Taken out first: finalizing (and releasing a finished stand-in) can queue more.
            let batch = pendingFinalizers
            pendingFinalizers = []
            for pending in batch {
                finalize(pending)
                if !pendingFinalizers.isEmpty && nesting < 100 { drainFinalizers(nesting: nesting + 1) }
            }
        }
    }

    private func finalize(_ pending: PendingFinalizer) {
        switch pending.standIn {
        case .generator(let g, let closedByLoop): finalize(g, identity: pending.identity, closedByLoop: closedByLoop)
        case .instance(let inst):
            guard let del = inst.cls.lookup("__del__") else { return }
            do {
                _ = try callMethod(del, self: .object(inst), [])
            } catch let e as ScriptError {
                let function = (del.asObject as? PyFunction)?.qualname ?? "\(inst.cls.qualname).__del__"
                output.stderr("Exception ignored in: <function \(function) at \(address(ObjectIdentifier(del.asObject ?? inst)))>\n"
                              + formatException(e.exception, chained: false))
            } catch {}
        }
    }

    private func finalize(_ standIn: PyGenerator, identity: ObjectIdentifier, closedByLoop: Bool) {
        let code = standIn.code
        if code.kind == .asyncGenerator && closedByLoop {
            // asyncio's hook does nothing once its loop is closed.
            guard loop.running else { return }
            let loop = self.loop
            loop.callSoon(PyHandle(.native { _ in _ = loop.acloseTask(standIn) }))
            return
        }
        do {
            try standIn.close(self)
        } catch let e as ScriptError {
            output.stderr("Exception ignored in: <\(standIn.kindName) object \(code.qualname) at \(address(identity))>\n"
                          + formatException(e.exception, chained: false))
        } catch {}
    }
}

extension Runtime {
    /// At the end of the main script CPython tears `__main__` down, which finalizes the
    /// suspended generators the script still holds (and reports coroutines never awaited).
    /// Here the namespace is cleared name by name, in the order the names were first used,
    /// in three passes (see `exitPass`); CPython's own order, decided by its garbage
    /// collector, can differ when several are pending.
    func clearMainModuleAtExit(_ globals: Globals) {
        finalizingAtExit = true
        defer { finalizingAtExit = false }
        for pass in 0..<3 {
            for (slot, name) in globals.names.enumerated() where name != "__builtins__" {
                // (No local copy of the value: it must die at the `set`, not at the end
                // of the iteration.)
                guard globals.get(slot) != nil, exitPass(globals.get(slot)) == pass else { continue }
                globals.set(slot, Value.none)
                if hasPendingFinalizers { runPendingFinalizers() }
            }
        }
    }

    /// When a global is cleared at exit: data first, then containers; functions, classes
    /// and modules last, so that the finalizers of the rest can still call them (in
    /// CPython they run before the module's names are cleared).
    private func exitPass(_ v: Value?) -> Int {
        guard case .object(let o)? = v else { return 0 }
        if o is PyList || o is PyTuple || o is PyDict || o is PySet { return 1 }
        if o is PyFunction || o is PyType || o is PyModule || o is PyNativeFunction || o is PyBoundMethod { return 2 }
        return 0
    }
}
