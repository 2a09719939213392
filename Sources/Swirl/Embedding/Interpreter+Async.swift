// Swift `async` code awaiting script code: the script runs on a thread of its own while
// the Swift task is suspended; cancelling the Swift task cancels the script task.
import Foundation

extension Interpreter {
    /// Calls the global function `name` and awaits its result without blocking the
    /// calling Swift task: an `async def` runs as the main task of the event loop (like
    /// `asyncio.run`), a plain function simply runs.
    ///
    /// Cancelling the Swift task cancels the script task: the script sees
    /// `asyncio.CancelledError` at its current `await`, and this method throws
    /// `CancellationError` once the script has finished unwinding (or the script's own
    /// ``ScriptFailure`` if it raised something else).
    public func callAsync(_ name: String, _ arguments: [ScriptValue] = [],
                          keywords: [String: ScriptValue] = [:]) async throws -> ScriptValue {
        let control = AsyncRunControl(inbox: rt.hostInbox, waker: PollerWaker(rt.poller))
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (cont: CheckedContinuation<ScriptValue, Error>) in
                let thread = Thread { [self] in
                    do {
                        let v = try perform { [self] rt in
                            guard let fn = mainGlobals(rt)[name] else {
                                throw ScriptError(Types.nameError, "name '\(name)' is not defined")
                            }
                            return try callValue(rt, fn, arguments, keywords, control: control)
                        }
                        cont.resume(returning: v)
                    } catch let f as ScriptFailure where f.reason == .cancelled && control.isCancelled {
                        cont.resume(throwing: CancellationError())
                    } catch {
                        cont.resume(throwing: error)
                    }
                }
                thread.start()
            }
        } onCancel: {
            control.cancel()
        }
    }
}
