// The resolver: walks a parsed module once to build its scopes, then decides for every
// name whether it is a slot local, a cell, a free variable or a global. It also reports
// the scope-dependent syntax errors CPython's compiler reports ('return' outside
// function, 'await' outside async function, 'break' outside loop, bad nonlocal, ...).
import Foundation
import SwirlSyntax

public struct ResolveOptions: Sendable {
    /// Allow `await`, `async for` and `async with` at module level (the REPL, like
    /// `python -m asyncio`).
    public var allowTopLevelAwait = false
    public init(allowTopLevelAwait: Bool = false) { self.allowTopLevelAwait = allowTopLevelAwait }
}

public func resolve(_ module: Module, source: String, filename: String,
                    options: ResolveOptions = ResolveOptions()) throws -> ResolvedModule {
    var r = Resolver(source: source, filename: filename, options: options)
    return try r.run(module)
}

struct Resolver {
    let lines: [Substring]
    let filename: String
    let options: ResolveOptions
    var scopes: [Int: Scope] = [:]
    var current: Scope
    /// Loop nesting of the current function body (reset inside a new function).
    var loopDepth = 0
    var moduleScope: Scope

    init(source: String, filename: String, options: ResolveOptions) {
        self.lines = source.sourceLines
        self.filename = filename
        self.options = options
        let top = Scope(id: -1, kind: .module, name: "<module>", parent: nil)
        self.current = top
        self.moduleScope = top
        if options.allowTopLevelAwait { top.isAsync = true }
    }

    mutating func run(_ module: Module) throws -> ResolvedModule {
        try visitBody(module.body)
        try finish(moduleScope)
        return ResolvedModule(module: module, moduleScope: moduleScope, scopes: scopes)
    }

    // MARK: errors

    func error(_ message: String, _ range: SourceRange) -> SyntaxError {
        let lineIndex = Int(range.start.line) - 1
        let text = lineIndex >= 0 && lineIndex < lines.count ? String(lines[lineIndex]) : ""
        return SyntaxError(message: message, filename: filename, line: Int(range.start.line),
                           column: Int(range.start.column),
                           endColumn: range.end.line == range.start.line ? Int(range.end.column) : nil,
                           lineText: text.hasSuffix("\r") ? String(text.dropLast()) : text)
    }

    // MARK: scopes

    mutating func push(_ id: Int, _ kind: ScopeKind, _ name: String) -> Scope {
        let s = Scope(id: id, kind: kind, name: name, parent: current)
        current.children.append(s)
        scopes[id] = s
        current = s
        return s
    }

    mutating func pop(_ previous: Scope) { current = previous }

    /// The nearest enclosing scope that is not a comprehension (walrus targets bind there).
    var walrusScope: Scope {
        var s = current
        while s.kind == .comprehension, let p = s.parent { s = p }
        return s
    }

    mutating func bind(_ name: String, _ range: SourceRange) throws {
        current.noteAssigned(name)
    }

    func use(_ name: String) { current.used.insert(name) }

    // MARK: statements

    mutating func visitBody(_ body: [Stmt]) throws {
        for s in body { try visit(s) }
    }

