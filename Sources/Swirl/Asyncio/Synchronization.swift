// Native asyncio.Event, Lock, Semaphore, BoundedSemaphore and the queues (Queue,
// PriorityQueue, LifoQueue): the same waiting discipline as CPython 3.11 (futures queued
// first-come first-served, cancellation-safe), without interpreting Python for each
// operation. Their awaitable methods return `WaitCoroutine`s.
import Collections

/// Coroutine objects implemented in Swift (`asyncio.iscoroutine` is true for them). This
/// base keeps the coroutine protocol's bookkeeping: once `step` has returned or thrown,
/// the coroutine is finished and cannot be resumed again, as in CPython.
class NativeCoroutine: ResumableObject {
    /// The CPython names "coroutine '…' was never awaited" gives asyncio's own methods.
    enum MethodName: UInt8, CaseIterable {
        case none, queuePut, queueGet, queueJoin, lockAcquire, semaphoreAcquire, eventWait
        case drain, read, readline, readexactly, readuntil
        var text: String {
            switch self {
            case .none: return ""
            case .queuePut: return "Queue.put"
            case .queueGet: return "Queue.get"
            case .queueJoin: return "Queue.join"
            case .lockAcquire: return "Lock.acquire"
            case .semaphoreAcquire: return "Semaphore.acquire"
            case .eventWait: return "Event.wait"
            case .drain: return "StreamWriter.drain"
            case .read: return "StreamReader.read"
            case .readline: return "StreamReader.readline"
            case .readexactly: return "StreamReader.readexactly"
            case .readuntil: return "StreamReader.readuntil"
            }
        }
    }
    /// The built-in methods that are coroutine functions in CPython (`Queue.get`, ...), by
    /// their owner-qualified names, for `asyncio.iscoroutinefunction`: the named ones above
    /// and `StreamWriter.wait_closed`.
    static let coroutineMethodNames: Set<String> =
        Set(MethodName.allCases.filter { $0 != .none }.map(\.text)).union(["StreamWriter.wait_closed"])
    // Three one-byte fields in the object's padding: a waiting task's coroutine stays small.
    private var finished = false
    private var started = false
    /// Set by the method that made it (`Queue.put`): dropped without ever running, it is
    /// reported as "coroutine 'Queue.put' was never awaited", as CPython's are.
    private var methodName = MethodName.none
    override var type: PyType { Types.coroutine }

    /// This coroutine as the value a method returns, reported if never awaited.
    func returned(as name: MethodName, _ rt: Runtime) -> Value {
        methodName = name
        remember(rt.deathReports)
        return .object(self)
    }

    /// Keeps the way to the runtime for `reportIfDropped`, in subclasses without another.
    func remember(_ reports: DeathReports) {}

    /// Called from subclasses' deinit: the "never awaited" warning of a coroutine a method
    /// returned and nobody ran.
    func reportIfDropped(_ reports: DeathReports?) {
        if !started, methodName != .none, let rt = reports?.runtime { rt.coroutineDroppedUnawaited(methodName.text) }
    }

    /// One resume: yield a future (or None) to wait, or return the result.
    func step(_ rt: Runtime, throwing: PyException?) throws -> GenStep { .returned(.none) }

    final override func resume(_ rt: Runtime, send: Value, throwing: PyException?) throws -> GenStep {
        started = true
        if finished {
            if let e = throwing { throw ScriptError(e) }
            throw runtimeError("cannot reuse already awaited coroutine")
        }
        do {
            let result = try step(rt, throwing: throwing)
            if case .returned = result { finished = true }
            return result
        } catch {
            finished = true
            throw error
        }
    }

    override func close(_ rt: Runtime) throws {
        started = true
        finished = true
    }
}

/// A native coroutine that keeps its own way to the runtime for the "never awaited"
/// report (`EventWaitCoroutine`, the most numerous, goes through its event instead).
class ReportingNativeCoroutine: NativeCoroutine {
    private var reports: DeathReports?
    override func remember(_ reports: DeathReports) { self.reports = reports }
    deinit { reportIfDropped(reports) }
}

/// A native coroutine that may wait on futures: `start` runs on the first resume; after a
/// waited-on future completes (or the task is cancelled there), `resumed` decides.
final class WaitCoroutine: ReportingNativeCoroutine {
    enum Outcome {
        case done(Value)
        case wait(PyFuture)
        /// Yield to the loop for one iteration (like `await asyncio.sleep(0)`), then run
        /// `start` again.
        case yieldOnce
    }
    let name: String
    private let start: (Runtime) throws -> Outcome
    private let resumed: (Runtime, PyFuture, PyException?) throws -> Outcome
    private var waiting: PyFuture?

