// The public face of the library: an `Interpreter` runs scripts with its own runtime,
// event loop and output sinks. Script code runs on a dedicated thread with a large stack
// so deep recursion ends in RecursionError, never a crash. Calls from the host are
// serialised by a lock; a host function that calls back into its interpreter (it runs on
// the script thread) goes straight through.
import CSwirlSupport
import Foundation

/// An independent Swirl interpreter: its own globals, modules, event loop, sandbox and
/// limits. Any number can exist in one process; they share no mutable state.
///
/// Every method may be called from any thread; calls into one interpreter run one at a
/// time. A host function may call back into the interpreter that called it.
///
/// ```swift
/// let interpreter = Interpreter(configuration: Configuration())
/// try interpreter.run("def double(x):\n    return 2 * x\n")
/// let four = try interpreter.call("double", [2])          // .int(4)
/// ```
public final class Interpreter: @unchecked Sendable {
    // `rt` is only touched on the script thread while `lock` is held (or re-entrantly from
    // that same thread): that is what makes the `@unchecked Sendable` sound.
    let rt: Runtime
    /// Native stack given to the thread that runs script code.
    static let stackSize = 1 << 30
    private let lock = NSLock()
    /// The thread-dictionary key marking the thread currently running this interpreter.
    private let threadKey: String

    /// Creates an interpreter. By default it has no capabilities and no limits.
    public init(configuration: Configuration = Configuration()) {
        var sinks = OutputSinks(stdout: configuration.stdout, stderr: configuration.stderr, flush: configuration.flush)
        sinks.warning = configuration.warning
        rt = Runtime(output: sinks)
        rt.virtualTime = configuration.virtualTime
        rt.debugMode = configuration.debug
        rt.configuredDebug = configuration.debug
        rt.argv = configuration.arguments
        rt.capabilities = configuration.capabilities
        rt.applySandboxToBuiltins()
        let limits = configuration.limits
        rt.limits.maxSteps = limits.maxSteps
        rt.limits.timeLimit = limits.timeLimit
        if let r = limits.recursionLimit { rt.recursionLimit = max(1, r) }
        if let m = limits.memoryLimit { rt.memoryAccount = MemoryAccount(limit: max(0, m)) }
        threadKey = "swirl.interpreter.\(UInt(bitPattern: ObjectIdentifier(rt).hashValue))"
    }

    private final class Box { var body: () -> Void = {} }

    /// Runs `body` on the interpreter's big-stack thread and waits for it.
    func onScriptThread<T>(_ body: @escaping () -> T) -> T {
        var result: T?
        let box = Box()
        box.body = { [rt] in
            // Marks the thread as the script thread while the body runs (see isOnScriptThread).
            let previous = rt.scriptThread
            rt.scriptThread = pthread_self()
            defer { rt.scriptThread = previous }
            result = body()
        }
        let ctx = Unmanaged.passRetained(box).toOpaque()
        let rc = swirl_run_on_big_stack(Interpreter.stackSize, { p in
            guard let p else { return }
            let b = Unmanaged<AnyObject>.fromOpaque(p).takeUnretainedValue() as? Box
            b?.body()
        }, ctx)
        Unmanaged<Box>.fromOpaque(ctx).release()
        if rc != 0 || result == nil { return body() }
        return result ?? body()
    }

    func setStackLimit() {
        let sp = swirl_stack_pointer()
        let margin: UInt = 64 * 1024 * 1024
        let usable = UInt(Interpreter.stackSize) - margin
        rt.nativeStackLimit = sp > usable ? sp - usable : 0
    }

    private var isOnScriptThread: Bool { Thread.current.threadDictionary[threadKey] != nil }

