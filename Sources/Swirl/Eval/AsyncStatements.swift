// `async with`, `async for` and a `with` whose body suspends. They await the context
// manager's `__aenter__`/`__aexit__` and the iterator's `__anext__` through the same
// resume mechanism as `await`.

extension Frame {
    /// Starts awaiting `awaitable`: its result, or nil when the frame must suspend (the
    /// caller then pushes its state, then the iterator returned in `pending`).
    /// `refusal`: how the statement names a value that is not awaitable (CPython's
    /// "'async for' received an invalid object from __anext__"), instead of the plain
    /// `await` message.
    func startAwait(_ awaitable: Value, pending: inout ResumableObject?, refusal: String? = nil) throws -> Value? {
        let it = try rt.awaitIterator(awaitable, refusal: refusal)
        return try drive(it, send: .none, thrown: nil, pending: &pending)
    }

    /// Continues an await this frame suspended in: pops the iterator and feeds it what the
    /// frame was resumed with.
    func continueAwait(_ awaiting: ResumableObject?, pending: inout ResumableObject?) throws -> Value? {
        guard let it = awaiting else { return Value.none }
        resuming = false
        let (send, thrown) = takeResumeInput()
        return try drive(it, send: send, thrown: thrown, pending: &pending)
    }

    private func drive(_ it: ResumableObject, send: Value, thrown: PyException?, pending: inout ResumableObject?) throws -> Value? {
        switch try withRuntime({ try it.resume($0, send: send, throwing: thrown) }) {
        case .returned(let v):
            pending = nil
            return v
        case .yielded(let y):
            returnValue = y
            pending = it
            return nil
        }
    }
}

extension Runtime {
    /// `aiter(x)`, for `async for` or (`builtin`) the built-in, whose refusal reads differently.
    func asyncIterator(_ v: Value, builtin: Bool = false) throws -> Value {
        guard let m = special(v, "__aiter__") ?? nativeMethod(v, "__aiter__") else {
            if builtin { throw typeError("'\(typeName(v))' object is not an async iterable") }
            throw typeError("'async for' requires an object with __aiter__ method, got \(typeName(v))")
        }
        return try callMethod(m, self: v, [])
    }

    /// `anext(it)` as an awaitable, for `async for` or (`builtin`) the built-in.
    func asyncNext(_ it: Value, builtin: Bool = false) throws -> Value {
        guard let m = special(it, "__anext__") ?? nativeMethod(it, "__anext__") else {
            if builtin { throw typeError("'\(typeName(it))' object is not an async iterator") }
            throw typeError("'async for' received an object from __aiter__ that does not implement __anext__: \(typeName(it))")
        }
        return try callMethod(m, self: it, [])
    }

    func nativeMethod(_ v: Value, _ name: String) -> Value? {
        guard case .object(let o) = v else { return nil }
        return o.type.lookup(name)
    }
}

final class AsyncForStmt: StmtNode {
    let target: TargetNode
    let iter: ExprNode
    let body: StmtNode
    let orElse: StmtNode?
    /// The local slot the iterable is read from when the body never names that local,
    /// else -1: a generator held only there and by the loop is private to the loop.
    let privateIterSlot: Int
    private let targetRef: TargetRef
    private let bodyRef: BodyRef
    init(_ target: TargetNode, _ iter: ExprNode, _ body: StmtNode, _ orElse: StmtNode?,
         privateIterSlot: Int = -1, line: Int32) {
        self.target = target
        self.iter = iter
        self.body = body
        self.orElse = orElse
        self.privateIterSlot = privateIterSlot
        targetRef = TargetRef(target)
        bodyRef = BodyRef(body)
        super.init(line: line)
    }

    // Phases: 0 evaluating the iterable; 1 awaiting __anext__; 2 in the body; 3 in else.
    override func exec(_ f: Frame) throws -> Flow {
        try f.withRuntime { try run(f, $0) }
    }

