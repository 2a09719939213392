// asyncio.Future and asyncio.Task with CPython 3.11's state machine: done callbacks run
// through the loop in registration order; a task steps its coroutine until it yields a
// future, then waits on that future; cancellation is thrown into the coroutine at its
// current await.

class PyFuture: ResumableObject {
    enum State { case pending, cancelled, finished }
    enum Callback {
        case script(Value)
        case wakeTask(PyTask)
        /// A child of `asyncio.gather` telling its gathering future (no closure to allocate).
        case gatherChild(GatheringFuture)
        /// Stops the loop (the end of `asyncio.run`'s main task).
        case stopLoop
        /// Swift code to run (host calls); boxed so the enum stays small.
        case native(NativeCallback)

        static func native(_ body: @escaping (PyFuture) throws -> Void) -> Callback { .native(NativeCallback(body)) }
    }
    // Small fields first and next to each other: a Task fits a 160-byte allocation.
    var state = State.pending
    /// Set once the exception has been looked at (for "never retrieved").
    var logTraceback = false
    private var callbackIDs: Int32 = 0
    var result: Value = .none
    /// The `gather` call that last saw this future as an argument (duplicate detection).
    var gatherMark: Int32 = 0
    var exception: PyException?
    var callbacks = CallbackList()
    /// What few futures need, kept apart (see `FutureExtras`).
    private(set) var extrasRecord: FutureExtras?
    var extras: FutureExtras {
        if let x = extrasRecord { return x }
        let x = FutureExtras()
        extrasRecord = x
        return x
    }
    var cancelMessage: Value {
        get { extrasRecord?.cancelMessage ?? Value.none }
        set { extras.cancelMessage = newValue }
    }
    var cancelledError: PyException? {
        get { extrasRecord?.cancelledError }
        set { extras.cancelledError = newValue }
    }
    /// The loop lives as long as the runtime, which outlives every running future.
    unowned(unsafe) let eventLoop: EventLoop
    var loop: EventLoop? { eventLoop }

    init(loop: EventLoop) {
        self.eventLoop = loop
    }
    override var type: PyType { Types.future }

    /// A plain future dropped with an exception nobody looked at is reported, as CPython's
    /// Future.__del__ does (tasks report their own, see PyTask).
    deinit {
        if !(self is PyTask), logTraceback, let e = exception, let rt = extrasRecord?.reports?.runtime {
            rt.reportLoopException("\(type.name) exception was never retrieved", e, [("future", .object(self))])
        }
    }

    var isDone: Bool { state != .pending }

    func addCallback(_ cb: Callback) -> Int {
        callbackIDs &+= 1
        if isDone {
            schedule(cb)
        } else {
            callbacks.append((cb, callbackIDs))
        }
        return Int(callbackIDs)
    }

    private func schedule(_ cb: Callback) {
        guard let loop else { return }
        switch cb {
        case .wakeTask(let t): loop.callSoon(.wakeup(t, self))
        case .gatherChild(let g): loop.callSoon(.gatherChild(g, self))
        case .script(let fn): loop.callSoon(PyHandle(.script(fn, [.object(self)])))
        case .stopLoop:
            loop.callSoon(PyHandle(.native { rt in rt.loop.stop() }))
        case .native(let callback):
            let me = self
            loop.callSoon(PyHandle(.native { _ in try callback.body(me) }))
        }
    }

    func scheduleCallbacks() {
        let list = callbacks
        callbacks = CallbackList()
        list.forEach { schedule($0) }
    }

    func setResult(_ v: Value) throws {
        if state != .pending { throw ScriptError(Types.invalidStateError, "invalid state") }
        result = v
        state = .finished
        scheduleCallbacks()
    }

    func setException(_ e: PyException) throws {
        if state != .pending { throw ScriptError(Types.invalidStateError, "invalid state") }
        if e.isInstance(of: Types.stopIteration) {
            throw typeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        }
        exception = e
        state = .finished
        logTraceback = true
        extras.exceptionTraceback = e.traceback
        // The future may outlive the runtime; the report goes through its weak link.
        extras.reports = eventLoop.rt.deathReports
        scheduleCallbacks()
    }

    /// `Future.cancel(msg)`.
    func cancel(message: Value = .none) -> Bool {
        logTraceback = false
        if state != .pending { return false }
        state = .cancelled
        cancelMessage = message
        scheduleCallbacks()
        return true
    }

