// Resumable nodes: the expressions and statements on a path from a function body to a
// `yield` or `await`. When the frame suspends, each node on the path pushes what it needs
// onto `Frame.saved` (innermost first) and returns nil / `.suspended`; on resume the frame
// re-enters from the top with `Frame.resuming` set and each node pops its state (outermost
// first) and continues exactly where it stopped. Swift-level state (loops, `do/catch`) is
// rebuilt on re-entry, so `try`/`finally` and loops behave across suspensions.

// MARK: suspension points

extension Frame {
    /// When resuming at a delegation point (`await` / `yield from`), pops the iterator it
    /// was driving and takes what the frame was resumed with; nil when not resuming there.
    func takeDelegate() -> (ResumableObject, Value, PyException?)? {
        guard resuming else { return nil }
        guard popInt() == 1, case .object(let o) = pop() else { return nil }
        // What `delegate(to:)` pushed at the suspension (the resume stack is LIFO).
        let it = unsafeDowncast(o, to: ResumableObject.self)
        resuming = false
        let (send, thrown) = takeResumeInput()
        return (it, send, thrown)
    }

    /// Suspends at a `yield`, handing out `value`.
    @inline(__always) func suspendAtYield(_ value: Value, isAsyncGenerator: Bool) {
        returnValue = value
        yieldIsAsyncGenValue = isAsyncGenerator
    }

    /// Resumes at a `yield`: what it evaluates to (the value sent in), or the exception
    /// thrown in, raised there.
    @inline(__always) func resumeAtYield() throws -> Value {
        resuming = false
        let (v, thrown) = takeResumeInput()
        if let e = thrown { throw ScriptError(e) }
        return v
    }

    /// Drives `iterator` one step: its return value, or nil after saving it and passing its
    /// yielded value up (the frame suspends).
    func delegate(to iterator: ResumableObject, send: Value, throwing thrown: PyException?) throws -> Value? {
        switch try withRuntime({ try iterator.resume($0, send: send, throwing: thrown) }) {
        case .returned(let r):
            return r
        case .yielded(let y):
            returnValue = y
            push(.object(iterator))
            pushInt(1)
            return nil
        }
    }
}

final class AwaitNode: ExprNode {
    let operand: ExprNode
    init(_ operand: ExprNode, line: Int32) {
        self.operand = operand
        super.init(line: line)
    }
    override var isResumable: Bool { true }

    override func evalR(_ f: Frame) throws -> Value? {
        if let (iterator, send, thrown) = f.takeDelegate() {
            return try f.delegate(to: iterator, send: send, throwing: thrown)
        }
        guard let v = try operand.evalR(f) else {
            f.pushInt(0)
            return nil
        }
        return try f.delegate(to: try f.withRuntime({ try $0.awaitIterator(v) }), send: .none, throwing: nil)
    }
}

/// `yield value`: suspends the generator, handing `value` out; evaluates to what `send`
/// passes in (or raises what `throw` passes in).
final class YieldNode: ExprNode {
    let operand: ExprNode?
    let isAsyncGenerator: Bool
    private let operandRef: Unmanaged<ExprNode>?
    init(_ operand: ExprNode?, isAsyncGenerator: Bool, line: Int32) {
        self.operand = operand
        self.isAsyncGenerator = isAsyncGenerator
        operandRef = operand.map { borrow($0) }
        super.init(line: line)
    }
    override var isResumable: Bool { true }

    override func evalR(_ f: Frame) throws -> Value? {
        if f.resuming {
            if f.popInt() == 1 { return try f.resumeAtYield() }
        }
        let v: Value
        if let operandRef {
            guard let x = try operandRef.evalR(f) else {
                f.pushInt(0)
                return nil
            }
            v = x
        } else {
            v = .none
        }
        f.suspendAtYield(v, isAsyncGenerator: isAsyncGenerator)
        f.pushInt(1)
        return nil
    }
}

/// `yield value` as a statement, with a value that cannot suspend itself (the common
/// generator loop body): one node instead of an expression statement around a `YieldNode`,
/// and nothing to save, since resuming down to it can only mean resuming at the yield.
final class YieldStmt: StmtNode {
    let node: YieldNode
    private let operand: Operand?
    init(_ node: YieldNode, line: Int32) {
        self.node = node
        operand = node.operand.map(Operand.init)
        super.init(line: line)
    }

