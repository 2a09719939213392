// `asyncio.to_thread` and `loop.run_in_executor`: a function runs "in a thread" while the
// loop keeps serving other tasks.
//
// The interpreter is single-threaded: script code only ever runs on the loop's thread. A
// call handed to `to_thread` runs there too, as a fiber — a second native stack that the
// loop switches to between its iterations. When the fiber reaches a blocking native call
// (`time.sleep`, file reads, `input`, host name lookups), that call alone goes to a real
// worker thread and the fiber switches back to the loop; when the call returns, the worker
// queues the fiber to be resumed and wakes the loop through its thread-safe wake-up. Each
// fiber has its own value stack and frame pool, installed in the runtime while it runs.
import CSwirlSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The interpreter state that belongs to one thread of execution.
struct ThreadState {
    var stack: UnsafeMutablePointer<Value?>
    var stackCapacity: Int
    var sp = 0
    var framePool: [Unmanaged<Frame>] = []
    var depth = 0
    var nativeStackLimit: UInt = 0
    var handledExceptions: [PyException] = []
    var reprActive = Set<ObjectIdentifier>()
    var currentTask: PyTask?
    var worker: WorkerFiber?
}

extension Runtime {
    /// Exchanges the running thread state with `other`.
    func swapThreadState(_ other: inout ThreadState) {
        var mine = ThreadState(stack: stack, stackCapacity: stackCapacity, sp: sp, framePool: framePool,
                               depth: depth, nativeStackLimit: nativeStackLimit,
                               handledExceptions: handledExceptions, reprActive: reprActive,
                               currentTask: loop.currentTask, worker: currentWorker)
        swap(&mine, &other)
        stack = mine.stack
        stackCapacity = mine.stackCapacity
        sp = mine.sp
        framePool = mine.framePool
        depth = mine.depth
        nativeStackLimit = mine.nativeStackLimit
        handledExceptions = mine.handledExceptions
        reprActive = mine.reprActive
        loop.currentTask = mine.currentTask
        currentWorker = mine.worker
    }

    /// Runs `body` on a worker thread when called from a `to_thread` fiber, so the loop and
    /// other tasks go on meanwhile; elsewhere it simply runs `body`. `body` must not touch
    /// interpreter objects.
    func blockingCall<T>(_ body: @escaping () -> T) -> T {
        guard let worker = currentWorker else { return body() }
        let job = BlockingJob<T>(body)
        worker.runOnWorkerThread(job)
        if let result = job.result { return result }
        return body()   // the thread could not start: run it here
    }

    /// `time.sleep` in a `to_thread` fiber under the virtual clock: the fiber waits for a
    /// loop timer instead of the real clock.
    func virtualSleepOnWorker(_ seconds: Double) -> Bool {
        guard virtualTime, let worker = currentWorker else { return false }
        let handoff = loop.handoff
        loop.callAt(loop.time() + seconds, PyHandle(.native { _ in handoff.request(worker, wake: false) }))
        worker.suspend()
        return true
    }

    /// `loop.run_in_executor(None, fn, *args)` / `asyncio.to_thread(fn, *args, **kwargs)`:
    /// a future that completes with `fn`'s result.
    func runInWorkerThread(_ fn: Value, _ args: Arguments) throws -> PyFuture {
        let future = PyFuture(loop: loop)
        guard let worker = WorkerFiber(rt: self, handoff: loop.handoff, function: fn, arguments: args, future: future) else {
            throw ScriptError(Types.runtimeError, "can't start new thread")
        }
        loop.workersInFlight += 1
        loop.handoff.request(worker, wake: false)
        return future
    }
}

/// A blocking native call that runs on a worker thread, with its result.
final class BlockingJob<T> {
    let body: () -> T
    var result: T?
    init(_ body: @escaping () -> T) { self.body = body }
    func run() { result = body() }
}

/// The fibers waiting to be resumed by the loop. Guarded by `monitor` (worker threads
/// queue fibers from their own threads).
final class ThreadHandoff {
    let monitor: OpaquePointer?
    var requests: [WorkerFiber] = []
    /// Blocking calls in progress on worker threads: the virtual clock may not jump past
    /// them.
    var blockedInRealCall = 0
    let poller: Poller

    init(poller: Poller) {
        self.poller = poller
        monitor = swirl_monitor_create()
    }

    deinit { swirl_monitor_destroy(monitor) }

    /// Queues `fiber` to be resumed (and wakes the loop when called from another thread).
    func request(_ fiber: WorkerFiber, wake: Bool) {
        swirl_monitor_lock(monitor)
        requests.append(fiber)
        swirl_monitor_unlock(monitor)
        if wake { poller.wakeup() }
    }

    var hasRequests: Bool {
        swirl_monitor_lock(monitor)
        defer { swirl_monitor_unlock(monitor) }
        return !requests.isEmpty
    }

    var realCallsInProgress: Bool {
        swirl_monitor_lock(monitor)
        defer { swirl_monitor_unlock(monitor) }
        return blockedInRealCall > 0
    }

