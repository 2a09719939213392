// The compiler: turns the parser's AST plus the resolver's scopes into the executable node
// tree. Names become slot, cell, global or class-namespace accesses; every def, lambda,
// comprehension and class body becomes a `CodeObject`; statements and expressions on a
// path to `yield`/`await` are built from the resumable node classes.
import BigInt
import SwirlResolve
import SwirlSyntax

final class Compiler {
    let rt: Runtime
    let source: SourceFile
    let resolved: ResolvedModule
    let globals: Globals
    /// The scope being compiled and the qualified-name prefix of its definitions.
    private var scope: Scope
    private var qualPrefix = ""
    /// The class whose body (or method) is being compiled, for private-name mangling:
    /// `self.__x` in class `Account` is the attribute `_Account__x`. Nil outside classes.
    private var mangleClass: String?
    /// Extra slot holding a comprehension's accumulator.
    private var accumulatorSlot = -1
    /// Hidden frame slots after the scope's own, for the parts a statement must keep
    /// across a suspension (see `spill`): the first, how many are in use, the most used.
    private var tempBase = 0
    private var tempsInUse = 0
    private var tempsHigh = 0
    private var strings: [[UInt8]: Value] = [:]
    /// Set by `from __future__ import annotations`: `x: T` records the text of T.
    private var postponedAnnotations = false
    /// The local slots the code compiled so far names (see `AsyncForStmt.privateIterSlot`).
    private var mentionedFastSlots = Set<Int>()
    /// The first line of the statement being compiled (0 outside one): parts of it on
    /// later lines get a `LineMarkNode`.
    private var statementLine: Int32 = 0

    init(rt: Runtime, source: SourceFile, resolved: ResolvedModule, globals: Globals) {
        self.rt = rt
        self.source = source
        self.resolved = resolved
        self.globals = globals
        self.scope = resolved.moduleScope
    }

    func compileModule(name: String = "<module>") throws -> CodeObject {
        tempBase = 0
        tempsInUse = 0
        tempsHigh = 0
        // `from __future__ import annotations` (PEP 563): annotations are kept as strings.
        postponedAnnotations = resolved.module.body.contains { s in
            if case .importFrom(let m, let names, _) = s.kind, m == "__future__" {
                return names.contains { $0.name == "annotations" }
            }
            return false
        }
        let body = try block(resolved.module.body, line: 1)
        // Module code has no slots of its own; top-level `await` (REPL) may use temporaries.
        return CodeObject(name: name, qualname: name, source: source, firstLine: 1, kind: .function,
                          params: ParameterSpec(), slotCount: tempsHigh, cellSlots: [], freeStart: 0, freeCount: 0, body: body)
    }

    private func line(_ r: SourceRange) -> Int32 { r.start.line }

