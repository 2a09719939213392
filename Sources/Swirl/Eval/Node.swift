// Base classes of the executable tree the compiler builds from the AST. Expressions
// evaluate to values; statements execute and report how they finished (`Flow`).
//
// Nodes on a path to a `yield`/`await` are built from resumable classes: their `evalR`
// returns nil when the frame suspends (after saving their state on `Frame.saved`), and
// resumes from that state when the frame is re-entered with `Frame.resuming` set. Every
// other node uses the plain `eval`, which never suspends and pays nothing for it.

import SwirlSyntax

class ExprNode {
    /// Source line of the expression (for tracebacks).
    let line: Int32
    init(line: Int32) { self.line = line }

    func eval(_ f: Frame) throws -> Value {
        guard let v = try evalR(f) else { throw runtimeError("internal error: suspension in a plain evaluation") }
        return v
    }

    /// Resumable evaluation: nil means the frame suspended.
    func evalR(_ f: Frame) throws -> Value? { try eval(f) }

    /// True for nodes built from the resumable classes.
    var isResumable: Bool { false }

    /// The truth of the expression, for `if` and `while` tests. Comparisons override it to
    /// answer without building a bool `Value`.
    func evalCondition(_ f: Frame) throws -> Bool {
        try f.truth(of: try eval(f))
    }
}

class StmtNode {
    let line: Int32
    init(line: Int32) { self.line = line }
    func exec(_ f: Frame) throws -> Flow { .normal }
}

/// Children are evaluated through borrowed references on hot paths: a node owns its children
/// for as long as it runs, so no reference counting is needed to call them.
extension Unmanaged where Instance: ExprNode {
    @inline(__always) func eval(_ f: Frame) throws -> Value { try _withUnsafeGuaranteedRef { try $0.eval(f) } }
    @inline(__always) func evalR(_ f: Frame) throws -> Value? { try _withUnsafeGuaranteedRef { try $0.evalR(f) } }
    @inline(__always) func evalCondition(_ f: Frame) throws -> Bool { try _withUnsafeGuaranteedRef { try $0.evalCondition(f) } }
}

extension Unmanaged where Instance: TargetNode {
    @inline(__always) func assign(_ value: Value, _ f: Frame) throws { try _withUnsafeGuaranteedRef { try $0.assign(value, f) } }
}

/// A loop's target, borrowed: a plain local (the common `for x in ...`) is stored straight
/// into its slot without a node call.
struct TargetRef {
    private let ref: Unmanaged<TargetNode>
    private let localSlot: Int
    init(_ target: TargetNode) {
        ref = borrow(target)
        localSlot = (target as? LocalTarget)?.slot ?? -1
    }
    @inline(__always) func assign(_ value: Value, _ f: Frame) throws {
        if localSlot >= 0 { f.store(value, at: localSlot) } else { try ref.assign(value, f) }
    }
}

extension Unmanaged where Instance: StmtNode {
    @inline(__always) func exec(_ f: Frame) throws -> Flow { try _withUnsafeGuaranteedRef { try $0.exec(f) } }

    /// Runs a statement of a block on a suspension path: the frame keeps its line (task
    /// reprs) and an exception gets the statement's traceback entry.
    @inline(__always) func execTracked(_ f: Frame) throws -> Flow {
        try _withUnsafeGuaranteedRef { s -> Flow in
            f.currentLine = s.line
            do {
                return try s.exec(f)
            } catch let e as ScriptError {
                f.rt.recordTraceback(e.exception, f, line: s.line)
                throw e
            }
        }
    }
}

@inline(__always) func borrow<T: AnyObject>(_ node: T) -> Unmanaged<T> { Unmanaged.passUnretained(node) }

/// An operand of a hot node: read straight from its frame slot when it is a plain local
/// (no node call), otherwise evaluated through its borrowed node (which also raises the
/// error of an unbound local).
struct Operand {
    let slot: Int
    let ref: Unmanaged<ExprNode>
    /// Set when the operand is one int operation on locals or a local and an int literal
    /// (`i % 100`, `x * k`): `localInt` then computes it without a node call.
    private let arithmetic: LocalArithmetic?
    /// Set when the operand is `len(local)`: `localInt` then reads the length in place
    /// once the call site has seen that `len` is the built-in.
    private let lengthCall: Unmanaged<PositionalCallNode>?
    init(_ node: ExprNode) {
        slot = (node as? LocalLoad)?.slot ?? -1
        ref = borrow(node)
        arithmetic = LocalArithmetic(node)
        if let call = node as? PositionalCallNode, call.global?.name == "len", call.args.count == 1, call.args[0] is LocalLoad {
            lengthCall = borrow(call)
        } else {
            lengthCall = nil
        }
    }
    @inline(__always) func eval(_ f: Frame) throws -> Value {
        if let v = localValue(f) { return v }
        return try ref.eval(f)
    }

