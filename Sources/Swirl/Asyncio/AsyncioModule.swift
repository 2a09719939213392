// The `asyncio` module: run, sleep, create_task, gather, current_task, all_tasks,
// get_running_loop, Future/Task methods and the exceptions. Combinators whose exact
// semantics are easiest to state in Python (wait_for, ...) live in the prelude.
import Foundation

extension Runtime {
    func makeAsyncioModule() throws -> PyModule {
        let m = PyModule(name: "asyncio")
        let g = m.globals
        func def(_ name: String, _ impl: NativeImpl) { g[name] = .object(PyNativeFunction(name, impl)) }
        g["CancelledError"] = .object(Types.cancelledError)
        g["TimeoutError"] = .object(Types.timeoutError)
        g["InvalidStateError"] = .object(Types.invalidStateError)
        g["IncompleteReadError"] = .object(Types.incompleteReadError)
        g["LimitOverrunError"] = .object(Types.limitOverrunError)
        g["Future"] = .object(Types.future)
        g["Handle"] = .object(Types.handle)
        g["TimerHandle"] = .object(Types.timerHandle)
        g["AbstractEventLoop"] = .object(Types.loopType)
        g["Task"] = .object(Types.task)

        def("run", .general { rt, a in try rt.asyncioRun(a) })
        def("sleep", .general { rt, a in
            try a.checkSignature("sleep", params: ["delay", "result"], required: 1)
            guard let d = a.positional.first ?? a.keywords.first(where: { $0.0 == "delay" })?.1 else {
                throw typeError("sleep() missing 1 required positional argument: 'delay'")
            }
            let result = a.positional.count > 1 ? a.positional[1] : (a.keywords.first { $0.0 == "result" }?.1 ?? .none)
            guard let x = rt.num(d) else {
                let sleeper = SleepCoroutine(delay: 0, result: result, reports: rt.deathReports)
                sleeper.badDelay = PyException(Types.typeError, "'<=' not supported between instances of '\(rt.typeName(d))' and 'int'")
                return .object(sleeper)
            }
            let delay = try rt.floatOf(x)
            // A NaN delay is no delay (CPython's timer fires at once).
            return .object(SleepCoroutine(delay: delay.isNaN ? 0 : delay, result: result, reports: rt.deathReports))
        })
        def("create_task", .general { rt, a in
            .object(try rt.task(from: a, function: "create_task", keywordOnly: ["name", "context"]))
        })
        def("ensure_future", .general { rt, a in .object(try rt.ensureFuture(a.positional.first ?? .none)) })
        def("gather", .general { rt, a in try rt.gather(a) })
        // With a loop argument (`all_tasks(loop)`), that loop need not be running.
        func givenLoop(_ rt: Runtime, _ a: Arguments) throws -> EventLoop {
            let given = a.positional.first ?? a.keywords.first { $0.0 == "loop" }?.1
            if let l = given, !l.isNone {
                guard l.asObject is PyLoop else { throw typeError("'\(rt.typeName(l))' object is not an event loop") }
                return rt.loop
            }
            return try rt.runningLoop()
        }
        def("current_task", .general { rt, a in
            let loop = try givenLoop(rt, a)
            return loop.currentTask.map { .object($0) } ?? .none
        })
        def("all_tasks", .general { rt, a in
            let loop = try givenLoop(rt, a)
            let s = PySet()
            for t in loop.allTasks where !t.isDone { try rt.setAdd(s, .object(t)) }
            return .object(s)
        })
        def("get_running_loop", .a0 { rt in .object(try rt.runningLoop().object) })
        def("get_event_loop", .a0 { rt in
            if !rt.loop.running && rt.noCurrentEventLoop {
                throw runtimeError("There is no current event loop in thread 'MainThread'.")
            }
            return .object(rt.loop.object)
        })
        def("_get_running_loop", .a0 { rt in rt.loop.running ? .object(rt.loop.object) : .none })
        def("new_event_loop", .a0 { rt in
            // A new loop does not inherit an earlier loop's set_debug (asyncio.Runner(debug=True)).
            rt.debugMode = rt.configuredDebug
            return .object(PyLoop(rt.loop))
        })
        def("set_event_loop", .a1 { rt, v in
            if let l = v.asObject as? PyLoop {
                rt.loop.object = l
                rt.noCurrentEventLoop = false
            } else if v.isNone {
                rt.noCurrentEventLoop = true
            } else { throw typeError("loop must be an instance of AbstractEventLoop or None, not '\(rt.typeName(v))'") }
            return .none
        })
        def("iscoroutine", .a1 { rt, v in .bool(rt.isCoroutine(v)) })
        def("iscoroutinefunction", .a1 { rt, v in
            // Through bound methods and functools.partial, as inspect's check unwraps them.
            var v = v
            for _ in 0..<100 {
                guard case .object(let o) = v else { return .false }
                if let f = o as? PyFunction { return .bool(f.code.kind == .coroutine) }
                if let f = o as? PyNativeFunction { return .bool(rt.isNativeCoroutineFunction(f)) }
                if let m = o as? PyBoundMethod {
                    v = m.function
                } else if let inst = o as? PyInstance, inst.cls.name == "partial", inst.cls.moduleName == "functools",
                          let inner = inst.dict.get(name: "func", rt) {
                    v = inner
                } else {
                    return .false
                }
            }
            return .false
        })
        def("isfuture", .a1 { _, v in .bool(v.asObject is PyFuture) })
        // Runner.close() (in the prelude): what asyncio.run does after the main task.
        def("_cancel_all_tasks", .a0 { rt in
            if rt.loop.running { throw runtimeError("This event loop is already running") }
            try rt.cancelAllTasks()
            return .none
        })
        // CPython's shutdown_default_executor() runs as a task, which takes a Task-N number.
        def("_count_executor_shutdown", .a0 { rt in rt.loop.taskCounter += 1; return .none })
        // loop.shutdown_asyncgens() (in the prelude) closes these and reports failures.
        def("_take_async_generators", .a0 { rt in .object(PyList(rt.loop.takeAsyncGenerators().map { .object($0) })) })
        def("_report_asyncgen_error", .a2 { rt, e, g in
            if let e = e.asObject as? PyException, let g = g.asObject as? PyGenerator { rt.reportAsyncGeneratorCloseError(e, g) }
            return .none
        })
        // to_thread (in the prelude) awaits this: fn(*args, **kwargs) on a worker thread.
        def("_run_in_thread", .general { rt, a in
            guard let fn = a.positional.first else { throw typeError("to_thread() missing 1 required positional argument: 'func'") }
            return .object(try rt.runInWorkerThread(fn, Arguments(Array(a.positional.dropFirst()), keywords: a.keywords)))
        })
        _ = Runtime.asyncioTypeMethods
        installSynchronization(g)
        installStreams(g)
        g["StreamReader"] = .object(Types.streamReader)
        g["StreamWriter"] = .object(Types.streamWriter)
        nativeConstructors[ObjectIdentifier(Types.future)] = { rt, a in
            if !a.positional.isEmpty { throw typeError("Future() takes no positional arguments") }
            try a.checkSignature("Future", params: [], keywordOnly: ["loop"])
            return .object(PyFuture(loop: rt.loop))
        }
        // asyncio.Task(coro, *, loop=None, name=None, context=None): what create_task does.
        nativeConstructors[ObjectIdentifier(Types.task)] = { rt, a in
            .object(try rt.task(from: a, function: "Task", keywordOnly: ["loop", "name", "context"]))
        }
        try runPrelude(asyncioPreludeSource, into: m, name: "asyncio")
        return m
    }