    init(_ name: String, start: @escaping (Runtime) throws -> Outcome,
         resumed: @escaping (Runtime, PyFuture, PyException?) throws -> Outcome = { _, _, e in
             if let e { throw ScriptError(e) }
             return .done(.none)
         }) {
        self.name = name
        self.start = start
        self.resumed = resumed
    }

    override func step(_ rt: Runtime, throwing: PyException?) throws -> GenStep {
        let outcome: Outcome
        if let fut = waiting {
            waiting = nil
            outcome = try resumed(rt, fut, throwing)
        } else {
            // The first resume, or the one after `.yieldOnce`.
            if let e = throwing { throw ScriptError(e) }
            outcome = try start(rt)
        }
        switch outcome {
        case .done(let v):
            return .returned(v)
        case .wait(let f):
            waiting = f
            return .yielded(.object(f))
        case .yieldOnce:
            return .yielded(.none)
        }
    }
}

/// Futures waiting on a primitive, in arrival order.
struct WaiterQueue {
    private(set) var items = Deque<PyFuture>()
    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }
    mutating func append(_ f: PyFuture) { items.append(f) }
    /// Removes `f` (O(1) in the usual case where it is at the front).
    mutating func remove(_ f: PyFuture) {
        if items.first === f {
            items.removeFirst()
        } else if let i = items.firstIndex(where: { $0 === f }) {
            items.remove(at: i)
        }
    }
    /// Pops waiters until one not yet done is found and completes it (`_wakeup_next`).
    mutating func wakeNext(_ value: Value) {
        while let w = items.popFirst() {
            if !w.isDone {
                try? w.setResult(value)
                return
            }
        }
    }
}

final class PyEvent: PyObject {
    var value = false
    /// The runtime that made it (`Event()`), for the waits' "never awaited" warnings.
    var reports: DeathReports?
    var waiters = WaiterQueue()
    /// The loop it first waited in (0: none yet); see `Runtime.loopBoundWaiter`.
    var boundLoop = 0
    override var type: PyType { Types.event }

    func set() {
        if value { return }
        value = true
        for f in waiters.items where !f.isDone { try? f.setResult(.true) }
    }

    func wait() -> EventWaitCoroutine { EventWaitCoroutine(self) }
}

/// `event.wait()`: True at once when set, otherwise a waiter future in the event's queue.
/// A small object of its own (no closures): every task waiting on an event holds one.
final class EventWaitCoroutine: NativeCoroutine {
    let event: PyEvent
    private var waiting: PyFuture?
    init(_ event: PyEvent) { self.event = event }
    deinit { reportIfDropped(event.reports) }

    override func step(_ rt: Runtime, throwing: PyException?) throws -> GenStep {
        if let fut = waiting {
            waiting = nil
            event.waiters.remove(fut)
            if let e = throwing { throw ScriptError(e) }
            return .returned(.true)
        }
        if let e = throwing { throw ScriptError(e) }
        if event.value { return .returned(.true) }
        let fut = try rt.loopBoundWaiter(&event.boundLoop, event)
        event.waiters.append(fut)
        waiting = fut
        return .yielded(.object(fut))
    }
}

final class PyLock: PyObject {
    var locked = false
    var waiters = WaiterQueue()
    var boundLoop = 0
    override var type: PyType { Types.lock }

    func acquire(result: Value) -> WaitCoroutine {
        WaitCoroutine("acquire", start: { [self] rt in
            if !locked && waiters.items.allSatisfy({ $0.state == .cancelled }) {
                locked = true
                return .done(result)
            }
            let fut = try rt.loopBoundWaiter(&boundLoop, self)
            waiters.append(fut)
            return .wait(fut)
        }, resumed: { [self] _, fut, thrown in
            waiters.remove(fut)
            if let e = thrown {
                if !locked { wakeUpFirst() }
                throw ScriptError(e)
            }
            locked = true
            return .done(result)
        })
    }

    func release() throws {
        guard locked else { throw runtimeError("Lock is not acquired.") }
        locked = false
        wakeUpFirst()
    }

    private func wakeUpFirst() {
        if let f = waiters.items.first, !f.isDone { try? f.setResult(.true) }
    }
}

final class PySemaphore: PyObject {
    var value: Int
    let bound: Int?
    var waiters = WaiterQueue()
    var boundLoop = 0
    init(value: Int, bounded: Bool) {
        self.value = value
        bound = bounded ? value : nil
    }
    override var type: PyType { bound == nil ? Types.semaphore : Types.boundedSemaphore }

