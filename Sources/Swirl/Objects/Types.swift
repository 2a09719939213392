// The built-in type objects. They are created once per process and never change after
// creation (scripts cannot set attributes on built-in types), so every interpreter can
// share them safely.

enum Types {
    nonisolated(unsafe) static let object = PyType(name: "object", base: nil, isBuiltin: true, layout: .object)
    nonisolated(unsafe) static let type = PyType(name: "type", base: object, isBuiltin: true, layout: .builtin)
    nonisolated(unsafe) static let noneType = builtin("NoneType")
    nonisolated(unsafe) static let bool = PyType(name: "bool", base: int, isBuiltin: true, layout: .builtin)
    nonisolated(unsafe) static let int = builtin("int")
    nonisolated(unsafe) static let float = builtin("float")
    nonisolated(unsafe) static let str = builtin("str")
    nonisolated(unsafe) static let bytes = builtin("bytes")
    nonisolated(unsafe) static let list = builtin("list")
    nonisolated(unsafe) static let tuple = builtin("tuple")
    nonisolated(unsafe) static let dict = builtin("dict")
    nonisolated(unsafe) static let set = builtin("set")
    nonisolated(unsafe) static let frozenset = builtin("frozenset")
    nonisolated(unsafe) static let range = builtin("range")
    nonisolated(unsafe) static let slice = builtin("slice")
    nonisolated(unsafe) static let function = builtin("function")
    nonisolated(unsafe) static let builtinFunction = builtin("builtin_function_or_method")
    nonisolated(unsafe) static let method = builtin("method")
    nonisolated(unsafe) static let module = builtin("module")
    nonisolated(unsafe) static let cell = builtin("cell")
    nonisolated(unsafe) static let ellipsisType = builtin("ellipsis")
    nonisolated(unsafe) static let notImplementedType = builtin("NotImplementedType")
    nonisolated(unsafe) static let generator = builtin("generator")
    nonisolated(unsafe) static let coroutine = builtin("coroutine")
    nonisolated(unsafe) static let asyncGenerator = builtin("async_generator")
    nonisolated(unsafe) static let iterator = builtin("iterator")
    nonisolated(unsafe) static let property = builtin("property")
    nonisolated(unsafe) static let staticmethod = builtin("staticmethod")
    nonisolated(unsafe) static let classmethod = builtin("classmethod")
    nonisolated(unsafe) static let superType = builtin("super")

    nonisolated(unsafe) static let ellipsis = PySingleton("Ellipsis", ellipsisType)
    nonisolated(unsafe) static let notImplemented = PySingleton("NotImplemented", notImplementedType)

    static func builtin(_ name: String) -> PyType {
        PyType(name: name, base: object, isBuiltin: true, layout: .builtin)
    }

    // MARK: exceptions