    mutating func visit(_ stmt: Stmt) throws {
        switch stmt.kind {
        case .expr(let e):
            try visit(e)
        case .assign(let targets, let value):
            try visit(value)
            for t in targets { try visitTarget(t) }
        case .augAssign(let target, _, let value):
            try visit(value)
            if case .name(let n) = target.kind { use(n) }
            try visitTarget(target)
        case .annAssign(let target, let annotation, let value):
            if let value { try visit(value) }
            if current.kind != .function && current.kind != .lambda { try visit(annotation) }
            if value != nil || !(current.isFunctionLike) {
                if case .name = target.kind { try visitTarget(target) } else if value != nil { try visitTarget(target) }
            } else if case .name(let n) = target.kind {
                // A bare annotation in a function still makes the name local.
                current.noteAssigned(n)
            }
        case .pass:
            break
        case .break:
            if loopDepth == 0 { throw error("'break' outside loop", stmt.range) }
        case .continue:
            if loopDepth == 0 { throw error("'continue' not properly in loop", stmt.range) }
        case .return(let value):
            if !current.isFunctionLike || current.kind == .comprehension {
                throw error("'return' outside function", stmt.range)
            }
            if let value {
                try visit(value)
                if current.isAsync && current.isGenerator {
                    throw error("'return' with value in async generator", stmt.range)
                }
            }
        case .delete(let targets):
            for t in targets { try visitTarget(t) }
        case .raise(let exc, let cause):
            if let exc { try visit(exc) }
            if let cause { try visit(cause) }
        case .assert(let test, let message):
            try visit(test)
            if let message { try visit(message) }
        case .global(let names):
            if current.kind == .module {
                for n in names {
                    if current.assignedSet.contains(n) {
                        throw error("name '\(n)' is assigned to before global declaration", stmt.range)
                    }
                    if current.used.contains(n) { throw error("name '\(n)' is used prior to global declaration", stmt.range) }
                }
                break
            }
            for n in names {
                if current.parameters.contains(n) { throw error("name '\(n)' is parameter and global", stmt.range) }
                if current.nonlocalNames.contains(n) { throw error("name '\(n)' is nonlocal and global", stmt.range) }
                if current.assignedSet.contains(n) {
                    throw error("name '\(n)' is assigned to before global declaration", stmt.range)
                }
                if current.used.contains(n) { throw error("name '\(n)' is used prior to global declaration", stmt.range) }
                current.globalNames.insert(n)
            }
        case .nonlocal(let names):
            if current.kind == .module { throw error("nonlocal declaration not allowed at module level", stmt.range) }
            for n in names {
                if current.parameters.contains(n) { throw error("name '\(n)' is parameter and nonlocal", stmt.range) }
                if current.globalNames.contains(n) { throw error("name '\(n)' is nonlocal and global", stmt.range) }
                if current.assignedSet.contains(n) {
                    throw error("name '\(n)' is assigned to before nonlocal declaration", stmt.range)
                }
                if current.used.contains(n) { throw error("name '\(n)' is used prior to nonlocal declaration", stmt.range) }
                current.nonlocalNames.insert(n)
                current.nonlocalRanges[n] = stmt.range
            }
        case .import(let aliases):
            for a in aliases {
                let bound = a.asName ?? String(a.name.split(separator: ".").first ?? Substring(a.name))
                try bind(bound, a.range)
            }
        case .importFrom(_, let names, _):
            for a in names where a.name != "*" { try bind(a.asName ?? a.name, a.range) }
            if let star = names.first(where: { $0.name == "*" }), current.kind != .module {
                throw error("import * only allowed at module level", star.range)
            }
        case .if(let test, let body, let orElse):
            try visit(test)
            try visitBody(body)
            try visitBody(orElse)
        case .while(let test, let body, let orElse):
            try visit(test)
            loopDepth += 1
            try visitBody(body)
            loopDepth -= 1
            try visitBody(orElse)
        case .for(let target, let iter, let body, let orElse, let isAsync):
            if isAsync { try checkAsync("asynchronous for", stmt.range, outsideFunctionMessage: "'async for' outside async function") }
            try visit(iter)
            try visitTarget(target)
            loopDepth += 1
            try visitBody(body)
            loopDepth -= 1
            try visitBody(orElse)
        case .with(let items, let body, let isAsync):
            if isAsync { try checkAsync("asynchronous with", stmt.range, outsideFunctionMessage: "'async with' outside async function") }
            for item in items {
                try visit(item.context)
                if let t = item.target { try visitTarget(t) }
            }
            try visitBody(body)
        case .try(let body, let handlers, let orElse, let finally):
            try visitBody(body)
            for h in handlers {
                if let t = h.type { try visit(t) }
                if let n = h.name { try bind(n, h.range) }
                try visitBody(h.body)
            }
            try visitBody(orElse)
            try visitBody(finally)
        case .functionDef(let def):
            for d in def.decorators { try visit(d) }
            try visitDefaults(def.parameters)
            try visitAnnotations(def.parameters)
            if let r = def.returns { try visit(r) }
            try bind(def.name, stmt.range)
            let saved = current
            let savedLoops = loopDepth
            let s = push(def.scopeID, .function, def.name)
            s.isAsync = def.isAsync
            loopDepth = 0
            try declareParameters(def.parameters)
            try visitBody(def.body)
            loopDepth = savedLoops
            pop(saved)
        case .classDef(let def):
            for d in def.decorators { try visit(d) }
            for b in def.bases { try visit(b) }
            for k in def.keywords { try visit(k.value) }
            try bind(def.name, stmt.range)
            let saved = current
            let savedLoops = loopDepth
            _ = push(def.scopeID, .classBody, def.name)
            loopDepth = 0
            try visitBody(def.body)
            loopDepth = savedLoops
            pop(saved)
        }
    }

