// The Swift error a script's uncaught exception (or a tripped limit) arrives as.

/// A script error, as the host sees it: an uncaught exception or a tripped limit.
public struct ScriptFailure: Error, Sendable, CustomStringConvertible {
    /// Why the script stopped.
    public enum Reason: Sendable, Equatable {
        /// An ordinary uncaught exception.
        case exception
        /// ``Limits/maxSteps`` ran out (`StepLimitExceeded`).
        case stepLimit
        /// ``Limits/timeLimit`` passed (`TimeLimitExceeded`).
        case timeLimit
        /// Recursion went past ``Limits/recursionLimit`` (`RecursionError`).
        case recursionLimit
        /// ``Limits/memoryLimit`` would have been exceeded (`MemoryError`).
        case memoryLimit
        /// ``Interpreter/interrupt()`` stopped the script (`KeyboardInterrupt`).
        case interrupted
        /// The Swift task awaiting the script was cancelled (`CancelledError`).
        case cancelled
    }

    /// The exception class name, e.g. "ValueError".
    public let typeName: String
    /// The exception's message (`str(exc)`).
    public let message: String
    /// The formatted traceback, as CPython prints it.
    public let traceback: String
    /// The script line where the exception was raised (the innermost frame), if known.
    public let line: Int?
    /// Why the script stopped.
    public let reason: Reason

    /// A failure; `reason` defaults to what `typeName` implies.
    public init(typeName: String, message: String, traceback: String, line: Int? = nil, reason: Reason? = nil) {
        self.typeName = typeName
        self.message = message
        self.traceback = traceback
        self.line = line
        self.reason = reason ?? ScriptFailure.reason(for: typeName)
    }

    static func reason(for typeName: String) -> Reason {
        switch typeName {
        case "StepLimitExceeded": return .stepLimit
        case "TimeLimitExceeded": return .timeLimit
        case "RecursionError": return .recursionLimit
        case "MemoryError": return .memoryLimit
        case "KeyboardInterrupt": return .interrupted
        case "CancelledError": return .cancelled
        default: return .exception
        }
    }

    /// The traceback text.
    public var description: String { traceback }
}

extension Runtime {
    /// The host's view of an uncaught exception.
    func failure(_ e: PyException) -> ScriptFailure {
        // The innermost script frame (not the `<host>` wrapper of an async host function).
        var line = e.traceback.first { $0.source.filename != "<host>" }?.line
        if line == nil, case .int(let l)? = e.attrs["lineno"] { line = l }
        return ScriptFailure(typeName: e.cls.name, message: (try? str(.object(e))) ?? "",
                             traceback: formatException(e), line: line)
    }
}
