// Host functions: Swift closures that scripts call like built-in functions. A function
// either takes its arguments raw or declares parameters, in which case the runtime binds
// positional and keyword arguments to them with CPython's TypeError messages. Async host
// functions are in AsyncBridge.swift.
import Foundation

/// One declared parameter of a ``HostFunction``.
public struct HostParameter: Sendable, ExpressibleByStringLiteral {
    /// The parameter's name (what keyword arguments use).
    public let name: String
    /// The value when the caller omits it; nil makes the parameter required.
    public let defaultValue: ScriptValue?

    /// A parameter, required unless `default` is given.
    public init(_ name: String, default defaultValue: ScriptValue? = nil) {
        self.name = name
        self.defaultValue = defaultValue
    }

    /// A required parameter named by a string literal.
    public init(stringLiteral name: String) { self.init(name) }
}

/// The arguments of one call of a ``HostFunction``.
public struct HostArguments: Sendable {
    /// The function's name, for error messages.
    public let functionName: String
    /// The positional arguments as passed (for functions without declared parameters).
    public let positional: [ScriptValue]
    /// The keyword arguments as passed (for functions without declared parameters).
    public let keywords: [String: ScriptValue]
    /// The declared parameters' values, defaults filled in (empty without declared parameters).
    public let bound: [String: ScriptValue]

    /// Arguments for calling a host function directly (tests, composition).
    public init(functionName: String, positional: [ScriptValue] = [], keywords: [String: ScriptValue] = [:],
                bound: [String: ScriptValue] = [:]) {
        self.functionName = functionName
        self.positional = positional
        self.keywords = keywords
        self.bound = bound
    }

    /// A declared parameter's value (None if the name is not a parameter).
    public subscript(_ name: String) -> ScriptValue { bound[name] ?? keywords[name] ?? .none }

    /// A positional argument (nil past the end).
    public subscript(_ index: Int) -> ScriptValue? { positional.indices.contains(index) ? positional[index] : nil }

    private func value(_ name: String) throws -> ScriptValue {
        if let v = bound[name] ?? keywords[name] { return v }
        throw ScriptException.typeError("\(functionName)() missing required argument '\(name)'")
    }

    private func mismatch(_ name: String, _ expected: String, _ v: ScriptValue) -> ScriptException {
        .typeError("\(functionName)() argument '\(name)' must be \(expected), not \(v.typeName)")
    }

    /// The parameter as an `Int`, or a TypeError naming the function and the parameter.
    public func int(_ name: String) throws -> Int {
        let v = try value(name)
        if case .int(let i) = v { return i }
        if case .bigInt = v { throw ScriptException("OverflowError", "\(functionName)() argument '\(name)' does not fit in a 64-bit int") }
        throw mismatch(name, "int", v)
    }
    /// The parameter as a `Double` (ints are accepted, as in Python).
    public func double(_ name: String) throws -> Double {
        let v = try value(name)
        switch v {
        case .double(let d): return d
        case .int(let i): return Double(i)
        default: throw mismatch(name, "float", v)
        }
    }
    /// The parameter as a `String`.
    public func string(_ name: String) throws -> String {
        let v = try value(name)
        if case .string(let s) = v { return s }
        throw mismatch(name, "str", v)
    }
    /// The parameter as a `Bool`.
    public func bool(_ name: String) throws -> Bool {
        let v = try value(name)
        if case .bool(let b) = v { return b }
        throw mismatch(name, "bool", v)
    }
    /// The parameter as bytes.
    public func data(_ name: String) throws -> Data {
        let v = try value(name)
        if case .bytes(let d) = v { return d }
        throw mismatch(name, "bytes", v)
    }
    /// The parameter as the elements of a list or tuple.
    public func array(_ name: String) throws -> [ScriptValue] {
        let v = try value(name)
        if let a = v.arrayValue { return a }
        throw mismatch(name, "list", v)
    }
}

/// An exception a host function raises in the script: throw it from a host closure.
///
/// `typeName` names a built-in exception class (`"ValueError"`, `"KeyError"`, ...); an
/// unknown name raises `RuntimeError`. Any other Swift error thrown by a host function
/// becomes a `RuntimeError` with the error's description (`CancellationError` becomes
/// `asyncio.CancelledError`, a ``ScriptFailure`` keeps its exception type).
public struct ScriptException: Error, Sendable, Equatable {
    /// The built-in exception class to raise.
    public let typeName: String
    /// The exception's message.
    public let message: String

    /// An exception of the built-in class `typeName`.
    public init(_ typeName: String, _ message: String) {
        self.typeName = typeName
        self.message = message
    }

    /// A `TypeError`.
    public static func typeError(_ message: String) -> ScriptException { ScriptException("TypeError", message) }
    /// A `ValueError`.
    public static func valueError(_ message: String) -> ScriptException { ScriptException("ValueError", message) }
}

/// A Swift function scripts can call.
///
/// ```swift
/// let greet = HostFunction("greet", parameters: ["name", HostParameter("greeting", default: "Hello")]) { args in
///     .string("\(try args.string("greeting")), \(try args.string("name"))!")
/// }
/// interpreter.register(greet)   // greet("Ada", greeting="Hi") in a script
/// ```
public struct HostFunction: Sendable {
    /// The synchronous body.
    public typealias Body = @Sendable (HostArguments) throws -> ScriptValue
    /// The body of an `async` host function (see ``init(_:parameters:async:)``).
    public typealias AsyncBody = @Sendable (HostArguments) async throws -> ScriptValue

    enum Kind: Sendable {
        case sync(Body)
        case async(AsyncBody)
    }