    /// An exception-handler context dict as (key, value) pairs, in order.
    func contextPairs(_ v: Value) throws -> [(String, Value)] {
        guard let d = v.asObject as? PyDict else { throw typeError("context must be a dict, not '\(typeName(v))'") }
        return try d.table.liveEntries.map { (try str($0.key), $0.value) }
    }

    /// Makes `l` the loop that runs next (`run_until_complete`, `run_forever`).
    func enterLoopObject(_ l: PyLoop) throws {
        if l.closed { throw runtimeError("Event loop is closed") }
        if loop.running { throw runtimeError("This event loop is already running") }
        loop.object = l
    }

    /// `loop.run_until_complete(aw)`: runs the loop until `aw` (a future, or a coroutine
    /// made a task) is done and returns its result. Unlike asyncio.run it leaves other
    /// tasks as they are.
    func runUntilComplete(_ l: PyLoop, _ awaitable: Value) throws -> Value {
        try enterLoopObject(l)
        loop.running = true
        let future: PyFuture
        do {
            future = try ensureFuture(awaitable)
        } catch {
            loop.running = false
            throw error
        }
        loop.running = false
        _ = future.addCallback(.stopLoop)
        do {
            try loop.runForever()
        } catch {
            if future !== awaitable.asObject { consumeRaisedException(future) }
            throw error
        }
        if !future.isDone { throw runtimeError("Event loop stopped before Future completed.") }
        return try future.resultValue()
    }

    /// A task the loop made for a coroutine that raised SystemExit or KeyboardInterrupt
    /// (which end the run): the caller cannot reach it, so its exception counts as seen,
    /// as in CPython's run_until_complete.
    private func consumeRaisedException(_ future: PyFuture) {
        if future.isDone && future.state != .cancelled { future.logTraceback = false }
    }

    func runningLoop() throws -> EventLoop {
        guard loop.running, currentWorker == nil else { throw runtimeError("no running event loop") }
        return loop
    }

