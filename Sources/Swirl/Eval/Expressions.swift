// Plain (non-suspending) expression nodes: constants, names, operators, attribute and
// subscript access, displays, conditional and boolean expressions.
import SwirlSyntax

final class ConstNode: ExprNode {
    let value: Value
    init(_ value: Value, line: Int32) {
        self.value = value
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value { value }
}

// MARK: names

final class LocalLoad: ExprNode {
    let slot: Int
    let name: String
    init(slot: Int, name: String, line: Int32) {
        self.slot = slot
        self.name = name
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        if case .int(let x)? = f.slots[slot] { return .int(x) }   // no reference counting
        if let v = f.slots[slot] { return v }
        throw unbound()
    }

    /// Out of line, so the load itself needs no stack frame of its own.
    @inline(never) private func unbound() -> ScriptError {
        ScriptError(Types.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
    }
}

final class CellLoad: ExprNode {
    let slot: Int
    let name: String
    let isFree: Bool
    init(slot: Int, name: String, isFree: Bool, line: Int32) {
        self.slot = slot
        self.name = name
        self.isFree = isFree
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        if case .object(let o) = f.slots[slot], let cell = o as? PyCell, let v = cell.value { return v }
        if isFree {
            throw ScriptError(Types.nameError,
                              "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
        }
        throw ScriptError(Types.unboundLocalError,
                          "cannot access local variable '\(name)' where it is not associated with a value")
    }
}

final class GlobalLoad: ExprNode {
    let globals: Globals
    let slot: Int
    let builtins: Globals
    let builtinSlot: Int
    let name: String
    init(globals: Globals, builtins: Globals, name: String, line: Int32) {
        self.globals = globals
        self.slot = globals.slot(for: name)
        self.builtins = builtins
        self.builtinSlot = builtins.slot(for: name)
        self.name = name
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value { try load(f) }

    @inline(__always) func load(_ f: Frame) throws -> Value {
        if let v = globals.get(slot) { return v }
        if let v = builtins.get(builtinSlot) { return v }
        throw f.rt.nameError(name, globals: globals, frame: f)
    }

    /// Whether the name now means the built-in object `id`: the module does not define it
    /// and the built-ins bind it to that object.
    @inline(__always) func meansBuiltin(_ id: ObjectIdentifier?) -> Bool {
        globals.isUnset(slot) && builtins.objectIdentity(at: builtinSlot) == id
    }
}

/// A name read in a class body: the class namespace, then globals and built-ins (or the
/// enclosing function's cell for `classDeref`).
final class ClassLoad: ExprNode {
    let name: String
    let fallback: ExprNode
    init(name: String, fallback: ExprNode, line: Int32) {
        self.name = name
        self.fallback = fallback
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        if let ns = f.namespace, let v = ns.dict[name] { return v }
        return try fallback.eval(f)
    }
}

// MARK: operators

final class BinaryNode: ExprNode {
    let op: BinaryOperator
    let left: ExprNode
    let right: ExprNode
    private let leftOperand: Operand
    private let rightOperand: Operand
    init(_ op: BinaryOperator, _ left: ExprNode, _ right: ExprNode, line: Int32) {
        self.op = op
        self.left = left
        self.right = right
        leftOperand = Operand(left)
        rightOperand = Operand(right)
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        if let x = leftOperand.localInt(f), let y = rightOperand.localInt(f), let r = intArithmetic(op, x, y) { return r }
        let a = try leftOperand.eval(f)
        let b = try rightOperand.eval(f)
        if case .int(let x) = a, case .int(let y) = b {
            if let r = intArithmetic(op, x, y) { return r }
            return try f.withRuntime({ try $0.intOp(op, x, y) })
        }
        // Float arithmetic, including int/float mixes, without the generic dispatch.
        let x: Double, y: Double
        switch (a, b) {
        case (.float(let p), .float(let q)): (x, y) = (p, q)
        case (.float(let p), .int(let q)): (x, y) = (p, Double(q))
        case (.int(let p), .float(let q)): (x, y) = (Double(p), q)
        default: return try f.withRuntime({ try $0.binary(op, a, b) })
        }
        switch op {
        case .add: return .float(x + y)
        case .sub: return .float(x - y)
        case .mul: return .float(x * y)
        case .div: if y != 0 { return .float(x / y) }
        default: break
        }
        return try f.withRuntime({ try $0.binary(op, a, b) })
    }
}

final class UnaryNode: ExprNode {
    let op: UnaryOperator
    let operand: ExprNode
    init(_ op: UnaryOperator, _ operand: ExprNode, line: Int32) {
        self.op = op
        self.operand = operand
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        if op == .not { return .bool(try !operand.evalCondition(f)) }
        return try UnaryNode.apply(op, try operand.eval(f), f.rt)
    }
    override func evalCondition(_ f: Frame) throws -> Bool {
        if op == .not { return try !operand.evalCondition(f) }
        return try super.evalCondition(f)
    }
    static func apply(_ op: UnaryOperator, _ v: Value, _ rt: Runtime) throws -> Value {
        switch op {
        case .not: return .bool(try !rt.truthy(v))
        case .minus: return try rt.negate(v)
        case .plus: return try rt.positive(v)
        case .invert: return try rt.invert(v)
        }
    }
}

final class BoolOpNode: ExprNode {
    let isAnd: Bool
    let operands: [ExprNode]
    init(isAnd: Bool, _ operands: [ExprNode], line: Int32) {
        self.isAnd = isAnd
        self.operands = operands
        super.init(line: line)
    }
    /// As a test, each operand's truth is taken once, as CPython's jumps do.
    override func evalCondition(_ f: Frame) throws -> Bool {
        var t = isAnd
        for e in operands {
            t = try e.evalCondition(f)
            if t != isAnd { return t }
        }
        return t
    }
    override func eval(_ f: Frame) throws -> Value {
        var v = Value.none
        for (i, e) in operands.enumerated() {
            v = try e.eval(f)
            if i == operands.count - 1 { break }
            let t = try f.withRuntime({ try $0.truthy(v) })
            if t != isAnd { return v }
        }
        return v
    }
}

/// A single comparison `a op b` (the common case).
final class CompareNode: ExprNode {
    let op: CompareOperator
    let left: ExprNode
    let right: ExprNode
    private let leftOperand: Operand
    private let rightOperand: Operand
    init(_ op: CompareOperator, _ left: ExprNode, _ right: ExprNode, line: Int32) {
        self.op = op
        self.left = left
        self.right = right
        leftOperand = Operand(left)
        rightOperand = Operand(right)
        super.init(line: line)
    }
    override func evalCondition(_ f: Frame) throws -> Bool {
        if let x = leftOperand.localInt(f), let y = rightOperand.localInt(f), let r = intCondition(op, x, y) { return r }
        let a = try leftOperand.eval(f)
        let b = try rightOperand.eval(f)
        if case .int(let x) = a, case .int(let y) = b, let r = intCondition(op, x, y) { return r }
        return try f.truth(of: try f.withRuntime({ try $0.compareValue(op, a, b) }))
    }
    override func eval(_ f: Frame) throws -> Value {
        if let x = leftOperand.localInt(f), let y = rightOperand.localInt(f), let r = intComparison(op, x, y) { return r }
        let a = try leftOperand.eval(f)
        let b = try rightOperand.eval(f)
        if case .int(let x) = a, case .int(let y) = b {
            if let r = intComparison(op, x, y) { return r }
        }
        return try f.withRuntime({ try $0.compareValue(op, a, b) })
    }
}

/// A chain `a < b <= c`: each middle operand evaluated once, stopping at the first false.
final class CompareChainNode: ExprNode {
    let first: ExprNode
    let rest: [(CompareOperator, ExprNode)]
    init(_ first: ExprNode, _ rest: [(CompareOperator, ExprNode)], line: Int32) {
        self.first = first
        self.rest = rest
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        var a = try first.eval(f)
        var result = Value.true
        for (op, e) in rest {
            let b = try e.eval(f)
            result = try f.withRuntime({ try $0.compareValue(op, a, b) })
            if try !f.withRuntime({ try $0.truthy(result) }) { return result }
            a = b
        }
        return result
    }
}

final class IfExpNode: ExprNode {
    let test: ExprNode
    let body: ExprNode
    let orElse: ExprNode
    init(test: ExprNode, body: ExprNode, orElse: ExprNode, line: Int32) {
        self.test = test
        self.body = body
        self.orElse = orElse
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        try f.rt.truthy(try test.eval(f)) ? try body.eval(f) : try orElse.eval(f)
    }
}

final class NamedExprNode: ExprNode {
    let target: TargetNode
    let value: ExprNode
    init(target: TargetNode, value: ExprNode, line: Int32) {
        self.target = target
        self.value = value
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        let v = try value.eval(f)
        try target.assign(v, f)
        return v
    }
}

// MARK: attribute and subscript

final class AttributeNode: ExprNode {
    let object: ExprNode
    let name: PyStr
    var cache = AttributeCache()
    private let objectRef: Unmanaged<ExprNode>
    init(_ object: ExprNode, _ name: PyStr, line: Int32) {
        self.object = object
        self.name = name
        self.objectRef = borrow(object)
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        let v = try objectRef.eval(f)
        return try f.withRuntime({ try $0.loadAttribute(v, name, &cache) })
    }
}

final class SubscriptNode: ExprNode {
    let object: ExprNode
    let index: ExprNode
    init(_ object: ExprNode, _ index: ExprNode, line: Int32) {
        self.object = object
        self.index = index
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        let o = try object.eval(f)
        let i = try index.eval(f)
        if case .object(let obj) = o, case .int(let n) = i {
            if let l = obj as? PyList {
                let j = n < 0 ? n + l.items.count : n
                if j >= 0 && j < l.items.count { return l.items[j] }
            } else if let t = obj as? PyTuple {
                let j = n < 0 ? n + t.items.count : n
                if j >= 0 && j < t.items.count { return t.items[j] }
            }
        }
        return try f.withRuntime({ try $0.getItem(o, i) })
    }
}

final class SliceNode: ExprNode {
    let lower: ExprNode?
    let upper: ExprNode?
    let step: ExprNode?
    init(_ lower: ExprNode?, _ upper: ExprNode?, _ step: ExprNode?, line: Int32) {
        self.lower = lower
        self.upper = upper
        self.step = step
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        .object(PySlice(start: try lower?.eval(f) ?? .none, stop: try upper?.eval(f) ?? .none,
                        step: try step?.eval(f) ?? .none))
    }
}

// MARK: displays

/// An element of a list/tuple/set display: a value or `*iterable`.
struct DisplayElement {
    let expr: ExprNode
    let starred: Bool
}

/// `constantSet`: a set display of three or more constants, which CPython builds from a
/// frozenset constant (so its table is a merged copy, see `SetTable.merge` and `build`).
enum DisplayKind { case list, tuple, set, constantSet }

final class DisplayNode: ExprNode {
    let kind: DisplayKind
    let elements: [DisplayElement]
    let hasStar: Bool
    init(_ kind: DisplayKind, _ elements: [DisplayElement], line: Int32) {
        self.kind = kind
        self.elements = elements
        self.hasStar = elements.contains { $0.starred }
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        var items: [Value] = []
        items.reserveCapacity(elements.count)
        for e in elements {
            let v = try e.expr.eval(f)
            if e.starred { items.append(contentsOf: try f.rt.iterateToArray(v)) } else { items.append(v) }
        }
        return try DisplayNode.build(kind, items, f.rt)
    }
    static func build(_ kind: DisplayKind, _ items: [Value], _ rt: Runtime) throws -> Value {
        switch kind {
        case .list: return .object(PyList(items))
        case .tuple: return .object(items.isEmpty ? PyTuple.empty : PyTuple(items))
        case .set:
            let s = PySet()
            for v in items { try rt.setAdd(s, v) }
            return .object(s)
        case .constantSet:
            // CPython's compiler makes a frozenset of the constants, then rebuilds it from
            // its own iteration order when it merges the code's constants; the set is a
            // merged copy of that.
            let first = PySet(frozen: true)
            for v in items { try rt.setAdd(first, v) }
            let constants = PySet(frozen: true)
            for e in first.table.liveEntries { try constants.table.set(e.key, hash: e.hash, value: .none, rt) }
            let s = PySet()
            try s.table.merge(constants.table, rt)
            try rt.chargeSetGrowth(s)
            return .object(s)
        }
    }
}

final class DictDisplayNode: ExprNode {
    /// nil key means `**mapping`.
    let items: [(ExprNode?, ExprNode)]
    init(_ items: [(ExprNode?, ExprNode)], line: Int32) {
        self.items = items
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        let d = PyDict()
        for (k, v) in items {
            if let k {
                let key = try k.eval(f)
                try f.rt.dictSet(d, key, try v.eval(f))
            } else {
                try f.rt.dictUpdate(d, try v.eval(f))
            }
        }
        return .object(d)
    }
}

/// An f-string: literal pieces and formatted values concatenated.
final class FStringNode: ExprNode {
    enum Piece {
        case literal(String)
        case value(ExprNode, conversion: Character?, spec: FStringNode?)
    }
    let pieces: [Piece]
    init(_ pieces: [Piece], line: Int32) {
        self.pieces = pieces
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        var out = ""
        for p in pieces {
            switch p {
            case .literal(let s): out += s
            case .value(let e, let conv, let spec):
                let v = try e.eval(f)
                let specText: String
                if let spec, case .object(let so) = try spec.eval(f), let s = so as? PyStr { specText = s.value } else { specText = "" }
                out += try FStringNode.format(v, conv, specText, f.rt)
            }
        }
        return Value(out)
    }
    static func format(_ v: Value, _ conv: Character?, _ spec: String, _ rt: Runtime) throws -> String {
        var v = v
        switch conv {
        case "r": v = Value(try rt.repr(v))
        case "s": v = Value(try rt.str(v))
        case "a": v = Value(asciiEscape(try rt.repr(v)))
        default: break
        }
        return try rt.format(v, spec)
    }
}

// MARK: specialised forms of hot operators

/// An ordering or equality of two machine ints; nil for `is`/`in` and friends.
@inline(__always) func intComparison(_ op: CompareOperator, _ x: Int, _ y: Int) -> Value? {
    intCondition(op, x, y).map(Value.bool)
}

/// `x op y` on machine ints as a Swift truth value; nil for `is`, `in` and the like.
@inline(__always) func intCondition(_ op: CompareOperator, _ x: Int, _ y: Int) -> Bool? {
    switch op {
    case .lt: return x < y
    case .le: return x <= y
    case .gt: return x > y
    case .ge: return x >= y
    case .eq: return x == y
    case .ne: return x != y
    default: return nil
    }
}

/// `x op y` on machine ints where it stays a machine int; nil for the rest (overflow,
/// a non-positive divisor, other operators), which `Runtime.intOp` handles.
@inline(__always) func intArithmetic(_ op: BinaryOperator, _ x: Int, _ y: Int) -> Value? {
    if let r = intResult(op, x, y) { return .int(r) }
    return nil
}

/// `intArithmetic` as a bare Int.
@inline(__always) func intResult(_ op: BinaryOperator, _ x: Int, _ y: Int) -> Int? {
    switch op {
    case .add:
        let (r, o) = x.addingReportingOverflow(y)
        if !o { return r }
    case .sub:
        let (r, o) = x.subtractingReportingOverflow(y)
        if !o { return r }
    case .mul:
        let (r, o) = x.multipliedReportingOverflow(by: y)
        if !o { return r }
    case .mod:
        if y > 0 {
            let r = x % y
            return r < 0 ? r + y : r
        }
    case .floorDiv:
        if y > 0 {
            let q = x / y
            return (x % y != 0 && x < 0) ? q - 1 : q
        }
    case .bitAnd: return x & y
    case .bitOr: return x | y
    case .bitXor: return x ^ y
    case .rshift: if y >= 0 && y < 64 { return x >> y }
    default: break
    }
    return nil
}

/// Shared by the `x op k` nodes: an int-literal right operand, and a left operand read
/// straight from its slot when it is a plain local.
class IntConstOperandNode: ExprNode {
    let left: ExprNode
    let constant: Int
    private let leftOperand: Operand
    init(_ left: ExprNode, _ constant: Int, line: Int32) {
        self.left = left
        self.constant = constant
        self.leftOperand = Operand(left)
        super.init(line: line)
    }

