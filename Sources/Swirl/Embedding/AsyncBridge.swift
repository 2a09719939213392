// The async bridge between Swift concurrency and the script event loop, both ways.
//
// Script → Swift: calling an async host function gives a real coroutine (a two-line
// `async def` wrapper) that awaits a future. The first step starts a Swift `Task` running
// the host closure; when it ends, the task posts the outcome to the runtime's inbox and
// wakes the poller, and the loop thread completes the future. While host calls are in
// flight the loop waits for them instead of reporting a deadlock. Cancelling the script
// task cancels the future, whose callback cancels the Swift task.
//
// Swift → script: `Interpreter.callAsync` runs the coroutine on a thread of its own (the
// Swift caller suspends on a continuation); cancelling the Swift task posts a
// cancellation of the script task through the same inbox.
import Foundation

/// Work other threads hand to the loop thread. Items run on the loop thread only, so the
/// closures may capture runtime objects: that is why the class is `@unchecked Sendable`
/// (the lock guards the array, the flag is atomic).
final class HostInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(Runtime) -> Void] = []
    /// Set while items are waiting: the loop checks it once per iteration.
    let flag = InterruptFlag()

    func post(_ item: @escaping (Runtime) -> Void) {
        lock.lock()
        items.append(item)
        lock.unlock()
        flag.set()
    }

    func take() -> [(Runtime) -> Void] {
        lock.lock()
        defer { lock.unlock() }
        flag.clear()
        let out = items
        items = []
        return out
    }
}

/// A value handed between threads whose contents are only used on the loop thread.
struct LoopBound<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// One host async call in flight (loop thread only).
final class HostCall {
    let future: PyFuture
    var finished = false
    init(_ future: PyFuture) { self.future = future }
}

extension Runtime {
    /// Runs what other threads posted (called by the loop when the inbox flag is set).
    func drainHostInbox() {
        for item in hostInbox.take() { item(self) }
    }

    /// An async host function as a script coroutine function.
    func asyncHostFunctionValue(_ fn: HostFunction, method: Bool) throws -> Value {
        let start = PyNativeFunction(fn.name, .general { rt, a in
            let args = try rt.hostArguments(fn, a, dropFirst: method)
            return .object(try rt.startHostCall(fn, args))
        })
        let g = Globals()
        g["__builtins__"] = .object(PyModule(name: "builtins", globals: builtins))
        g["__start"] = .object(start)
        let name = fn.name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) && !(fn.name.first?.isNumber ?? true)
            ? fn.name : "host_function"
        try runSource("async def \(name)(*args, **kwargs):\n    return await __start(*args, **kwargs)\n",
                      filename: "<host>", in: g)
        return g[name] ?? Value.none
    }

    /// Starts the Swift task of an async host call; its future completes on the loop thread.
    func startHostCall(_ fn: HostFunction, _ args: HostArguments) throws -> PyFuture {
        guard case .async(let body) = fn.kind else { throw runtimeError("not an async host function") }
        let future = PyFuture(loop: loop)
        let call = LoopBound(HostCall(future))
        pendingHostCalls += 1
        let inbox = hostInbox
        let waker = PollerWaker(poller)
        let task = Task.detached {
            let outcome: Result<ScriptValue, Error>
            do { outcome = .success(try await body(args)) } catch { outcome = .failure(error) }
            inbox.post { rt in rt.finishHostCall(call.value, outcome) }
            waker.wake()
        }
        _ = future.addCallback(.native { [unowned self] fut in
            guard fut.state == .cancelled else { return }
            task.cancel()
            if !call.value.finished {
                call.value.finished = true
                pendingHostCalls -= 1
            }
        })
        return future
    }

    func finishHostCall(_ call: HostCall, _ outcome: Result<ScriptValue, Error>) {
        guard !call.finished else { return }
        call.finished = true
        pendingHostCalls -= 1
        let f = call.future
        guard !f.isDone else { return }
        switch outcome {
        case .success(let v):
            do { try f.setResult(try value(v)) } catch let e as ScriptError { try? f.setException(e.exception) } catch {}
        case .failure(let error):
            if error is CancellationError {
                _ = f.cancel()
            } else {
                try? f.setException(scriptError(fromHost: error).exception)
            }
        }
    }

    /// Runs coroutine `coro` as the main task of the loop until it is done, like
    /// `asyncio.run`; `control` lets another thread cancel it.
    func runCoroutine(_ coro: Value, control: AsyncRunControl?) throws -> Value {
        if loop.running { throw runtimeError("cannot run a coroutine from the host while the event loop is running") }
        defer { control?.detach() }
        let task = try runMainTask(coro) { control?.attach($0) }
        return try task.resultValue()
    }
}

/// Lets a Swift task cancel the script task it is awaiting. `cancelled` and `task` are
/// guarded by the lock; the task itself is only touched on the loop thread.
final class AsyncRunControl: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var task: PyTask?
    private let inbox: HostInbox
    private let waker: PollerWaker

    init(inbox: HostInbox, waker: PollerWaker) {
        self.inbox = inbox
        self.waker = waker
    }

    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Loop thread: the script task now running; cancels it at once if asked already.
    func attach(_ t: PyTask) {
        lock.lock()
        task = t
        let c = cancelled
        lock.unlock()
        if c { _ = t.cancel() }
    }

    func detach() {
        lock.lock()
        task = nil
        lock.unlock()
    }

    /// Any thread: asks the loop to cancel the script task.
    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
        inbox.post { [self] _ in
            lock.lock()
            let t = task
            lock.unlock()
            _ = t?.cancel()
        }
        waker.wake()
    }
}