    var stateName: String {
        switch state {
        case .pending: return "PENDING"
        case .cancelled: return "CANCELLED"
        case .finished: return "FINISHED"
        }
    }

    func describe() -> String {
        "<" + type.name + " " + reprInfo(cancelling: false).joined(separator: " ") + ">"
    }

    /// CPython's `_future_repr_info`: state, result or exception, callbacks.
    func reprInfo(cancelling: Bool) -> [String] {
        var info = [cancelling && state == .pending ? "cancelling" : stateName.lowercased()]
        if state == .finished, let rt = eventLoop.rt as Runtime? {
            if let e = exception {
                info.append("exception=" + ((try? rt.repr(.object(e))) ?? "?"))
            } else {
                info.append("result=" + rt.reprlibRepr(result))
            }
        }
        let entries = callbacks.elements
        if !entries.isEmpty {
            func format(_ cb: Callback) -> String {
                switch cb {
                case .wakeTask: return "Task.task_wakeup()"
                case .gatherChild: return "gather.<locals>._done_callback()"
                case .stopLoop: return "_run_until_complete_cb()"
                case .script(let fn): return eventLoop.rt.describeCallback(fn)
                case .native: return "<host callback>()"
                }
            }
            let text: String
            switch entries.count {
            case 1: text = format(entries[0].0)
            case 2: text = format(entries[0].0) + ", " + format(entries[1].0)
            default: text = format(entries[0].0) + ", <\(entries.count - 2) more>, " + format(entries[entries.count - 1].0)
            }
            info.append("cb=[\(text)]")
        }
        return info
    }

    func makeCancelledError() -> PyException {
        if let e = cancelledError {
            cancelledError = nil
            return e
        }
        return PyException(Types.cancelledError, args: cancelMessage.isNone ? [] : [cancelMessage])
    }

    /// `Future.result()`.
    func resultValue() throws -> Value {
        switch state {
        case .cancelled: throw ScriptError(makeCancelledError())
        case .pending: throw ScriptError(Types.invalidStateError, "Result is not set.")
        case .finished:
            logTraceback = false
            if let e = exception { throw ScriptError(exceptionToRaise(e)) }
            return result
        }
    }

    /// The exception, its traceback ready for another raise. As CPython's C futures do:
    /// the first raise continues the traceback the exception had when it was set; later
    /// ones start afresh (not from what an earlier await of this future added to it).
    func exceptionToRaise(_ e: PyException) -> PyException {
        e.traceback = extrasRecord?.exceptionTraceback ?? []
        extrasRecord?.exceptionTraceback = nil
        e.recordedActivation = 0
        return e
    }

    func exceptionValue() throws -> Value {
        switch state {
        case .cancelled: throw ScriptError(makeCancelledError())
        case .pending: throw ScriptError(Types.invalidStateError, "Exception is not set.")
        case .finished:
            logTraceback = false
            return exception.map { .object($0) } ?? .none
        }
    }

    func awaitIterator() -> ResumableObject { FutureIterator(self) }
}

extension Types {
    nonisolated(unsafe) static let futureIterator = builtin("FutureIter")
}

/// `Future.__await__`: yields the future until it is done, then returns its result (as
/// CPython's C future iterator does: resumed early, it hands the future out again).
final class FutureIterator: ResumableObject {
    let future: PyFuture
    init(_ f: PyFuture) { future = f }
    override var type: PyType { Types.futureIterator }
    override func resume(_ rt: Runtime, send: Value, throwing: PyException?) throws -> GenStep {
        if let e = throwing { throw ScriptError(e) }
        if !future.isDone { return .yielded(.object(future)) }
        return .returned(try future.resultValue())
    }
}

final class PyTask: PyFuture {
    let coro: ResumableObject
    var coroValue: Value { .object(coro) }
    var waitingOn: PyFuture?
    private var storedTaskIndex: Int32 = -1
    private var storedCancelRequests: Int16 = 0
    var mustCancel = false
    /// N of the default name `Task-N` (0 when the name is in the extras record).
    private let taskNumber: UInt32
    var name: String {
        get {
            if let n = extrasRecord?.taskName { return n }
            return "Task-\(taskNumber)"
        }
        set { extras.taskName = newValue }
    }
    /// Position in the loop's task list (-1 once finished).
    var taskIndex: Int {
        get { Int(storedTaskIndex) }
        set { storedTaskIndex = Int32(truncatingIfNeeded: newValue) }
    }
    var cancelRequests: Int {
        get { Int(storedCancelRequests) }
        set { storedCancelRequests = Int16(clamping: newValue) }
    }