    /// The int in the operand's slot, or the int its local arithmetic or `len` computes,
    /// read without making a `Value` (whose copy and destruction the int fast paths would
    /// otherwise pay for); nil for anything else, which the caller then evaluates with `eval`.
    @inline(__always) func localInt(_ f: Frame) -> Int? {
        if slot >= 0 {
            if case .int(let x)? = f.slots[slot] { return x }
            return nil
        }
        if let arithmetic { return arithmetic.value(f) }
        return lengthCall?._withUnsafeGuaranteedRef { $0.lengthOfLocal(f) }
    }

    /// Whether the operand is a plain local, whose read has no side effects.
    @inline(__always) var isLocal: Bool { slot >= 0 }

    /// The list in the operand's slot; nil for anything else.
    @inline(__always) func localList(_ f: Frame) -> PyList? {
        guard slot >= 0, case .object(let o)? = f.slots[slot],
              ObjectIdentifier(type(of: o)) == ObjectIdentifier(PyList.self) else { return nil }
        return unsafeDowncast(o, to: PyList.self)
    }

    /// The value in the operand's slot; nil when it is not a plain local or is unbound.
    @inline(__always) func localValue(_ f: Frame) -> Value? {
        guard slot >= 0 else { return nil }
        // An int needs no reference counting: test for one before the general copy.
        if case .int(let x)? = f.slots[slot] { return .int(x) }
        return f.slots[slot]
    }

    /// The length of the list, tuple, str or dict in the operand's slot, read in place
    /// (no reference counting); nil for anything else, which takes the general path.
    @inline(__always) func localLength(_ f: Frame) -> Int? {
        guard slot >= 0, case .object(let o)? = f.slots[slot] else { return nil }
        let cls = ObjectIdentifier(type(of: o))
        if cls == ObjectIdentifier(PyList.self) { return unsafeDowncast(o, to: PyList.self).items.count }
        if cls == ObjectIdentifier(PyTuple.self) { return unsafeDowncast(o, to: PyTuple.self).items.count }
        if cls == ObjectIdentifier(PyStr.self) { return unsafeDowncast(o, to: PyStr.self).count }
        if cls == ObjectIdentifier(PyDict.self) { return unsafeDowncast(o, to: PyDict.self).table.count }
        return nil
    }
}

/// `a op b` or `a op k` on locals `a`, `b` and an int literal `k`, computed on the ints
/// in the slots. Nil whenever an operand is not an int or the result would not stay a
/// machine int: the caller then evaluates the node the ordinary way, which is safe to do
/// after this because reading locals has no side effects.
struct LocalArithmetic {
    let op: BinaryOperator
    let leftSlot: Int
    /// The right operand's slot, or -1 for the literal `constant`.
    let rightSlot: Int
    let constant: Int

    init?(_ node: ExprNode) {
        if let b = node as? BinaryNode, let l = b.left as? LocalLoad, let r = b.right as? LocalLoad {
            (op, leftSlot, rightSlot, constant) = (b.op, l.slot, r.slot, 0)
        } else if let b = node as? BinaryIntConstNode, let l = b.left as? LocalLoad {
            (op, leftSlot, rightSlot, constant) = (b.op, l.slot, -1, b.constant)
        } else {
            return nil
        }
    }

    @inline(__always) func value(_ f: Frame) -> Int? {
        guard case .int(let x)? = f.slots[leftSlot] else { return nil }
        if rightSlot < 0 { return intResult(op, x, constant) }
        guard case .int(let y)? = f.slots[rightSlot] else { return nil }
        return intResult(op, x, y)
    }
}

extension Frame {
    /// The truth of a test's value; a bool answers without a call.
    @inline(__always) func truth(of v: Value) throws -> Bool {
        if case .bool(let b) = v { return b }
        return try withRuntime { try $0.truthy(v) }
    }

    /// The truth of an `if`/`while` test; what the test dropped (a coroutine never awaited)
    /// is then reported at the statement's line, where CPython reports it.
    @inline(__always) func statementTest(_ test: Unmanaged<ExprNode>, line: Int32) throws -> Bool {
        let isTrue = try test.evalCondition(self)
        if rt.hasPendingFinalizers { rt.runPendingFinalizers(at: self, line: line) }
        return isTrue
    }

    /// Stores `value` in slot `slot`. An int replacing an int (a loop counter, an
    /// accumulator) is written without the general copy and destroy.
    @inline(__always) func store(_ value: Value, at slot: Int) {
        let p = slots + slot
        if case .int(let n) = value, case .int? = p.pointee {
            // The old int needs no destruction: overwrite it as raw memory.
            p.initialize(to: .int(n))
            return
        }
        p.pointee = value
    }
}

/// A part of a multi-line statement that starts on a later line than the statement (an
/// argument on its own line, an element of a list display): an exception out of it gets
/// that line in the frame's traceback entry, as CPython reports the line of the failing
/// instruction. Only such parts are wrapped, so single-line statements pay nothing.
final class LineMarkNode: ExprNode {
    let inner: ExprNode
    private let innerRef: Unmanaged<ExprNode>
    private let innerIsResumable: Bool
    init(_ inner: ExprNode, line: Int32) {
        self.inner = inner
        innerRef = Unmanaged.passUnretained(inner)
        innerIsResumable = inner.isResumable
        super.init(line: line)
    }

