// How an embedded interpreter is set up: where output and diagnostics go, what the
// script may touch (capabilities) and how much it may consume (limits).
import Foundation

/// How an interpreter is set up.
///
/// ```swift
/// var config = Configuration(stdout: { print($0, terminator: "") }, stderr: { log($0) })
/// config.capabilities = [.fileSystem]          // everything else stays denied
/// config.limits = Limits(maxSteps: 1_000_000, timeLimit: 2, memoryLimit: 64 << 20)
/// let interpreter = Interpreter(configuration: config)
/// ```
public struct Configuration: Sendable {
    /// Receives everything the script prints to standard output.
    public var stdout: @Sendable (String) -> Void
    /// Receives standard error: tracebacks, `print(..., file=sys.stderr)`, and warnings
    /// when ``warning`` is nil.
    public var stderr: @Sendable (String) -> Void
    /// Receives warnings (`RuntimeWarning: coroutine '...' was never awaited`); nil sends
    /// them to ``stderr``.
    public var warning: (@Sendable (String) -> Void)?
    /// Called for `print(..., flush=True)` and `sys.stdout.flush()` when output is buffered.
    public var flush: @Sendable () -> Void = {}
    /// The loop's clock jumps to the next timer whenever every task is waiting.
    public var virtualTime = false
    /// asyncio debug mode.
    public var debug = false
    /// `sys.argv`.
    public var arguments: [String] = []
    /// What the script may reach outside the interpreter. Default: nothing.
    public var capabilities: Capabilities = []
    /// Step, time, recursion and memory limits. Default: none.
    public var limits = Limits()

    /// A configuration with the given output sinks.
    public init(stdout: @escaping @Sendable (String) -> Void, stderr: @escaping @Sendable (String) -> Void) {
        self.stdout = stdout
        self.stderr = stderr
    }

    /// A configuration that writes to the process's standard output and error.
    public init() {
        self.init(stdout: { FileHandle.standardOutput.write(Data($0.utf8)) },
                  stderr: { FileHandle.standardError.write(Data($0.utf8)) })
    }
}
