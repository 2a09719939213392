// Plain (non-suspending) statement nodes: expression statements, assignments, control
// flow, exception handling, `with`, function and class definitions, imports.

final class ExprStmt: StmtNode {
    let expr: ExprNode
    private let exprRef: Unmanaged<ExprNode>
    init(_ expr: ExprNode, line: Int32) {
        self.expr = expr
        self.exprRef = borrow(expr)
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        let v = try exprRef.eval(f)
        if case .object(let o) = v, let g = o as? PyGenerator { f.rt.noteDiscarded(g, f, line: line) }
        return .normal
    }
}

final class AssignStmt: StmtNode {
    let targets: [TargetNode]
    let value: ExprNode
    init(_ targets: [TargetNode], _ value: ExprNode, line: Int32) {
        self.targets = targets
        self.value = value
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        let v = try value.eval(f)
        for t in targets { try t.assign(v, f) }
        return .normal
    }
}

/// `x = value` for a plain local.
final class LocalAssignStmt: StmtNode {
    let slot: Int
    let value: ExprNode
    private let valueRef: Unmanaged<ExprNode>
    init(slot: Int, _ value: ExprNode, line: Int32) {
        self.slot = slot
        self.value = value
        self.valueRef = borrow(value)
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        f.store(try valueRef.eval(f), at: slot)
        return .normal
    }
}

/// `target op= value`: the target's parts are evaluated once.
/// An attribute that a statement both reads and writes (`obj.x += 1`), with a lookup
/// cache for each direction.
final class AttributeSite {
    let name: PyStr
    var loadCache = AttributeCache()
    var storeCache = AttributeCache()
    init(_ name: PyStr) { self.name = name }
}

final class AugAssignStmt: StmtNode {
    enum Kind {
        case name(load: ExprNode, store: TargetNode)
        case attribute(ExprNode, AttributeSite)
        case `subscript`(ExprNode, ExprNode)
    }
    let kind: Kind
    let op: SwirlBinaryOp
    let value: ExprNode
    /// Borrowed parts of the common `name op= value` (no reference counting per run).
    private let nameLoad: Unmanaged<ExprNode>?
    private let nameStore: Unmanaged<TargetNode>?
    private let valueRef: Unmanaged<ExprNode>
    /// For `n op= v` on a plain local (`count += 1`, `total += x`): its slot (else -1), and
    /// the value as an operand or an int literal, so that ints are combined in place.
    private let localSlot: Int
    private let valueOperand: Operand
    private let valueLiteral: Int?
    init(_ kind: Kind, _ op: SwirlBinaryOp, _ value: ExprNode, line: Int32) {
        self.kind = kind
        self.op = op
        self.value = value
        if case .name(let load, let store) = kind {
            nameLoad = borrow(load)
            nameStore = borrow(store)
        } else {
            nameLoad = nil
            nameStore = nil
        }
        valueRef = borrow(value)
        if case .name(let load as LocalLoad, let store as LocalTarget) = kind, load.slot == store.slot {
            localSlot = load.slot
        } else {
            localSlot = -1
        }
        valueOperand = Operand(value)
        if let c = value as? ConstNode, case .int(let n) = c.value { valueLiteral = n } else { valueLiteral = nil }
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        if localSlot >= 0, case .int(let a)? = f.slots[localSlot],
           let b = valueLiteral ?? valueOperand.localInt(f), let r = intResult(op, a, b) {
            f.store(.int(r), at: localSlot)
            return .normal
        }
        return try f.withRuntime { try run(f, $0) }
    }

