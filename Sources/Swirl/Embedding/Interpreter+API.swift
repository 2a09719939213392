// The data side of the embedding API: evaluate expressions, read and set globals, call
// script functions by name or handle, register host functions, modules and objects.
import SwirlSyntax

extension Interpreter {
    /// Evaluates one expression in the main namespace and returns its value. An `await`
    /// is not allowed; a coroutine result is run to completion.
    public func evaluate(_ expression: String) throws -> ScriptValue {
        try perform { [self] rt in
            let g = mainGlobals(rt)
            let module: Module
            do {
                module = try parseModule(expression, filename: "<expression>")
            } catch let e as SyntaxError {
                throw ScriptError(rt.syntaxException(e))
            }
            guard module.body.count == 1, case .expr = module.body[0].kind else {
                throw ScriptError(Types.syntaxError, "evaluate() expects a single expression")
            }
            let slot = "__swirl_evaluate__"
            try rt.runSource("\(slot) = (\(expression)\n)", filename: "<expression>", in: g)
            let v = g[slot] ?? Value.none
            g[slot] = nil
            return rt.scriptValue(try rt.isCoroutine(v) ? rt.runCoroutine(v, control: nil) : v)
        }
    }

    /// The value of a global of the main namespace, or nil when it is not defined.
    public func global(_ name: String) -> ScriptValue? {
        try? perform { [self] rt in mainGlobals(rt)[name].map { rt.scriptValue($0) } }
    }

    /// Sets a global of the main namespace (`nil` value: None).
    public func setGlobal(_ name: String, _ value: ScriptValue) throws {
        try perform { [self] rt in mainGlobals(rt)[name] = try rt.value(value) }
    }

    /// The names defined in the main namespace, in definition order.
    public var globalNames: [String] {
        (try? perform { [self] rt in mainGlobals(rt).defined.map { $0.0 } }) ?? []
    }

    /// Calls the global function `name` with arguments and returns its result. An
    /// `async def` is run to completion on the event loop (like `asyncio.run`).
    public func call(_ name: String, _ arguments: [ScriptValue] = [], keywords: [String: ScriptValue] = [:]) throws -> ScriptValue {
        try perform { [self] rt in
            guard let fn = mainGlobals(rt)[name] else {
                throw ScriptError(Types.nameError, "name '\(name)' is not defined")
            }
            return try callValue(rt, fn, arguments, keywords, control: nil)
        }
    }

    /// Calls a callable script value (a handle from ``ScriptValue/object(_:)``).
    public func call(_ callee: ScriptValue, _ arguments: [ScriptValue] = [], keywords: [String: ScriptValue] = [:]) throws -> ScriptValue {
        try perform { [self] rt in try callValue(rt, try rt.value(callee), arguments, keywords, control: nil) }
    }

    func callValue(_ rt: Runtime, _ fn: Value, _ arguments: [ScriptValue], _ keywords: [String: ScriptValue],
                   control: AsyncRunControl?) throws -> ScriptValue {
        let args = Arguments(try arguments.map { try rt.value($0) },
                             keywords: try keywords.sorted { $0.key < $1.key }.map { ($0.key, try rt.value($0.value)) })
        let result = try rt.call(fn, args)
        if rt.isCoroutine(result) { return rt.scriptValue(try rt.runCoroutine(result, control: control)) }
        return rt.scriptValue(result)
    }

    /// Makes a host function callable from scripts by its name, in every module (it is
    /// added to the builtins).
    public func register(_ function: HostFunction) {
        _ = try? perform { rt in rt.builtins[function.name] = try rt.hostFunctionValue(function) }
    }

    /// Makes a module of host functions and values importable (`import name`).
    public func addModule(_ module: HostModule) throws {
        try perform { rt in try rt.installHostModule(module) }
    }

    /// Bytes currently charged against ``Limits/memoryLimit`` (0 without a memory limit).
    public var memoryInUse: Int { rt.memoryAccount?.bytesInUse ?? 0 }
}