    private func run(_ f: Frame, _ rt: Runtime) throws -> Flow {
        var phase = f.resuming ? f.popInt() : 0
        var iterator = Value.none
        var pending: ResumableObject?
        var awaiting: ResumableObject?
        if phase == 1 { awaiting = f.pop().asObject as? ResumableObject }
        if phase == 1 || phase == 2 { iterator = f.pop() }
        if phase == 0 {
            guard let source = try iter.evalR(f) else {
                f.pushInt(0)
                return .suspended
            }
            iterator = try rt.asyncIterator(source)
            phase = 1
            f.resuming = false
        }
        // A script async generator is driven directly (see nextFromAsyncGenerator). The
        // local `iterator` keeps it alive, so it is used without reference counting.
        var generator: Unmanaged<PyGenerator>?
        if case .object(let o) = iterator, type(of: o) == PyGenerator.self {
            let g = unsafeDowncast(o, to: PyGenerator.self)
            if g.code.kind == .asyncGenerator { generator = Unmanaged.passUnretained(g) }
        }
        loop: while phase != 3 {
            // What the body did when the generator ran it in place (AsyncForSink.swift).
            var ranInPlace: Flow?
            if phase == 1 {
                let item: Value?
                var outcome = AsyncForSink.Outcome.none
                do {
                    if !f.resuming, let g = generator {
                        let lend = isPrivate(g, to: f)
                        item = try g._withUnsafeGuaranteedRef {
                            try nextFromAsyncGenerator($0, f, rt, lendingBody: lend, pending: &pending, outcome: &outcome)
                        }
                    } else if f.resuming {
                        item = try f.continueAwait(awaiting, pending: &pending)
                        awaiting = nil
                    } else {
                        item = try f.startAwait(try rt.asyncNext(iterator), pending: &pending,
                                                refusal: "'async for' received an invalid object from __anext__")
                    }
                } catch let e as ScriptError where e.exception.isInstance(of: Types.stopAsyncIteration) {
                    phase = 3
                    break loop
                }
                switch outcome {
                case .none:
                    guard let value = item else {
                        f.push(iterator)
                        f.push(pending.map { .object($0) } ?? .none)
                        f.pushInt(1)
                        return .suspended
                    }
                    try targetRef.assign(value, f)
                case .flow(let r):
                    ranInPlace = r
                case .raised(let e):
                    throw e
                }
            }
            let r: Flow
            if let ran = ranInPlace { r = ran } else { r = try bodyRef.exec(f) }
            switch r {
            case .normal, .continueLoop: phase = 1
            case .breakLoop: return .normal
            case .suspended:
                f.push(consume iterator)
                f.pushInt(2)
                return .suspended
            default: return r
            }
        }
        guard let orElse else { return .normal }
        let r = try orElse.exec(f)
        if r == .suspended { f.pushInt(3) }
        return r
    }

    /// The body run in place by the generator's `yield` (AsyncForSink.swift).
    @inline(__always) func runBody(on value: Value, in f: Frame) throws -> Flow {
        try targetRef.assign(value, f)
        return try bodyRef.exec(f)
    }

    /// Whether the loop's references to `g` (its iterator, and the private slot it was read
    /// from) are the only ones: then no script code can reach the generator while the
    /// body runs inside it.
    @inline(__always) private func isPrivate(_ g: Unmanaged<PyGenerator>, to f: Frame) -> Bool {
        var holders = 1
        if privateIterSlot >= 0, case .object(let o)? = f.slots[privateIterSlot], o === g.takeUnretainedValue() {
            holders += 1
        }
        return swift_retainCount(g.toOpaque()) == holders
    }