    private func run(_ f: Frame, _ rt: Runtime) throws -> Flow {
        if let load = nameLoad, let store = nameStore {
            let old = try load.eval(f)
            let v = try valueRef.eval(f)
            if case .int(let a) = old, case .int(let b) = v, let r = intResult(op, a, b) {
                try store.assign(.int(r), f)
                return .normal
            } else if case .float(let a) = old, case .float(let b) = v {
                switch op {
                case .add: try store.assign(.float(a + b), f); return .normal
                case .sub: try store.assign(.float(a - b), f); return .normal
                case .mul: try store.assign(.float(a * b), f); return .normal
                default: break
                }
            }
            try store.assign(try rt.inplace(op, old, v), f)
            return .normal
        }
        switch kind {
        case .name: break
        case .attribute(let objExpr, let site):
            let obj = try objExpr.eval(f)
            let old = try rt.loadAttribute(obj, site.name, &site.loadCache)
            let v = try value.eval(f)
            let result: Value
            if case .int(let a) = old, case .int(let b) = v, let r = intResult(op, a, b) {
                result = .int(r)
            } else {
                result = try rt.inplace(op, old, v)
            }
            try rt.storeAttribute(obj, site.name, result, &site.storeCache)
        case .subscript(let objExpr, let indexExpr):
            let obj = try objExpr.eval(f)
            let index = try indexExpr.eval(f)
            if case .object(let o) = obj, let l = o as? PyList, case .int(let n) = index {
                let j = n < 0 ? n + l.items.count : n
                if j >= 0 && j < l.items.count {
                    let old = l.items[j]
                    let v = try value.eval(f)
                    let result: Value
                    if case .float(let a) = old, case .float(let b) = v, op == .add || op == .sub {
                        result = .float(op == .add ? a + b : a - b)
                    } else if case .int(let a) = old, case .int(let b) = v, let r = intResult(op, a, b) {
                        result = .int(r)
                    } else {
                        result = try rt.inplace(op, old, v)
                    }
                    // The list may have changed size while the value was computed.
                    if j < l.items.count { l.items[j] = result } else { try rt.setItem(obj, index, result) }
                    return .normal
                }
            }
            let old = try rt.getItem(obj, index)
            let v = try value.eval(f)
            try rt.setItem(obj, index, try rt.inplace(op, old, v))
        }
        return .normal
    }
}

final class ReturnStmt: StmtNode {
    let value: ExprNode?
    private let valueRef: Unmanaged<ExprNode>?
    init(_ value: ExprNode?, line: Int32) {
        self.value = value
        self.valueRef = value.map(borrow)
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        f.returnValue = try valueRef?.eval(f) ?? .none
        return .returned
    }
}

final class PassStmt: StmtNode {}

final class BreakStmt: StmtNode {
    override func exec(_ f: Frame) throws -> Flow { .breakLoop }
}

final class ContinueStmt: StmtNode {
    override func exec(_ f: Frame) throws -> Flow { .continueLoop }
}

final class IfStmt: StmtNode {
    let test: ExprNode
    let body: StmtNode
    let orElse: StmtNode?
    private let testRef: Unmanaged<ExprNode>
    private let bodyRef: Unmanaged<StmtNode>
    private let orElseRef: Unmanaged<StmtNode>?
    init(_ test: ExprNode, _ body: StmtNode, _ orElse: StmtNode?, line: Int32) {
        self.test = test
        self.body = body
        self.orElse = orElse
        testRef = borrow(test)
        bodyRef = borrow(body)
        orElseRef = orElse.map(borrow)
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        if try f.statementTest(testRef, line: line) { return try bodyRef.exec(f) }
        return try orElseRef?.exec(f) ?? .normal
    }
}

final class WhileStmt: StmtNode {
    let test: ExprNode
    let body: StmtNode
    let orElse: StmtNode?
    private let testRef: Unmanaged<ExprNode>
    private let bodyRef: Unmanaged<StmtNode>
    init(_ test: ExprNode, _ body: StmtNode, _ orElse: StmtNode?, line: Int32) {
        self.test = test
        self.body = body
        self.orElse = orElse
        testRef = borrow(test)
        bodyRef = borrow(body)
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        try f.withRuntime { try run(f, $0) }
    }

    private func run(_ f: Frame, _ rt: Runtime) throws -> Flow {
        while true {
            if try !f.statementTest(testRef, line: line) { break }
            try rt.checkInterrupt()
            let r = try bodyRef.exec(f)
            switch r {
            case .normal, .continueLoop: continue
            case .breakLoop: return .normal
            default: return r
            }
        }
        return try orElse?.exec(f) ?? .normal
    }
}

final class ForStmt: StmtNode {
    let target: TargetNode
    let iter: ExprNode
    let body: StmtNode
    let orElse: StmtNode?
    private let bodyRef: Unmanaged<StmtNode>
    private let targetRef: TargetRef
    init(_ target: TargetNode, _ iter: ExprNode, _ body: StmtNode, _ orElse: StmtNode?, line: Int32) {
        self.target = target
        self.iter = iter
        self.body = body
        self.orElse = orElse
        bodyRef = borrow(body)
        targetRef = TargetRef(target)
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        try f.withRuntime { try run(f, $0) }
    }