    @inline(__always) final func leftValue(_ f: Frame) throws -> Value { try leftOperand.eval(f) }
    @inline(__always) final func leftLocalInt(_ f: Frame) -> Int? { leftOperand.localInt(f) }
}

/// `x op k` where `k` is an int literal (`n - 1`, `i + 1`, `k % 3`).
final class BinaryIntConstNode: IntConstOperandNode {
    let op: BinaryOperator
    init(_ op: BinaryOperator, _ left: ExprNode, _ constant: Int, line: Int32) {
        self.op = op
        super.init(left, constant, line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        if let x = leftLocalInt(f), let r = intArithmetic(op, x, constant) { return r }
        let a = try leftValue(f)
        if case .int(let x) = a {
            if let r = intArithmetic(op, x, constant) { return r }
            return try f.withRuntime({ try $0.intOp(op, x, constant) })
        }
        return try f.withRuntime({ try $0.binary(op, a, .int(constant)) })
    }
}

/// `x op k` comparisons against an int literal (`n < 2`, `k % 3 == 0`).
final class CompareIntConstNode: IntConstOperandNode {
    let op: CompareOperator
    init(_ op: CompareOperator, _ left: ExprNode, _ constant: Int, line: Int32) {
        self.op = op
        super.init(left, constant, line: line)
    }
    override func evalCondition(_ f: Frame) throws -> Bool {
        if let x = leftLocalInt(f), let r = intCondition(op, x, constant) { return r }
        let a = try leftValue(f)
        if case .int(let x) = a, let r = intCondition(op, x, constant) { return r }
        return try f.truth(of: try f.withRuntime({ try $0.compareValue(op, a, .int(constant)) }))
    }
    override func eval(_ f: Frame) throws -> Value {
        if let x = leftLocalInt(f), let r = intComparison(op, x, constant) { return r }
        let a = try leftValue(f)
        if case .int(let x) = a {
            let y = constant
            if let r = intComparison(op, x, y) { return r }
        }
        return try f.withRuntime({ try $0.compareValue(op, a, .int(constant)) })
    }
}