    /// `asyncio.create_task` needs a running loop; `loop.create_task` (`requireRunning`
    /// false) schedules the task for when the loop runs.
    func createTask(_ c: Value, name: String?, requireRunning: Bool = true) throws -> PyTask {
        let loop = requireRunning ? try runningLoop() : self.loop
        guard case .object(let o) = c, let coro = o as? ResumableObject, isCoroutine(c) else {
            throw typeError("a coroutine was expected, got \(try repr(c))")
        }
        return PyTask(loop: loop, coro: coro, coroValue: c, name: name)
    }

    /// `create_task(coro, *, name=None, ...)` and `Task(coro, ...)`. Like CPython 3.11, the
    /// task takes a default name (consuming a number), then is renamed.
    func task(from a: Arguments, function: String, keywordOnly: [String]) throws -> PyTask {
        try a.checkSignature(function, params: ["coro"], required: 1, keywordOnly: keywordOnly)
        // checkSignature made sure `coro` is given, by position or by name.
        let coro = a.positional.first ?? a.keywords.first(where: { $0.0 == "coro" })?.1 ?? Value.none
        let task = try createTask(coro, name: nil)
        if let n = a.keywords.first(where: { $0.0 == "name" })?.1, !n.isNone { task.name = try str(n) }
        return task
    }

    /// Whether a built-in function is one CPython defines with `async def` (asyncio.sleep,
    /// Queue.get, ...).
    func isNativeCoroutineFunction(_ f: PyNativeFunction) -> Bool {
        if let owner = f.owner { return NativeCoroutine.coroutineMethodNames.contains("\(owner.name).\(f.name)") }
        guard f.name == "sleep", let sleep = modules["asyncio"]?.globals["sleep"] else { return false }
        return sleep.asObject === f
    }

    func isCoroutine(_ v: Value) -> Bool {
        if case .object(let o) = v {
            if let g = o as? PyGenerator { return g.code.kind == .coroutine }
            // anext(agen) / agen.asend() / athrow() / aclose() awaitables have send, throw,
            // close and __await__: collections.abc.Coroutine, so CPython's iscoroutine says yes.
            return o is SleepCoroutine || o is NativeCoroutine || o is AsyncGenAwaitable
        }
        return false
    }

    func ensureFuture(_ v: Value) throws -> PyFuture {
        if case .object(let o) = v, let f = o as? PyFuture { return f }
        // Outside a running loop (`loop.run_until_complete(asyncio.gather(...))` at module
        // level) the task goes to the current loop, as with CPython's get_event_loop().
        if isCoroutine(v) { return try createTask(v, name: nil, requireRunning: false) }
        // Objects with __await__, and native awaitables such as `agen.aclose()`.
        if special(v, "__await__") != nil || (v.asObject is ResumableObject && !(v.asObject is PyGenerator)) {
            // CPython wraps it in a coroutine (`_wrap_awaitable`) and runs that as a task.
            let wrapper = AwaitWrapper(try awaitIterator(v))
            return PyTask(loop: loop, coro: wrapper, coroValue: .object(wrapper), name: nil)
        }
        throw typeError("An asyncio.Future, a coroutine or an awaitable is required")
    }


    func asyncioRun(_ a: Arguments) throws -> Value {
        guard let main = a.positional.first else { throw typeError("run() missing 1 required positional argument: 'main'") }
        if loop.running, let nested = interactiveAsyncioRun { return try nested(main) }
        if loop.running {
            // The coroutine stays referenced from the traceback (run's frame) in CPython, so
            // its "never awaited" warning comes at exit, after the traceback.
            let e = PyException(Types.runtimeError, "asyncio.run() cannot be called from a running event loop")
            if case .object(let o) = main, let g = o as? PyGenerator, g.code.kind == .coroutine, g.state == .created {
                e.heldObjects.append(g)
            }
            throw ScriptError(e)
        }
        // debug=True holds for this run only; debug=None keeps the global setting (--debug).
        let globalDebug = debugMode
        defer { debugMode = globalDebug }
        if let d = a.keywords.first(where: { $0.0 == "debug" })?.1, !d.isNone { debugMode = try truthy(d) }
        guard isCoroutine(main) else {
            throw valueError("a coroutine was expected, got \(try repr(main))")
        }
        // Like asyncio.Runner: a new loop object for this run, closed at its end.
        let runLoop = PyLoop(loop)
        loop.object = runLoop
        noCurrentEventLoop = false
        defer {
            runLoop.closed = true
            noCurrentEventLoop = true
        }
        // Closing the runner runs shutdown_asyncgens() and shutdown_default_executor() as
        // tasks, however the run ended.
        defer { loop.taskCounter += 2 }
        let task = try runMainTask(main)
        return try task.resultValue()
    }