    private func run(_ f: Frame, _ rt: Runtime) throws -> Flow {
        let source = try iter.eval(f)
        if case .object(let o) = source, let r = o as? PyRange {
            var v = r.start
            var n = r.count
            while n > 0 {
                try rt.checkInterrupt()
                try targetRef.assign(.int(v), f)
                let flow = try bodyRef.exec(f)
                switch flow {
                case .normal, .continueLoop: break
                case .breakLoop: return .normal
                default: return flow
                }
                v &+= r.step
                n -= 1
            }
            return try orElse?.exec(f) ?? .normal
        }
        let it = try rt.iterate(source)
        while let x = try it.next(rt) {
            try rt.checkInterrupt()
            try targetRef.assign(x, f)
            let flow = try bodyRef.exec(f)
            switch flow {
            case .normal, .continueLoop: continue
            case .breakLoop: return .normal
            default: return flow
            }
        }
        return try orElse?.exec(f) ?? .normal
    }
}

final class DeleteStmt: StmtNode {
    let targets: [TargetNode]
    init(_ targets: [TargetNode], line: Int32) {
        self.targets = targets
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        for t in targets { try t.delete(f) }
        return .normal
    }
}

/// Releases the hidden slots a spilled statement used (see `Compiler.spilling`).
final class ClearSlotsStmt: StmtNode {
    let slots: Range<Int>
    init(_ slots: Range<Int>, line: Int32) {
        self.slots = slots
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        for i in slots { f.slots[i] = nil }
        return .normal
    }
}

final class AssertStmt: StmtNode {
    let test: ExprNode
    let message: ExprNode?
    init(_ test: ExprNode, _ message: ExprNode?, line: Int32) {
        self.test = test
        self.message = message
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        if try !f.withRuntime({ try $0.truthy(try test.eval(f)) }) {
            let args = try message.map { [try $0.eval(f)] } ?? []
            throw ScriptError(PyException(Types.assertionError, args: args))
        }
        return .normal
    }
}

final class RaiseStmt: StmtNode {
    let exception: ExprNode?
    let cause: ExprNode?
    init(_ exception: ExprNode?, _ cause: ExprNode?, line: Int32) {
        self.exception = exception
        self.cause = cause
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        let rt = f.rt
        guard let exception else {
            guard let current = rt.handledExceptions.last else {
                throw runtimeError("No active exception to reraise")
            }
            throw ScriptError(current)
        }
        let e = try rt.makeException(try exception.eval(f))
        // `raise e` of an exception that already went through this frame adds the raise
        // line in front of its old entries, as CPython does (a bare `raise` does not).
        e.recordedActivation = Int.min
        if let cause {
            let c = try cause.eval(f)
            if c.isNone {
                e.cause = nil
            } else {
                e.cause = try rt.makeException(c, forCause: true)
            }
            e.suppressContext = true
        }
        if let handled = rt.handledExceptions.last { rt.setContext(e, handled) }
        throw ScriptError(e)
    }
}

/// One `except` clause.
struct ExceptClause {
    let type: ExprNode?
    let target: TargetNode?
    let body: StmtNode
}

final class TryStmt: StmtNode {
    let body: StmtNode
    let handlers: [ExceptClause]
    let orElse: StmtNode?
    let finally: StmtNode?
    init(body: StmtNode, handlers: [ExceptClause], orElse: StmtNode?, finally: StmtNode?, line: Int32) {
        self.body = body
        self.handlers = handlers
        self.orElse = orElse
        self.finally = finally
        super.init(line: line)
    }

    override func exec(_ f: Frame) throws -> Flow {
        guard let finally else { return try execHandlers(f) }
        let flow: Flow
        do {
            flow = try execHandlers(f)
        } catch let e as ScriptError {
            f.rt.finalizeDroppedDuringUnwinding(e.exception, f)
            let saved = f.returnValue
            f.rt.handledExceptions.append(e.exception)
            let ff: Flow
            do {
                ff = try finally.exec(f)
            } catch let inner as ScriptError {
                f.rt.handledExceptions.removeLast()
                f.rt.chain(inner.exception, context: e.exception)
                throw inner
            }
            f.rt.handledExceptions.removeLast()
            if ff != .normal { return ff }
            f.returnValue = saved
            throw e
        }
        let saved = f.returnValue
        let ff = try finally.exec(f)
        if ff != .normal { return ff }
        f.returnValue = saved
        return flow
    }