    var isLocked: Bool { value == 0 || waiters.items.contains { $0.state != .cancelled } }

    func acquire(result: Value) -> WaitCoroutine {
        WaitCoroutine("acquire", start: { [self] rt in
            if !isLocked {
                value -= 1
                return .done(result)
            }
            let fut = try rt.loopBoundWaiter(&boundLoop, self)
            waiters.append(fut)
            return .wait(fut)
        }, resumed: { [self] _, fut, thrown in
            waiters.remove(fut)
            if let e = thrown {
                if fut.state != .cancelled {
                    value += 1
                    wakeUpNext()
                }
                throw ScriptError(e)
            }
            if value > 0 { wakeUpNext() }
            return .done(result)
        })
    }

    func release() throws {
        if let b = bound, value >= b { throw valueError("BoundedSemaphore released too many times") }
        value += 1
        wakeUpNext()
    }

    @discardableResult
    private func wakeUpNext() -> Bool {
        for f in waiters.items where !f.isDone {
            value -= 1
            try? f.setResult(.true)
            return true
        }
        return false
    }
}

final class PyQueue: PyObject {
    enum Kind { case fifo, lifo, priority }
    let kind: Kind
    let maxsize: Int
    var items = Deque<Value>()
    var heap: [Value] = []
    var getters = WaiterQueue()
    var putters = WaiterQueue()
    var boundLoop = 0
    var unfinished = 0
    let finished = PyEvent()

    init(kind: Kind, maxsize: Int) {
        self.kind = kind
        self.maxsize = maxsize
        finished.value = true
    }
    override var type: PyType {
        switch kind {
        case .fifo: return Types.queue
        case .lifo: return Types.lifoQueue
        case .priority: return Types.priorityQueue
        }
    }

    var qsize: Int { kind == .priority ? heap.count : items.count }
    var isEmpty: Bool { qsize == 0 }
    var isFull: Bool { maxsize > 0 && qsize >= maxsize }

    func putNowait(_ v: Value, _ rt: Runtime) throws {
        if isFull { throw ScriptError(try rt.asyncioException("QueueFull")) }
        switch kind {
        case .fifo, .lifo: items.append(v)
        case .priority: try heapPush(v, rt)
        }
        unfinished += 1
        finished.value = false
        getters.wakeNext(.none)
    }

    func getNowait(_ rt: Runtime) throws -> Value {
        if isEmpty { throw ScriptError(try rt.asyncioException("QueueEmpty")) }
        let v: Value
        switch kind {
        case .fifo: v = items.removeFirst()
        case .lifo: v = items.removeLast()
        case .priority: v = try heapPop(rt)
        }
        putters.wakeNext(.none)
        return v
    }

    func put(_ v: Value) -> WaitCoroutine {
        WaitCoroutine("put", start: { [self] rt in try putStep(v, rt) }, resumed: { [self] rt, fut, thrown in
            if let e = thrown {
                _ = fut.cancel()
                putters.remove(fut)
                if !isFull && fut.state != .cancelled { putters.wakeNext(.none) }
                throw ScriptError(e)
            }
            return try putStep(v, rt)
        })
    }

    private func putStep(_ v: Value, _ rt: Runtime) throws -> WaitCoroutine.Outcome {
        if isFull {
            let fut = try rt.loopBoundWaiter(&boundLoop, self)
            putters.append(fut)
            return .wait(fut)
        }
        try putNowait(v, rt)
        return .done(.none)
    }

    func get() -> WaitCoroutine {
        WaitCoroutine("get", start: { [self] rt in try getStep(rt) }, resumed: { [self] rt, fut, thrown in
            if let e = thrown {
                _ = fut.cancel()
                getters.remove(fut)
                if !isEmpty && fut.state != .cancelled { getters.wakeNext(.none) }
                throw ScriptError(e)
            }
            return try getStep(rt)
        })
    }

    private func getStep(_ rt: Runtime) throws -> WaitCoroutine.Outcome {
        if isEmpty {
            let fut = try rt.loopBoundWaiter(&boundLoop, self)
            getters.append(fut)
            return .wait(fut)
        }
        return .done(try getNowait(rt))
    }

    func taskDone() throws {
        if unfinished <= 0 { throw valueError("task_done() called too many times") }
        unfinished -= 1
        if unfinished == 0 { finished.set() }
    }