    /// The name scripts call it by.
    public let name: String
    /// Declared parameters; nil passes arguments through unchecked.
    public let parameters: [HostParameter]?
    let kind: Kind

    /// A synchronous host function. With `parameters`, calls are checked and bound to
    /// them (see ``HostArguments/bound``); without, any arguments are passed through.
    public init(_ name: String, parameters: [HostParameter]? = nil, _ body: @escaping Body) {
        self.name = name
        self.parameters = parameters
        self.kind = .sync(body)
    }

    /// An `async` host function: calling it in a script gives a coroutine to `await`. The
    /// body runs as a Swift task while the event loop goes on with other script tasks;
    /// cancelling the awaiting script task cancels the Swift task.
    public init(_ name: String, parameters: [HostParameter]? = nil, async body: @escaping AsyncBody) {
        self.name = name
        self.parameters = parameters
        self.kind = .async(body)
    }
}

/// A module of host functions and values that scripts `import`.
///
/// ```swift
/// var m = HostModule("plugin")
/// m.add(HostFunction("version") { _ in "1.0" })
/// m.values["LIMIT"] = 10
/// interpreter.addModule(m)      // import plugin; plugin.version()
/// ```
public struct HostModule: Sendable {
    /// The name scripts import.
    public let name: String
    /// The module's functions.
    public var functions: [HostFunction]
    /// The module's other attributes.
    public var values: [String: ScriptValue]

    /// A module; add functions and values before registering it.
    public init(_ name: String, functions: [HostFunction] = [], values: [String: ScriptValue] = [:]) {
        self.name = name
        self.functions = functions
        self.values = values
    }

    /// Adds a function.
    public mutating func add(_ function: HostFunction) { functions.append(function) }
}

extension Runtime {
    /// The script value for a host function (a built-in function, or for async ones a
    /// coroutine function). `method`: the first positional argument is the receiver and
    /// is not passed to the body.
    func hostFunctionValue(_ fn: HostFunction, method: Bool = false) throws -> Value {
        switch fn.kind {
        case .sync(let body):
            return .object(PyNativeFunction(fn.name, .general { rt, a in
                let args = try rt.hostArguments(fn, a, dropFirst: method)
                do {
                    return try rt.value(try body(args))
                } catch {
                    throw rt.scriptError(fromHost: error)
                }
            }))
        case .async:
            return try asyncHostFunctionValue(fn, method: method)
        }
    }

    /// Converts and binds a call's arguments for `fn`.
    func hostArguments(_ fn: HostFunction, _ a: Arguments, dropFirst: Bool) throws -> HostArguments {
        var positional = a.positional
        if dropFirst, !positional.isEmpty { positional.removeFirst() }
        let pos = positional.map { scriptValue($0) }
        var kw: [String: ScriptValue] = [:]
        for (k, v) in a.keywords { kw[k] = scriptValue(v) }
        guard let params = fn.parameters else {
            return HostArguments(functionName: fn.name, positional: pos, keywords: kw)
        }
        let name = fn.name
        if pos.count > params.count {
            let takes = params.count == 1 ? "1 positional argument" : "\(params.count) positional arguments"
            throw typeError("\(name)() takes \(takes) but \(pos.count) \(pos.count == 1 ? "was" : "were") given")
        }
        var bound: [String: ScriptValue] = [:]
        for (i, v) in pos.enumerated() { bound[params[i].name] = v }
        for (k, _) in a.keywords {
            guard let v = kw[k] else { continue }
            guard params.contains(where: { $0.name == k }) else {
                throw typeError("\(name)() got an unexpected keyword argument '\(k)'")
            }
            if bound[k] != nil { throw typeError("\(name)() got multiple values for argument '\(k)'") }
            bound[k] = v
        }
        var missing: [String] = []
        for p in params where bound[p.name] == nil {
            if let d = p.defaultValue { bound[p.name] = d } else { missing.append("'\(p.name)'") }
        }
        if !missing.isEmpty {
            let list = missing.count == 1 ? missing[0]
                : missing.dropLast().joined(separator: ", ") + " and " + (missing.last ?? "")
            let noun = missing.count == 1 ? "argument" : "arguments"
            throw typeError("\(name)() missing \(missing.count) required positional \(noun): \(list)")
        }
        return HostArguments(functionName: name, positional: pos, keywords: kw, bound: bound)
    }

    /// The script exception for an error a host closure threw.
    func scriptError(fromHost error: Error) -> ScriptError {
        switch error {
        case let e as ScriptError: return e
        case let e as ScriptException: return ScriptError(exceptionType(named: e.typeName), e.message)
        case let f as ScriptFailure: return ScriptError(exceptionType(named: f.typeName), f.message)
        case is CancellationError: return ScriptError(PyException(Types.cancelledError, args: []))
        default: return ScriptError(Types.runtimeError, "\(error)")
        }
    }

    /// The built-in exception class called `name` (RuntimeError when there is none).
    func exceptionType(named name: String) -> PyType {
        if name == "CancelledError" { return Types.cancelledError }
        return Types.allExceptions.first { $0.name == name } ?? Types.runtimeError
    }

    /// Registers a host module so that `import name` finds it.
    func installHostModule(_ hm: HostModule) throws {
        let m = PyModule(name: hm.name)
        for f in hm.functions { m.globals[f.name] = try hostFunctionValue(f) }
        for (k, v) in hm.values { m.globals[k] = try value(v) }
        modules[hm.name] = m
        try dictSet(sysModules, Value(hm.name), .object(m))
    }
}