    private func execHandlers(_ f: Frame) throws -> Flow {
        do {
            let r = try body.exec(f)
            if r != .normal { return r }
        } catch let e as ScriptError {
            if handlers.isEmpty { throw e }
            f.rt.finalizeDroppedDuringUnwinding(e.exception, f)
            let exc = e.exception
            f.rt.chainToHandled(exc)
            for h in handlers {
                if try f.rt.exceptionMatches(exc, h.type, f) {
                    return try TryStmt.runHandler(h, exc, f)
                }
            }
            throw e
        }
        return try orElse?.exec(f) ?? .normal
    }

    static func runHandler(_ h: ExceptClause, _ exc: PyException, _ f: Frame) throws -> Flow {
        let rt = f.rt
        try h.target?.assign(.object(exc), f)
        rt.handledExceptions.append(exc)
        defer {
            rt.handledExceptions.removeLast()
            if let t = h.target { try? t.delete(f) }
        }
        do {
            return try h.body.exec(f)
        } catch let inner as ScriptError {
            rt.chain(inner.exception, context: exc)
            throw inner
        }
    }
}

final class WithStmt: StmtNode {
    let context: ExprNode
    let target: TargetNode?
    let body: StmtNode
    init(context: ExprNode, target: TargetNode?, body: StmtNode, line: Int32) {
        self.context = context
        self.target = target
        self.body = body
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        let rt = f.rt
        let manager = try context.eval(f)
        let (enter, exit) = try rt.contextMethods(manager, async: false)
        let value = try rt.callMethod(enter, self: manager, [])
        let flow: Flow
        do {
            try target?.assign(value, f)
            flow = try body.exec(f)
        } catch let e as ScriptError {
            let exc = e.exception
            rt.handledExceptions.append(exc)
            defer { rt.handledExceptions.removeLast() }
            let suppress: Value
            do {
                suppress = try rt.callMethod(exit, self: manager, [.object(exc.cls), .object(exc), exc.tracebackValue])
            } catch let inner as ScriptError {
                rt.chain(inner.exception, context: exc)
                throw inner
            }
            if try rt.truthy(suppress) { return .normal }
            throw e
        }
        _ = try rt.callMethod(exit, self: manager, [.none, .none, .none])
        return flow
    }
}

/// `def` / `class` / `import` and friends bind a computed value to a target.
final class BindStmt: StmtNode {
    let value: ExprNode
    let target: TargetNode
    init(_ value: ExprNode, _ target: TargetNode, line: Int32) {
        self.value = value
        self.target = target
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        try target.assign(try value.eval(f), f)
        return .normal
    }
}

extension Runtime {
    /// The exception of `gen.throw(typ[, val[, tb]])` / `agen.athrow(...)` (the generator
    /// is positional 0): an instance as given; a class called with `val` (or with the
    /// items of a tuple `val`), unless `val` already is an instance of it.
    func thrownException(_ a: Arguments) throws -> PyException {
        let typ = a.positional[1]
        let val = a.positional.count > 2 ? a.positional[2] : Value.none
        guard case .object(let o) = typ, let cls = o as? PyType else {
            if !val.isNone { throw typeError("instance exception may not have a separate value") }
            return try makeException(typ)
        }
        if case .object(let vo) = val, let e = vo as? PyException, e.cls.isSubtype(of: cls) { return e }
        if !cls.isSubtype(of: Types.baseException) {
            throw typeError("exceptions must be classes or instances deriving from BaseException, not type")
        }
        let args: [Value]
        if val.isNone { args = [] } else if case .object(let vo) = val, let t = vo as? PyTuple { args = t.items } else { args = [val] }
        return try makeException(try call(typ, Arguments(args)))
    }

