// Callable objects: script functions (with their compiled code), built-in functions and
// methods, bound methods, and the decorator wrappers staticmethod/classmethod/property.

/// Parameter layout of a compiled function, in slot order: positional-only, regular,
/// `*args`, keyword-only, `**kwargs`.
struct ParameterSpec {
    var names: [String] = []
    var positionalOnlyCount = 0
    /// Positional parameters (positional-only plus regular).
    var positionalCount = 0
    var keywordOnlyCount = 0
    var hasVarArgs = false
    var hasVarKeywords = false

    var varArgsSlot: Int { positionalCount }
    var keywordOnlyStart: Int { positionalCount + (hasVarArgs ? 1 : 0) }
    var varKeywordsSlot: Int { keywordOnlyStart + keywordOnlyCount }
    var totalCount: Int { names.count }
}

enum CodeKind {
    case function
    case generator
    case coroutine
    case asyncGenerator
}

/// Immutable compiled form of a `def`, `lambda`, comprehension, class body or module.
final class CodeObject {
    let name: String
    var qualname: String
    let source: SourceFile
    let firstLine: Int
    let kind: CodeKind
    let params: ParameterSpec
    let slotCount: Int
    /// Local slots whose variable is captured by an inner function: each gets a fresh cell
    /// on entry (parameters keep their argument value inside the cell).
    let cellSlots: [Int]
    /// First slot of the free variables copied from the closure.
    let freeStart: Int
    let freeCount: Int
    var body: StmtNode
    /// The frame needs cells made for captured locals or copied from the closure.
    let needsCells: Bool
    /// All parameters are plain positional ones (no defaults needed, no `*`/`**`, no
    /// keyword-only): calls can fill slots directly.
    let isSimple: Bool
    var docstring: Value = .none
    /// The names of the first slots (the function's locals), for NameError suggestions.
    var localNames: [String] = []

    init(name: String, qualname: String, source: SourceFile, firstLine: Int, kind: CodeKind,
         params: ParameterSpec, slotCount: Int, cellSlots: [Int], freeStart: Int, freeCount: Int, body: StmtNode) {
        self.name = name
        self.qualname = qualname
        self.source = source
        self.firstLine = firstLine
        self.kind = kind
        self.params = params
        self.slotCount = slotCount
        self.cellSlots = cellSlots
        self.freeStart = freeStart
        self.freeCount = freeCount
        self.body = body
        self.needsCells = freeCount > 0 || !cellSlots.isEmpty
        self.isSimple = !params.hasVarArgs && !params.hasVarKeywords && params.keywordOnlyCount == 0
            && cellSlots.isEmpty
    }
}

/// A source file's name and text, for tracebacks.
final class SourceFile {
    let filename: String
    let lines: [Substring]
    init(filename: String, text: String) {
        self.filename = filename
        self.lines = text.sourceLines
    }
    func line(_ n: Int) -> String? {
        guard n >= 1 && n <= lines.count else { return nil }
        var s = String(lines[n - 1])
        if s.hasSuffix("\r") { s.removeLast() }
        return s
    }
}

final class PyFunction: PyObject {
    let code: CodeObject
    let globals: Globals
    let defaults: [Value]
    var kwDefaults: [String: Value]
    let closure: [PyCell]
    var name: String
    var qualname: String
    var attrs: AttributeDict = [:]

    init(code: CodeObject, globals: Globals, defaults: [Value], kwDefaults: [String: Value], closure: [PyCell]) {
        self.code = code
        self.globals = globals
        self.defaults = defaults
        self.kwDefaults = kwDefaults
        self.closure = closure
        self.name = code.name
        self.qualname = code.qualname
        self.fastArgCount = code.isSimple && defaults.isEmpty && code.kind == .function ? code.params.positionalCount : -1
    }
    override var type: PyType { Types.function }

    /// The number of positional arguments a fast call passes, or -1 when calls need the
    /// general argument binding.
    let fastArgCount: Int
    override var instanceDict: AttributeDict? { attrs }

    /// Calls can skip argument matching: simple positional signature, no defaults.
    var isFastCallable: Bool { fastArgCount >= 0 }
}

