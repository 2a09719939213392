// An interactive session (the REPL's interpreter side): one `__main__` namespace that
// successive inputs run in, an event loop that keeps running between inputs (background
// tasks go on while the prompt waits for a key), inputs that `await` at top level run as
// tasks on that loop (like `python -m asyncio`), and `asyncio.run(...)` typed at the prompt
// runs its coroutine on the same loop. The line editor itself lives in the SwirlREPL module.
import Foundation

/// Whether the text typed so far is a whole input or needs more lines.
public enum InputState: Sendable, Equatable {
    case complete
    case incomplete
}

/// How waiting at the prompt ended.
public enum PromptWaitResult: Sendable, Equatable {
    /// The caller's condition became true (a line arrived).
    case finished
    /// Ctrl-C while waiting.
    case interrupted
    /// A background task raised SystemExit with this status.
    case exit(Int32)
}

/// What running one input led to.
public enum ExecutionResult: Sendable, Equatable {
    /// Done (an error, if any, was printed as a traceback): prompt again.
    case done
    /// `exit()`, `quit()` or `sys.exit(...)`: end the session with this status.
    case exit(Int32)
}

/// The interpreter side of an interactive console. Create one with
/// `Interpreter.runInteractive(_:)`; use it only inside that call (on the script thread).
public final class InteractiveSession {
    let rt: Runtime
    let globals: Globals
    /// A pipe nobody writes to, watched so that the loop waits (for Ctrl-C) instead of
    /// reporting a deadlock when an input awaits something that never completes.
    private var keepAlive: [Int32] = [-1, -1]
    /// True while an input runs directly (not as a task, not inside a loop pass): only
    /// then may `asyncio.run` drive the loop itself.
    private var runningDirectInput = false

    init(rt: Runtime) {
        self.rt = rt
        let main = PyModule(name: "__main__")
        main.globals["__builtins__"] = .object(PyModule(name: "builtins", globals: rt.builtins))
        rt.modules["__main__"] = main
        rt.mainGlobals = main.globals
        globals = main.globals
        rt.builtins["__swirl_displayhook__"] = .object(PyNativeFunction("displayhook", .a1 { rt, v in
            // sys.displayhook: echo repr of an expression statement's value, keep it in `_`.
            if v.isNone { return .none }
            rt.builtins["_"] = v
            rt.output.stdout(try rt.repr(v) + "\n")
            return .none
        }))
        rt.loop.running = true
        if pipe(&keepAlive) == 0 {
            rt.poller.setReader(keepAlive[0], PyHandle(.native { _ in }))
        }
        rt.interactiveAsyncioRun = { [unowned self] main in try self.nestedAsyncioRun(main) }
        // Like `python -m asyncio`: asyncio is already imported.
        if let asyncio = try? rt.importModule("asyncio") { globals["asyncio"] = .object(asyncio) }
    }

    func close() {
        rt.interactiveAsyncioRun = nil
        if keepAlive[0] >= 0 {
            rt.poller.setReader(keepAlive[0], nil)
            Foundation.close(keepAlive[0])
            Foundation.close(keepAlive[1])
        }
        rt.loop.running = false
    }

    // MARK: waiting at the prompt

    /// Runs the event loop until `done()` holds, calling `onReadable` (through the loop)
    /// whenever `fd` is readable and `afterPass` after every loop pass (the REPL prints
    /// what background tasks wrote there, above the prompt).
    public func waitForInput(on fd: Int32, onReadable: @escaping () -> Void,
                             afterPass: () -> Void, until done: () -> Bool) -> PromptWaitResult {
        rt.poller.setReader(fd, PyHandle(.native { _ in onReadable() }))
        defer { rt.poller.setReader(fd, nil) }
        while !done() {
            do {
                try rt.loop.runOnce()
            } catch let e as ScriptError {
                afterPass()
                if e.exception.isInstance(of: Types.keyboardInterrupt) { return .interrupted }
                if e.exception.isInstance(of: Types.systemExit) { return .exit(rt.exitStatus(of: e.exception)) }
                rt.printException(e.exception)
            } catch {
                rt.output.stderr("internal error: \(error)\n")
            }
            afterPass()
        }
        return .finished
    }