    /// Runs `body` with the runtime on the script thread, under the limits, and turns an
    /// uncaught exception into a `ScriptFailure`. Re-entrant calls (from a host function)
    /// run directly.
    func perform<T>(_ body: @escaping (Runtime) throws -> T) throws -> T {
        if isOnScriptThread {
            do { return try body(rt) } catch let e as ScriptError { throw rt.failure(e.exception) }
        }
        lock.lock()
        defer { lock.unlock() }
        let outcome: Result<T, Error> = onScriptThread { [self] in
            Thread.current.threadDictionary[threadKey] = true
            defer { Thread.current.threadDictionary[threadKey] = nil }
            setStackLimit()
            rt.beginLimitedRun()
            defer { rt.endLimitedRun() }
            do {
                let v = try body(rt)
                // A limit caught by `except BaseException:` still ends the run as a failure.
                if rt.limits.tripped != nil { try rt.limitSlowPath() }
                return .success(v)
            } catch let e as ScriptError {
                return .failure(rt.failure(e.exception))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// The `__main__` namespace, made on first use.
    func mainGlobals(_ rt: Runtime) -> Globals {
        if let g = rt.mainGlobals { return g }
        let main = PyModule(name: "__main__")
        main.globals["__builtins__"] = .object(PyModule(name: "builtins", globals: rt.builtins))
        rt.modules["__main__"] = main
        rt.mainGlobals = main.globals
        return main.globals
    }

    /// Runs a program as the main module (`__name__ == "__main__"`) and returns the process
    /// exit status CPython would give: 0, 1 after printing a traceback, or `sys.exit`'s code.
    public func runMain(source: String, filename: String, scriptDirectory: String?) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        return onScriptThread { [self] in
            Thread.current.threadDictionary[threadKey] = true
            defer { Thread.current.threadDictionary[threadKey] = nil }
            setStackLimit()
            rt.beginLimitedRun()
            defer { rt.endLimitedRun() }
            rt.scriptDirectory = scriptDirectory
            let main = PyModule(name: "__main__")
            main.globals["__file__"] = Value(filename)
            main.globals["__builtins__"] = .object(PyModule(name: "builtins", globals: rt.builtins))
            rt.modules["__main__"] = main
            rt.mainGlobals = main.globals
            let status: Int32
            do {
                try rt.runSource(source, filename: filename, in: main.globals)
                status = 0
            } catch let e as ScriptError {
                status = handleUncaught(e.exception)
            } catch {
                rt.output.stderr("internal error: \(error)\n")
                status = 1
            }
            rt.tasksEndingTheRun.removeAll()
            rt.clearMainModuleAtExit(main.globals)
            return status
        }
    }

    /// Runs source text in the main namespace; an uncaught exception or a tripped limit
    /// throws a ``ScriptFailure``.
    public func run(_ source: String, filename: String = "<string>") throws {
        try perform { [self] rt in
            try rt.runSource(source, filename: filename, in: mainGlobals(rt))
        }
    }

    /// Reads a script file (the host reads it: no capability is needed) and runs it in the
    /// main namespace with `__file__` set.
    public func runFile(_ path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScriptFailure(typeName: "FileNotFoundError", message: "can't open file '\(path)'",
                                traceback: "FileNotFoundError: can't open file '\(path)'\n")
        }
        try perform { [self] rt in
            let g = mainGlobals(rt)
            g["__file__"] = Value(path)
            try rt.runSource(text, filename: path, in: g)
        }
    }

    /// Requests a KeyboardInterrupt in the running script (callable from any thread): it
    /// stops even `while True: pass`, and the call that ran the script throws a
    /// ``ScriptFailure`` with reason ``ScriptFailure/Reason/interrupted``.
    public func interrupt() {
        rt.interruptFlag.set()
        rt.poller.wakeup()
    }

    /// Turns Ctrl-C (SIGINT) into a KeyboardInterrupt in the running script, as the
    /// command line wants; a host that handles signals itself calls `interrupt()` instead.
    public func routeInterruptSignal() {
        swirl_route_sigint(rt.interruptFlag.storage)
        rt.poller.wakeOnInterruptSignal()
    }

    private func handleUncaught(_ e: PyException) -> Int32 {
        if e.isInstance(of: Types.systemExit) { return rt.exitStatus(of: e) }
        rt.printException(e)
        if e.isInstance(of: Types.keyboardInterrupt) { return 130 }
        return 1
    }
}