    /// `await`, `async for`, `async with` need an async function (or the REPL's top level).
    func checkAsync(_ what: String, _ range: SourceRange, outsideFunctionMessage: String) throws {
        var s: Scope? = current
        // Comprehensions inherit the async-ness of their function.
        while let c = s, c.kind == .comprehension {
            if c.isAsync { return }
            s = c.parent
        }
        guard let scope = s else { return }
        if scope.isAsync { return }
        throw error(outsideFunctionMessage, range)
    }

    mutating func visitDefaults(_ p: Parameters) throws {
        for param in p.positionalOnly + p.regular + p.keywordOnly {
            if let d = param.defaultValue { try visit(d) }
        }
    }

    mutating func visitAnnotations(_ p: Parameters) throws {
        var all = p.positionalOnly + p.regular + p.keywordOnly
        if let v = p.varArgs { all.append(v) }
        if let k = p.varKeywords { all.append(k) }
        for param in all { if let a = param.annotation { try visit(a) } }
    }

    mutating func declareParameters(_ p: Parameters) throws {
        var all = p.positionalOnly + p.regular
        if let v = p.varArgs { all.append(v) }
        all += p.keywordOnly
        if let k = p.varKeywords { all.append(k) }
        var seen: Set<String> = []
        for param in all {
            if !seen.insert(param.name).inserted {
                throw error("duplicate argument '\(param.name)' in function definition", param.range)
            }
            current.parameters.append(param.name)
            current.noteAssigned(param.name)
            current.addLocal(param.name)
        }
    }

    // MARK: targets

    mutating func visitTarget(_ t: Expr) throws {
        switch t.kind {
        case .name(let n):
            try bind(n, t.range)
        case .tuple(let elts), .list(let elts):
            for e in elts { try visitTarget(e) }
        case .starred(let e):
            try visitTarget(e)
        case .attribute(let obj, _):
            try visit(obj)
        case .subscript(let obj, let index):
            try visit(obj)
            try visit(index)
        default:
            try visit(t)
        }
    }

    // MARK: expressions

