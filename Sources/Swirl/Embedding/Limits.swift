// Resource limits of an embedded interpreter: execution steps, a wall-clock deadline,
// recursion depth and memory (see MemoryAccount.swift). Steps are counted where the
// evaluator already checks for interrupts (loop back-edges, the event loop) and at every
// call; the deadline is a watchdog that raises a flag when time is up. A tripped step or
// time limit is sticky for the rest of the run: every later check raises it again, so
// `except BaseException:` or `finally:` cannot keep the script alive.
import Foundation

/// Limits on what one run of script code may consume.
///
/// Each limit ends only the script: the Swift call that ran it throws a ``ScriptFailure``
/// whose ``ScriptFailure/reason`` says which limit tripped, and the interpreter can run the
/// next script afterwards. Step and time limits apply per call into the interpreter
/// (``Interpreter/run(_:filename:)``, ``Interpreter/call(_:_:keywords:)``, ...).
public struct Limits: Sendable, Equatable {
    /// The maximum number of execution steps per call (a step is one function call or one
    /// loop iteration). `nil`: unlimited.
    public var maxSteps: Int?
    /// The wall-clock time one call may take, in seconds. `nil`: unlimited.
    public var timeLimit: Double?
    /// The maximum depth of nested script calls (`sys.getrecursionlimit()`); deeper
    /// recursion raises `RecursionError`. `nil`: the default of 1000.
    public var recursionLimit: Int?
    /// An upper bound, in bytes, on the large script objects alive at once (see
    /// docs/embedding.md for what is counted); past it, the allocation raises `MemoryError`.
    /// `nil`: unlimited.
    public var memoryLimit: Int?

    /// Creates limits; every limit defaults to none.
    public init(maxSteps: Int? = nil, timeLimit: Double? = nil, recursionLimit: Int? = nil, memoryLimit: Int? = nil) {
        self.maxSteps = maxSteps
        self.timeLimit = timeLimit
        self.recursionLimit = recursionLimit
        self.memoryLimit = memoryLimit
    }
}

/// The limit state of the current run. The flag is set by the deadline watchdog (another
/// thread); everything else is touched on the script thread only.
final class LimitState: @unchecked Sendable {
    /// Raised by the watchdog when the deadline has passed.
    let deadlineFlag = InterruptFlag()
    var maxSteps: Int?
    var timeLimit: Double?
    /// The limit that ended this run, re-raised at every check until the run ends.
    var tripped: PyType?
    /// Tells stale watchdogs (from earlier runs) to do nothing.
    private let lock = NSLock()
    private var generation = 0

    func currentGeneration() -> Int {
        lock.lock()
        defer { lock.unlock() }
        return generation
    }

    func nextGeneration() {
        lock.lock()
        generation += 1
        lock.unlock()
    }
}

extension Types {
    /// Raised when a run exceeds its step budget. A BaseException: `except Exception`
    /// does not catch it.
    nonisolated(unsafe) static let stepLimitExceeded = exc("StepLimitExceeded", baseException, module: "swirl")
    /// Raised when a run exceeds its wall-clock deadline.
    nonisolated(unsafe) static let timeLimitExceeded = exc("TimeLimitExceeded", baseException, module: "swirl")
}

extension Runtime {
    /// Called when `stepCountdown` went negative or the interrupt flag is set.
    func limitSlowPath() throws {
        if let t = limits.tripped {
            stepCountdown = 0
            throw ScriptError(limitException(t))
        }
        if limits.deadlineFlag.isSet {
            limits.deadlineFlag.clear()
            interruptFlag.clear()
            return try trip(Types.timeLimitExceeded)
        }
        if interruptFlag.isSet {
            interruptFlag.clear()
            throw ScriptError(PyException(Types.keyboardInterrupt, args: []))
        }
        if stepCountdown < 0 {
            if limits.maxSteps != nil { return try trip(Types.stepLimitExceeded) }
            stepCountdown = Int.max
        }
    }

    private func trip(_ t: PyType) throws {
        limits.tripped = t
        stepCountdown = 0
        throw ScriptError(limitException(t))
    }

    private func limitException(_ t: PyType) -> PyException {
        if t === Types.stepLimitExceeded {
            return PyException(t, "the script exceeded its limit of \(limits.maxSteps ?? 0) execution steps")
        }
        return PyException(t, "the script exceeded its time limit of \(limits.timeLimit ?? 0) seconds")
    }

    /// Starts the budgets of one call into the interpreter from the host.
    func beginLimitedRun() {
        limits.tripped = nil
        limits.deadlineFlag.clear()
        stepCountdown = limits.maxSteps ?? Int.max
        limits.nextGeneration()
        guard let seconds = limits.timeLimit else { return }
        let generation = limits.currentGeneration()
        let state = limits
        let flag = interruptFlag
        let poller = PollerWaker(poller)
        DispatchQueue.global().asyncAfter(deadline: .now() + max(0, seconds)) {
            guard state.currentGeneration() == generation else { return }
            state.deadlineFlag.set()
            flag.set()
            poller.wake()
        }
    }

    /// Ends the call's budgets: a later watchdog firing does nothing.
    func endLimitedRun() {
        limits.nextGeneration()
        if limits.deadlineFlag.isSet {
            limits.deadlineFlag.clear()
            interruptFlag.clear()
        }
        limits.tripped = nil
        stepCountdown = Int.max
    }
}

/// Lets another thread wake the loop's poller. The poller's `wakeup()` is thread-safe; the
/// runtime (and so the poller) outlives every watchdog that could still fire for it
/// because `Interpreter` retains the runtime, and a stale watchdog checks its generation
/// before waking.
struct PollerWaker: @unchecked Sendable {
    let poller: Poller
    init(_ poller: Poller) { self.poller = poller }
    func wake() { poller.wakeup() }
}