    func join() -> NativeCoroutine {
        if unfinished > 0 { return finished.wait() }
        return WaitCoroutine("join", start: { _ in .done(.none) })
    }

    // Binary heap ordered by `<`, like heapq.
    private func heapPush(_ v: Value, _ rt: Runtime) throws {
        heap.append(v)
        var pos = heap.count - 1
        while pos > 0 {
            let parent = (pos - 1) >> 1
            if try rt.order(.lt, heap[pos], heap[parent]) {
                heap.swapAt(pos, parent)
                pos = parent
            } else {
                break
            }
        }
    }

    private func heapPop(_ rt: Runtime) throws -> Value {
        let last = heap.removeLast()
        if heap.isEmpty { return last }
        let top = heap[0]
        heap[0] = last
        var pos = 0
        let n = heap.count
        while true {
            var child = 2 * pos + 1
            if child >= n { break }
            if child + 1 < n, try rt.order(.lt, heap[child + 1], heap[child]) { child += 1 }
            if try rt.order(.lt, heap[child], heap[pos]) {
                heap.swapAt(pos, child)
                pos = child
            } else {
                break
            }
        }
        return top
    }
}

extension Types {
    static func asyncioType(_ name: String, base: PyType = object, module: String) -> PyType {
        PyType(name: name, base: base, isBuiltin: true, layout: .builtin, module: module)
    }
    nonisolated(unsafe) static let event = asyncioType("Event", module: "asyncio.locks")
    nonisolated(unsafe) static let lock = asyncioType("Lock", module: "asyncio.locks")
    nonisolated(unsafe) static let semaphore = asyncioType("Semaphore", module: "asyncio.locks")
    nonisolated(unsafe) static let boundedSemaphore = asyncioType("BoundedSemaphore", base: semaphore, module: "asyncio.locks")
    nonisolated(unsafe) static let queue = asyncioType("Queue", module: "asyncio.queues")
    nonisolated(unsafe) static let priorityQueue = asyncioType("PriorityQueue", base: queue, module: "asyncio.queues")
    nonisolated(unsafe) static let lifoQueue = asyncioType("LifoQueue", base: queue, module: "asyncio.queues")
}

extension Runtime {
    /// An instance of an exception class defined by the asyncio prelude (QueueEmpty, ...).
    func asyncioException(_ name: String) throws -> PyException {
        guard let m = modules["asyncio"], let cls = m.globals[name] else { return PyException(Types.exception, name) }
        return try makeException(cls)
    }

    func installSynchronization(_ g: Globals) {
        g["Event"] = .object(Types.event)
        g["Lock"] = .object(Types.lock)
        g["Semaphore"] = .object(Types.semaphore)
        g["BoundedSemaphore"] = .object(Types.boundedSemaphore)
        g["Queue"] = .object(Types.queue)
        g["PriorityQueue"] = .object(Types.priorityQueue)
        g["LifoQueue"] = .object(Types.lifoQueue)
        nativeConstructors[ObjectIdentifier(Types.event)] = { rt, a in
            try a.checkSignature("Event.__init__", params: [], countsSelf: true)
            let event = PyEvent()
            event.reports = rt.deathReports
            return .object(event)
        }
        nativeConstructors[ObjectIdentifier(Types.lock)] = { _, a in
            try a.checkSignature("Lock.__init__", params: [], countsSelf: true)
            return .object(PyLock())
        }
        for (t, bounded) in [(Types.semaphore, false), (Types.boundedSemaphore, true)] {
            nativeConstructors[ObjectIdentifier(t)] = { rt, a in
                try a.checkSignature("\(t.name).__init__", params: ["value"], countsSelf: true)
                let v = try (a.positional.first ?? a.keywords.first { $0.0 == "value" }?.1).map { try rt.indexValue($0) } ?? 1
                if v < 0 { throw valueError("Semaphore initial value must be >= 0") }
                return .object(PySemaphore(value: v, bounded: bounded))
            }
        }
        for (t, kind) in [(Types.queue, PyQueue.Kind.fifo), (Types.lifoQueue, .lifo), (Types.priorityQueue, .priority)] {
            nativeConstructors[ObjectIdentifier(t)] = { rt, a in
                try a.checkSignature("\(t.name).__init__", params: ["maxsize"], countsSelf: true)
                let m = try (a.positional.first ?? a.keywords.first { $0.0 == "maxsize" }?.1).map { try rt.indexValue($0) } ?? 0
                return .object(PyQueue(kind: kind, maxsize: m))
            }
        }
        guard Types.event.dict.isEmpty else { return }
    }