    /// The core of `asyncio.run` (also used by the embedding API): runs `coro` as the loop's
    /// main task until it is done or the loop stops, then cancels the tasks left behind and
    /// waits for outstanding `to_thread` calls. `started` sees the task before the loop runs.
    /// A loop stopped (`loop.stop()`) before the task was done raises CPython's RuntimeError.
    func runMainTask(_ coro: Value, started: (PyTask) -> Void = { _ in }) throws -> PyTask {
        let l = loop
        l.running = true
        let task: PyTask
        do {
            task = try createTask(coro, name: nil)
        } catch {
            l.running = false
            throw error
        }
        _ = task.addCallback(.stopLoop)
        l.running = false
        started(task)
        do {
            try l.runForever()
        } catch {
            // SystemExit or KeyboardInterrupt out of a task: as asyncio.Runner.close() does,
            // still cancel the other tasks and close the live async generators.
            consumeRaisedException(task)
            try? cancelAllTasks()
            try? shutdownAsyncGenerators()
            throw error
        }
        // Decided before the cleanup below cancels a main task left pending by loop.stop().
        let stoppedEarly = !task.isDone
        try cancelAllTasks()
        try shutdownAsyncGenerators()
        // shutdown_default_executor(), run the same way: a task finishing at once.
        try l.runIterationsWithoutWaiting(2)
        try l.waitForWorkers()
        if stoppedEarly { throw runtimeError("Event loop stopped before Future completed.") }
        return task
    }

    /// `loop.shutdown_asyncgens()` at the end of `asyncio.run`: `aclose()` every async
    /// generator still alive that was first iterated under this loop, concurrently, and
    /// report the ones that fail.
    func shutdownAsyncGenerators() throws {
        let generators = loop.takeAsyncGenerators()
        // CPython runs the coroutine as a task even when it has nothing to close, which
        // gives the tasks still running (say, a finalizer's aclose()) two more iterations.
        if generators.isEmpty { return try loop.runIterationsWithoutWaiting(2) }
        loop.running = true
        let closers = generators.map { loop.acloseTask($0) }
        let gathered = try gather(Arguments(closers.map { .object($0) }, keywords: [("return_exceptions", .true)]))
        loop.running = false
        if case .object(let o) = gathered, let g = o as? PyFuture {
            _ = g.addCallback(.stopLoop)
            try loop.runForever()
        }
        for (g, t) in zip(generators, closers) where !t.isCancelledState {
            if let e = t.exception {
                t.logTraceback = false
                reportAsyncGeneratorCloseError(e, g)
            }
        }
    }

    func reportAsyncGeneratorCloseError(_ e: PyException, _ g: PyGenerator) {
        let name = (try? repr(.object(g))) ?? "?"
        reportLoopException("an error occurred during closing of asynchronous generator \(name)", e, [("asyncgen", .object(g))])
    }

    /// At the end of `asyncio.run`: cancel what is left and let it clean up.
    func cancelAllTasks() throws {
        let pending = loop.allTasks.filter { !$0.isDone }.sorted { $0.name < $1.name }
        if pending.isEmpty { return }
        for t in pending { _ = t.cancel() }
        loop.running = true
        let gathered = try gather(Arguments(pending.map { .object($0) }, keywords: [("return_exceptions", .true)]))
        loop.running = false
        if case .object(let o) = gathered, let g = o as? PyFuture {
            _ = g.addCallback(.stopLoop)
            try loop.runForever()
        }
        for t in pending where !t.isCancelledState {
            if let e = t.exception {
                t.logTraceback = false
                reportLoopException("unhandled exception during asyncio.run() shutdown", e, [("task", .object(t))])
            }
        }
    }

    /// `asyncio.gather(*aws, return_exceptions=False)`.
    func gather(_ a: Arguments) throws -> Value {
        for (k, _) in a.keywords where k != "return_exceptions" {
            throw typeError("gather() got an unexpected keyword argument '\(k)'")
        }
        let returnExceptions = try a.keywords.first { $0.0 == "return_exceptions" }.map { try truthy($0.1) } ?? false
        if a.positional.isEmpty {
            // CPython returns a plain finished future here.
            let done = PyFuture(loop: loop)
            try done.setResult(.object(PyList()))
            return .object(done)
        }
        let outer = GatheringFuture(loop: loop)
        // Each distinct argument becomes one child; a repeated future or coroutine object
        // maps to the child made for its first occurrence.
        loop.gatherCounter += 1
        if Int32(truncatingIfNeeded: loop.gatherCounter) == 0 { loop.gatherCounter += 1 }  // 0 means "never seen"
        let mark = Int32(truncatingIfNeeded: loop.gatherCounter)
        var children: [PyFuture] = []
        var distinct: [PyFuture] = []
        var coroutineChildren: [ObjectIdentifier: PyFuture] = [:]
        for arg in a.positional {
            if case .object(let o) = arg, let f = o as? PyFuture {
                if f.gatherMark != mark {
                    f.gatherMark = mark
                    distinct.append(f)
                }
                children.append(f)
                continue
            }
            if case .object(let o) = arg, let existing = coroutineChildren[ObjectIdentifier(o)] {
                children.append(existing)
                continue
            }
            // CPython keys its argument table by the argument: `gather([c1, c2])` fails
            // with "unhashable type: 'list'" before anything else.
            _ = try hash(arg)
            let fut = try ensureFuture(arg)
            if case .object(let o) = arg { coroutineChildren[ObjectIdentifier(o)] = fut }
            fut.gatherMark = mark
            distinct.append(fut)
            children.append(fut)
        }
        outer.children = children
        outer.total = distinct.count
        outer.returnExceptions = returnExceptions
        // The callbacks hold the outer future strongly; completing a child clears its
        // callback list, so the reference cycle ends with the children.
        for fut in distinct { _ = fut.addCallback(.gatherChild(outer)) }
        return .object(outer)
    }
}