    /// A postponed annotation as CPython keeps it: the expression's source text (a string
    /// constant as its repr).
    private func annotationText(_ e: Expr) -> String {
        if case .constant(.string(let s)) = e.kind { return strRepr(s) }
        let r = e.range
        guard r.start.line == r.end.line, let text = source.line(Int(r.start.line)) else { return "..." }
        let scalars = Array(text.unicodeScalars)
        let from = max(0, min(Int(r.start.column), scalars.count))
        let to = max(from, min(Int(r.end.column), scalars.count))
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[from..<to])
        return String(out)
    }

    // MARK: suspension analysis

    /// True when evaluating `e` in the current scope may suspend the frame.
    func suspends(_ e: Expr) -> Bool {
        switch e.kind {
        case .await, .yield, .yieldFrom: return true
        case .name, .constant: return false
        case .fstring(let parts): return partsSuspend(parts)
        case .unary(_, let x), .attribute(let x, _), .starred(let x): return suspends(x)
        case .binary(let a, _, let b), .subscript(let a, let b): return suspends(a) || suspends(b)
        case .boolOp(_, let xs), .list(let xs), .tuple(let xs), .set(let xs): return xs.contains { suspends($0) }
        case .compare(let first, let rest): return suspends(first) || rest.contains { suspends($0.1) }
        case .ifExp(let t, let b, let o): return suspends(t) || suspends(b) || suspends(o)
        case .lambda(let l):
            return (l.parameters.positionalOnly + l.parameters.regular + l.parameters.keywordOnly)
                .contains { $0.defaultValue.map(suspends) ?? false }
        case .namedExpr(_, let v): return suspends(v)
        case .call(let fn, let args):
            return suspends(fn) || args.contains {
                switch $0 {
                case .positional(let x), .starred(let x), .doubleStarred(let x): return suspends(x)
                case .keyword(_, let x, _): return suspends(x)
                }
            }
        case .slice(let a, let b, let c):
            return (a.map(suspends) ?? false) || (b.map(suspends) ?? false) || (c.map(suspends) ?? false)
        case .dict(let items):
            return items.contains {
                switch $0 {
                case .pair(let k, let v): return suspends(k) || suspends(v)
                case .unpack(let x): return suspends(x)
                }
            }
        case .listComp(let c), .setComp(let c):
            return suspends(c.generators[0].iter) || comprehensionAwaits(c.generators, [c.element])
        case .dictComp(let c):
            return suspends(c.generators[0].iter) || comprehensionAwaits(c.generators, [c.key, c.value])
        case .generator(let c):
            return suspends(c.generators[0].iter)
        }
    }

    /// A list/set/dict comprehension that awaits (an `await` in its parts or an `async for`)
    /// runs as a coroutine the enclosing code awaits.
    func comprehensionAwaits(_ gens: [Comprehension], _ parts: [Expr]) -> Bool {
        if gens.contains(where: { $0.isAsync }) { return true }
        if parts.contains(where: { suspends($0) }) { return true }
        for (i, g) in gens.enumerated() {
            if i > 0 && suspends(g.iter) { return true }
            if g.ifs.contains(where: { suspends($0) }) { return true }
        }
        return false
    }

    private func partsSuspend(_ parts: [FStringPart]) -> Bool {
        parts.contains {
            if case .formatted(let v, _, let spec, _) = $0 { return suspends(v) || (spec.map(partsSuspend) ?? false) }
            return false
        }
    }

    func suspends(_ s: Stmt) -> Bool {
        switch s.kind {
        case .expr(let e): return suspends(e)
        case .assign(let targets, let value): return suspends(value) || targets.contains { suspends($0) }
        case .augAssign(let t, _, let v): return suspends(t) || suspends(v)
        case .annAssign(let t, _, let v): return suspends(t) || (v.map(suspends) ?? false)
        case .return(let v): return v.map(suspends) ?? false
        case .delete(let ts): return ts.contains { suspends($0) }
        case .raise(let e, let c): return (e.map(suspends) ?? false) || (c.map(suspends) ?? false)
        case .assert(let t, let m): return suspends(t) || (m.map(suspends) ?? false)
        case .if(let t, let b, let o): return suspends(t) || bodySuspends(b) || bodySuspends(o)
        case .while(let t, let b, let o): return suspends(t) || bodySuspends(b) || bodySuspends(o)
        case .for(let target, let iter, let b, let o, let isAsync):
            return isAsync || suspends(target) || suspends(iter) || bodySuspends(b) || bodySuspends(o)
        case .with(let items, let b, let isAsync):
            return isAsync || items.contains { suspends($0.context) } || bodySuspends(b)
        case .try(let b, let hs, let o, let fin):
            return bodySuspends(b) || hs.contains { bodySuspends($0.body) || ($0.type.map(suspends) ?? false) }
                || bodySuspends(o) || bodySuspends(fin)
        case .functionDef(let d):
            return d.decorators.contains { suspends($0) }
                || (d.parameters.positionalOnly + d.parameters.regular + d.parameters.keywordOnly)
                    .contains { $0.defaultValue.map(suspends) ?? false }
        case .classDef(let c): return c.decorators.contains { suspends($0) } || c.bases.contains { suspends($0) }
        default: return false
        }
    }

    func bodySuspends(_ body: [Stmt]) -> Bool { body.contains { suspends($0) } }

    // MARK: blocks and statements

    func block(_ body: [Stmt], line: Int32) throws -> StmtNode {
        let stmts = try body.map { try statement($0) }
        if bodySuspends(body) {
            if stmts.count == 1, let only = stmts.first { return ResumableSingle(only, line: line) }
            return ResumableBlock(stmts, line: line)
        }
        return Block(stmts, line: line)
    }

    func optionalBlock(_ body: [Stmt]) throws -> StmtNode? {
        body.isEmpty ? nil : try block(body, line: body[0].range.start.line)
    }

    func statement(_ s: Stmt) throws -> StmtNode {
        let ln = line(s.range)
        let outerStatementLine = statementLine
        statementLine = ln
        defer { statementLine = outerStatementLine }
        let r = suspends(s)
        switch s.kind {
        case .expr(let e):
            guard r else { return ExprStmt(try expr(e), line: ln) }
            let x = try expr(e)
            if let y = x as? YieldNode, !(y.operand?.isResumable ?? false) { return YieldStmt(y, line: ln) }
            return ExprStmtR(x, line: ln)
        case .assign(let targets, let value):
            if targets.contains(where: { suspends($0) }) {
                return try spilling(ln) { stmts in
                    let v = try spill(value, into: &stmts)
                    for t in targets { try assignSpilled(t, v, into: &stmts) }
                }
            }
            let ts = try targets.map { try target($0) }
            let v = try expr(value)
            if r { return AssignStmtR(ts, v, line: ln) }
            if ts.count == 1, let lt = ts[0] as? LocalTarget { return LocalAssignStmt(slot: lt.slot, v, line: ln) }
            return AssignStmt(ts, v, line: ln)
        case .annAssign(let t, let annotation, let value):
            // In a class body or at module level, `name: T` also records T in __annotations__
            // (dataclasses read it); a function's local annotations are not evaluated.
            var record: StmtNode?
            var nameTarget: TargetNode?
            if case .name(let n) = t.kind, !r, !suspends(annotation) {
                let tt = try target(t)
                nameTarget = tt
                if tt is ClassTarget || tt is GlobalTarget {
                    let recorded = postponedAnnotations ? ConstNode(Value(annotationText(annotation)), line: ln)
                                                        : try expr(annotation)
                    record = AnnotateStmt(name: n, annotation: recorded,
                                          globals: (tt as? GlobalTarget)?.globals, line: ln)
                }
            }
            guard let value else {
                if let record { return record }
                if case .name = t.kind { return PassStmt(line: ln) }
                return ExprStmt(try expr(t), line: ln)
            }
            let tt = try nameTarget ?? target(t)
            let v = try expr(value)
            let assign = r ? AssignStmtR([tt], v, line: ln) : AssignStmt([tt], v, line: ln)
            if let record { return Block([assign, record], line: ln) }
            return assign
        case .augAssign(let t, let op, let value) where suspends(t):
            return try spilling(ln) { stmts in
                let kind: AugAssignStmt.Kind
                switch t.kind {
                case .attribute(let o, let name): kind = .attribute(try spill(o, into: &stmts), AttributeSite(attributeKey(name)))
                case .subscript(let o, let i): kind = .subscript(try spill(o, into: &stmts), try spill(i, into: &stmts))
                default: throw syntaxError("'\(describe(t))' is an illegal expression for augmented assignment", t.range)
                }
                let v = try expr(value)
                stmts.append(suspends(value) ? AugAssignStmtR(kind, op, v, line: ln) : AugAssignStmt(kind, op, v, line: ln))
            }
        case .augAssign(let t, let op, let value):
            let kind: AugAssignStmt.Kind
            switch t.kind {
            case .name: kind = .name(load: try expr(t), store: try target(t))
            case .attribute(let o, let name): kind = .attribute(try expr(o), AttributeSite(attributeKey(name)))
            case .subscript(let o, let i): kind = .subscript(try expr(o), try expr(i))
            default: throw syntaxError("'\(describe(t))' is an illegal expression for augmented assignment", t.range)
            }
            let v = try expr(value)
            return r ? AugAssignStmtR(kind, op, v, line: ln) : AugAssignStmt(kind, op, v, line: ln)
        case .pass, .global, .nonlocal:
            return PassStmt(line: ln)
        case .break:
            return BreakStmt(line: ln)
        case .continue:
            return ContinueStmt(line: ln)
        case .return(let value):
            if let value, r { return ReturnStmtR(try expr(value), line: ln) }
            return ReturnStmt(try value.map { try expr($0) }, line: ln)
        case .delete(let targets):
            if r { return try spilling(ln) { stmts in for t in targets { try deleteSpilled(t, into: &stmts) } } }
            return DeleteStmt(try targets.map { try target($0) }, line: ln)
        case .raise(let e, let c):
            if r {
                let children = [e, c].compactMap { $0 }
                let hasE = e != nil
                return ExprStmtR(SequenceR(try children.map { try expr($0) }, line: ln) { vals, f in
                    let exc = try f.rt.makeException(vals[0])
                    exc.recordedActivation = Int.min
                    if vals.count > 1 {
                        exc.cause = vals[1].isNone ? nil : try f.rt.makeException(vals[1], forCause: true)
                        exc.suppressContext = true
                    }
                    _ = hasE
                    throw ScriptError(exc)
                }, line: ln)
            }
            return RaiseStmt(try e.map { try expr($0) }, try c.map { try expr($0) }, line: ln)
        case .assert(let t, let m):
            if r {
                return try spilling(ln) { stmts in
                    let test = try spill(t, into: &stmts)
                    guard let m, suspends(m) else {
                        stmts.append(AssertStmt(test, try m.map { try expr($0) }, line: ln))
                        return
                    }
                    // The message is evaluated only when the test fails.
                    var failing: [StmtNode] = []
                    let message = try spill(m, into: &failing)
                    failing.append(AssertStmt(ConstNode(.false, line: ln), message, line: ln))
                    stmts.append(IfStmtR(test, PassStmt(line: ln), ResumableBlock(failing, line: ln), line: ln))
                }
            }
            return AssertStmt(try expr(t), try m.map { try expr($0) }, line: ln)
        case .if(let t, let b, let o):
            let body = try block(b, line: ln)
            let orElse = try optionalBlock(o)
            return r ? IfStmtR(try expr(t), body, orElse, line: ln) : IfStmt(try expr(t), body, orElse, line: ln)
        case .while(let t, let b, let o):
            let body = try block(b, line: ln)
            let orElse = try optionalBlock(o)
            return r ? WhileStmtR(try expr(t), body, orElse, line: ln) : WhileStmt(try expr(t), body, orElse, line: ln)
        case .for(let t, let iter, let b, let o, let isAsync):
            let tt = try target(t)
            let it = try expr(iter)
            let outerMentions = mentionedFastSlots
            mentionedFastSlots = []
            let body = try block(b, line: ln)
            let bodyMentions = mentionedFastSlots
            mentionedFastSlots.formUnion(outerMentions)
            let orElse = try optionalBlock(o)
            if isAsync {
                var privateSlot = -1
                if let load = it as? LocalLoad, !bodyMentions.contains(load.slot) { privateSlot = load.slot }
                return AsyncForStmt(tt, it, body, orElse, privateIterSlot: privateSlot, line: ln)
            }
            return r ? ForStmtR(tt, it, body, orElse, line: ln) : ForStmt(tt, it, body, orElse, line: ln)
        case .with(let items, let b, let isAsync):
            return try withStatement(items, b, isAsync: isAsync, resumable: r, line: ln)
        case .try(let b, let hs, let o, let fin):
            let body = try block(b, line: ln)
            let handlers = try hs.map { h in
                ExceptClause(type: try h.type.map { try expr($0) },
                             target: try h.name.map { try nameTarget($0, h.range) },
                             body: try block(h.body, line: line(h.range)))
            }
            let orElse = try optionalBlock(o)
            let finally = try optionalBlock(fin)
            if r { return TryStmtR(body: body, handlers: handlers, orElse: orElse, finally: finally, line: ln) }
            return TryStmt(body: body, handlers: handlers, orElse: orElse, finally: finally, line: ln)
        case .functionDef(let def):
            // Decorators, then default values, are evaluated before the def.
            return try definition(suspending: r, line: ln) { value in
                let decorators = try def.decorators.map(value)
                let fn = try functionDefinition(def, range: s.range, defaultValue: value)
                return BindStmt(decorate(fn, decorators), try nameTarget(def.name, s.range), line: ln)
            }
        case .classDef(let def):
            return try definition(suspending: r, line: ln) { value in
                let decorators = try def.decorators.map(value)
                let cls = try classDefinition(def, range: s.range, baseValue: value)
                return BindStmt(decorate(cls, decorators), try nameTarget(def.name, s.range), line: ln)
            }
        case .import(let aliases):
            var stmts: [StmtNode] = []
            for a in aliases {
                let node = ImportNode(module: a.name, bindTop: a.asName == nil, rt: rt, line: ln)
                let bound = a.asName ?? String(a.name.split(separator: ".").first ?? "")
                stmts.append(BindStmt(node, try nameTarget(bound, a.range), line: ln))
            }
            return stmts.count == 1 ? stmts[0] : Block(stmts, line: ln)
        case .importFrom(let module, let names, let level):
            if level > 0 { throw syntaxError("relative imports are not supported", s.range) }
            let modName = module ?? ""
            if names.contains(where: { $0.name == "*" }) {
                return ImportStarStmt(module: modName, globals: globals, line: ln)
            }
            var stmts: [StmtNode] = []
            let mod = ImportNode(module: modName, bindTop: false, rt: rt, line: ln)
            let temp = ConstCache()
            for (i, a) in names.enumerated() {
                let get = ImportFromNode(module: i == 0 ? mod : nil, cache: temp, moduleName: modName, name: a.name, line: ln)
                stmts.append(BindStmt(get, try nameTarget(a.asName ?? a.name, a.range), line: ln))
            }
            return stmts.count == 1 ? stmts[0] : Block(stmts, line: ln)
        }
    }

    // MARK: spilling

    // A statement whose target, test or definition awaits somewhere other than where the
    // resumable nodes can keep state (`d[await k()] = v`, `assert await ok()`,
    // `def f(a=await g())`) is lowered to a resumable sequence: each part is evaluated in
    // CPython's order into a hidden frame slot (a suspension then happens between two
    // statements), and the statement itself runs on those slots.

    /// The statements `build` makes, run as one resumable block; the temporaries are
    /// released at the end.
    private func spilling(_ ln: Int32, _ build: (inout [StmtNode]) throws -> Void) throws -> StmtNode {
        let mark = tempsInUse
        defer { tempsInUse = mark }
        var stmts: [StmtNode] = []
        try build(&stmts)
        stmts.append(ClearSlotsStmt(tempBase + mark ..< tempBase + tempsInUse, line: ln))
        return ResumableBlock(stmts, line: ln)
    }

    /// A `def` or `class` statement made by `make`, which compiles the expressions
    /// evaluated before the definition (decorators, defaults, base) with the function it
    /// is given: plain `expr`, or `spill` when one of them awaits.
    private func definition(suspending: Bool, line ln: Int32,
                            _ make: ((Expr) throws -> ExprNode) throws -> StmtNode) throws -> StmtNode {
        guard suspending else { return try make(expr) }
        return try spilling(ln) { stmts in
            let bind = try make { try spill($0, into: &stmts) }
            stmts.append(bind)
        }
    }

    /// A fresh hidden slot for the statement being spilled.
    private func allocateTemp() -> Int {
        let slot = tempBase + tempsInUse
        tempsInUse += 1
        tempsHigh = max(tempsHigh, tempsInUse)
        return slot
    }

    /// Appends `temp = e` and returns a load of the temporary.
    private func spill(_ e: Expr, into stmts: inout [StmtNode]) throws -> ExprNode {
        let ln = line(e.range)
        let value = try expr(e)
        let slot = allocateTemp()
        stmts.append(value.isResumable ? AssignStmtR([LocalTarget(slot: slot, name: ".spill", line: ln)], value, line: ln)
                                       : LocalAssignStmt(slot: slot, value, line: ln))
        return LocalLoad(slot: slot, name: ".spill", line: ln)
    }

    /// Appends the statements that assign `value` (a load) to target `t`: its object and
    /// index are evaluated just before the store, an unpacking target assigns its items
    /// left to right, as CPython does.
    private func assignSpilled(_ t: Expr, _ value: ExprNode, into stmts: inout [StmtNode]) throws {
        let ln = line(t.range)
        switch t.kind {
        case .attribute(let o, let name) where suspends(t):
            let object = try spill(o, into: &stmts)
            stmts.append(AssignStmt([AttributeTarget(object: object, name: attributeKey(name), line: ln)], value, line: ln))
        case .subscript(let o, let i) where suspends(t):
            let object = try spill(o, into: &stmts)
            let index = try spill(i, into: &stmts)
            stmts.append(AssignStmt([SubscriptTarget(object: object, index: index, line: ln)], value, line: ln))
        case .tuple(let elts), .list(let elts):
            if !suspends(t) {
                stmts.append(AssignStmt([try target(t)], value, line: ln))
                return
            }
            var star: Int?
            var items: [(Expr, ExprNode)] = []
            var slots: [TargetNode] = []
            for (k, e) in elts.enumerated() {
                var element = e
                if case .starred(let inner) = e.kind {
                    if star != nil { throw syntaxError("multiple starred expressions in assignment", e.range) }
                    star = k
                    element = inner
                }
                let slot = allocateTemp()
                slots.append(LocalTarget(slot: slot, name: ".spill", line: ln))
                items.append((element, LocalLoad(slot: slot, name: ".spill", line: ln)))
            }
            stmts.append(AssignStmt([UnpackTarget(targets: slots, starIndex: star, line: ln)], value, line: ln))
            for (element, load) in items { try assignSpilled(element, load, into: &stmts) }
        default:
            stmts.append(AssignStmt([try target(t)], value, line: ln))
        }
    }

    /// Appends the statements of `del t` for a target that awaits.
    private func deleteSpilled(_ t: Expr, into stmts: inout [StmtNode]) throws {
        let ln = line(t.range)
        switch t.kind {
        case .attribute(let o, let name) where suspends(t):
            let object = try spill(o, into: &stmts)
            stmts.append(DeleteStmt([AttributeTarget(object: object, name: attributeKey(name), line: ln)], line: ln))
        case .subscript(let o, let i) where suspends(t):
            let object = try spill(o, into: &stmts)
            let index = try spill(i, into: &stmts)
            stmts.append(DeleteStmt([SubscriptTarget(object: object, index: index, line: ln)], line: ln))
        case .tuple(let elts), .list(let elts):
            for e in elts { try deleteSpilled(e, into: &stmts) }
        default:
            stmts.append(DeleteStmt([try target(t)], line: ln))
        }
    }

    private func withStatement(_ items: [WithItem], _ body: [Stmt], isAsync: Bool, resumable: Bool, line ln: Int32) throws -> StmtNode {
        guard let first = items.first else { return try block(body, line: ln) }
        let inner: StmtNode
        if items.count > 1 {
            inner = try withStatement(Array(items.dropFirst()), body, isAsync: isAsync, resumable: resumable, line: ln)
        } else {
            inner = try block(body, line: ln)
        }
        let ctx = try expr(first.context)
        let tgt = try first.target.map { try target($0) }
        if isAsync { return AsyncWithStmt(context: ctx, target: tgt, body: inner, line: ln) }
        if resumable { return WithStmtR(context: ctx, target: tgt, body: inner, line: ln) }
        return WithStmt(context: ctx, target: tgt, body: inner, line: ln)
    }

    private func decorate(_ value: ExprNode, _ decorators: [ExprNode]) -> ExprNode {
        if decorators.isEmpty { return value }
        return DecoratedNode(decorators: decorators, value: value, line: value.line)
    }

    // MARK: functions and classes

    /// `defaultValue` compiles each default value (`spill` when the def awaits in one).
    private func functionDefinition(_ def: FunctionDef, range: SourceRange,
                                    defaultValue: (Expr) throws -> ExprNode) throws -> ExprNode {
        guard let inner = resolved.scope(def.scopeID) else { throw syntaxError("internal: missing scope", range) }
        let kind: CodeKind
        switch (def.isAsync, inner.isGenerator) {
        case (true, true): kind = .asyncGenerator
        case (true, false): kind = .coroutine
        case (false, true): kind = .generator
        case (false, false): kind = .function
        }
        var body = def.body
        var doc = Value.none
        if case .expr(let e)? = body.first?.kind, case .constant(.string(let s)) = e.kind {
            doc = Value(s)
            body.removeFirst()
            if body.isEmpty { body = [Stmt(.pass, range)] }
        }
        let code = try compileFunctionBody(inner, name: def.name, params: def.parameters, kind: kind, range: range) { c in
            try c.block(body, line: range.start.line)
        }
        code.docstring = doc
        return try makeFunction(code, inner, def.parameters, line: line(range), defaultValue: defaultValue)
    }

    private func compileFunctionBody(_ inner: Scope, name: String, params: Parameters, kind: CodeKind,
                                     range: SourceRange, extraSlots: Int = 0,
                                     body: (Compiler) throws -> StmtNode) throws -> CodeObject {
        let savedScope = scope, savedPrefix = qualPrefix, savedAcc = accumulatorSlot
        let savedTemps = (tempBase, tempsInUse, tempsHigh)
        let qualname = qualPrefix + name
        scope = inner
        qualPrefix = qualname + ".<locals>."
        accumulatorSlot = extraSlots > 0 ? inner.slotCount : -1
        (tempBase, tempsInUse, tempsHigh) = (inner.slotCount + extraSlots, 0, 0)
        defer {
            scope = savedScope
            qualPrefix = savedPrefix
            accumulatorSlot = savedAcc
            (tempBase, tempsInUse, tempsHigh) = savedTemps
        }
        var spec = ParameterSpec()
        spec.names = (params.positionalOnly + params.regular).map { $0.name }
        spec.positionalOnlyCount = params.positionalOnly.count
        spec.positionalCount = spec.names.count
        if let v = params.varArgs {
            spec.hasVarArgs = true
            spec.names.append(v.name)
        }
        spec.names += params.keywordOnly.map { $0.name }
        spec.keywordOnlyCount = params.keywordOnly.count
        if let k = params.varKeywords {
            spec.hasVarKeywords = true
            spec.names.append(k.name)
        }
        let compiledBody = try body(self)
        let cellSlots = inner.localNames.enumerated().filter { inner.cellNames.contains($0.element) }.map { $0.offset }
        let code = CodeObject(name: name, qualname: qualname, source: source, firstLine: Int(range.start.line), kind: kind,
                              params: spec, slotCount: inner.slotCount + extraSlots + tempsHigh, cellSlots: cellSlots,
                              freeStart: inner.localNames.count, freeCount: inner.freeNames.count, body: compiledBody)
        code.localNames = inner.localNames
        return code
    }

    /// The slots of the current frame that hold the cells an inner scope closes over.
    private func closureSlots(for inner: Scope) -> [Int] {
        inner.freeNames.map { scope.slot(of: $0) ?? -1 }
    }

    private func makeFunction(_ code: CodeObject, _ inner: Scope, _ params: Parameters, line ln: Int32,
                              defaultValue: (Expr) throws -> ExprNode) throws -> ExprNode {
        let defaults = try (params.positionalOnly + params.regular).compactMap { p in try p.defaultValue.map(defaultValue) }
        let kwDefaults = try params.keywordOnly.compactMap { p in try p.defaultValue.map { (p.name, try defaultValue($0)) } }
        return MakeFunctionNode(code: code, globals: globals, defaults: defaults, kwDefaults: kwDefaults,
                                closureSlots: closureSlots(for: inner), line: ln)
    }

    /// `baseValue` compiles the base class expression (`spill` when it awaits).
    private func classDefinition(_ def: ClassDef, range: SourceRange,
                                 baseValue: (Expr) throws -> ExprNode) throws -> ExprNode {
        guard let inner = resolved.scope(def.scopeID) else { throw syntaxError("internal: missing scope", range) }
        if def.bases.count > 1 { throw syntaxError("multiple inheritance is not supported", range) }
        if def.keywords.contains(where: { $0.name == "metaclass" }) { throw syntaxError("metaclasses are not supported", range) }
        let savedScope = scope, savedPrefix = qualPrefix, savedMangle = mangleClass
        let qualname = qualPrefix + def.name
        scope = inner
        qualPrefix = qualname + "."
        mangleClass = def.name
        var bodyStmts = def.body
        var doc = Value.none
        if case .expr(let e)? = bodyStmts.first?.kind, case .constant(.string(let s)) = e.kind {
            doc = Value(s)
            bodyStmts.removeFirst()
        }
        let body: StmtNode
        do {
            body = try block(bodyStmts, line: range.start.line)
        } catch {
            mangleClass = savedMangle
            throw error
        }
        scope = savedScope
        qualPrefix = savedPrefix
        mangleClass = savedMangle
        let cellSlots = inner.localNames.enumerated().filter { inner.cellNames.contains($0.element) }.map { $0.offset }
        let code = CodeObject(name: def.name, qualname: qualname, source: source, firstLine: Int(range.start.line),
                              kind: .function, params: ParameterSpec(), slotCount: inner.slotCount, cellSlots: cellSlots,
                              freeStart: inner.localNames.count, freeCount: inner.freeNames.count, body: body)
        code.docstring = doc
        // Bases, then the keywords (for the base's __init_subclass__), are evaluated first.
        let base = try def.bases.first.map(baseValue)
        let keywords = try def.keywords.map { ($0.name, try baseValue($0.value)) }
        return ClassNode(code: code, name: def.name, qualname: qualname, base: base, keywords: keywords,
                         globals: globals, closureSlots: closureSlots(for: inner),
                         classCellSlot: inner.slot(of: "__class__"), line: line(range))
    }

    // MARK: names

    /// CPython's private-name mangling: inside a class, `__name` (not ending in `__`)
    /// becomes `_Class__name`.
    private func mangled(_ name: String) -> String {
        guard let cls = mangleClass else { return name }
        return mangledPrivateName(name, inClass: cls)
    }

    /// The interned key of attribute `name` as written in the source (`obj.__x` mangled).
    private func attributeKey(_ name: String) -> PyStr { rt.intern(mangled(name)) }

    func nameLoad(_ name: String, line ln: Int32) -> ExprNode {
        switch scope.binding(for: name) {
        case .fast(let slot):
            mentionedFastSlots.insert(slot)
            return LocalLoad(slot: slot, name: name, line: ln)
        case .cell(let slot):
            return CellLoad(slot: slot, name: name, isFree: scope.freeNames.contains(name), line: ln)
        case .global: return GlobalLoad(globals: globals, builtins: rt.builtins, name: name, line: ln)
        case .classLocal:
            let key = mangled(name)
            return ClassLoad(name: key, fallback: GlobalLoad(globals: globals, builtins: rt.builtins, name: key, line: ln), line: ln)
        case .classDeref(let slot):
            return ClassLoad(name: name, fallback: CellLoad(slot: slot, name: name, isFree: true, line: ln), line: ln)
        }
    }

    func nameTarget(_ name: String, _ range: SourceRange) throws -> TargetNode {
        let ln = line(range)
        switch scope.binding(for: name) {
        case .fast(let slot):
            mentionedFastSlots.insert(slot)
            return LocalTarget(slot: slot, name: name, line: ln)
        case .cell(let slot): return CellTarget(slot: slot, name: name, line: ln)
        case .global: return GlobalTarget(globals: globals, name: name, line: ln)
        case .classLocal, .classDeref: return ClassTarget(name: mangled(name), line: ln)
        }
    }

    func target(_ t: Expr) throws -> TargetNode {
        let ln = line(t.range)
        switch t.kind {
        case .name(let n): return try nameTarget(n, t.range)
        case .attribute(let o, let name): return AttributeTarget(object: try expr(o), name: attributeKey(name), line: ln)
        case .subscript(let o, let i): return SubscriptTarget(object: try expr(o), index: try expr(i), line: ln)
        case .tuple(let elts), .list(let elts):
            var star: Int?
            var ts: [TargetNode] = []
            for (i, e) in elts.enumerated() {
                if case .starred(let inner) = e.kind {
                    if star != nil { throw syntaxError("multiple starred expressions in assignment", e.range) }
                    star = i
                    ts.append(try target(inner))
                } else {
                    ts.append(try target(e))
                }
            }
            return UnpackTarget(targets: ts, starIndex: star, line: ln)
        case .starred:
            throw syntaxError("starred assignment target must be in a list or tuple", t.range)
        default:
            throw syntaxError("cannot assign to \(describe(t))", t.range)
        }
    }

    private func describe(_ e: Expr) -> String {
        switch e.kind {
        case .call: return "function call"
        case .constant: return "literal"
        default: return "expression"
        }
    }

    func syntaxError(_ message: String, _ range: SourceRange) -> CompileError {
        CompileError(error: SyntaxError(message: message, filename: source.filename, line: Int(range.start.line),
                                        column: Int(range.start.column), lineText: source.line(Int(range.start.line)) ?? ""))
    }

    // MARK: expressions

    /// An expression, marked with its line when it starts on a later line of a multi-line
    /// statement (see `LineMarkNode`).
    func expr(_ e: Expr) throws -> ExprNode {
        let node = try exprNode(e)
        let ln = line(e.range)
        guard statementLine != 0, ln > statementLine, LineMarkNode.marks(node) else { return node }
        return LineMarkNode(node, line: ln)
    }

    private func exprNode(_ e: Expr) throws -> ExprNode {
        let ln = line(e.range)
        if suspends(e) { return try resumableExpr(e) }
        switch e.kind {
        case .name(let n):
            return nameLoad(n, line: ln)
        case .constant(.imaginary):
            return SequenceR([], line: ln) { _, _ in throw notImplemented("complex numbers are not supported in Swirl") }
        case .constant(let c):
            return ConstNode(constant(c), line: ln)
        case .fstring(let parts):
            return try fstring(parts, line: ln)
        case .unary(let op, let x):
            let operand = try expr(x)
            if op == .minus, let c = operand as? ConstNode, case .int(let i) = c.value, i != Int.min {
                return ConstNode(.int(-i), line: ln)
            }
            return UnaryNode(op, operand, line: ln)
        case .binary(let a, let op, let b):
            let l = try expr(a), r = try expr(b)
            if let c = r as? ConstNode, case .int(let k) = c.value { return BinaryIntConstNode(op, l, k, line: ln) }
            return BinaryNode(op, l, r, line: ln)
        case .boolOp(let op, let xs):
            return BoolOpNode(isAnd: op == .and, try xs.map { try expr($0) }, line: ln)
        case .compare(let first, let rest):
            if rest.count == 1 {
                let l = try expr(first), r = try expr(rest[0].1)
                if let c = r as? ConstNode, case .int(let k) = c.value, rest[0].0 != .is, rest[0].0 != .isNot,
                   rest[0].0 != .in, rest[0].0 != .notIn {
                    return CompareIntConstNode(rest[0].0, l, k, line: ln)
                }
                return CompareNode(rest[0].0, l, r, line: ln)
            }
            return CompareChainNode(try expr(first), try rest.map { ($0.0, try expr($0.1)) }, line: ln)
        case .ifExp(let t, let b, let o):
            return IfExpNode(test: try expr(t), body: try expr(b), orElse: try expr(o), line: ln)
        case .lambda(let l):
            guard let inner = resolved.scope(l.scopeID) else { throw syntaxError("internal: missing scope", e.range) }
            let code = try compileFunctionBody(inner, name: "<lambda>", params: l.parameters,
                                               kind: inner.isGenerator ? .generator : .function, range: e.range) { c in
                let b = try c.expr(l.body)
                if inner.isGenerator { return Block([ExprStmtR(b, line: ln)], line: ln) }
                return Block([ReturnStmt(b, line: ln)], line: ln)
            }
            return try makeFunction(code, inner, l.parameters, line: ln, defaultValue: expr)
        case .namedExpr(let name, let value):
            return NamedExprNode(target: try nameTarget(name, e.range), value: try expr(value), line: ln)
        case .call(let fn, let args):
            return try call(fn, args, line: ln)
        case .attribute(let o, let name):
            return AttributeNode(try expr(o), attributeKey(name), line: ln)
        case .subscript(let o, let i):
            return SubscriptNode(try expr(o), try expr(i), line: ln)
        case .slice(let a, let b, let c):
            return SliceNode(try a.map { try expr($0) }, try b.map { try expr($0) }, try c.map { try expr($0) }, line: ln)
        case .starred:
            throw syntaxError("can't use starred expression here", e.range)
        case .list(let xs): return DisplayNode(.list, try displayElements(xs), line: ln)
        case .tuple(let xs):
            if xs.allSatisfy({ if case .constant = $0.kind { return true } else { return false } }) {
                return ConstNode(.object(PyTuple(xs.map { if case .constant(let c) = $0.kind { return constant(c) } else { return .none } })), line: ln)
            }
            return DisplayNode(.tuple, try displayElements(xs), line: ln)
        case .set(let xs):
            let elements = try displayElements(xs)
            let constant = elements.count > 2 && elements.allSatisfy { !$0.starred && $0.expr is ConstNode }
            return DisplayNode(constant ? .constantSet : .set, elements, line: ln)
        case .dict(let items):
            return DictDisplayNode(try items.map { item in
                switch item {
                case .pair(let k, let v): return (try expr(k), try expr(v))
                case .unpack(let x): return (nil, try expr(x))
                }
            }, line: ln)
        case .listComp(let c):
            return try comprehension(.list, element: c.element, value: nil, generators: c.generators, id: c.scopeID, name: "<listcomp>", range: e.range)
        case .setComp(let c):
            return try comprehension(.set, element: c.element, value: nil, generators: c.generators, id: c.scopeID, name: "<setcomp>", range: e.range)
        case .dictComp(let c):
            return try comprehension(.dict, element: c.key, value: c.value, generators: c.generators, id: c.scopeID, name: "<dictcomp>", range: e.range)
        case .generator(let c):
            return try comprehension(.generator, element: c.element, value: nil, generators: c.generators, id: c.scopeID, name: "<genexpr>", range: e.range)
        case .await, .yield, .yieldFrom:
            return try resumableExpr(e)
        }
    }

    func constant(_ c: Constant) -> Value {
        switch c {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .ellipsis: return .object(Types.ellipsis)
        case .int(let i): return .int(i)
        case .bigInt(let digits): return .integer(BigInt(digits) ?? 0)
        case .float(let d): return .float(d)
        case .string(let s):
            // Keyed by the UTF-8 bytes: canonically equivalent literals stay distinct.
            let key = Array(s.utf8)
            if let v = strings[key] { return v }
            let v = Value(s)
            strings[key] = v
            return v
        case .bytes(let b): return .object(PyBytes(b))
        case .imaginary: return .none
        }
    }

    private func displayElements(_ xs: [Expr]) throws -> [DisplayElement] {
        try xs.map { x in
            if case .starred(let inner) = x.kind { return DisplayElement(expr: try expr(inner), starred: true) }
            return DisplayElement(expr: try expr(x), starred: false)
        }
    }

    private func fstring(_ parts: [FStringPart], line ln: Int32) throws -> FStringNode {
        var pieces: [FStringNode.Piece] = []
        for p in parts {
            switch p {
            case .literal(let s): pieces.append(.literal(s))
            case .formatted(let v, let conv, let spec, let debug):
                if let debug { pieces.append(.literal(debug)) }
                pieces.append(.value(try expr(v), conversion: conv, spec: try spec.map { try fstring($0, line: ln) }))
            }
        }
        return FStringNode(pieces, line: ln)
    }

    private func call(_ fn: Expr, _ args: [Argument], line ln: Int32) throws -> ExprNode {
        let simple = args.allSatisfy { if case .positional = $0 { return true } else { return false } }
        if case .name("super") = fn.kind, args.isEmpty, case .cell(let classSlot) = scope.binding(for: "__class__") {
            return SuperNode(classSlot: classSlot, line: ln)
        }
        if simple {
            let positional = try args.map { a -> ExprNode in
                if case .positional(let x) = a { return try expr(x) }
                return ConstNode(.none, line: ln)
            }
            if case .attribute(let o, let name) = fn.kind {
                return MethodCallNode(try expr(o), attributeKey(name), positional, line: ln)
            }
            return PositionalCallNode(try expr(fn), positional, line: ln)
        }
        return CallNode(try expr(fn), try args.map { a in
            switch a {
            case .positional(let x): return .positional(try expr(x))
            case .starred(let x): return .starred(try expr(x))
            case .keyword(let name, let x, _): return .keyword(name, try expr(x))
            case .doubleStarred(let x): return .doubleStarred(try expr(x))
            }
        }, line: ln)
    }

    // MARK: comprehensions

    private func comprehension(_ kind: ComprehensionKind, element: Expr, value: Expr?, generators: [Comprehension],
                               id: Int, name: String, range: SourceRange) throws -> ExprNode {
        guard let inner = resolved.scope(id), let first = generators.first else {
            throw syntaxError("internal: missing scope", range)
        }
        let ln = line(range)
        let outerIter = try expr(first.iter)
        let isAsyncGenexp = kind == .generator && comprehensionAwaits(generators, [element])
        let awaits = kind != .generator && comprehensionAwaits(generators, [element] + (value.map { [$0] } ?? []))
        let codeKind: CodeKind = kind == .generator ? (isAsyncGenexp ? .asyncGenerator : .generator) : (awaits ? .coroutine : .function)
        let code = try compileFunctionBody(inner, name: name, params: { var p = Parameters(); p.regular = [Parameter(name: ".0", range: range)]; return p }(),
                                           kind: codeKind, range: range, extraSlots: kind == .generator ? 0 : 1) { c in
            try c.comprehensionBody(kind, element: element, value: value, generators: generators, line: ln)
        }
        let node = ComprehensionNode(code: code, globals: globals, outerIter: outerIter, asyncIter: first.isAsync,
                                     closureSlots: closureSlots(for: inner), line: ln)
        // The outermost iterable is evaluated in the enclosing scope, so an `await` in it
        // suspends the enclosing code before the comprehension starts.
        guard suspends(first.iter) else { return node }
        return SequenceR([outerIter], line: ln) { v, f in try node.build(from: v[0], f) }
    }

    /// Builds `acc = []; for ... in .0: [if ...:] acc.append(element); return acc` (or the
    /// `yield element` form for generator expressions).
    private func comprehensionBody(_ kind: ComprehensionKind, element: Expr, value: Expr?,
                                   generators: [Comprehension], line ln: Int32) throws -> StmtNode {
        var innermost: StmtNode
        if kind == .generator {
            innermost = ExprStmtR(YieldNode(try expr(element), isAsyncGenerator: comprehensionAwaits(generators, [element]), line: ln), line: ln)
        } else {
            innermost = ComprehensionAppend(kind: kind, slot: accumulatorSlot, element: try expr(element),
                                            value: try value.map { try expr($0) }, line: ln)
        }
        // Anything that suspends (the element, a condition, an inner iterable, an `async for`)
        // makes every enclosing loop resumable.
        let resumable = kind == .generator || comprehensionAwaits(generators, [element] + (value.map { [$0] } ?? []))
        for (i, g) in generators.enumerated().reversed() {
            for cond in g.ifs.reversed() {
                let c = try expr(cond)
                innermost = suspends(cond) || resumable ? IfStmtR(c, innermost, nil, line: ln) : IfStmt(c, innermost, nil, line: ln)
            }
            let iter: ExprNode = i == 0 ? LocalLoad(slot: 0, name: ".0", line: ln) : try expr(g.iter)
            let t = try target(g.target)
            if g.isAsync {
                // `.0` is no name the comprehension can mention.
                innermost = AsyncForStmt(t, iter, innermost, nil, privateIterSlot: i == 0 ? 0 : -1, line: ln)
            } else if resumable || suspends(g.iter) {
                innermost = ForStmtR(t, iter, innermost, nil, line: ln)
            } else {
                innermost = ForStmt(t, iter, innermost, nil, line: ln)
            }
        }
        if kind == .generator { return ResumableBlock([innermost], line: ln) }
        let initAcc = LocalAssignStmt(slot: accumulatorSlot, ConstNode(.none, line: ln), line: ln)
        // One unfiltered `for`: the result has exactly as many items as the iterable.
        let sized = generators.count == 1 && generators[0].ifs.isEmpty && !generators[0].isAsync
        let make = ComprehensionInit(kind: kind, slot: accumulatorSlot, sized: sized, line: ln)
        let ret = ReturnStmt(LocalLoad(slot: accumulatorSlot, name: ".acc", line: ln), line: ln)
        _ = initAcc
        let stmts: [StmtNode] = [make, innermost, ret]
        if resumable { return ResumableBlock(stmts, line: ln) }
        return Block(stmts, line: ln)
    }

    // MARK: resumable expressions

    private func resumableExpr(_ e: Expr) throws -> ExprNode {
        let ln = line(e.range)
        switch e.kind {
        case .await(let x):
            return AwaitNode(try expr(x), line: ln)
        case .yield(let x):
            return YieldNode(try x.map { try expr($0) }, isAsyncGenerator: scope.isAsync, line: ln)
        case .yieldFrom(let x):
            return YieldFromNode(try expr(x), line: ln)
        case .boolOp(let op, let xs):
            return BoolOpR(isAnd: op == .and, try xs.map { try expr($0) }, line: ln)
        case .ifExp(let t, let b, let o):
            return IfExpR(test: try expr(t), body: try expr(b), orElse: try expr(o), line: ln)
        case .unary(let op, let x):
            return SequenceR([try expr(x)], line: ln) { v, f in try UnaryNode.apply(op, v[0], f.rt) }
        case .binary(let a, let op, let b):
            return SequenceR([try expr(a), try expr(b)], line: ln) { v, f in try f.rt.binary(op, v[0], v[1]) }
        case .compare(let first, let rest):
            let ops = rest.map { $0.0 }
            return SequenceR(try [expr(first)] + rest.map { try expr($0.1) }, line: ln) { v, f in
                for (i, op) in ops.enumerated() where try !f.rt.compare(op, v[i], v[i + 1]) { return .false }
                return .true
            }
        case .attribute(let o, let name):
            let attributeName = mangled(name)
            return SequenceR([try expr(o)], line: ln) { v, f in try f.rt.getAttribute(v[0], attributeName) }
        case .subscript(let o, let i):
            return SequenceR([try expr(o), try expr(i)], line: ln) { v, f in try f.rt.getItem(v[0], v[1]) }
        case .slice(let a, let b, let c):
            let parts = [a, b, c]
            let present = parts.map { $0 != nil }
            return SequenceR(try parts.compactMap { try $0.map { try expr($0) } }, line: ln) { v, _ in
                var it = v.makeIterator()
                let vals = present.map { $0 ? (it.next() ?? .none) : .none }
                return .object(PySlice(start: vals[0], stop: vals[1], step: vals[2]))
            }
        case .namedExpr(let name, let value):
            let t = try nameTarget(name, e.range)
            return SequenceR([try expr(value)], line: ln) { v, f in
                try t.assign(v[0], f)
                return v[0]
            }
        case .call(let fn, let args):
            var children = [try expr(fn)]
            var shapes: [Int] = []   // 0 positional, 1 starred, 2 keyword, 3 double-starred
            var names: [String] = []
            for a in args {
                switch a {
                case .positional(let x): children.append(try expr(x)); shapes.append(0); names.append("")
                case .starred(let x): children.append(try expr(x)); shapes.append(1); names.append("")
                case .keyword(let n, let x, _): children.append(try expr(x)); shapes.append(2); names.append(n)
                case .doubleStarred(let x): children.append(try expr(x)); shapes.append(3); names.append("")
                }
            }
            return SequenceR(children, line: ln) { v, f in
                var a = Arguments()
                for (i, shape) in shapes.enumerated() {
                    let x = v[i + 1]
                    switch shape {
                    case 0: a.positional.append(x)
                    case 1: a.positional.append(contentsOf: try f.rt.iterateToArray(x))
                    case 2: try f.rt.appendKeyword(&a, names[i], x, callee: v[0])
                    default: try f.rt.appendKeywords(&a, from: x, callee: v[0])
                    }
                }
                return try f.rt.call(v[0], a)
            }
        case .list(let xs), .tuple(let xs), .set(let xs):
            let kind: DisplayKind
            if case .list = e.kind { kind = .list } else if case .tuple = e.kind { kind = .tuple } else { kind = .set }
            let starred = xs.map { if case .starred = $0.kind { return true } else { return false } }
            let children = try xs.map { x -> ExprNode in
                if case .starred(let inner) = x.kind { return try expr(inner) }
                return try expr(x)
            }
            return SequenceR(children, line: ln) { v, f in
                var items: [Value] = []
                for (i, x) in v.enumerated() {
                    if starred[i] { items.append(contentsOf: try f.rt.iterateToArray(x)) } else { items.append(x) }
                }
                return try DisplayNode.build(kind, items, f.rt)
            }
        case .dict(let items):
            var children: [ExprNode] = []
            var isPair: [Bool] = []
            for item in items {
                switch item {
                case .pair(let k, let v):
                    children.append(try expr(k))
                    children.append(try expr(v))
                    isPair.append(true)
                case .unpack(let x):
                    children.append(try expr(x))
                    isPair.append(false)
                }
            }
            return SequenceR(children, line: ln) { v, f in
                let d = PyDict()
                var i = 0
                for pair in isPair {
                    if pair {
                        try f.rt.dictSet(d, v[i], v[i + 1])
                        i += 2
                    } else {
                        try f.rt.dictUpdate(d, v[i])
                        i += 1
                    }
                }
                return .object(d)
            }
        case .fstring(let parts):
            // Evaluate each formatted value (which may suspend), then format.
            var children: [ExprNode] = []
            var layout: [(String?, Character?, FStringNode?)] = []
            for p in parts {
                switch p {
                case .literal(let s): layout.append((s, nil, nil))
                case .formatted(let v, let conv, let spec, let debug):
                    if let debug { layout.append((debug, nil, nil)) }
                    children.append(try expr(v))
                    layout.append((nil, conv, try spec.map { try fstring($0, line: ln) }))
                }
            }
            return SequenceR(children, line: ln) { v, f in
                var out = ""
                var i = 0
                for (lit, conv, spec) in layout {
                    if let lit { out += lit; continue }
                    var specText = ""
                    if let spec, case .object(let so) = try spec.eval(f), let s = so as? PyStr { specText = s.value }
                    out += try FStringNode.format(v[i], conv, specText, f.rt)
                    i += 1
                }
                return Value(out)
            }
        case .listComp(let c):
            let node = try comprehension(.list, element: c.element, value: nil, generators: c.generators, id: c.scopeID, name: "<listcomp>", range: e.range)
            return comprehensionAwaits(c.generators, [c.element]) ? AwaitNode(node, line: ln) : node
        case .setComp(let c):
            let node = try comprehension(.set, element: c.element, value: nil, generators: c.generators, id: c.scopeID, name: "<setcomp>", range: e.range)
            return comprehensionAwaits(c.generators, [c.element]) ? AwaitNode(node, line: ln) : node
        case .dictComp(let c):
            let node = try comprehension(.dict, element: c.key, value: c.value, generators: c.generators, id: c.scopeID, name: "<dictcomp>", range: e.range)
            return comprehensionAwaits(c.generators, [c.key, c.value]) ? AwaitNode(node, line: ln) : node
        case .generator(let c):
            // Only its outermost iterable suspends here (see `comprehension`).
            return try comprehension(.generator, element: c.element, value: nil, generators: c.generators, id: c.scopeID, name: "<genexpr>", range: e.range)
        default:
            // Lambdas whose default values await.
            return SequenceR([], line: ln) { _, _ in throw notImplemented("await in this position is not supported") }
        }
    }

}


/// A compile-time error that is reported as a SyntaxError.
struct CompileError: Error {
    let error: SyntaxError
}

/// CPython's private-name mangling: in class `_Account`, `__name` (not ending in `__`)
/// is `_Account__name`; a class named only with underscores mangles nothing.
func mangledPrivateName(_ name: String, inClass className: String) -> String {
    let owner = className.drop { $0 == "_" }
    guard !owner.isEmpty, name.hasPrefix("__"), !name.hasSuffix("__"), !name.contains(".") else { return name }
    return "_" + owner + name
}