    /// The methods of Event, Lock, Semaphore and Queue (see `installAsyncioTypeMethods`).
    static func installSynchronizationMethods() {
        /// `__aexit__` of a lock-like object: a coroutine that releases it.
        func releasing(_ release: @escaping () throws -> Void) -> Value {
            .object(WaitCoroutine("__aexit__", start: { _ in
                try release()
                return .done(.none)
            }))
        }
        func obj<T: PyObject>(_ v: Value, _: T.Type) throws -> T {
            guard let x = v.asObject as? T else { throw typeError("expected \(T.self)") }
            return x
        }
        let e = Types.event
        Types.method(e, "is_set", .a1 { _, v in .bool(try obj(v, PyEvent.self).value) })
        Types.method(e, "set", .a1 { _, v in try obj(v, PyEvent.self).set(); return .none })
        Types.method(e, "clear", .a1 { _, v in try obj(v, PyEvent.self).value = false; return .none })
        Types.method(e, "wait", .a1 { rt, v in try obj(v, PyEvent.self).wait().returned(as: .eventWait, rt) })
        let l = Types.lock
        Types.method(l, "locked", .a1 { _, v in .bool(try obj(v, PyLock.self).locked) })
        Types.method(l, "acquire", .a1 { rt, v in try obj(v, PyLock.self).acquire(result: .true).returned(as: .lockAcquire, rt) })
        Types.method(l, "release", .a1 { _, v in try obj(v, PyLock.self).release(); return .none })
        Types.method(l, "__aenter__", .a1 { _, v in .object(try obj(v, PyLock.self).acquire(result: .none)) })
        Types.method(l, "__aexit__", .general { _, a in releasing(try obj(a.positional[0], PyLock.self).release) })
        let s = Types.semaphore
        Types.method(s, "locked", .a1 { _, v in .bool(try obj(v, PySemaphore.self).isLocked) })
        Types.method(s, "acquire", .a1 { rt, v in try obj(v, PySemaphore.self).acquire(result: .true).returned(as: .semaphoreAcquire, rt) })
        Types.method(s, "release", .a1 { _, v in try obj(v, PySemaphore.self).release(); return .none })
        Types.method(s, "__aenter__", .a1 { _, v in .object(try obj(v, PySemaphore.self).acquire(result: .none)) })
        Types.method(s, "__aexit__", .general { _, a in releasing(try obj(a.positional[0], PySemaphore.self).release) })
        let q = Types.queue
        Types.method(q, "qsize", .a1 { _, v in .int(try obj(v, PyQueue.self).qsize) })
        Types.method(q, "empty", .a1 { _, v in .bool(try obj(v, PyQueue.self).isEmpty) })
        Types.method(q, "full", .a1 { _, v in .bool(try obj(v, PyQueue.self).isFull) })
        Types.method(q, "put", .a2 { rt, v, x in try obj(v, PyQueue.self).put(x).returned(as: .queuePut, rt) })
        Types.method(q, "get", .a1 { rt, v in try obj(v, PyQueue.self).get().returned(as: .queueGet, rt) })
        Types.method(q, "put_nowait", .a2 { rt, v, x in try obj(v, PyQueue.self).putNowait(x, rt); return .none })
        Types.method(q, "get_nowait", .a1 { rt, v in try obj(v, PyQueue.self).getNowait(rt) })
        Types.method(q, "task_done", .a1 { _, v in try obj(v, PyQueue.self).taskDone(); return .none })
        Types.method(q, "join", .a1 { rt, v in try obj(v, PyQueue.self).join().returned(as: .queueJoin, rt) })
        q.dict["maxsize"] = .object(PyProperty(getter: .object(PyNativeFunction("maxsize", .a1 { _, v in
            .int(try obj(v, PyQueue.self).maxsize)
        }))))
    }
}

extension Runtime {
    /// A waiter future for an Event, Lock, Semaphore or Queue, which binds the object to the
    /// loop it first has to wait in, as CPython's `_LoopBoundMixin._get_loop` does: a
    /// module-level `Event()` waited on under a second `asyncio.run` is an error, not a wait
    /// on a loop that is gone.
    func loopBoundWaiter(_ boundLoop: inout Int, _ owner: PyObject) throws -> PyFuture {
        let current = loop.object.serial
        if boundLoop == 0 {
            boundLoop = current
        } else if boundLoop != current {
            throw runtimeError("\(try repr(.object(owner))) is bound to a different event loop")
        }
        return PyFuture(loop: loop)
    }
}
