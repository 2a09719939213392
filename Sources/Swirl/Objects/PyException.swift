// Exception objects and the Swift error that carries them through the evaluator.

/// One line of a traceback: where an exception passed through a script frame.
struct TracebackEntry {
    let source: SourceFile
    let function: String
    let line: Int
}

final class PyException: PyObject {
    let cls: PyType
    var args: [Value]
    var attrs: AttributeDict = [:]
    /// Innermost entry first.
    var traceback: [TracebackEntry] = []
    /// Locals of the frames this exception left whose end is visible: coroutines never
    /// awaited, futures and tasks with an exception nobody retrieved, instances with
    /// `__del__`. CPython's traceback keeps those frames alive, so their warnings and
    /// finalizers come once the exception is gone (after an uncaught one's traceback, at
    /// the end of the handler that caught it); holding them here does the same. Other
    /// locals are not held: without a cycle collector that could leak.
    var heldObjects: [PyObject] = []
    var cause: PyException?
    var context: PyException?
    var suppressContext = false
    /// The line of a multi-line statement's part it came out of in the frame activation
    /// `pendingLineActivation` (see `LineMarkNode`), for that frame's traceback entry.
    var pendingLine: Int32 = 0
    var pendingLineActivation = 0
    /// Whether it was ever raised (CPython's `__traceback__` is then set, if only by
    /// asyncio's own frames): loop reports print a "Traceback" header only then.
    var wasRaised = false
    /// The frame activation that last recorded a traceback entry, so an exception is
    /// recorded once per frame it passes through.
    var recordedActivation = 0
    /// Where the traceback printer looks for a "Did you mean" suggestion.
    var suggestionSource: SuggestionSource?

    init(_ cls: PyType, args: [Value]) {
        self.cls = cls
        self.args = args
    }
    convenience init(_ cls: PyType, _ message: String) {
        self.init(cls, args: [Value(message)])
    }
    override var type: PyType { cls }
    override var instanceDict: AttributeDict? { attrs }

    func isInstance(of t: PyType) -> Bool { cls.isSubtype(of: t) }
}

/// What a NameError/AttributeError suggestion is chosen from (computed only when printed).
enum SuggestionSource {
    case names([String])
    /// A NameError: the frame's bound locals are tried first, then the globals (in the
    /// order they were defined, the first of equally close names winning), then builtins.
    case scopes([[String]])
    case attributesOf(Value)
}

/// The Swift error that carries a script exception up the Swift stack.
struct ScriptError: Error, @unchecked Sendable {
    let exception: PyException
    init(_ e: PyException) {
        exception = e
        e.wasRaised = true
    }
    init(_ cls: PyType, _ message: String) {
        exception = PyException(cls, message)
        exception.wasRaised = true
    }
}

/// Shorthands for raising built-in exceptions from Swift code.
func typeError(_ message: String) -> ScriptError { ScriptError(Types.typeError, message) }
func valueError(_ message: String) -> ScriptError { ScriptError(Types.valueError, message) }
func indexError(_ message: String) -> ScriptError { ScriptError(Types.indexError, message) }
func runtimeError(_ message: String) -> ScriptError { ScriptError(Types.runtimeError, message) }
func attributeError(_ message: String) -> ScriptError { ScriptError(Types.attributeError, message) }
func zeroDivision(_ message: String) -> ScriptError { ScriptError(Types.zeroDivisionError, message) }
func overflowError(_ message: String) -> ScriptError { ScriptError(Types.overflowError, message) }
func keyError(_ key: Value) -> ScriptError { ScriptError(PyException(Types.keyError, args: [key])) }
func notImplemented(_ message: String) -> ScriptError { ScriptError(Types.notImplementedError, message) }

/// `exc.__traceback__` / the third argument of `__exit__`: the entries recorded so far.
final class PyTracebackObject: PyObject {
    let exception: PyException
    init(_ e: PyException) { exception = e }
    override var type: PyType { Types.traceback }
}

extension Types {
    nonisolated(unsafe) static let traceback = builtin("traceback")
}

extension PyException {
    /// The traceback value scripts see (None before the exception was raised anywhere).
    var tracebackValue: Value { traceback.isEmpty ? Value.none : .object(PyTracebackObject(self)) }
}