    init(loop: EventLoop, coro: ResumableObject, coroValue: Value, name: String?) {
        self.coro = coro
        loop.taskCounter += 1
        let number = name == nil ? UInt32(exactly: loop.taskCounter) : nil
        taskNumber = number ?? 0
        super.init(loop: loop)
        if number == nil { self.name = name ?? "Task-\(loop.taskCounter)" }
        loop.addTask(self)
        loop.callSoon(.step(self, nil))
    }
    override var type: PyType { Types.task }

    /// CPython's `_task_repr_info`: state, name, coroutine, what it waits for, result, callbacks.
    override func describe() -> String {
        var info = reprInfo(cancelling: cancelRequests > 0)
        let nameRepr = (try? eventLoop.rt.repr(Value(name))) ?? "'\(name)'"
        info.insert("name=" + nameRepr, at: 1)
        info.insert("coro=<\(coroDescription)>", at: 2)
        if let w = waitingOn, !isDone { info.insert("wait_for=" + w.describe(), at: 3) }
        return "<Task " + info.joined(separator: " ") + ">"
    }

    /// `_format_coroutine`: where the coroutine is, or where it was defined once done.
    var coroDescription: String {
        if let g = coro as? PyGenerator {
            let file = g.code.source.filename
            switch g.state {
            case .finished: return "\(g.qualname)() done, defined at \(file):\(g.code.firstLine)"
            case .created: return "\(g.qualname)() running at \(file):\(g.code.firstLine)"
            case .suspended, .running:
                let line = g.frame.currentLine > 0 ? Int(g.frame.currentLine) : g.code.firstLine
                return "\(g.qualname)() running at \(file):\(line)"
            }
        }
        if let r = try? eventLoop.rt.repr(.object(coro)), r.hasPrefix("<coroutine object ") {
            return String(r.dropFirst("<coroutine object ".count).prefix { $0 != " " }) + "() running"
        }
        return "coroutine"
    }

    /// `Task.cancel(msg)`.
    override func cancel(message: Value = .none) -> Bool {
        logTraceback = false
        if isDone { return false }
        cancelRequests += 1
        if let w = waitingOn, w.cancel(message: message) { return true }
        mustCancel = true
        cancelMessage = message
        return true
    }

    /// Cancels the future part itself (after the coroutine ended with CancelledError).
    func cancelSelf() {
        _ = super.cancel(message: cancelMessage)
    }

    func wakeup(_ fut: PyFuture) throws {
        if fut.state == .cancelled {
            try step(fut.makeCancelledError())
        } else if let e = fut.exception {
            fut.logTraceback = false
            try step(fut.exceptionToRaise(e))
        } else {
            try step(nil)
        }
    }

    func step(_ incoming: PyException?) throws {
        guard let loop else { return }
        if isDone { return }
        var exc = incoming
        if mustCancel {
            // A CancelledError already on its way in (the awaited future was cancelled by
            // the first cancel()) keeps its message, as in CPython's __step.
            if !(incoming?.isInstance(of: Types.cancelledError) ?? false) { exc = makeCancelledError() }
            mustCancel = false
        }
        waitingOn = nil
        let previous = loop.currentTask
        loop.currentTask = self
        defer { loop.currentTask = previous }
        let rt = loop.rt
        let outcome: GenStep
        do {
            outcome = try coro.resume(rt, send: .none, throwing: exc)
        } catch let e as ScriptError {
            // What the coroutine's frame dropped is finalized before its waiters hear of
            // the end: in CPython the frame dies as the coroutine ends.
            if rt.hasPendingFinalizers { rt.runPendingFinalizers() }
            let ex = e.exception
            if ex.isInstance(of: Types.cancelledError) {
                cancelledError = ex
                cancelSelf()
            } else if ex.isInstance(of: Types.keyboardInterrupt) || ex.isInstance(of: Types.systemExit) {
                // Set and re-raised, as in CPython: the run ends, and the finished task,
                // dropped later unobserved, reports "Task exception was never retrieved".
                try? setException(ex)
                finishBookkeeping()
                // Kept until the program's own exit message is out: CPython reports the
                // task when it is collected at shutdown, after that message.
                rt.tasksEndingTheRun.append(self)
                throw e
            } else {
                try? setException(ex)
            }
            finishBookkeeping()
            return
        }
        switch outcome {
        case .returned(let v):
            if rt.hasPendingFinalizers { rt.runPendingFinalizers() }
            if mustCancel {
                mustCancel = false
                cancelSelf()
            } else {
                try? setResult(v)
            }
            finishBookkeeping()
        case .yielded(let y):
            if case .object(let o) = y, let fut = o as? PyFuture {
                if fut === self {
                    loop.callSoon(.step(self, PyException(Types.runtimeError, "Task cannot await on itself: \(describe())")))
                    return
                }
                _ = fut.addCallback(.wakeTask(self))
                waitingOn = fut
                if mustCancel, fut.cancel(message: cancelMessage) { mustCancel = false }
            } else if y.isNone {
                loop.callSoon(.step(self, nil))
            } else {
                let msg = "Task got bad yield: \((try? rt.repr(y)) ?? "?")"
                loop.callSoon(.step(self, PyException(Types.runtimeError, msg)))
            }
        }
    }