    mutating func visit(_ e: Expr) throws {
        switch e.kind {
        case .name(let n):
            use(n)
            if n == "super" { noteSuperUse() }
        case .constant:
            break
        case .fstring(let parts):
            try visitFString(parts)
        case .unary(_, let x):
            try visit(x)
        case .binary(let l, _, let r):
            try visit(l)
            try visit(r)
        case .boolOp(_, let xs):
            for x in xs { try visit(x) }
        case .compare(let first, let rest):
            try visit(first)
            for (_, x) in rest { try visit(x) }
        case .ifExp(let test, let body, let orElse):
            try visit(test)
            try visit(body)
            try visit(orElse)
        case .lambda(let lam):
            try visitDefaults(lam.parameters)
            let saved = current
            let savedLoops = loopDepth
            _ = push(lam.scopeID, .lambda, "<lambda>")
            loopDepth = 0
            try declareParameters(lam.parameters)
            try visit(lam.body)
            loopDepth = savedLoops
            pop(saved)
        case .namedExpr(let target, let value):
            try visit(value)
            let owner = walrusScope
            if owner.kind == .classBody {
                throw error("assignment expression within a comprehension cannot be used in a class body", e.range)
            }
            if current.kind == .comprehension {
                // Bind in the owner, and make the comprehension see it as a free variable.
                owner.noteAssigned(target)
                current.used.insert(target)
                var s: Scope? = current
                while let c = s, c.kind == .comprehension {
                    c.forcedFree.insert(target)
                    s = c.parent
                }
            } else {
                try bind(target, e.range)
            }
        case .call(let f, let args):
            try visit(f)
            var keywords: Set<String> = []
            for a in args {
                switch a {
                case .positional(let x), .starred(let x), .doubleStarred(let x): try visit(x)
                case .keyword(let name, let x, let range):
                    if !keywords.insert(name).inserted { throw error("keyword argument repeated: \(name)", range) }
                    try visit(x)
                }
            }
        case .attribute(let x, _):
            try visit(x)
        case .subscript(let x, let i):
            try visit(x)
            try visit(i)
        case .slice(let a, let b, let c):
            if let a { try visit(a) }
            if let b { try visit(b) }
            if let c { try visit(c) }
        case .starred(let x):
            try visit(x)
        case .list(let xs), .tuple(let xs), .set(let xs):
            for x in xs { try visit(x) }
        case .dict(let items):
            for item in items {
                switch item {
                case .pair(let k, let v):
                    try visit(k)
                    try visit(v)
                case .unpack(let x):
                    try visit(x)
                }
            }
        case .listComp(let c):
            try visitComprehension(c.generators, c.scopeID, "<listcomp>", e.range) { r in try r.visit(c.element) }
        case .setComp(let c):
            try visitComprehension(c.generators, c.scopeID, "<setcomp>", e.range) { r in try r.visit(c.element) }
        case .generator(let c):
            try visitComprehension(c.generators, c.scopeID, "<genexpr>", e.range) { r in try r.visit(c.element) }
        case .dictComp(let c):
            try visitComprehension(c.generators, c.scopeID, "<dictcomp>", e.range) { r in
                try r.visit(c.key)
                try r.visit(c.value)
            }
        case .await(let x):
            try checkAwait(e.range)
            try visit(x)
        case .yield(let x):
            try noteYield(e.range, isFrom: false)
            if let x { try visit(x) }
        case .yieldFrom(let x):
            try noteYield(e.range, isFrom: true)
            try visit(x)
        }
    }

    func checkAwait(_ range: SourceRange) throws {
        var s: Scope? = current
        while let c = s, c.kind == .comprehension {
            if c.isAsync { return }
            // `await` in a generator expression makes it an async generator expression.
            if c.name == "<genexpr>" {
                c.isAsync = true
                return
            }
            if let r = c.comprehensionRange, let p = c.parent, !enclosingIsAsync(p) {
                throw error("asynchronous comprehension outside of an asynchronous function", r)
            }
            s = c.parent
        }
        guard let scope = s else { return }
        if scope.isAsync { return }
        if scope.kind == .module || scope.kind == .classBody { throw error("'await' outside function", range) }
        throw error("'await' outside async function", range)
    }

    func enclosingIsAsync(_ scope: Scope) -> Bool {
        var p: Scope? = scope
        while let c = p, c.kind == .comprehension {
            if c.isAsync { return true }
            p = c.parent
        }
        return p?.isAsync ?? false
    }

    func noteYield(_ range: SourceRange, isFrom: Bool) throws {
        switch current.kind {
        case .module, .classBody:
            throw error("'yield' outside function", range)
        case .comprehension:
            let what: String
            switch current.name {
            case "<listcomp>": what = "list comprehension"
            case "<setcomp>": what = "set comprehension"
            case "<dictcomp>": what = "dict comprehension"
            default: what = "generator expression"
            }
            throw error("'yield' inside \(what)", range)
        case .function, .lambda:
            if isFrom && current.isAsync { throw error("'yield from' inside async function", range) }
            current.isGenerator = true
        }
    }

    mutating func visitFString(_ parts: [FStringPart]) throws {
        for p in parts {
            if case .formatted(let value, _, let spec, _) = p {
                try visit(value)
                if let spec { try visitFString(spec) }
            }
        }
    }

