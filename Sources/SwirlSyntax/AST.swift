// The abstract syntax tree the parser produces: expressions, statements, parameters.
// Every node carries the source range it came from; scope-introducing nodes (def, lambda,
// class, comprehension) carry a `scopeID` unique within one parse, which the resolver
// uses to attach its per-scope results.

/// A position in source text. Lines are 1-based; columns count Unicode scalars from 0
/// (CPython's `offset` is `column + 1`).
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var line: Int32
    public var column: Int32
    public init(line: Int, column: Int) {
        self.line = Int32(clamping: line)
        self.column = Int32(clamping: column)
    }
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        a.line != b.line ? a.line < b.line : a.column < b.column
    }
}

/// The half-open source range of a node: `start` up to (not including) `end`.
public struct SourceRange: Sendable, Hashable {
    public var start: SourceLocation
    public var end: SourceLocation
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }
    public var line: Int { Int(start.line) }
}

// MARK: - Expressions

public struct Expr: Sendable {
    public var kind: ExprKind
    public var range: SourceRange
    public init(_ kind: ExprKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public enum Constant: Sendable, Equatable {
    case none
    case bool(Bool)
    case ellipsis
    case int(Int)
    /// An integer literal too large for `Int`, as its decimal digits.
    case bigInt(String)
    case float(Double)
    /// An imaginary literal (`4j`): complex numbers are outside the subset, so evaluating
    /// one raises an error; a program that never reaches it still runs.
    case imaginary(Double)
    case string(String)
    case bytes([UInt8])
}

public enum UnaryOperator: String, Sendable { case plus = "+", minus = "-", invert = "~", not = "not" }

public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", sub = "-", mul = "*", matMul = "@", div = "/", floorDiv = "//", mod = "%", pow = "**"
    case lshift = "<<", rshift = ">>", bitOr = "|", bitXor = "^", bitAnd = "&"
}

public enum BoolOperator: String, Sendable { case and, or }

public enum CompareOperator: String, Sendable {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case `is` = "is", isNot = "is not", `in` = "in", notIn = "not in"
}

public enum Argument: Sendable {
    case positional(Expr)
    /// `*expr`
    case starred(Expr)
    case keyword(name: String, value: Expr, range: SourceRange)
    /// `**expr`
    case doubleStarred(Expr)
}

public enum DictItem: Sendable {
    case pair(key: Expr, value: Expr)
    /// `**expr`
    case unpack(Expr)
}

public struct Comprehension: Sendable {
    public var target: Expr
    public var iter: Expr
    public var ifs: [Expr]
    public var isAsync: Bool
    public init(target: Expr, iter: Expr, ifs: [Expr], isAsync: Bool) {
        self.target = target
        self.iter = iter
        self.ifs = ifs
        self.isAsync = isAsync
    }
}

/// One piece of an f-string.
public enum FStringPart: Sendable {
    case literal(String)
    /// `{value!conversion:formatSpec}`. `debugText` is set for the `{x=}` form and holds the
    /// source text up to and including `=` (with its whitespace), which is printed verbatim.
    case formatted(value: Expr, conversion: Character?, formatSpec: [FStringPart]?, debugText: String?)
}

public indirect enum ExprKind: Sendable {
    case name(String)
    case constant(Constant)
    /// f-string (possibly implicitly concatenated with plain strings).
    case fstring([FStringPart])
    case unary(UnaryOperator, Expr)
    case binary(Expr, BinaryOperator, Expr)
    /// `a and b and c`: two or more operands.
    case boolOp(BoolOperator, [Expr])
    /// `a < b <= c`: the first operand and one (operator, operand) per comparison.
    case compare(Expr, [(CompareOperator, Expr)])
    /// `body if test else orElse`
    case ifExp(test: Expr, body: Expr, orElse: Expr)
    case lambda(Lambda)
    /// `name := value`
    case namedExpr(target: String, value: Expr)
    case call(Expr, [Argument])
    case attribute(Expr, String)
    /// `value[index]`; a slice or a tuple of them appears as the index expression.
    case `subscript`(Expr, Expr)
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
    /// `*expr` in a display, an assignment target or a subscript.
    case starred(Expr)
    case list([Expr])
    case tuple([Expr])
    case set([Expr])
    case dict([DictItem])
    case listComp(ComprehensionExpr)
    case setComp(ComprehensionExpr)
    case dictComp(DictComprehensionExpr)
    case generator(ComprehensionExpr)
    case await(Expr)
    case yield(Expr?)
    case yieldFrom(Expr)
}

public struct ComprehensionExpr: Sendable {
    public var element: Expr
    public var generators: [Comprehension]
    public var scopeID: Int
    public init(element: Expr, generators: [Comprehension], scopeID: Int) {
        self.element = element
        self.generators = generators
        self.scopeID = scopeID
    }
}

public struct DictComprehensionExpr: Sendable {
    public var key: Expr
    public var value: Expr
    public var generators: [Comprehension]
    public var scopeID: Int
    public init(key: Expr, value: Expr, generators: [Comprehension], scopeID: Int) {
        self.key = key
        self.value = value
        self.generators = generators
        self.scopeID = scopeID
    }
}

public struct Lambda: Sendable {
    public var parameters: Parameters
    public var body: Expr
    public var scopeID: Int
    public init(parameters: Parameters, body: Expr, scopeID: Int) {
        self.parameters = parameters
        self.body = body
        self.scopeID = scopeID
    }
}

// MARK: - Parameters

public struct Parameter: Sendable {
    public var name: String
    public var annotation: Expr?
    public var defaultValue: Expr?
    public var range: SourceRange
    public init(name: String, annotation: Expr? = nil, defaultValue: Expr? = nil, range: SourceRange) {
        self.name = name
        self.annotation = annotation
        self.defaultValue = defaultValue
        self.range = range
    }
}

/// `def f(a, b=1, /, c, *args, d, e=2, **kwargs)`
public struct Parameters: Sendable {
    /// Parameters before `/`.
    public var positionalOnly: [Parameter] = []
    /// Ordinary positional-or-keyword parameters.
    public var regular: [Parameter] = []
    /// `*args` (nil when absent or for a bare `*`).
    public var varArgs: Parameter?
    public var keywordOnly: [Parameter] = []
    /// `**kwargs`
    public var varKeywords: Parameter?
    public init() {}
}

// MARK: - Statements

public struct Stmt: Sendable {
    public var kind: StmtKind
    public var range: SourceRange
    public init(_ kind: StmtKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public struct Alias: Sendable {
    /// The dotted module name (`import a.b`) or the imported name (`from m import x`), or "*".
    public var name: String
    public var asName: String?
    public var range: SourceRange
    public init(name: String, asName: String?, range: SourceRange) {
        self.name = name
        self.asName = asName
        self.range = range
    }
}

public struct WithItem: Sendable {
    public var context: Expr
    public var target: Expr?
    public init(context: Expr, target: Expr?) {
        self.context = context
        self.target = target
    }
}

public struct ExceptHandler: Sendable {
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var range: SourceRange
    public init(type: Expr?, name: String?, body: [Stmt], range: SourceRange) {
        self.type = type
        self.name = name
        self.body = body
        self.range = range
    }
}

public struct FunctionDef: Sendable {
    public var name: String
    public var parameters: Parameters
    public var body: [Stmt]
    public var decorators: [Expr]
    public var returns: Expr?
    public var isAsync: Bool
    public var scopeID: Int
    public init(name: String, parameters: Parameters, body: [Stmt], decorators: [Expr], returns: Expr?,
                isAsync: Bool, scopeID: Int) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.decorators = decorators
        self.returns = returns
        self.isAsync = isAsync
        self.scopeID = scopeID
    }
}

public struct ClassDef: Sendable {
    public var name: String
    public var bases: [Expr]
    /// `class C(metaclass=M)` and other keywords; the compiler rejects what it does not support.
    public var keywords: [(name: String, value: Expr)]
    public var body: [Stmt]
    public var decorators: [Expr]
    public var scopeID: Int
    public init(name: String, bases: [Expr], keywords: [(name: String, value: Expr)], body: [Stmt],
                decorators: [Expr], scopeID: Int) {
        self.name = name
        self.bases = bases
        self.keywords = keywords
        self.body = body
        self.decorators = decorators
        self.scopeID = scopeID
    }
}

public indirect enum StmtKind: Sendable {
    case expr(Expr)
    /// `a = b = value`: one or more targets.
    case assign(targets: [Expr], value: Expr)
    case augAssign(target: Expr, op: BinaryOperator, value: Expr)
    /// `x: int = 1`; `value` is nil for a bare annotation.
    case annAssign(target: Expr, annotation: Expr, value: Expr?)
    case pass
    case `break`
    case `continue`
    case `return`(Expr?)
    case delete([Expr])
    case raise(exception: Expr?, cause: Expr?)
    case assert(test: Expr, message: Expr?)
    case global([String])
    case nonlocal([String])
    case `import`([Alias])
    /// `from ..m import a as b`; `module` is nil for `from . import x`.
    case importFrom(module: String?, names: [Alias], level: Int)
    case `if`(test: Expr, body: [Stmt], orElse: [Stmt])
    case `while`(test: Expr, body: [Stmt], orElse: [Stmt])
    case `for`(target: Expr, iter: Expr, body: [Stmt], orElse: [Stmt], isAsync: Bool)
    case with(items: [WithItem], body: [Stmt], isAsync: Bool)
    case `try`(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt])
    case functionDef(FunctionDef)
    case classDef(ClassDef)
}

/// A parsed file or REPL entry.
public struct Module: Sendable {
    public var body: [Stmt]
    /// One past the largest scopeID handed out while parsing this module.
    public var scopeCount: Int
    public init(body: [Stmt], scopeCount: Int) {
        self.body = body
        self.scopeCount = scopeCount
    }
}