final class GatheringFuture: PyFuture {
    override var type: PyType { Types.gatheringFuture }
    var children: [PyFuture] = []
    var cancelRequested = false
    var returnExceptions = false
    /// Distinct children, and how many of them are done.
    var total = 0
    var finished = 0

    /// A child finished: fail fast, or complete with every result once all are done.
    func childDone(_ f: PyFuture) throws {
        finished += 1
        guard !isDone else {
            if f.state != .cancelled { f.logTraceback = false }
            return
        }
        if !returnExceptions {
            if f.state == .cancelled {
                try setException(f.makeCancelledError())
                return
            }
            if let e = f.exception {
                f.logTraceback = false
                try setException(e)
                return
            }
        }
        guard finished == total else { return }
        var results: [Value] = []
        results.reserveCapacity(children.count)
        for c in children {
            if c.state == .cancelled {
                results.append(.object(PyException(Types.cancelledError, args: [c.cancelMessage.isNone ? Value("") : c.cancelMessage])))
            } else if let e = c.exception {
                c.logTraceback = false
                results.append(.object(e))
            } else {
                results.append(c.result)
            }
        }
        if cancelRequested {
            try setException(f.makeCancelledError())
        } else {
            try setResult(.object(PyList(results)))
        }
    }
    override func cancel(message: Value = .none) -> Bool {
        if isDone { return false }
        var ret = false
        for c in children where c.cancel(message: message) { ret = true }
        if ret { cancelRequested = true }
        return ret
    }
}

extension Types {
    nonisolated(unsafe) static let gatheringFuture = PyType(name: "_GatheringFuture", base: future, isBuiltin: true,
                                                            layout: .builtin, module: "asyncio.tasks")
}

extension PyFuture {
    var isCancelledState: Bool { state == .cancelled }
}

/// `asyncio.sleep(delay, result)`: a native coroutine.
final class SleepCoroutine: ResumableObject {
    let delay: Double
    let value: Value
    var stage = 0
    var future: PyFuture?
    var handle: PyHandle?
    /// Where a never-awaited `asyncio.sleep(...)` is reported (a forgotten `await`).
    private let reports: DeathReports
    /// A bad delay (`sleep(None)`): raised when the coroutine first runs, as CPython's
    /// `async def sleep` raises it at the `await`, not at the call.
    var badDelay: PyException?
    init(delay: Double, result: Value, reports: DeathReports) {
        self.delay = delay
        self.value = result
        self.reports = reports
    }
    deinit {
        if stage == 0 { reports.runtime?.coroutineDroppedUnawaited("sleep") }
    }
    override var type: PyType { Types.coroutine }

    override func resume(_ rt: Runtime, send: Value, throwing: PyException?) throws -> GenStep {
        switch stage {
        case 0:
            stage = 1
            if let e = throwing { stage = 2; throw ScriptError(e) }
            if let e = badDelay { stage = 2; throw ScriptError(e) }
            if delay <= 0 { return .yielded(.none) }
            let loop = try rt.runningLoop()
            let fut = PyFuture(loop: loop)
            future = fut
            handle = loop.callAt(loop.time() + delay, PyHandle(.native { [value] _ in
                if !fut.isDone { try fut.setResult(value) }
            }, isTimer: true))
            return .yielded(.object(fut))
        case 1:
            // Resumed before the timer fired (a second party driving this coroutine):
            // hand the future out again, as awaiting a pending future does.
            if throwing == nil, let f = future, !f.isDone { return .yielded(.object(f)) }
            stage = 2
            handle?.cancelled = true
            if let e = throwing { throw ScriptError(e) }
            if let f = future { return .returned(try f.resultValue()) }
            return .returned(value)
        default:
            if let e = throwing { throw ScriptError(e) }
            throw runtimeError("cannot reuse already awaited coroutine")
        }
    }
}

/// Drives an awaitable's iterator as a task's coroutine.
final class AwaitWrapper: ResumableObject {
    let inner: ResumableObject
    init(_ inner: ResumableObject) { self.inner = inner }
    override var type: PyType { Types.coroutine }
    override func resume(_ rt: Runtime, send: Value, throwing: PyException?) throws -> GenStep {
        try inner.resume(rt, send: send, throwing: throwing)
    }
}

extension Runtime {
    /// The methods of the built-in asyncio types live in process-wide type objects:
    /// installed once, on first use, however many interpreters import asyncio, and from
    /// whichever thread (a static initializer runs once and is thread-safe).
    static let asyncioTypeMethods: Void = {
        installFutureMethods()
        installSynchronizationMethods()
        installStreamMethods()
    }()