    override func exec(_ f: Frame) throws -> Flow {
        if f.resuming {
            let v = try f.resumeAtYield()
            if case .object(let o) = v, let g = o as? PyGenerator { f.rt.noteDiscarded(g, f, line: line) }
            return .normal
        }
        // An int item (a counter, a computed value) is handed on without a `Value` copy to
        // destroy afterwards.
        if let x = operand?.localInt(f) { return yield(.int(x), f) }
        return yield(try operand?.eval(f) ?? .none, f)
    }

    @inline(__always) private func yield(_ value: Value, _ f: Frame) -> Flow {
        // An `async for` lent its body to this generator: run it here on the value.
        if f.sinkIndex != 0 && f.withRuntime({ $0.yieldToSink(value, from: f) }) { return .normal }
        f.suspendAtYield(value, isAsyncGenerator: node.isAsyncGenerator)
        return .suspended
    }
}

/// `yield from iterable`: delegates to a sub-iterator until it returns.
final class YieldFromNode: ExprNode {
    let operand: ExprNode
    init(_ operand: ExprNode, line: Int32) {
        self.operand = operand
        super.init(line: line)
    }
    override var isResumable: Bool { true }

    override func evalR(_ f: Frame) throws -> Value? {
        let rt = f.rt
        if let (iterator, send, thrown) = f.takeDelegate() {
            if let e = thrown, e.isInstance(of: Types.generatorExit) {
                try iterator.close(rt)
                throw ScriptError(e)
            }
            return try f.delegate(to: iterator, send: send, throwing: thrown)
        }
        guard let v = try operand.evalR(f) else {
            f.pushInt(0)
            return nil
        }
        let iterator: ResumableObject
        if case .object(let o) = v, let g = o as? PyGenerator, g.code.kind == .generator {
            iterator = g
        } else if case .object(let o) = v, o.type === Types.coroutine {
            throw typeError("cannot 'yield from' a coroutine object in a non-coroutine generator")
        } else if case .object(let o) = v, let fut = o as? PyFuture {
            // Future.__iter__ is its __await__: yields the future, returns its result.
            iterator = fut.awaitIterator()
        } else if case .object(let o) = v, let r = o as? ResumableObject, !(r is PyGenerator) {
            // A coroutine's __await__() wrapper, a future's iterator: driven directly, so
            // that the value it returns is what `yield from` evaluates to.
            iterator = r
        } else {
            iterator = IteratorDriver(.object(try rt.iterate(v)))
        }
        return try f.delegate(to: iterator, send: .none, throwing: nil)
    }
}

// MARK: expressions containing a suspension point

/// Evaluates its children in order (any of which may suspend), then combines them.
/// Serves calls, operators, attribute/subscript access, displays and f-strings.
final class SequenceR: ExprNode {
    let children: [ExprNode]
    let combine: ([Value], Frame) throws -> Value
    init(_ children: [ExprNode], line: Int32, combine: @escaping ([Value], Frame) throws -> Value) {
        self.children = children
        self.combine = combine
        super.init(line: line)
    }
    override var isResumable: Bool { true }

    override func evalR(_ f: Frame) throws -> Value? {
        var values: [Value] = []
        var i = 0
        if f.resuming {
            i = f.popInt()
            if case .object(let o) = f.pop(), let t = o as? PyTuple { values = t.items }
        }
        values.reserveCapacity(children.count)
        while i < children.count {
            guard let v = try children[i].evalR(f) else {
                f.push(.object(PyTuple(values)))
                f.pushInt(i)
                return nil
            }
            values.append(v)
            i += 1
        }
        return try combine(values, f)
    }
}

/// `a and b` / `a or b` with a suspending operand.
final class BoolOpR: ExprNode {
    let isAnd: Bool
    let operands: [ExprNode]
    init(isAnd: Bool, _ operands: [ExprNode], line: Int32) {
        self.isAnd = isAnd
        self.operands = operands
        super.init(line: line)
    }
    override var isResumable: Bool { true }
    override func evalR(_ f: Frame) throws -> Value? {
        var i = f.resuming ? f.popInt() : 0
        while i < operands.count {
            guard let v = try operands[i].evalR(f) else {
                f.pushInt(i)
                return nil
            }
            if i == operands.count - 1 { return v }
            if try f.rt.truthy(v) != isAnd { return v }
            i += 1
        }
        return Value.none
    }
}

