// `asyncio.to_thread` and `loop.run_in_executor`: a function runs on a worker thread while
// the loop keeps serving other tasks.
//
// The interpreter is not thread-safe, so script code never runs on two threads at once:
// a baton passes between the loop thread and the workers. The loop holds it normally and
// hands it over only between its iterations, to a worker that asked for it; the worker
// runs script code until it reaches a blocking native call (`time.sleep`, file reads,
// `input`), gives the baton back for the duration of that call, and asks for it again
// through the loop's wake-up descriptor. Each worker has its own value stack and frame pool,
// installed in the runtime while it holds the baton.
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
    var worker: WorkerThread?
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

    /// Runs `body` without the baton when called on a worker thread, so the loop and other
    /// workers go on meanwhile. `body` must not touch interpreter objects.
    func blockingCall<T>(_ body: () -> T) -> T {
        guard let worker = currentWorker else { return body() }
        worker.giveBack(blocking: true)
        let result = body()
        worker.take()
        return result
    }

    /// `time.sleep` on a worker thread under the virtual clock: the worker waits for a
    /// loop timer instead of the real clock.
    func virtualSleepOnWorker(_ seconds: Double) -> Bool {
        guard virtualTime, let worker = currentWorker else { return false }
        let handoff = loop.handoff
        loop.callAt(loop.time() + seconds, PyHandle(.native { _ in handoff.request(worker, wake: false) }))
        worker.giveBack(blocking: false)
        worker.waitForGrant()
        return true
    }

    /// `loop.run_in_executor(None, fn, *args)` / `asyncio.to_thread(fn, *args, **kwargs)`:
    /// a future that completes with `fn`'s result once a worker thread has run it.
    func runInWorkerThread(_ fn: Value, _ args: Arguments) throws -> PyFuture {
        let future = PyFuture(loop: loop)
        let worker = WorkerThread(rt: self, handoff: loop.handoff, function: fn, arguments: args, future: future)
        loop.workersInFlight += 1
        // Until it first takes the baton, the new thread counts as busy with real work.
        swirl_monitor_lock(loop.handoff.monitor)
        loop.handoff.blockedInRealCall += 1
        swirl_monitor_unlock(loop.handoff.monitor)
        let context = Unmanaged.passRetained(worker).toOpaque()
        let rc = swirl_spawn_detached(WorkerThread.nativeStackSize, { p in
            guard let p else { return }
            Unmanaged<WorkerThread>.fromOpaque(p).takeRetainedValue().main()
        }, context)
        if rc != 0 {
            Unmanaged<WorkerThread>.fromOpaque(context).release()
            loop.workersInFlight -= 1
            swirl_monitor_lock(loop.handoff.monitor)
            loop.handoff.blockedInRealCall -= 1
            swirl_monitor_unlock(loop.handoff.monitor)
            throw ScriptError(Types.runtimeError, "can't start new thread")
        }
        return future
    }
}

/// Who holds the baton, and the workers waiting for it. Guarded by `monitor`.
final class ThreadHandoff {
    let monitor: OpaquePointer?
    /// nil while the loop thread holds the baton.
    var holder: WorkerThread?
    var requests: [WorkerThread] = []
    /// Workers inside a blocking call: the virtual clock may not jump while they work.
    var blockedInRealCall = 0
    let poller: Poller

    init(poller: Poller) {
        self.poller = poller
        monitor = swirl_monitor_create()
    }

    deinit { swirl_monitor_destroy(monitor) }

    /// Queues `worker` for the baton (and wakes the loop when called from another thread).
    func request(_ worker: WorkerThread, wake: Bool) {
        swirl_monitor_lock(monitor)
        requests.append(worker)
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

    /// On the loop thread, between iterations: lets each waiting worker run until it gives
    /// the baton back.
    func serveRequests(_ rt: Runtime) {
        swirl_monitor_lock(monitor)
        while !requests.isEmpty {
            let worker = requests.removeFirst()
            swirl_monitor_unlock(monitor)
            rt.swapThreadState(&worker.state)
            swirl_monitor_lock(monitor)
            holder = worker
            swirl_monitor_broadcast(monitor)
            while holder != nil { swirl_monitor_wait(monitor) }
        }
        swirl_monitor_unlock(monitor)
    }
}

/// One call running on its own thread.
final class WorkerThread {
    static let nativeStackSize = 256 * 1024 * 1024
    static let valueStackCapacity = 1 << 16

    unowned let rt: Runtime
    let handoff: ThreadHandoff
    let function: Value
    let arguments: Arguments
    let future: PyFuture
    /// The loop's state while this worker holds the baton, this worker's otherwise.
    var state: ThreadState

    init(rt: Runtime, handoff: ThreadHandoff, function: Value, arguments: Arguments, future: PyFuture) {
        self.rt = rt
        self.handoff = handoff
        self.function = function
        self.arguments = arguments
        self.future = future
        let stack = UnsafeMutablePointer<Value?>.allocate(capacity: WorkerThread.valueStackCapacity)
        state = ThreadState(stack: stack, stackCapacity: WorkerThread.valueStackCapacity)
        state.worker = self
    }

    /// The thread's body: take the baton, run the call, post the outcome to the loop.
    func main() {
        take()
        let sp = swirl_stack_pointer()
        let usable = UInt(WorkerThread.nativeStackSize) - 16 * 1024 * 1024
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
        // Drop what this thread's state still holds before handing back for good.
        rt.release(to: 0)
        let frames = rt.framePool
        rt.framePool = []
        rt.handledExceptions = []
        for f in frames { f.release() }
        let stack = rt.stack
        giveBack(blocking: false)
        stack.deallocate()
    }

    /// Waits until the loop grants the baton to this worker.
    func take() {
        swirl_monitor_lock(handoff.monitor)
        if inRealCall {
            inRealCall = false
            handoff.blockedInRealCall -= 1
        }
        swirl_monitor_unlock(handoff.monitor)
        handoff.request(self, wake: true)
        waitForGrant()
    }

    func waitForGrant() {
        swirl_monitor_lock(handoff.monitor)
        while handoff.holder !== self { swirl_monitor_wait(handoff.monitor) }
        swirl_monitor_unlock(handoff.monitor)
    }

    /// Starting up or inside a blocking call, without the baton (guarded by the monitor).
    private var inRealCall = true

    /// Returns the baton to the loop thread (restoring its state first).
    func giveBack(blocking: Bool) {
        rt.swapThreadState(&state)
        swirl_monitor_lock(handoff.monitor)
        if blocking {
            handoff.blockedInRealCall += 1
            inRealCall = true
        }
        handoff.holder = nil
        swirl_monitor_broadcast(handoff.monitor)
        swirl_monitor_unlock(handoff.monitor)
    }
}