    static func installFutureMethods() {
        let f = Types.future
        func fut(_ v: Value) throws -> PyFuture {
            guard let x = v.asObject as? PyFuture else { throw typeError("expected a Future") }
            return x
        }
        Types.method(f, "result", .a1 { _, v in try fut(v).resultValue() })
        Types.method(f, "exception", .a1 { _, v in try fut(v).exceptionValue() })
        Types.method(f, "done", .a1 { _, v in .bool(try fut(v).isDone) })
        Types.method(f, "cancelled", .a1 { _, v in .bool(try fut(v).state == .cancelled) })
        Types.method(f, "cancel", .general { rt, a in
            for (k, _) in a.keywords where k != "msg" { throw typeError("cancel() got an unexpected keyword argument '\(k)'") }
            if a.positional.count > 2 { throw typeError("cancel() takes at most 1 argument (\(a.positional.count - 1) given)") }
            let msg = a.positional.count > 1 ? a.positional[1] : (a.keywords.first { $0.0 == "msg" }?.1 ?? .none)
            return .bool(try fut(a.positional[0]).cancel(message: msg))
        })
        Types.method(f, "set_result", .a2 { _, v, r in try fut(v).setResult(r); return .none })
        Types.method(f, "set_exception", .a2 { rt, v, e in try fut(v).setException(try rt.makeException(e)); return .none })
        Types.method(f, "add_done_callback", .general { _, a in
            // CPython counts the positionals first, then looks at the keywords.
            if a.positional.count == 2, let k = a.keywords.first(where: { $0.0 != "context" })?.0 {
                throw typeError("add_done_callback() got an unexpected keyword argument '\(k)'")
            }
            if a.positional.count != 2 {
                throw typeError("add_done_callback() takes exactly 1 positional argument (\(max(a.positional.count - 1, 0)) given)")
            }
            _ = try fut(a.positional[0]).addCallback(.script(a.positional[1]))
            return .none
        })
        Types.method(f, "remove_done_callback", .a2 { _, v, cb in
            let x = try fut(v)
            let before = x.callbacks.count
            x.callbacks.removeAll { entry in
                if case .script(let s) = entry.0 { return s.isIdentical(to: cb) || ((try? Runtime.sameCallable(s, cb)) ?? false) }
                return false
            }
            return .int(before - x.callbacks.count)
        })
        Types.method(f, "get_loop", .a1 { rt, _ in .object(rt.loop.object) })
        Types.method(f, "__await__", .a1 { _, v in .object(try fut(v).awaitIterator()) })
        Types.method(f, "__iter__", .a1 { _, v in .object(try fut(v).awaitIterator()) })
        let t = Types.task
        func task(_ v: Value) throws -> PyTask {
            guard let x = v.asObject as? PyTask else { throw typeError("expected a Task") }
            return x
        }
        Types.method(t, "get_name", .a1 { _, v in Value(try task(v).name) })
        Types.method(t, "set_result", .a2 { _, _, _ in throw runtimeError("Task does not support set_result operation") })
        Types.method(t, "set_exception", .a2 { _, _, _ in throw runtimeError("Task does not support set_exception operation") })
        Types.method(t, "set_name", .a2 { rt, v, n in try task(v).name = try rt.str(n); return .none })
        Types.method(t, "get_coro", .a1 { _, v in try task(v).coroValue })
        Types.method(t, "cancelling", .a1 { _, v in .int(try task(v).cancelRequests) })
        Types.method(t, "uncancel", .a1 { _, v in
            let x = try task(v)
            if x.cancelRequests > 0 { x.cancelRequests -= 1 }
            return .int(x.cancelRequests)
        })
        let loopT = Types.loopType
        func lp(_ rt: Runtime) -> EventLoop { rt.loop }
        Types.method(loopT, "time", .a1 { rt, _ in .float(lp(rt).time()) })
        Types.method(loopT, "create_future", .a1 { rt, _ in .object(PyFuture(loop: lp(rt))) })
        func checkNotClosed(_ a: Arguments) throws {
            if let l = a.positional.first?.asObject as? PyLoop, l.closed { throw runtimeError("Event loop is closed") }
        }
        Types.method(loopT, "create_task", .general { rt, a in
            var name: String?
            if let n = a.keywords.first(where: { $0.0 == "name" })?.1, !n.isNone { name = try rt.str(n) }
            try checkNotClosed(a)
            return .object(try rt.createTask(a.positional.count > 1 ? a.positional[1] : .none, name: name, requireRunning: false))
        })
        /// The scheduling methods take the callback's arguments positionally; the only
        /// keyword is `context` (no contextvars here: accepted and ignored).
        func checkSchedulingKeywords(_ a: Arguments, _ method: String) throws {
            for (k, _) in a.keywords where k != "context" {
                throw typeError("BaseEventLoop.\(method)() got an unexpected keyword argument '\(k)'")
            }
        }
        Types.method(loopT, "call_soon", .general { rt, a in
            try checkSchedulingKeywords(a, "call_soon")
            try checkNotClosed(a)
            guard a.positional.count >= 2 else { throw typeError("call_soon() missing callback") }
            let h = PyHandle(.script(a.positional[1], Array(a.positional.dropFirst(2))))
            lp(rt).callSoon(h)
            return .object(h)
        })
        Types.method(loopT, "call_later", .general { rt, a in
            try checkSchedulingKeywords(a, "call_later")
            try checkNotClosed(a)
            if a.positional.count >= 2 && a.positional[1].isNone { throw typeError("delay must not be None") }
            guard a.positional.count >= 3, let d = rt.num(a.positional[1]) else { throw typeError("call_later() missing arguments") }
            let h = PyHandle(.script(a.positional[2], Array(a.positional.dropFirst(3))), isTimer: true)
            return .object(lp(rt).callAt(lp(rt).time() + (try rt.floatOf(d)), h))
        })
        Types.method(loopT, "call_at", .general { rt, a in
            try checkSchedulingKeywords(a, "call_at")
            try checkNotClosed(a)
            guard a.positional.count >= 3, let d = rt.num(a.positional[1]) else { throw typeError("call_at() missing arguments") }
            let h = PyHandle(.script(a.positional[2], Array(a.positional.dropFirst(3))), isTimer: true)
            return .object(lp(rt).callAt(try rt.floatOf(d), h))
        })
        Types.method(loopT, "run_in_executor", .general { rt, a in
            guard a.positional.count >= 3 else {
                throw typeError("run_in_executor() missing 2 required positional arguments: 'executor' and 'func'")
            }
            if !a.keywords.isEmpty { throw typeError("run_in_executor() got an unexpected keyword argument '\(a.keywords[0].0)'") }
            return .object(try rt.runInWorkerThread(a.positional[2], Arguments(Array(a.positional.dropFirst(3)))))
        })
        Types.method(loopT, "call_soon_threadsafe", .general { rt, a in
            try checkSchedulingKeywords(a, "call_soon_threadsafe")
            guard a.positional.count >= 2 else { throw typeError("call_soon_threadsafe() missing callback") }
            let h = PyHandle(.script(a.positional[1], Array(a.positional.dropFirst(2))))
            lp(rt).callSoon(h)
            lp(rt).poller.wakeup()
            return .object(h)
        })
        Types.method(loopT, "is_running", .a1 { rt, _ in .bool(lp(rt).running) })
        Types.method(loopT, "set_exception_handler", .a2 { rt, v, handler in
            if !handler.isNone && !rt.isCallable(handler) {
                throw typeError("A callable object or None is expected, got \(try rt.repr(handler))")
            }
            (v.asObject as? PyLoop)?.exceptionHandler = handler.isNone ? nil : handler
            return .none
        })
        Types.method(loopT, "get_exception_handler", .a1 { _, v in (v.asObject as? PyLoop)?.exceptionHandler ?? Value.none })
        Types.method(loopT, "call_exception_handler", .a2 { rt, _, context in
            rt.callExceptionHandler(try rt.contextPairs(context))
            return .none
        })
        Types.method(loopT, "default_exception_handler", .a2 { rt, _, context in
            rt.defaultExceptionHandler(try rt.contextPairs(context))
            return .none
        })
        Types.method(loopT, "is_closed", .a1 { _, v in .bool((v.asObject as? PyLoop)?.closed ?? false) })
        Types.method(loopT, "close", .a1 { rt, v in
            guard let l = v.asObject as? PyLoop else { return .none }
            if lp(rt).running && lp(rt).object === l { throw runtimeError("Cannot close a running event loop") }
            l.closed = true
            return .none
        })
        Types.method(loopT, "run_until_complete", .a2 { rt, v, awaitable in
            guard let l = v.asObject as? PyLoop else { return .none }
            return try rt.runUntilComplete(l, awaitable)
        })
        Types.method(loopT, "run_forever", .a1 { rt, v in
            guard let l = v.asObject as? PyLoop else { return .none }
            try rt.enterLoopObject(l)
            try lp(rt).runForever()
            return .none
        })
        Types.method(loopT, "shutdown_asyncgens", .a1 { rt, _ in
            try rt.call(try rt.getAttribute(.object(try rt.importModule("asyncio")), "_shutdown_asyncgens"), [])
        })
        Types.method(loopT, "get_debug", .a1 { rt, _ in .bool(rt.debugMode) })
        Types.method(loopT, "set_debug", .a2 { rt, _, v in rt.debugMode = try rt.truthy(v); return .none })
        Types.method(loopT, "stop", .a1 { rt, _ in lp(rt).stop(); return .none })
        for ht in [Types.handle, Types.timerHandle] {
            Types.method(ht, "cancel", .a1 { _, v in (v.asObject as? PyHandle)?.cancelled = true; return .none })
            Types.method(ht, "cancelled", .a1 { _, v in .bool((v.asObject as? PyHandle)?.cancelled ?? false) })
        }
        Types.method(Types.timerHandle, "when", .a1 { _, v in .float((v.asObject as? PyHandle)?.when ?? 0) })
    }