/// `body if test else orElse` with a suspending part.
final class IfExpR: ExprNode {
    let test: ExprNode
    let body: ExprNode
    let orElse: ExprNode
    init(test: ExprNode, body: ExprNode, orElse: ExprNode, line: Int32) {
        self.test = test
        self.body = body
        self.orElse = orElse
        super.init(line: line)
    }
    override var isResumable: Bool { true }
    override func evalR(_ f: Frame) throws -> Value? {
        var phase = f.resuming ? f.popInt() : 0
        if phase == 0 {
            guard let t = try test.evalR(f) else {
                f.pushInt(0)
                return nil
            }
            phase = try f.rt.truthy(t) ? 1 : 2
        }
        guard let v = try (phase == 1 ? body : orElse).evalR(f) else {
            f.pushInt(phase)
            return nil
        }
        return v
    }
}

// MARK: statements containing a suspension point

final class ExprStmtR: StmtNode {
    let expr: ExprNode
    private let exprRef: Unmanaged<ExprNode>
    init(_ expr: ExprNode, line: Int32) {
        self.expr = expr
        exprRef = borrow(expr)
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        guard let v = try exprRef.evalR(f) else { return .suspended }
        if case .object(let o) = v, let g = o as? PyGenerator { f.rt.noteDiscarded(g, f, line: line) }
        return .normal
    }
}

final class AssignStmtR: StmtNode {
    let targets: [TargetNode]
    let value: ExprNode
    init(_ targets: [TargetNode], _ value: ExprNode, line: Int32) {
        self.targets = targets
        self.value = value
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        guard let v = try value.evalR(f) else { return .suspended }
        for t in targets { try t.assign(v, f) }
        return .normal
    }
}

/// `x op= await ...`: the target's current value is read first and kept across the
/// suspension.
final class AugAssignStmtR: StmtNode {
    let kind: AugAssignStmt.Kind
    let op: SwirlBinaryOp
    let value: ExprNode
    init(_ kind: AugAssignStmt.Kind, _ op: SwirlBinaryOp, _ value: ExprNode, line: Int32) {
        self.kind = kind
        self.op = op
        self.value = value
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        try f.withRuntime { try run(f, $0) }
    }

    private func run(_ f: Frame, _ rt: Runtime) throws -> Flow {
        // The target's parts (object, index) and current value, saved on the frame's resume
        // stack one by one across the suspension (popped in reverse).
        var object = Value.none
        var index = Value.none
        let old: Value
        if f.resuming {
            old = f.pop()
            switch kind {
            case .name: break
            case .attribute: object = f.pop()
            case .subscript:
                index = f.pop()
                object = f.pop()
            }
        } else {
            switch kind {
            case .name(let load, _): old = try load.eval(f)
            case .attribute(let e, let site):
                object = try e.eval(f)
                old = try rt.loadAttribute(object, site.name, &site.loadCache)
            case .subscript(let e, let i):
                object = try e.eval(f)
                index = try i.eval(f)
                old = try rt.getItem(object, index)
            }
        }
        guard let v = try value.evalR(f) else {
            switch kind {
            case .name: break
            case .attribute: f.push(object)
            case .subscript:
                f.push(object)
                f.push(index)
            }
            f.push(old)
            return .suspended
        }
        let result: Value
        if case .int(let a) = old, case .int(let b) = v, let r = intResult(op, a, b) {
            result = .int(r)
        } else {
            result = try rt.inplace(op, old, v)
        }
        switch kind {
        case .name(_, let store): try store.assign(result, f)
        case .attribute(_, let site): try rt.storeAttribute(object, site.name, result, &site.storeCache)
        case .subscript: try rt.setItem(object, index, result)
        }
        return .normal
    }
}

final class ReturnStmtR: StmtNode {
    let value: ExprNode
    init(_ value: ExprNode, line: Int32) {
        self.value = value
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        guard let v = try value.evalR(f) else { return .suspended }
        f.returnValue = v
        return .returned
    }
}

final class IfStmtR: StmtNode {
    let test: ExprNode
    let body: StmtNode
    let orElse: StmtNode?
    private let testRef: Unmanaged<ExprNode>
    private let bodyRef: BodyRef
    private let orElseRef: BodyRef?
    init(_ test: ExprNode, _ body: StmtNode, _ orElse: StmtNode?, line: Int32) {
        self.test = test
        self.body = body
        self.orElse = orElse
        testRef = borrow(test)
        bodyRef = BodyRef(body)
        orElseRef = orElse.map(BodyRef.init)
        testSuspends = test.isResumable
        super.init(line: line)
    }
    /// Only the body is on the suspension path: the test is a plain evaluation.
    private let testSuspends: Bool
    override func exec(_ f: Frame) throws -> Flow {
        var phase = f.resuming ? f.popInt() : 0
        if phase == 0 && !testSuspends {
            phase = try f.statementTest(testRef, line: line) ? 1 : 2
        } else if phase == 0 {
            guard let t = try testRef.evalR(f) else {
                f.pushInt(0)
                return .suspended
            }
            phase = try f.truth(of: t) ? 1 : 2
        }
        guard let branch = phase == 1 ? bodyRef : orElseRef else { return .normal }
        let r = try branch.exec(f)
        if r == .suspended { f.pushInt(phase) }
        return r
    }
}

