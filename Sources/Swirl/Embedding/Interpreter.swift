// The public face of the library: an `Interpreter` runs scripts with its own runtime,
// event loop and output sinks. Script code runs on a dedicated thread with a large stack
// so deep recursion ends in RecursionError, never a crash.
import CSwirlSupport
import Foundation

/// How an interpreter is set up.
public struct Configuration: Sendable {
    /// Receives everything the script prints to standard output.
    public var stdout: @Sendable (String) -> Void
    /// Receives standard error: tracebacks, warnings, `print(..., file=sys.stderr)`.
    public var stderr: @Sendable (String) -> Void
    /// Called for `print(..., flush=True)` and `sys.stdout.flush()` when output is buffered.
    public var flush: @Sendable () -> Void = {}
    /// The loop's clock jumps to the next timer whenever every task is waiting.
    public var virtualTime = false
    /// asyncio debug mode.
    public var debug = false
    /// `sys.argv`.
    public var arguments: [String] = []

    public init(stdout: @escaping @Sendable (String) -> Void, stderr: @escaping @Sendable (String) -> Void) {
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// A script error, as the host sees it.
public struct ScriptFailure: Error, Sendable, CustomStringConvertible {
    /// The exception class name, e.g. "ValueError".
    public let typeName: String
    public let message: String
    /// The formatted traceback, as CPython prints it.
    public let traceback: String
    public var description: String { traceback }
}

public final class Interpreter: @unchecked Sendable {
    let rt: Runtime
    /// Native stack given to the thread that runs script code.
    static let stackSize = 1 << 30

    public init(configuration: Configuration) {
        rt = Runtime(output: OutputSinks(stdout: configuration.stdout, stderr: configuration.stderr, flush: configuration.flush))
        rt.virtualTime = configuration.virtualTime
        rt.debugMode = configuration.debug
        rt.argv = configuration.arguments
    }

    private final class Box { var body: () -> Void = {} }

    /// Runs `body` on the interpreter's big-stack thread and waits for it.
    func onScriptThread<T>(_ body: @escaping () -> T) -> T {
        var result: T?
        let box = Box()
        box.body = { result = body() }
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

    /// Runs a program as the main module (`__name__ == "__main__"`) and returns the process
    /// exit status CPython would give: 0, 1 after printing a traceback, or `sys.exit`'s code.
    public func runMain(source: String, filename: String, scriptDirectory: String?) -> Int32 {
        onScriptThread { [self] in
            setStackLimit()
            rt.scriptDirectory = scriptDirectory
            let main = PyModule(name: "__main__")
            main.globals["__file__"] = Value(filename)
            main.globals["__builtins__"] = .object(PyModule(name: "builtins", globals: rt.builtins))
            rt.modules["__main__"] = main
            rt.mainGlobals = main.globals
            do {
                try rt.runSource(source, filename: filename, in: main.globals)
                return 0
            } catch let e as ScriptError {
                return handleUncaught(e.exception)
            } catch {
                rt.output.stderr("internal error: \(error)\n")
                return 1
            }
        }
    }

    /// Runs source text in the main namespace, turning an uncaught exception into a Swift error.
    public func run(_ source: String, filename: String = "<string>") throws {
        let failure: ScriptFailure? = onScriptThread { [self] in
            setStackLimit()
            let globals: Globals
            if let g = rt.mainGlobals { globals = g } else {
                let main = PyModule(name: "__main__")
                rt.modules["__main__"] = main
                rt.mainGlobals = main.globals
                globals = main.globals
            }
            do {
                try rt.runSource(source, filename: filename, in: globals)
                return nil
            } catch let e as ScriptError {
                return ScriptFailure(typeName: e.exception.cls.name, message: (try? rt.str(.object(e.exception))) ?? "",
                                     traceback: rt.formatException(e.exception))
            } catch {
                return ScriptFailure(typeName: "InternalError", message: "\(error)", traceback: "\(error)")
            }
        }
        if let failure { throw failure }
    }

    /// Requests a KeyboardInterrupt in the running script (callable from any thread).
    public func interrupt() {
        rt.interruptFlag.set()
        rt.poller.wakeup()
    }

    /// Turns Ctrl-C (SIGINT) into a KeyboardInterrupt in the running script, as the
    /// command line wants; a host that handles signals itself calls `interrupt()` instead.
    public func routeInterruptSignal() { swirl_route_sigint(rt.interruptFlag.storage) }

    private func handleUncaught(_ e: PyException) -> Int32 {
        if e.isInstance(of: Types.systemExit) {
            guard let code = e.args.first else { return 0 }
            switch code {
            case .none: return 0
            case .int(let i): return Int32(truncatingIfNeeded: i)
            case .bool(let b): return b ? 1 : 0
            default:
                rt.output.stderr(((try? rt.str(code)) ?? "") + "\n")
                return 1
            }
        }
        rt.printException(e)
        if e.isInstance(of: Types.keyboardInterrupt) { return 130 }
        return 1
    }
}