    private func finishBookkeeping() {
        loop?.removeTask(self)
    }

    deinit {
        if logTraceback, let e = exception, let rt = extrasRecord?.reports?.runtime {
            rt.reportNeverRetrieved(self, e)
        }
    }
}

extension Types {
    nonisolated(unsafe) static let future = PyType(name: "Future", base: object, isBuiltin: true, layout: .builtin, module: "_asyncio")
    nonisolated(unsafe) static let task = PyType(name: "Task", base: future, isBuiltin: true, layout: .builtin, module: "_asyncio")
    nonisolated(unsafe) static let cancelledError = exc("CancelledError", baseException, module: "asyncio.exceptions")
    nonisolated(unsafe) static let invalidStateError = exc("InvalidStateError", exception, module: "asyncio.exceptions")
    nonisolated(unsafe) static let loopType = PyType(name: "_UnixSelectorEventLoop", base: object, isBuiltin: true, layout: .builtin, module: "asyncio.unix_events")
}

/// The loop object scripts see.
final class PyLoop: PyObject {
    unowned(unsafe) let loop: EventLoop
    /// `loop.close()` was called: this loop object can no longer run or take tasks.
    var closed = false
    /// `loop.set_exception_handler(handler)`; nil for the default handler.
    var exceptionHandler: Value?
    /// Distinguishes the loop objects of one runtime (each asyncio.run makes one) for the
    /// objects that bind to the loop they first wait in (see `Runtime.loopBoundWaiter`).
    let serial: Int
    init(_ loop: EventLoop) {
        self.loop = loop
        loop.loopObjectsMade += 1
        serial = loop.loopObjectsMade
    }
    override var type: PyType { Types.loopType }
    override class var isPlainBuiltin: Bool { true }
}

/// A Swift done-callback (see `PyFuture.Callback.native`).
final class NativeCallback {
    let body: (PyFuture) throws -> Void
    init(_ body: @escaping (PyFuture) throws -> Void) { self.body = body }
}

/// A future's rare state, allocated on first use so that the common future stays small:
/// `cancel(msg)`'s message and the CancelledError made from it, where a failed future
/// reports a never-retrieved exception, and a task's name when the script chose one.
final class FutureExtras {
    /// The exception's traceback when it was set (`_exception_tb`), until first raised.
    var exceptionTraceback: [TracebackEntry]?
    var cancelMessage: Value = .none
    var cancelledError: PyException?
    var reports: DeathReports?
    var taskName: String?
}

/// A future's done callbacks. Most futures get at most one (the task waiting on them, or
/// `gather`), which is stored inline instead of in an array.
struct CallbackList {
    typealias Entry = (PyFuture.Callback, Int32)
    private var first: Entry?
    private var rest: [Entry] = []

    var count: Int { (first == nil ? 0 : 1) + rest.count }

    var elements: [Entry] {
        guard let first else { return rest }
        return [first] + rest
    }

    /// Calls `body` with each callback in registration order (no array for the common
    /// single callback).
    func forEach(_ body: (PyFuture.Callback) -> Void) {
        if let first { body(first.0) }
        for entry in rest { body(entry.0) }
    }

    mutating func append(_ entry: Entry) {
        if first == nil && rest.isEmpty { first = entry } else { rest.append(entry) }
    }

    mutating func removeAll(where shouldRemove: (Entry) throws -> Bool) rethrows {
        var all = elements
        try all.removeAll(where: shouldRemove)
        first = all.first
        rest = Array(all.dropFirst())
    }
}