    /// `await anext(g)` for a script async generator without allocating the `__anext__`
    /// awaitable: the generator is resumed directly; only when it suspends on an `await`
    /// of its own does the frame keep an awaitable to continue it with. With `lendingBody`
    /// the generator may run the body in place: nil then comes back with `outcome` set
    /// when the body did not simply finish.
    private func nextFromAsyncGenerator(_ g: PyGenerator, _ f: Frame, _ rt: Runtime, lendingBody: Bool,
                                        pending: inout ResumableObject?, outcome: inout AsyncForSink.Outcome) throws -> Value? {
        if g.runningAsync { throw PyGenerator.alreadyRunning("anext") }
        g.runningAsync = true
        let step: GenStep
        do {
            if lendingBody {
                rt.lendSink(self, consumer: f, to: g.frame)
                do {
                    step = try g.resume(rt, send: .none, throwing: nil)
                } catch {
                    _ = rt.takeSink(from: g.frame)
                    throw error
                }
                outcome = rt.takeSink(from: g.frame)
            } else {
                step = try g.resume(rt, send: .none, throwing: nil)
            }
        } catch let e as ScriptError {
            g.runningAsync = false
            if e.exception.isInstance(of: Types.stopAsyncIteration) || e.exception.isInstance(of: Types.generatorExit) {
                g.closedForAthrow = true
            }
            throw e
        }
        switch step {
        case .returned:
            g.runningAsync = false
            g.closedForAthrow = true
            throw ScriptError(PyException(Types.stopAsyncIteration, args: []))
        case .yielded(let v):
            if case .none = outcome, !g.yieldedFromAsyncGen {
                // Suspended at an await of its own: the step stays under way.
                f.returnValue = v
                pending = AsyncGenAwaitable(g, .asend(.none), phase: .iterating)
                return nil
            }
            g.runningAsync = false
            return v
        }
    }
}

/// The strong reference count of a native Swift object (the runtime's own entry point).
@_silgen_name("swift_retainCount")
func swift_retainCount(_ object: UnsafeMutableRawPointer) -> Int

/// `async with`, and plain `with` when its body suspends (`isAsync` false).
class WithStmtBase: StmtNode {
    let context: ExprNode
    let target: TargetNode?
    let body: StmtNode
    let isAsync: Bool
    init(context: ExprNode, target: TargetNode?, body: StmtNode, isAsync: Bool, line: Int32) {
        self.context = context
        self.target = target
        self.body = body
        self.isAsync = isAsync
        super.init(line: line)
    }

    // Phases: 0 context expression; 1 awaiting __aenter__; 2 body; 3 awaiting __aexit__
    // after an exception; 4 awaiting __aexit__ after a normal exit.
    // Saved below the phase: manager, exit method, then phase-specific values.
    override func exec(_ f: Frame) throws -> Flow {
        let rt = f.rt
        var phase = f.resuming ? f.popInt() : 0
        var manager = Value.none, exit = Value.none
        var pending: ResumableObject?
        var exc: PyException?
        var flow = Flow.normal
        var awaiting: ResumableObject?
        if phase == 1 || phase == 3 || phase == 4 { awaiting = f.pop().asObject as? ResumableObject }
        if phase == 3 { exc = f.pop().asObject as? PyException }
        if phase == 4 {
            flow = Flow(rawValue: UInt8(f.popInt())) ?? .normal
            f.returnValue = f.pop()
        }
        if phase >= 1 {
            exit = f.pop()
            manager = f.pop()
        }
        func save(_ extra: () -> Void) {
            f.push(manager)
            f.push(exit)
            extra()
        }
        if phase == 0 {
            guard let m = try context.evalR(f) else {
                f.pushInt(0)
                return .suspended
            }
            manager = m
            let entered: Value
            if isAsync, let acquire = Self.nativeAcquire(manager) {
                // asyncio.Lock / Semaphore: acquire directly; `exit` stays None, which
                // marks the native release at the end.
                entered = .object(acquire)
            } else {
                let (enter, ex) = try rt.contextMethods(manager, async: isAsync)
                exit = ex
                entered = try rt.callMethod(enter, self: manager, [])
            }
            if isAsync {
                guard let v = try f.startAwait(entered, pending: &pending,
                                               refusal: "'async with' received an object from __aenter__ that does not implement __await__") else {
                    save { f.push(pending.map { .object($0) } ?? .none) }
                    f.pushInt(1)
                    return .suspended
                }
                try target?.assign(v, f)
            } else {
                try target?.assign(entered, f)
            }
            phase = 2
            f.resuming = false
        } else if phase == 1 {
            guard let v = try f.continueAwait(awaiting, pending: &pending) else {
                save { f.push(pending.map { .object($0) } ?? .none) }
                f.pushInt(1)
                return .suspended
            }
            try target?.assign(v, f)
            phase = 2
        }
        if phase == 2 {
            do {
                flow = try body.exec(f)
                if flow == .suspended {
                    save {}
                    f.pushInt(2)
                    return .suspended
                }
            } catch let e as ScriptError {
                exc = e.exception
                phase = 3
                if exit.isNone && isAsync {
                    try Self.nativeRelease(manager)
                    throw e
                }
                let r = try rt.callMethod(exit, self: manager, [.object(e.exception.cls), .object(e.exception), e.exception.tracebackValue])
                if !isAsync {
                    if try rt.truthy(r) { return .normal }
                    throw e
                }
                return try finishExit(f, r, resuming: false, phase: 3, exc: e.exception, flow: .normal, manager, exit)
            }
            if exit.isNone && isAsync {
                try Self.nativeRelease(manager)
                return flow
            }
            let r = try rt.callMethod(exit, self: manager, [.none, .none, .none])
            if !isAsync { return flow }
            return try finishExit(f, r, resuming: false, phase: 4, exc: nil, flow: flow, manager, exit)
        }
        return try finishExit(f, .none, resuming: true, phase: phase, exc: exc, flow: flow, manager, exit, awaiting: awaiting)
    }