    /// Turns the operand of `raise` into an exception instance.
    func makeException(_ v: Value, forCause: Bool = false) throws -> PyException {
        if case .object(let o) = v {
            if let e = o as? PyException { return e }
            if let cls = o as? PyType, cls.isSubtype(of: Types.baseException) {
                let inst = try call(v, Arguments())
                if case .object(let io) = inst, let e = io as? PyException { return e }
                throw typeError("calling \(try repr(v)) should have returned an instance of BaseException, not \(typeName(inst))")
            }
        }
        if forCause { throw typeError("exception causes must derive from BaseException") }
        throw typeError("exceptions must derive from BaseException")
    }

    /// `raise e` while `handled` is being handled: `e.__context__ = handled` (no cycles).
    func setContext(_ e: PyException, _ handled: PyException) {
        if e === handled { return }
        // As CPython does: a cycle through the context chain is broken on the handled side
        // (re-raising the original error after its cleanup failed chains the cleanup's
        // error to it, not the other way round). The step bound stops at an existing loop.
        var o = handled
        var steps = 0
        while let next = o.context, steps < 100_000 {
            if next === e {
                o.context = nil
                break
            }
            o = next
            steps += 1
        }
        e.context = handled
    }

    /// An exception caught by a `try` inside an `except` (or `finally`) block was raised
    /// while that block's exception was being handled: CPython sets `__context__` when it
    /// raises, Swirl when it is caught here or leaves the handler (see `runHandler`).
    @inline(__always) func chainToHandled(_ e: PyException) {
        if e.context == nil, let handled = handledExceptions.last { chain(e, context: handled) }
    }

    /// Sets `__context__` on an exception raised while `context` was being handled.
    func chain(_ e: PyException, context: PyException) {
        if e === context || e.context != nil { return }
        // Avoid cycles.
        var c: PyException? = context
        while let x = c {
            if x === e { return }
            c = x.context
        }
        e.context = context
    }

    func exceptionMatches(_ e: PyException, _ typeExpr: ExprNode?, _ f: Frame) throws -> Bool {
        guard let typeExpr else { return true }
        return try exceptionMatches(e, try typeExpr.eval(f))
    }

    func exceptionMatches(_ e: PyException, _ spec: Value) throws -> Bool {
        if case .object(let o) = spec {
            if let cls = o as? PyType {
                if !cls.isSubtype(of: Types.baseException) {
                    throw typeError("catching classes that do not inherit from BaseException is not allowed")
                }
                return e.cls.isSubtype(of: cls)
            }
            if let t = o as? PyTuple {
                for item in t.items where try exceptionMatches(e, item) { return true }
                return false
            }
        }
        throw typeError("catching classes that do not inherit from BaseException is not allowed")
    }

    func contextMethods(_ manager: Value, async: Bool) throws -> (Value, Value) {
        let t = typeOf(manager)
        let (en, ex) = async ? ("__aenter__", "__aexit__") : ("__enter__", "__exit__")
        guard let enter = t.lookup(en) else {
            throw typeError("'\(t.name)' object does not support the \(async ? "asynchronous " : "")context manager protocol")
        }
        guard let exit = t.lookup(ex) else {
            throw typeError("'\(t.name)' object does not support the \(async ? "asynchronous " : "")context manager protocol (missed \(ex) method)")
        }
        return (enter, exit)
    }
}

/// The annotation half of `name: T` (or `name: T = v`) in a class body or at module level:
/// `__annotations__[name] = T`, creating the dict on first use.
final class AnnotateStmt: StmtNode {
    let name: String
    let annotation: ExprNode
    /// The module's globals at module level; nil in a class body (the class namespace).
    let globals: Globals?
    init(name: String, annotation: ExprNode, globals: Globals?, line: Int32) {
        self.name = name
        self.annotation = annotation
        self.globals = globals
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        let value = try annotation.eval(f)
        let existing: Value?
        if let globals { existing = globals["__annotations__"] } else { existing = f.namespace?.dict["__annotations__"] }
        let annotations: PyDict
        if case .object(let o)? = existing, let d = o as? PyDict {
            annotations = d
        } else {
            annotations = PyDict()
            if let globals { globals["__annotations__"] = .object(annotations) } else { f.namespace?.dict["__annotations__"] = .object(annotations) }
        }
        try f.rt.dictSet(annotations, Value(name), value)
        return .normal
    }
}