    // MARK: running an input

    /// Compiles and runs one complete input. Expression statements echo their value's repr;
    /// an input that awaits runs as a task on the session's loop. Errors print a traceback.
    public func execute(_ source: String, filename: String = "<stdin>") -> ExecutionResult {
        rt.interruptFlag.clear()
        do {
            let input = try compileInput(source, filename: filename)
            if input.awaits {
                try runAsTask(input.code)
            } else {
                runningDirectInput = true
                defer { runningDirectInput = false }
                try rt.runModuleCode(input.code)
            }
            return .done
        } catch let e as ScriptError {
            if e.exception.isInstance(of: Types.systemExit) { return .exit(rt.exitStatus(of: e.exception)) }
            rt.printException(e.exception)
            return .done
        } catch {
            rt.output.stderr("internal error: \(error)\n")
            return .done
        }
    }

    /// Runs module code that awaits as a coroutine task and drives the loop until it ends.
    private func runAsTask(_ code: CodeObject) throws {
        let coroutineCode = CodeObject(name: "<module>", qualname: "<module>", source: code.source, firstLine: 1,
                                       kind: .coroutine, params: ParameterSpec(), slotCount: code.slotCount, cellSlots: [],
                                       freeStart: 0, freeCount: 0, body: code.body)
        // Called like an `async def` without parameters: the call makes the coroutine.
        let function = PyFunction(code: coroutineCode, globals: globals, defaults: [], kwDefaults: [:], closure: [])
        let task = try rt.createTask(try rt.call(.object(function), []), name: nil)
        try drive(until: task)
        task.logTraceback = false
        _ = try task.resultValue()
    }

    /// Runs loop passes until `task` is done. Ctrl-C meanwhile raises KeyboardInterrupt
    /// inside the task (at the await it is suspended in).
    private func drive(until task: PyTask) throws {
        while !task.isDone {
            do {
                try rt.loop.runOnce()
            } catch let e as ScriptError where e.exception.isInstance(of: Types.keyboardInterrupt) {
                if task.isDone { break }
                throwIn(e.exception, to: task)
            }
        }
    }

    /// Raises `exception` in a task suspended at an await.
    private func throwIn(_ exception: PyException, to task: PyTask) {
        guard let awaited = task.waitingOn else {
            // Already scheduled to resume: cancelling is the safe way in.
            _ = task.cancel()
            return
        }
        awaited.callbacks.removeAll { entry in
            if case .wakeTask(let t) = entry.0 { return t === task }
            return false
        }
        // If the exception ends the task, it is the task's result (re-raised by the caller).
        try? task.step(exception)
    }

    /// `asyncio.run(main)` typed at the prompt: runs `main` as a task on the session's loop,
    /// then cancels the tasks it left behind, as `asyncio.run` would.
    private func nestedAsyncioRun(_ main: Value) throws -> Value {
        guard runningDirectInput, rt.loop.currentTask == nil else {
            throw runtimeError("asyncio.run() cannot be called from a running event loop")
        }
        runningDirectInput = false
        defer { runningDirectInput = true }
        guard rt.isCoroutine(main) else { throw valueError("a coroutine was expected, got \(try rt.repr(main))") }
        let before = Set(rt.loop.allTasks.map { ObjectIdentifier($0) })
        let task = try rt.createTask(main, name: nil)
        defer {
            let leftovers = rt.loop.allTasks.filter { !before.contains(ObjectIdentifier($0)) && !$0.isDone }
            for t in leftovers { _ = t.cancel() }
            for t in leftovers { try? drive(until: t) }
        }
        try drive(until: task)
        task.logTraceback = false
        return try task.resultValue()
    }

}

extension Interpreter {
    /// Starts an interactive session on the script thread and runs `body` with it there;
    /// returns `body`'s result (the process exit status).
    public func runInteractive(_ body: @escaping (InteractiveSession) -> Int32) -> Int32 {
        onScriptThread { [self] in
            setStackLimit()
            // Like CPython's interactive mode, the current folder comes first on sys.path.
            rt.scriptDirectory = FileManager.default.currentDirectoryPath
            let session = InteractiveSession(rt: rt)
            defer { session.close() }
            return body(session)
        }
    }
}
