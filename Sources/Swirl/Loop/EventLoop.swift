// The event loop: one thread, a FIFO ready queue and a timer heap (ties run in scheduling
// order). Like CPython's `_run_once`, each iteration first moves due timers to the ready
// queue, then runs exactly the handles that were ready at its start. When nothing is
// ready it sleeps until the next timer (or, with virtual time, jumps the clock there).
import Collections
import Foundation
import CSwirlSupport

/// Something the loop runs: a task step, or a callback handle.
enum ReadyItem {
    case step(PyTask, PyException?)
    case wakeup(PyTask, PyFuture)
    case gatherChild(GatheringFuture, PyFuture)
    case handle(PyHandle)
}

struct TimerEntry: Comparable {
    let when: Double
    let seq: UInt64
    let handle: PyHandle
    static func < (a: TimerEntry, b: TimerEntry) -> Bool { a.when != b.when ? a.when < b.when : a.seq < b.seq }
    static func == (a: TimerEntry, b: TimerEntry) -> Bool { a.seq == b.seq }
}

final class EventLoop {
    unowned(unsafe) let rt: Runtime
    var ready = Deque<ReadyItem>()
    var timers = Heap<TimerEntry>()
    private var seq: UInt64 = 0
    var stopping = false
    var running = false
    var closed = false
    /// The virtual clock runs with real time and also jumps: it is the real time since the
    /// clock was first read plus every jump (to the next timer when all tasks wait, or over a
    /// `time.sleep`). Keeping real time in it is what makes it behave like CPython's clock:
    /// a task that polls (`while not done: await asyncio.sleep(0)`, a busy loop on
    /// `time.monotonic()`) sees time pass, and a timer set from a timer's callback lands a
    /// little after the nominal sum, never just before it through float rounding.
    private var skippedSeconds: Double = 0
    private lazy var realStart = monotonicSeconds()
    private let startTime = Date().timeIntervalSince1970
    var currentTask: PyTask?
    /// Every task not yet finished (order not significant: removal swaps with the last).
    private(set) var allTasks: [PyTask] = []
    /// Distinguishes the argument lists of successive `gather` calls (duplicate detection).
    var gatherCounter = 0
    /// Async generators first iterated while this loop ran and still alive: what
    /// `shutdown_asyncgens()` closes at the end of `asyncio.run` (CPython's `_asyncgens`).
    /// Not retained (a Swift weak reference would slow every retain of the generator):
    /// a generator removes itself when it dies (`PyGenerator.deinit`). One dying on
    /// another thread cannot, and then the set is no longer trusted.
    /// Each with its registration number: they are closed in the order they started.
    private var asyncGenerators: [ObjectIdentifier: (order: Int, generator: Unmanaged<PyGenerator>)] = [:]
    private var asyncGeneratorCount = 0
    private let asyncGeneratorsUntrusted = InterruptFlag()  // an atomic flag any thread may set

    func noteAsyncGeneratorStarted(_ g: PyGenerator) {
        asyncGeneratorCount += 1
        asyncGenerators[ObjectIdentifier(g)] = (asyncGeneratorCount, Unmanaged.passUnretained(g))
        g.registeredWithLoop = true
    }

    /// Called by a registered generator's deinitialiser.
    func forgetAsyncGenerator(_ g: PyGenerator, onLoopThread: Bool) {
        if onLoopThread {
            asyncGenerators[ObjectIdentifier(g)] = nil
        } else {
            asyncGeneratorsUntrusted.set()
        }
    }

    /// The live async generators, forgetting them all (none once the set is untrusted).
    /// Finished ones too: as in CPython, `shutdown_asyncgens()` awaits their (immediate)
    /// `aclose()` like the others'.
    func takeAsyncGenerators() -> [PyGenerator] {
        let entries = asyncGenerators
        asyncGenerators = [:]
        guard !asyncGeneratorsUntrusted.isSet else { return [] }
        return entries.values.sorted { $0.order < $1.order }.map { $0.generator.takeUnretainedValue() }
    }

    func addTask(_ t: PyTask) {
        t.taskIndex = allTasks.count
        allTasks.append(t)
    }