    /// The acquire coroutine of a native asyncio.Lock or Semaphore (nil for anything else).
    private static func nativeAcquire(_ manager: Value) -> WaitCoroutine? {
        guard case .object(let o) = manager else { return nil }
        if let lock = o as? PyLock { return lock.acquire(result: .none) }
        if let semaphore = o as? PySemaphore { return semaphore.acquire(result: .none) }
        return nil
    }

    private static func nativeRelease(_ manager: Value) throws {
        guard case .object(let o) = manager else { return }
        if let lock = o as? PyLock { try lock.release() } else if let semaphore = o as? PySemaphore { try semaphore.release() }
    }

    private func finishExit(_ f: Frame, _ awaitable: Value, resuming: Bool, phase: Int, exc: PyException?, flow: Flow,
                            _ manager: Value, _ exit: Value, awaiting: ResumableObject? = nil) throws -> Flow {
        var pending: ResumableObject?
        let savedReturn = f.returnValue
        if let e = exc { f.rt.handledExceptions.append(e) }
        defer { if exc != nil { f.rt.handledExceptions.removeLast() } }
        let result: Value?
        do {
            result = resuming ? try f.continueAwait(awaiting, pending: &pending) : try f.startAwait(awaitable, pending: &pending,
                     refusal: "'async with' received an object from __aexit__ that does not implement __await__")
        } catch let inner as ScriptError {
            if let e = exc { f.rt.chain(inner.exception, context: e) }
            throw inner
        }
        guard let r = result else {
            f.push(manager)
            f.push(exit)
            if phase == 3, let e = exc { f.push(.object(e)) }
            if phase == 4 {
                f.push(savedReturn)
                f.pushInt(Int(flow.rawValue))
            }
            f.push(pending.map { .object($0) } ?? .none)
            f.pushInt(phase)
            return .suspended
        }
        if phase == 3, let e = exc {
            if try f.rt.truthy(r) { return .normal }
            // Already in the traceback for this frame (a suspended __aexit__ gave the
            // frame a new activation, which must not add a second entry).
            e.recordedActivation = f.activation
            throw ScriptError(e)
        }
        f.returnValue = savedReturn
        return flow
    }
}

final class AsyncWithStmt: WithStmtBase {
    init(context: ExprNode, target: TargetNode?, body: StmtNode, line: Int32) {
        super.init(context: context, target: target, body: body, isAsync: true, line: line)
    }
}

final class WithStmtR: WithStmtBase {
    init(context: ExprNode, target: TargetNode?, body: StmtNode, line: Int32) {
        super.init(context: context, target: target, body: body, isAsync: false, line: line)
    }
}