final class WhileStmtR: StmtNode {
    let test: ExprNode
    let body: StmtNode
    let orElse: StmtNode?
    init(_ test: ExprNode, _ body: StmtNode, _ orElse: StmtNode?, line: Int32) {
        self.test = test
        self.body = body
        self.orElse = orElse
        testSuspends = test.isResumable
        bodyRef = BodyRef(body)
        super.init(line: line)
    }
    /// Whether the test itself is on the suspension path (else a plain evaluation).
    private let testSuspends: Bool
    private let bodyRef: BodyRef
    override func exec(_ f: Frame) throws -> Flow {
        try f.withRuntime { try run(f, $0) }
    }

    private func run(_ f: Frame, _ rt: Runtime) throws -> Flow {
        var phase = f.resuming ? f.popInt() : 0
        while true {
            if phase == 0 {
                if !testSuspends {
                    if try !f.statementTest(borrow(test), line: line) { phase = 2; break }
                } else {
                    guard let t = try test.evalR(f) else {
                        f.pushInt(0)
                        return .suspended
                    }
                    if try !f.truth(of: t) { phase = 2; break }
                }
                try rt.checkInterrupt()
            }
            phase = 0
            let r = try bodyRef.exec(f)
            switch r {
            case .normal, .continueLoop: continue
            case .breakLoop: return .normal
            case .suspended:
                f.pushInt(1)
                return .suspended
            default: return r
            }
        }
        guard let orElse else { return .normal }
        let r = try orElse.exec(f)
        if r == .suspended { f.pushInt(2) }
        return r
    }
}

final class ForStmtR: StmtNode {
    let target: TargetNode
    let iter: ExprNode
    let body: StmtNode
    let orElse: StmtNode?
    private let targetRef: TargetRef
    private let bodyRef: BodyRef
    init(_ target: TargetNode, _ iter: ExprNode, _ body: StmtNode, _ orElse: StmtNode?, line: Int32) {
        self.target = target
        self.iter = iter
        self.body = body
        self.orElse = orElse
        targetRef = TargetRef(target)
        bodyRef = BodyRef(body)
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        try f.withRuntime { try run(f, $0) }
    }

    private func run(_ f: Frame, _ rt: Runtime) throws -> Flow {
        var phase = f.resuming ? f.popInt() : 0
        var iterator: PyIteratorObject?
        if phase == 2 {
            // Resuming inside the else branch.
        } else if phase == 1, case .object(let o) = f.pop() {
            // What this node pushed at its suspension (the resume stack is LIFO).
            iterator = unsafeDowncast(o, to: PyIteratorObject.self)
        } else {
            guard let source = try iter.evalR(f) else {
                f.pushInt(0)
                return .suspended
            }
            iterator = try rt.iterate(source)
            phase = 0
        }
        if let it = iterator {
            var inBody = phase == 1
            // A range is stepped here rather than through a call of its iterator.
            let range = type(of: it) == RangeIterator.self ? unsafeDowncast(it, to: RangeIterator.self) : nil
            while true {
                if !inBody {
                    try rt.checkInterrupt()
                    if let r = range {
                        guard let n = r.nextInt() else { break }
                        try targetRef.assign(.int(n), f)
                    } else {
                        guard let x = try it.next(rt) else { break }
                        try targetRef.assign(x, f)
                    }
                }
                inBody = false
                let r = try bodyRef.exec(f)
                switch r {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .suspended:
                    f.push(.object(it))
                    f.pushInt(1)
                    return .suspended
                default: return r
                }
            }
        }
        guard let orElse else { return .normal }
        let r = try orElse.exec(f)
        if r == .suspended { f.pushInt(2) }
        return r
    }
}

/// `try` with a suspension point in any of its parts.
final class TryStmtR: StmtNode {
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