    func removeTask(_ t: PyTask) {
        let i = t.taskIndex
        guard i >= 0, i < allTasks.count, allTasks[i] === t else { return }
        let last = allTasks.removeLast()
        if last !== t {
            allTasks[i] = last
            last.taskIndex = i
        }
        t.taskIndex = -1
    }
    var taskCounter = 0
    /// How many `PyLoop` objects this loop has been given (their serial numbers).
    var loopObjectsMade = 0
    /// Descriptor readiness and the cross-thread wake-up.
    var poller: Poller { rt.poller }
    /// The baton between this loop's thread and worker threads.
    lazy var handoff = ThreadHandoff(poller: rt.poller)
    /// Worker threads started and not finished (changed only by the baton holder).
    var workersInFlight = 0
    /// The loop object scripts see (`asyncio.get_running_loop()`, `get_event_loop()`).
    /// One engine serves every loop object: `asyncio.run` and `new_event_loop()` make a
    /// new object (closed on its own), and the one running or set is current.
    lazy var object = PyLoop(self)

    init(rt: Runtime) { self.rt = rt }

    deinit { readScratch.deallocate() }

    /// Where sockets read into before the bytes go to a StreamReader.
    let readScratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)

    // MARK: clock

    /// Monotonic seconds (`loop.time()`).
    func time() -> Double {
        guard rt.virtualTime else { return monotonicSeconds() }
        let start = realStart   // first: a lazy start read after the clock would be later
        return monotonicSeconds() - start + skippedSeconds
    }

    func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Wall-clock seconds (`time.time()`), following the virtual clock when enabled.
    func wallTime() -> Double {
        rt.virtualTime ? startTime + time() : Date().timeIntervalSince1970
    }

    /// `time.sleep`: blocks the thread (or advances the virtual clock).
    func blockingSleep(_ seconds: Double) {
        if seconds <= 0 { return }
        if rt.virtualTime {
            skippedSeconds += seconds
            return
        }
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
        var remaining = timespec()
        // A signal cuts the sleep short only when it asked for an interrupt.
        while nanosleep(&request, &remaining) != 0 && errno == EINTR && !rt.interruptFlag.isSet { request = remaining }
    }

    // MARK: scheduling

    func callSoon(_ item: ReadyItem) { ready.append(item) }

    func callSoon(_ handle: PyHandle) { ready.append(.handle(handle)) }

    @discardableResult
    func callAt(_ when: Double, _ handle: PyHandle) -> PyHandle {
        seq &+= 1
        handle.when = when
        timers.insert(TimerEntry(when: when, seq: seq, handle: handle))
        return handle
    }

    // MARK: running

    /// Runs until `stop()`; each pass is one `_run_once`.
    func runForever() throws {
        if running { throw runtimeError("This event loop is already running") }
        running = true
        // A stop() made before the loop ran ends it after one pass, as in CPython.
        defer {
            running = false
            stopping = false
        }
        while true {
            try runOnce()
            if stopping { break }
        }
    }

    /// `n` loop iterations that never wait: what CPython's `run_until_complete` of a task
    /// finishing at once amounts to (its step, then the stop callback). Callbacks already
    /// ready meanwhile (the next step of a closing task) run in them.
    func runIterationsWithoutWaiting(_ n: Int) throws {
        let (wasRunning, wasStopping) = (running, stopping)
        running = true
        stopping = true
        defer { (running, stopping) = (wasRunning, wasStopping) }
        for _ in 0..<n { try runOnce() }
    }

    func runOnce() throws {
        try rt.checkInterrupt()
        if rt.hostInbox.flag.isSet { rt.drainHostInbox() }
        if workersInFlight > 0 { handoff.serveRequests(rt) }
        if ready.isEmpty && !stopping {
            try waitForEvents()
        } else if poller.watchCount > 0 {
            poll(timeout: 0)
        }
        if !timers.isEmpty {
            let now = time() + 1e-9
            while let next = timers.min, next.when <= now {
                _ = timers.popMin()
                if !next.handle.cancelled { ready.append(.handle(next.handle)) }
            }
        }
        var n = ready.count
        while n > 0, let item = ready.popFirst() {
            n -= 1
            try run(item)
            // A step that dropped a suspended generator (a finished coroutine's locals).
            if rt.hasPendingFinalizers { rt.runPendingFinalizers() }
        }
    }

    /// Nothing is ready: wait for a descriptor, a worker thread or the next timer (with
    /// virtual time, the clock jumps to the timer once nothing real is pending).
    private func waitForEvents() throws {
        let nextTimer = timers.min?.when
        // Host `async` calls in flight (Embedding/AsyncBridge.swift) complete later.
        let othersPending = poller.watchCount > 0 || workersInFlight > 0 || rt.pendingHostCalls > 0
        if nextTimer == nil && !othersPending {
            // Nothing can ever happen: a deadlock in the script. CPython would block forever.
            throw ScriptError(Types.runtimeError, "Event loop is idle with nothing scheduled (deadlock)")
        }
        if rt.virtualTime {
            if othersPending {
                poll(timeout: 0)
                guard ready.isEmpty else { return }
                if workersInFlight > 0 && (handoff.realCallsInProgress || handoff.hasRequests) {
                    // A worker is doing real work: its result comes before any virtual timer.
                    if !handoff.hasRequests { poll(timeout: nil) }
                    return
                }
                if nextTimer == nil {
                    poll(timeout: nil)
                    return
                }
            }
            if let t = nextTimer {
                let now = time()
                // A whole number of milliseconds, rounded up, as CPython's epoll timeout is:
                // the loop wakes at or just after the timer, and the timers due within that
                // millisecond run in the same iteration, in heap order, as they do there.
                if t > now { skippedSeconds += ((t - now) * 1000).rounded(.up) / 1000 }
            }
            return
        }
        let timeout = nextTimer.map { max(0, $0 - time()) }
        if timeout == 0 && !othersPending { return }
        poll(timeout: timeout)
        try rt.checkInterrupt()
    }

    /// Waits on the poller and queues the handles of ready descriptors.
    private func poll(timeout: Double?) {
        poller.wait(timeout: timeout) { ready.append(.handle($0)) }
    }

    private func run(_ item: ReadyItem) throws {
        guard rt.debugMode else { return try runItem(item) }
        // Debug mode: report every step that holds the loop for 100 ms or more.
        let start = time()
        defer {
            let elapsed = time() - start
            if elapsed >= 0.1 {
                let what: String
                switch item {
                case .step(let t, _), .wakeup(let t, _): what = t.describe()
                case .gatherChild(let g, _): what = g.describe()
                case .handle(let h): what = (try? rt.repr(.object(h))) ?? "<Handle>"
                }
                rt.output.stderr("Executing \(what) took \(String(format: "%.3f", elapsed)) seconds\n")
            }
        }
        try runItem(item)
    }

    private func runItem(_ item: ReadyItem) throws {
        switch item {
        case .step(let task, let exc):
            try task.step(exc)
        case .wakeup(let task, let fut):
            try task.wakeup(fut)
        case .gatherChild(let gathering, let child):
            try gathering.childDone(child)
        case .handle(let h):
            if h.cancelled { return }
            try h.run(rt)
        }
    }

    func stop() { stopping = true }

    /// Like the end of CPython's `asyncio.run` (shutdown_default_executor): waits until the
    /// worker threads have finished, running the loop meanwhile.
    func waitForWorkers() throws {
        guard workersInFlight > 0 else { return }
        running = true
        defer { running = false }
        while workersInFlight > 0 || !ready.isEmpty { try runOnce() }
    }
}