    static func sameCallable(_ a: Value, _ b: Value) throws -> Bool {
        if case .object(let x) = a, case .object(let y) = b, let m = x as? PyBoundMethod, let n = y as? PyBoundMethod {
            return m.function.isIdentical(to: n.function) && m.receiver.isIdentical(to: n.receiver)
        }
        return false
    }

    func asyncioRepr(_ o: PyObject) -> String? {
        if let t = o as? PyTask { return t.describe() }
        if let f = o as? PyFuture { return f.describe() }
        if o is SleepCoroutine { return "<coroutine object sleep at \(address(o))>" }
        if let r = o as? StreamReadCoroutine { return "<coroutine object \(r.name) at \(address(o))>" }
        if o is DrainCoroutine { return "<coroutine object StreamWriter.drain at \(address(o))>" }
        if o is EventWaitCoroutine { return "<coroutine object Event.wait at \(address(o))>" }
        if let l = o as? PyLock { return primitiveRepr(o, l.locked ? "locked" : "unlocked", waiters: l.waiters.count) }
        if let e = o as? PyEvent { return primitiveRepr(o, e.value ? "set" : "unset", waiters: e.waiters.count) }
        if let sem = o as? PySemaphore {
            return primitiveRepr(o, sem.isLocked ? "locked" : "unlocked, value:\(sem.value)", waiters: sem.waiters.count)
        }
        if let q = o as? PyQueue { return "<\(q.type.name) at \(address(o)) \(queueFormat(q))>" }
        if let r = o as? PyStreamReader { return r.describe() }
        if let w = o as? PyStreamWriter { return w.describe() }
        if let s = o as? PyTransportSocket {
            var text = "<asyncio.TransportSocket fd=\(s.fd), family=\(s.family), type=1, proto=6"
            if s.fd >= 0, let a = Sockets.localAddress(s.fd) { text += ", laddr=\(a.reprForMessage)" }
            if s.fd >= 0, let a = Sockets.peerAddress(s.fd) { text += ", raddr=\(a.reprForMessage)" }
            return text + ">"
        }
        if let l = o as? PyLoop {
            let running = loop.running && loop.object === l
            return "<_UnixSelectorEventLoop running=\(running ? "True" : "False") closed=\(l.closed ? "True" : "False") debug=\(debugMode ? "True" : "False")>"
        }
        return nil
    }