    // Saved layout, top last: phase 0 (body) / 2 (else): [phase];
    // phase 1 (handler): [exception, handler index, 1]; phase 3 (finally): [pending value, pending kind, 3].
    override func exec(_ f: Frame) throws -> Flow {
        let rt = f.rt
        var phase = f.resuming ? f.popInt() : 0
        var pendingKind = 0   // 0: flow (raw value + 10), 1: error
        var pendingValue = Value.none
        if phase == 3 {
            pendingKind = f.popInt()
            pendingValue = f.pop()
        } else {
            var handlerIndex = 0
            var exc: PyException?
            if phase == 1 {
                handlerIndex = f.popInt()
                exc = f.pop().asObject as? PyException
            }
            let outcome: Flow
            do {
                outcome = try runMain(f, phase: phase, handlerIndex: handlerIndex, exception: exc)
            } catch let e as ScriptError {
                guard finally != nil else { throw e }
                rt.finalizeDroppedDuringUnwinding(e.exception, f)
                pendingKind = 1
                pendingValue = .object(e.exception)
                phase = 3
                return try runFinally(f, pendingKind, pendingValue, fresh: true)
            }
            if outcome == .suspended { return .suspended }
            guard finally != nil else { return outcome }
            pendingKind = 10 + Int(outcome.rawValue)
            pendingValue = outcome == .returned ? f.returnValue : .none
            return try runFinally(f, pendingKind, pendingValue, fresh: true)
        }
        return try runFinally(f, pendingKind, pendingValue, fresh: false)
    }

    private func runFinally(_ f: Frame, _ kind: Int, _ value: Value, fresh: Bool) throws -> Flow {
        guard let finally else { return .normal }
        let rt = f.rt
        let pendingError = kind == 1 ? value.asObject as? PyException : nil
        if let e = pendingError { rt.handledExceptions.append(e) }
        let ff: Flow
        do {
            ff = try finally.exec(f)
        } catch let inner as ScriptError {
            if let e = pendingError {
                rt.handledExceptions.removeLast()
                rt.chain(inner.exception, context: e)
            }
            throw inner
        }
        if pendingError != nil { rt.handledExceptions.removeLast() }
        if ff == .suspended {
            f.push(value)
            f.pushInt(kind)
            f.pushInt(3)
            return .suspended
        }
        if ff != .normal { return ff }
        if let e = pendingError {
            // Its traceback already has this frame's entry; a suspension in `finally`
            // gave the frame a new activation, which must not add a second one.
            e.recordedActivation = f.activation
            throw ScriptError(e)
        }
        let flow = Flow(rawValue: UInt8(max(kind - 10, 0))) ?? .normal
        if flow == .returned { f.returnValue = value }
        return flow
    }

    private func runMain(_ f: Frame, phase: Int, handlerIndex: Int, exception: PyException?) throws -> Flow {
        switch phase {
        case 1:
            if let e = exception { return try runHandler(handlerIndex, e, f, fresh: false) }
            return .normal
        case 2:
            return try runElse(f)
        default:
            do {
                let r = try body.exec(f)
                if r == .suspended {
                    f.pushInt(0)
                    return .suspended
                }
                if r != .normal { return r }
            } catch let e as ScriptError {
                if !handlers.isEmpty { f.rt.finalizeDroppedDuringUnwinding(e.exception, f) }
                let exc = e.exception
                f.rt.chainToHandled(exc)
                for (i, h) in handlers.enumerated() where try f.rt.exceptionMatches(exc, h.type, f) {
                    return try runHandler(i, exc, f, fresh: true)
                }
                throw e
            }
            return try runElse(f)
        }
    }

    private func runElse(_ f: Frame) throws -> Flow {
        guard let orElse else { return .normal }
        let r = try orElse.exec(f)
        if r == .suspended { f.pushInt(2) }
        return r
    }

    private func runHandler(_ index: Int, _ exc: PyException, _ f: Frame, fresh: Bool) throws -> Flow {
        let rt = f.rt
        let h = handlers[index]
        if fresh { try h.target?.assign(.object(exc), f) }
        rt.handledExceptions.append(exc)
        defer { rt.handledExceptions.removeLast() }
        let r: Flow
        do {
            r = try h.body.exec(f)
        } catch let inner as ScriptError {
            rt.chain(inner.exception, context: exc)
            if let t = h.target { try? t.delete(f) }
            throw inner
        }
        if r == .suspended {
            f.push(.object(exc))
            f.pushInt(index)
            f.pushInt(1)
            return .suspended
        }
        if let t = h.target { try? t.delete(f) }
        return r
    }
}