    nonisolated(unsafe) static let baseException = PyType(name: "BaseException", base: object, isBuiltin: true, layout: .exception)
    static func exc(_ name: String, _ base: PyType, module: String = "builtins") -> PyType {
        PyType(name: name, base: base, isBuiltin: true, layout: .exception, module: module)
    }
    nonisolated(unsafe) static let exception = exc("Exception", baseException)
    nonisolated(unsafe) static let systemExit = exc("SystemExit", baseException)
    nonisolated(unsafe) static let keyboardInterrupt = exc("KeyboardInterrupt", baseException)
    nonisolated(unsafe) static let generatorExit = exc("GeneratorExit", baseException)
    nonisolated(unsafe) static let arithmeticError = exc("ArithmeticError", exception)
    nonisolated(unsafe) static let zeroDivisionError = exc("ZeroDivisionError", arithmeticError)
    nonisolated(unsafe) static let overflowError = exc("OverflowError", arithmeticError)
    nonisolated(unsafe) static let lookupError = exc("LookupError", exception)
    nonisolated(unsafe) static let indexError = exc("IndexError", lookupError)
    nonisolated(unsafe) static let keyError = exc("KeyError", lookupError)
    nonisolated(unsafe) static let valueError = exc("ValueError", exception)
    nonisolated(unsafe) static let unicodeError = exc("UnicodeError", valueError)
    nonisolated(unsafe) static let typeError = exc("TypeError", exception)
    nonisolated(unsafe) static let nameError = exc("NameError", exception)
    nonisolated(unsafe) static let unboundLocalError = exc("UnboundLocalError", nameError)
    nonisolated(unsafe) static let attributeError = exc("AttributeError", exception)
    nonisolated(unsafe) static let runtimeError = exc("RuntimeError", exception)
    nonisolated(unsafe) static let recursionError = exc("RecursionError", runtimeError)
    nonisolated(unsafe) static let notImplementedError = exc("NotImplementedError", runtimeError)
    nonisolated(unsafe) static let stopIteration = exc("StopIteration", exception)
    nonisolated(unsafe) static let stopAsyncIteration = exc("StopAsyncIteration", exception)
    nonisolated(unsafe) static let assertionError = exc("AssertionError", exception)
    nonisolated(unsafe) static let importError = exc("ImportError", exception)
    nonisolated(unsafe) static let moduleNotFoundError = exc("ModuleNotFoundError", importError)
    nonisolated(unsafe) static let memoryError = exc("MemoryError", exception)
    nonisolated(unsafe) static let eofError = exc("EOFError", exception)
    nonisolated(unsafe) static let incompleteReadError = exc("IncompleteReadError", eofError, module: "asyncio.exceptions")
    nonisolated(unsafe) static let limitOverrunError = exc("LimitOverrunError", exception, module: "asyncio.exceptions")
    nonisolated(unsafe) static let syntaxError = exc("SyntaxError", exception)
    nonisolated(unsafe) static let indentationError = exc("IndentationError", syntaxError)
    nonisolated(unsafe) static let tabError = exc("TabError", indentationError)
    nonisolated(unsafe) static let osError = exc("OSError", exception)
    nonisolated(unsafe) static let fileNotFoundError = exc("FileNotFoundError", osError)
    nonisolated(unsafe) static let fileExistsError = exc("FileExistsError", osError)
    nonisolated(unsafe) static let permissionError = exc("PermissionError", osError)
    nonisolated(unsafe) static let isADirectoryError = exc("IsADirectoryError", osError)
    nonisolated(unsafe) static let connectionError = exc("ConnectionError", osError)
    nonisolated(unsafe) static let connectionResetError = exc("ConnectionResetError", connectionError)
    nonisolated(unsafe) static let connectionRefusedError = exc("ConnectionRefusedError", connectionError)
    nonisolated(unsafe) static let connectionAbortedError = exc("ConnectionAbortedError", connectionError)
    nonisolated(unsafe) static let brokenPipeError = exc("BrokenPipeError", connectionError)
    nonisolated(unsafe) static let timeoutError = exc("TimeoutError", osError)
    /// The OSError subclass `OSError(errno, ...)` becomes (Linux errno values).
    nonisolated(unsafe) static let osErrorSubclasses: [Int: PyType] = [
        1: permissionError, 2: fileNotFoundError, 13: permissionError, 17: fileExistsError,
        21: isADirectoryError, 32: brokenPipeError, 103: connectionAbortedError,
        104: connectionResetError, 108: brokenPipeError, 110: timeoutError, 111: connectionRefusedError,
    ]
    nonisolated(unsafe) static let warning = exc("Warning", exception)
    nonisolated(unsafe) static let runtimeWarning = exc("RuntimeWarning", warning)
    nonisolated(unsafe) static let deprecationWarning = exc("DeprecationWarning", warning)
    nonisolated(unsafe) static let userWarning = exc("UserWarning", warning)
    nonisolated(unsafe) static let baseExceptionGroup = exc("BaseExceptionGroup", baseException)
    nonisolated(unsafe) static let exceptionGroup = PyType(name: "ExceptionGroup", base: baseExceptionGroup,
                                                           isBuiltin: true, layout: .exception, extraBase: exception)

    /// Every built-in exception class, for the builtins namespace.
    static var allExceptions: [PyType] {
        [baseException, exception, systemExit, keyboardInterrupt, generatorExit, arithmeticError,
         zeroDivisionError, overflowError, lookupError, indexError, keyError, valueError, unicodeError,
         typeError, nameError, unboundLocalError, attributeError, runtimeError, recursionError,
         notImplementedError, stopIteration, stopAsyncIteration, assertionError, importError,
         moduleNotFoundError, memoryError, eofError, syntaxError, indentationError, tabError, osError,
         fileNotFoundError, fileExistsError, permissionError, isADirectoryError, connectionError,
         connectionResetError, connectionRefusedError, connectionAbortedError, brokenPipeError,
         timeoutError, warning, runtimeWarning, deprecationWarning, userWarning, baseExceptionGroup,
         exceptionGroup]
    }
}