    /// On the loop thread, between iterations: runs each queued fiber until it suspends or
    /// finishes.
    func serveRequests(_ rt: Runtime) {
        swirl_monitor_lock(monitor)
        while !requests.isEmpty {
            let fiber = requests.removeFirst()
            swirl_monitor_unlock(monitor)
            fiber.resume()
            swirl_monitor_lock(monitor)
        }
        swirl_monitor_unlock(monitor)
    }
}

/// One `to_thread` call: a fiber on the loop thread.
final class WorkerFiber {
    static let nativeStackSize = 64 * 1024 * 1024
    static let valueStackCapacity = 1 << 16
    static let workerThreadStackSize = 4 * 1024 * 1024

    unowned let rt: Runtime
    let handoff: ThreadHandoff
    let function: Value
    let arguments: Arguments
    let future: PyFuture
    /// The loop's state while the fiber runs, the fiber's own otherwise.
    var state: ThreadState
    private var fiber: OpaquePointer?
    private var finished = false

    init?(rt: Runtime, handoff: ThreadHandoff, function: Value, arguments: Arguments, future: PyFuture) {
        self.rt = rt
        self.handoff = handoff
        self.function = function
        self.arguments = arguments
        self.future = future
        let stack = UnsafeMutablePointer<Value?>.allocate(capacity: WorkerFiber.valueStackCapacity)
        state = ThreadState(stack: stack, stackCapacity: WorkerFiber.valueStackCapacity)
        state.worker = self
        fiber = swirl_fiber_create(WorkerFiber.nativeStackSize, { p in
            guard let p else { return }
            Unmanaged<WorkerFiber>.fromOpaque(p).takeUnretainedValue().main()
        }, Unmanaged.passUnretained(self).toOpaque())
        if fiber == nil {
            stack.deallocate()
            return nil
        }
    }

    deinit {
        swirl_fiber_destroy(fiber)
    }

    /// On the loop thread: switch to the fiber until it suspends or finishes.
    func resume() {
        guard !finished, let fiber else { return }
        rt.swapThreadState(&state)
        if swirl_fiber_resume(fiber) != 0 {
            finished = true
            // The fiber may not be freed while running on it: drop it from here.
            swirl_fiber_destroy(fiber)
            self.fiber = nil
        }
    }

    /// Inside the fiber: back to the loop (its state restored) until resumed.
    func suspend() {
        guard let fiber else { return }
        rt.swapThreadState(&state)
        swirl_fiber_yield(fiber)
    }

    /// The fiber's body: run the call, post the outcome to the loop.
    private func main() {
        let sp = swirl_stack_pointer()
        let usable = UInt(WorkerFiber.nativeStackSize) - 8 * 1024 * 1024
        rt.nativeStackLimit = sp > usable ? sp - usable : 0
        let outcome: Result<Value, ScriptError>
        do {
            outcome = .success(try rt.call(function, arguments))
        } catch let e as ScriptError {
            outcome = .failure(e)
        } catch {
            outcome = .failure(ScriptError(PyException(Types.runtimeError, "\(error)")))
        }
        let future = self.future
        rt.loop.callSoon(PyHandle(.native { _ in
            if future.isDone { return }
            switch outcome {
            case .success(let v): try future.setResult(v)
            case .failure(let e): try future.setException(e.exception)
            }
        }))
        rt.loop.workersInFlight -= 1
        // Drop what the fiber's state still holds, then hand the loop its state back.
        rt.release(to: 0)
        let frames = rt.framePool
        rt.framePool = []
        rt.handledExceptions = []
        for f in frames { f.release() }
        let stack = rt.stack
        rt.swapThreadState(&state)
        state.worker = nil   // the state no longer keeps this object alive
        stack.deallocate()
    }

    /// Inside the fiber: runs `job` on a new worker thread and suspends until it is done.
    func runOnWorkerThread<T>(_ job: BlockingJob<T>) {
        let handoff = self.handoff
        let start = ThreadStart { [self] in
            job.run()
            swirl_monitor_lock(handoff.monitor)
            handoff.blockedInRealCall -= 1
            swirl_monitor_unlock(handoff.monitor)
            handoff.request(self, wake: true)
        }
        swirl_monitor_lock(handoff.monitor)
        handoff.blockedInRealCall += 1
        swirl_monitor_unlock(handoff.monitor)
        let context = Unmanaged.passRetained(start).toOpaque()
        let rc = swirl_spawn_detached(WorkerFiber.workerThreadStackSize, { p in
            guard let p else { return }
            Unmanaged<ThreadStart>.fromOpaque(p).takeRetainedValue().run()
        }, context)
        if rc != 0 {
            Unmanaged<ThreadStart>.fromOpaque(context).release()
            swirl_monitor_lock(handoff.monitor)
            handoff.blockedInRealCall -= 1
            swirl_monitor_unlock(handoff.monitor)
            return
        }
        suspend()
    }
}

/// The body of a worker thread, passed through C.
private final class ThreadStart {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}