    /// Whether a node is worth marking: names and constants are not (the compiler also
    /// recognises them by class, which a wrapper would hide).
    static func marks(_ node: ExprNode) -> Bool {
        !(node is ConstNode || node is LocalLoad || node is GlobalLoad || node is LineMarkNode)
    }

    override var isResumable: Bool { innerIsResumable }

    override func eval(_ f: Frame) throws -> Value {
        do { return try innerRef.eval(f) } catch let e as ScriptError { mark(e.exception, f); throw e }
    }
    override func evalR(_ f: Frame) throws -> Value? {
        do { return try innerRef.evalR(f) } catch let e as ScriptError { mark(e.exception, f); throw e }
    }
    override func evalCondition(_ f: Frame) throws -> Bool {
        do { return try innerRef.evalCondition(f) } catch let e as ScriptError { mark(e.exception, f); throw e }
    }

    /// The innermost mark in this frame activation wins.
    private func mark(_ e: PyException, _ f: Frame) {
        guard e.pendingLineActivation != f.activation, e.recordedActivation != f.activation else { return }
        e.pendingLine = line
        e.pendingLineActivation = f.activation
    }
}

/// An assignment target (name, attribute, subscript, unpacking pattern).
class TargetNode {
    let line: Int32
    init(line: Int32) { self.line = line }
    func assign(_ value: Value, _ f: Frame) throws {}
    func delete(_ f: Frame) throws {}
}

/// A statement sequence. Records the line of the failing statement in a traceback entry
/// for this frame as an exception passes out of it.
final class Block: StmtNode {
    let stmts: [StmtNode]
    /// The same statements, borrowed: the block owns them for as long as it runs, so
    /// executing one needs no reference counting.
    private let refs: [Unmanaged<StmtNode>]
    init(_ stmts: [StmtNode], line: Int32) {
        self.stmts = stmts
        self.refs = stmts.map { Unmanaged.passUnretained($0) }
        super.init(line: line)
    }

    override func exec(_ f: Frame) throws -> Flow {
        var i = 0
        let n = refs.count
        while i < n {
            let r = try refs[i]._withUnsafeGuaranteedRef { s -> Flow in
                do {
                    return try s.exec(f)
                } catch let e as ScriptError {
                    f.rt.recordTraceback(e.exception, f, line: s.line)
                    throw e
                }
            }
            if f.rt.hasPendingFinalizers { f.rt.runPendingFinalizers(at: f, line: refs[i]._withUnsafeGuaranteedRef { $0.line }) }
            if r != .normal { return r }
            i += 1
        }
        return .normal
    }
}

/// A statement sequence on a suspension path: it remembers which statement suspended.
final class ResumableBlock: StmtNode {
    let stmts: [StmtNode]
    /// Borrowed statements, as in `Block`.
    private let refs: [Unmanaged<StmtNode>]
    init(_ stmts: [StmtNode], line: Int32) {
        self.stmts = stmts
        self.refs = stmts.map { Unmanaged.passUnretained($0) }
        super.init(line: line)
    }

    override func exec(_ f: Frame) throws -> Flow {
        var i = f.resuming ? f.popInt() : 0
        while i < refs.count {
            let r = try refs[i].execTracked(f)
            if r != .normal {
                if r == .suspended { f.pushInt(i) }
                return r
            }
            if f.rt.hasPendingFinalizers { f.rt.runPendingFinalizers(at: f, line: refs[i]._withUnsafeGuaranteedRef { $0.line }) }
            i += 1
        }
        return .normal
    }
}

/// A one-statement block on a suspension path (a loop body such as `yield x`): what
/// `ResumableBlock` does minus the statement index, which it never needs to save.
final class ResumableSingle: StmtNode {
    let stmt: StmtNode
    private let ref: Unmanaged<StmtNode>
    init(_ stmt: StmtNode, line: Int32) {
        self.stmt = stmt
        ref = Unmanaged.passUnretained(stmt)
        super.init(line: line)
    }

    override func exec(_ f: Frame) throws -> Flow {
        try ResumableSingle.run(ref, f)
    }

    @inline(__always) static func run(_ stmt: Unmanaged<StmtNode>, _ f: Frame) throws -> Flow {
        let r = try stmt.execTracked(f)
        if r != .suspended, f.rt.hasPendingFinalizers {
            f.rt.runPendingFinalizers(at: f, line: stmt._withUnsafeGuaranteedRef { $0.line })
        }
        return r
    }
}

/// The body of a loop or branch, borrowed. A one-statement body on a suspension path is
/// run straight from the loop with `ResumableSingle`'s bookkeeping inlined: one node call
/// fewer per iteration (the owner keeps the `ResumableSingle`, and so the statement, alive).
struct BodyRef {
    private let ref: Unmanaged<StmtNode>
    private let isSingle: Bool
    init(_ body: StmtNode) {
        if let single = body as? ResumableSingle {
            ref = borrow(single.stmt)
            isSingle = true
        } else {
            ref = borrow(body)
            isSingle = false
        }
    }
    @inline(__always) func exec(_ f: Frame) throws -> Flow {
        isSingle ? try ResumableSingle.run(ref, f) : try ref.exec(f)
    }
}