/// A scheduled callback (`loop.call_soon`/`call_later` return these).
final class PyHandle: PyObject {
    enum Callback {
        case script(Value, [Value])
        case native((Runtime) throws -> Void)
    }
    let callback: Callback
    var cancelled = false
    var when: Double = 0
    let isTimer: Bool
    init(_ callback: Callback, isTimer: Bool = false) {
        self.callback = callback
        self.isTimer = isTimer
    }
    override var type: PyType { isTimer ? Types.timerHandle : Types.handle }

    /// CPython's Handle repr without the brackets: `Handle f(1) at file:2`,
    /// `TimerHandle cancelled when=12.5`; a cancelled handle drops its callback.
    func describe(_ rt: Runtime, withCallback source: String? = nil) -> String {
        var info = [isTimer ? "TimerHandle" : "Handle"]
        if cancelled { info.append("cancelled") }
        if isTimer { info.append("when=" + ((try? rt.repr(.float(when))) ?? "?")) }
        if !cancelled, case .script(let fn, let args) = callback { info.append(source ?? rt.describeCallback(fn, args)) }
        return info.joined(separator: " ")
    }

    func run(_ rt: Runtime) throws {
        switch callback {
        case .script(let fn, let args):
            do {
                _ = try rt.call(fn, args)
            } catch let e as ScriptError {
                if e.exception.isInstance(of: Types.keyboardInterrupt) || e.exception.isInstance(of: Types.systemExit) { throw e }
                rt.reportLoopException("Exception in callback \(rt.describeCallback(fn, args))", e.exception, [("handle", .object(self))])
            }
        case .native(let body):
            try body(rt)
        }
    }
}

extension Types {
    nonisolated(unsafe) static let handle = PyType(name: "Handle", base: object, isBuiltin: true, layout: .builtin, module: "asyncio.events")
    nonisolated(unsafe) static let timerHandle = PyType(name: "TimerHandle", base: handle, isBuiltin: true, layout: .builtin, module: "asyncio.events")
}