    /// `str()` of asyncio objects whose str differs from their repr.
    func asyncioStr(_ o: PyObject) -> String? {
        if let q = o as? PyQueue { return "<\(q.type.name) \(queueFormat(q))>" }
        return nil
    }

    /// `<asyncio.locks.Lock object at 0x... [unlocked, waiters:1]>`.
    private func primitiveRepr(_ o: PyObject, _ state: String, waiters: Int) -> String {
        let extra = waiters > 0 ? "\(state), waiters:\(waiters)" : state
        return "<\(o.type.moduleName).\(o.type.name) object at \(address(o)) [\(extra)]>"
    }

    /// `Queue._format()`.
    private func queueFormat(_ q: PyQueue) -> String {
        var s = "maxsize=\(q.maxsize)"
        let contents = q.kind == .priority ? q.heap : Array(q.items)
        if !contents.isEmpty { s += " _queue=" + ((try? repr(.object(PyList(contents)))) ?? "[...]") }
        if q.getters.count > 0 { s += " _getters[\(q.getters.count)]" }
        if q.putters.count > 0 { s += " _putters[\(q.putters.count)]" }
        if q.unfinished > 0 { s += " tasks=\(q.unfinished)" }
        return s
    }

    /// The private attributes tutorials print to show what a primitive is doing
    /// (`sem._value`, `lock._locked`, `queue._unfinished_tasks`).
    func asyncioAttribute(_ o: PyObject, _ name: String) throws -> Value? {
        switch (o, name) {
        case (let s as PySemaphore, "_value"): return .int(s.value)
        case (let s as PySemaphore, "_bound_value"): return s.bound.map { .int($0) }
        case (let l as PyLock, "_locked"): return .bool(l.locked)
        case (let e as PyEvent, "_value"): return .bool(e.value)
        case (let q as PyQueue, "_unfinished_tasks"): return .int(q.unfinished)
        case (let q as PyQueue, "_maxsize"): return .int(q.maxsize)
        default: return nil
        }
    }
    func setAsyncioAttribute(_ o: PyObject, _ name: String, _ value: Value) throws -> Bool { false }
    func asyncGeneratorAttribute(_ g: PyGenerator, _ name: String) throws -> Value? { nil }
}