/// Arguments of a general call: positional values and keyword pairs in call order.
struct Arguments {
    var positional: [Value]
    var keywords: [(String, Value)]
    init(_ positional: [Value] = [], keywords: [(String, Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    /// Checks a call against a Python-style signature, with the messages CPython gives for
    /// a function defined in Python (`sleep() takes from 1 to 2 positional arguments but 3
    /// were given`, `Event.__init__() got an unexpected keyword argument 'loop'`).
    /// `params`: the positional-or-keyword parameters, the first `required` of them
    /// mandatory; `keywordOnly`: further names allowed as keywords; `countsSelf`: the
    /// message counts a `self` (methods and `__init__`) that `positional` does not hold.
    func checkSignature(_ function: String, params: [String], required: Int = 0,
                        keywordOnly: [String] = [], countsSelf: Bool = false) throws {
        // The common call: positional arguments only, as many as the function takes.
        if keywords.isEmpty && positional.count >= required && positional.count <= params.count { return }
        for (k, _) in keywords where !params.contains(k) && !keywordOnly.contains(k) {
            throw typeError("\(function)() got an unexpected keyword argument '\(k)'")
        }
        let extra = countsSelf ? 1 : 0
        if positional.count > params.count {
            let takes = positionalCountPhrase(least: required + extra, most: params.count + extra)
            let given = positional.count + extra
            throw typeError("\(function)() takes \(takes) but \(given) \(given == 1 ? "was" : "were") given")
        }
        for (i, name) in params.enumerated() where i < positional.count && keywords.contains(where: { $0.0 == name }) {
            throw typeError("\(function)() got multiple values for argument '\(name)'")
        }
        let missing = params.prefix(required).enumerated().filter { i, name in
            i >= positional.count && !keywords.contains { $0.0 == name }
        }.map(\.element)
        if !missing.isEmpty { throw missingArgumentsError(function, missing, kind: "positional") }
    }

    /// Checks the positional count of a call, with CPython's wording ("setdefault expected
    /// at least 1 argument, got 0"). `receiver`: the first positional is the bound object,
    /// not counted in the message.
    func requirePositional(_ name: String, min: Int, max: Int, receiver: Bool = false) throws {
        let skip = receiver ? 1 : 0
        let n = positional.count
        if receiver && n == 0 { throw typeError("unbound method \(name)() needs an argument") }
        if n < min {
            let want = min - skip
            throw typeError("\(name) expected at least \(want) argument\(want == 1 ? "" : "s"), got \(n - skip)")
        }
        if n > max {
            let want = max - skip
            throw typeError("\(name) expected at most \(want) argument\(want == 1 ? "" : "s"), got \(n - skip)")
        }
    }
}

/// "2 positional arguments" or "from 1 to 3 positional arguments", as CPython words how
/// many positional arguments a function takes.
func positionalCountPhrase(least: Int, most: Int) -> String {
    least == most ? "\(most) positional argument\(most == 1 ? "" : "s")" : "from \(least) to \(most) positional arguments"
}

/// `f() missing 2 required positional arguments: 'a' and 'b'` (three or more: `'a', 'b',
/// and 'c'`).
func missingArgumentsError(_ function: String, _ names: [String], kind: String) -> ScriptError {
    let quoted = names.map { "'\($0)'" }
    let list: String
    switch quoted.count {
    case 1: list = quoted[0]
    case 2: list = "\(quoted[0]) and \(quoted[1])"
    default: list = quoted.dropLast().joined(separator: ", ") + ", and " + (quoted.last ?? "")
    }
    return typeError("\(function)() missing \(names.count) required \(kind) argument\(names.count == 1 ? "" : "s"): \(list)")
}

/// The Swift implementation of a built-in function or method. Fixed-arity cases let call
/// sites pass arguments without building an array.
enum NativeImpl {
    case a0((Runtime) throws -> Value)
    case a1((Runtime, Value) throws -> Value)
    case a2((Runtime, Value, Value) throws -> Value)
    case a3((Runtime, Value, Value, Value) throws -> Value)
    case general((Runtime, Arguments) throws -> Value)
    /// A function with optional or keyword arguments whose commonest call passes exactly
    /// one positional argument (`sum(xs)`, `min(xs)`): `one` serves that call without an
    /// argument list, `general` every other.
    case oneOrGeneral(one: (Runtime, Value) throws -> Value, general: (Runtime, Arguments) throws -> Value)
}

/// Built-ins that a call site may carry out itself, without calling the function, once
/// it has seen that its callee is that built-in (CPython's specialising interpreter does
/// the same for `len` and `list.append`).
enum Intrinsic: UInt8 {
    case none, len, listAppend
}

final class PyNativeFunction: PyObject {
    let name: String
    /// The owning type for methods (`list.append`), nil for functions.
    let owner: PyType?
    let impl: NativeImpl
    /// Bound receiver for `"abc".upper` style method objects.
    let boundSelf: Value?
    /// Which built-in this is, for call sites that specialise on it.
    var intrinsic = Intrinsic.none
    /// Whether calls are checked against `Runtime.builtinSignatures` (by name, once).
    lazy var hasBuiltinSignature = Runtime.hasBuiltinSignature(name)

    init(_ name: String, owner: PyType? = nil, boundSelf: Value? = nil, _ impl: NativeImpl) {
        self.name = name
        self.owner = owner
        self.impl = impl
        self.boundSelf = boundSelf
    }
    override var type: PyType { Types.builtinFunction }

    var qualifiedName: String { owner.map { "\($0.name).\(name)" } ?? name }
    /// A method of a built-in type not yet bound to a receiver: it binds when looked up
    /// through an instance (a free built-in function such as `print` does not).
    var isUnboundMethod: Bool { owner != nil && boundSelf == nil }

    func bound(to receiver: Value) -> PyNativeFunction {
        PyNativeFunction(name, owner: owner, boundSelf: receiver, impl)
    }
}

final class PyBoundMethod: PyObject {
    let function: Value
    let receiver: Value
    init(function: Value, receiver: Value) {
        self.function = function
        self.receiver = receiver
    }
    override var type: PyType { Types.method }
}

final class PyStaticMethod: PyObject {
    let function: Value
    init(_ f: Value) { function = f }
    override var type: PyType { Types.staticmethod }
}

final class PyClassMethod: PyObject {
    let function: Value
    init(_ f: Value) { function = f }
    override var type: PyType { Types.classmethod }
}

final class PyProperty: PyObject {
    var getter: Value
    var setter: Value
    var deleter: Value
    /// The `doc` argument; None means the getter's docstring.
    var doc: Value = .none
    init(getter: Value, setter: Value = .none, deleter: Value = .none) {
        self.getter = getter
        self.setter = setter
        self.deleter = deleter
    }
    override var type: PyType { Types.property }

    /// `prop.setter(f)` and friends: a new property with one part replaced.
    func copy(getter: Value? = nil, setter: Value? = nil, deleter: Value? = nil) -> PyProperty {
        let p = PyProperty(getter: getter ?? self.getter, setter: setter ?? self.setter, deleter: deleter ?? self.deleter)
        p.doc = doc
        return p
    }
}