    mutating func visitComprehension(_ gens: [Comprehension], _ id: Int, _ name: String, _ range: SourceRange,
                                     element: (inout Resolver) throws -> Void) throws {
        guard let first = gens.first else { return }
        // The outermost iterable is evaluated in the enclosing scope.
        try visit(first.iter)
        let saved = current
        let s = push(id, .comprehension, name)
        s.comprehensionRange = range
        // A comprehension in an async function may await; `async for` makes it async too.
        let enclosingAsync: Bool = {
            var p: Scope? = saved
            while let c = p, c.kind == .comprehension { p = c.parent }
            return p?.isAsync ?? false
        }()
        let hasAsyncFor = gens.contains { $0.isAsync }
        if hasAsyncFor || enclosingAsync { s.isAsync = enclosingAsync || hasAsyncFor }
        if hasAsyncFor && !enclosingAsync && name != "<genexpr>" {
            pop(saved)
            throw error("asynchronous comprehension outside of an asynchronous function", range)
        }
        s.parameters.append(".0")
        s.noteAssigned(".0")
        s.addLocal(".0")
        for (i, g) in gens.enumerated() {
            if i > 0 { try visit(g.iter) }
            try visitTarget(g.target)
            for cond in g.ifs { try visit(cond) }
        }
        try element(&self)
        // An element or condition that awaits makes the comprehension a coroutine.
        if name == "<genexpr>" && hasAsyncFor { s.isAsync = true }
        pop(saved)
    }

    /// A function that mentions `super` gets an implicit `__class__` free variable when it
    /// is nested in a class.
    func noteSuperUse() {
        var s: Scope? = current
        while let c = s, c.kind != .function { if c.kind == .classBody || c.kind == .module { return }; s = c.parent }
        current.used.insert("__class__")
    }

    // MARK: finishing: slots, cells, free variables

    /// Top-down: fixes each scope's locals, then resolves the names it uses but does not
    /// bind against the enclosing functions (making them free here and cells there).
    func finish(_ scope: Scope) throws {
        if scope.isFunctionLike {
            for name in scope.assigned
            where !scope.globalNames.contains(name) && !scope.nonlocalNames.contains(name)
                && !scope.forcedFree.contains(name) {
                scope.addLocal(name)
            }
        }
        if scope.kind != .module {
            var wanted = scope.used.union(scope.nonlocalNames).union(scope.forcedFree)
            if scope.kind == .classBody {
                // Names assigned in a class body stay in its namespace.
                wanted.subtract(scope.assignedSet.subtracting(scope.nonlocalNames))
            }
            for name in wanted.sorted() where scope.slot(of: name) == nil && !scope.globalNames.contains(name) {
                if try !resolveFree(name, in: scope) {
                    if scope.nonlocalNames.contains(name) {
                        let range = scope.nonlocalRanges[name] ?? SourceRange(start: SourceLocation(line: 1, column: 0),
                                                                              end: SourceLocation(line: 1, column: 0))
                        var e = error("no binding for nonlocal '\(name)' found", range)
                        e.endColumn = nil
                        throw e
                    }
                    if scope.forcedFree.contains(name) { scope.globalNames.insert(name) }
                }
            }
        }
        for child in scope.children { try finish(child) }
        scope.finishSlots()
    }

    /// Finds `name` in an enclosing function (or the class providing `__class__`); on
    /// success the name becomes free in every scope from `scope` up to the owner, and a
    /// cell in the owner.
    func resolveFree(_ name: String, in scope: Scope) throws -> Bool {
        var chain: [Scope] = [scope]
        var p = scope.parent
        while let s = p, s.kind != .module {
            if name == "__class__" && s.kind == .classBody {
                s.addLocal("__class__")
                s.markCell("__class__")
                for c in chain { c.addFree(name) }
                return true
            }
            if s.isFunctionLike, s.slot(of: name) != nil, !s.freeNames.contains(name) {
                s.markCell(name)
                for c in chain { c.addFree(name) }
                return true
            }
            if s.isFunctionLike, s.freeNames.contains(name) {
                for c in chain { c.addFree(name) }
                return true
            }
            chain.append(s)
            p = s.parent
        }
        return false
    }
}
