// Unit tests of the resolver (SwirlResolve): how each scope's names are laid out in slots,
// cells and free variables, which names are global or class-local, comprehension and class
// scoping, generator/async detection, and the scope-dependent SyntaxErrors. Expected scope
// layouts follow CPython 3.11's symtable (co_varnames / co_cellvars / co_freevars); expected
// errors were recorded with `python3 -c "compile(src, 'f', 'exec')"` (offsets are CPython's
// 1-based `offset`, i.e. `column + 1`).

import Testing
import SwirlSyntax
@testable import SwirlResolve

// MARK: - Helpers

/// Parses and resolves `source`.
private func resolved(_ source: String, options: ResolveOptions = ResolveOptions()) throws -> ResolvedModule {
    let module = try parseModule(source, filename: "<test>")
    return try resolve(module, source: source, filename: "<test>", options: options)
}

/// The scope reached from the module scope by following child scopes with these names
/// (e.g. `"outer", "inner"`), failing the test when there is none.
private func scope(_ module: ResolvedModule, _ path: String...,
                   sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Scope {
    var current = module.moduleScope
    for name in path {
        let child = current.children.first { $0.name == name }
        current = try #require(child, "no child scope '\(name)' in '\(current.name)'", sourceLocation: sourceLocation)
    }
    return current
}

/// The SyntaxError the resolver reports for `source` (which must parse), or nil.
private func resolveError(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> SyntaxError? {
    let module: Module
    do {
        module = try parseModule(source, filename: "<test>")
    } catch {
        Issue.record("parser rejected the snippet: \(error.message)", sourceLocation: sourceLocation)
        return nil
    }
    do {
        _ = try resolve(module, source: source, filename: "<test>")
        return nil
    } catch let error as SyntaxError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

// MARK: - Slots: parameters, locals, globals

@Suite struct SlotTests {
    @Test func parametersTakeTheFirstSlotsInOrder() throws {
        let r = try resolved("""
            def f(a, b, c):
                x = a
                y = b
                return x + y + c + z
            """)
        let f = try scope(r, "f")
        #expect(f.kind == .function)
        #expect(f.localNames == ["a", "b", "c", "x", "y"])
        #expect(f.binding(for: "a") == .fast(0))
        #expect(f.binding(for: "b") == .fast(1))
        #expect(f.binding(for: "c") == .fast(2))
        #expect(f.binding(for: "x") == .fast(3))
        #expect(f.binding(for: "y") == .fast(4))
        #expect(f.binding(for: "z") == .global)
        #expect(f.freeNames.isEmpty)
        #expect(f.cellNames.isEmpty)
        #expect(f.slotCount == 5)
    }

    @Test func everyParameterKindGetsASlotBeforeTheLocals() throws {
        let r = try resolved("""
            def f(a, /, b, *args, c, d=1, **kw):
                local = 1
            """)
        let f = try scope(r, "f")
        #expect(f.localNames.count == 7)
        #expect(Set(f.localNames.prefix(6)) == ["a", "b", "args", "c", "d", "kw"])
        #expect(f.localNames.last == "local")
        #expect(f.binding(for: "a") == .fast(0))
        #expect(f.binding(for: "b") == .fast(1))
        #expect(f.binding(for: "local") == .fast(6))
    }

    @Test func lambdaParametersAreSlots() throws {
        let r = try resolved("g = lambda p, q=1: p + q + outside\n")
        let lam = try scope(r, "<lambda>")
        #expect(lam.kind == .lambda)
        #expect(lam.localNames == ["p", "q"])
        #expect(lam.binding(for: "p") == .fast(0))
        #expect(lam.binding(for: "q") == .fast(1))
        #expect(lam.binding(for: "outside") == .global)
    }

    @Test func everyBindingFormMakesALocal() throws {
        let r = try resolved("""
            def f():
                for i in r: pass
                with m as w: pass
                try: pass
                except E as e: pass
                import os.path
                from m2 import n as k
                def g(): pass
                class K: pass
                (t, [u, *v]) = 1, [2, 3]
                q: int
                del dd
                aa += 1
                return i
            """)
        let f = try scope(r, "f")
        #expect(Set(f.localNames) == ["K", "aa", "dd", "e", "g", "i", "k", "os", "q", "t", "u", "v", "w"])
        for name in ["r", "m", "E", "int", "n", "m2"] {
            #expect(f.binding(for: name) == .global, "\(name)")
        }
    }

    @Test func namesOnlyReadAreGlobal() throws {
        let r = try resolved("""
            x = 1
            def f():
                return x + len([])
            """)
        let f = try scope(r, "f")
        #expect(f.localNames.isEmpty)
        #expect(f.binding(for: "x") == .global)
        #expect(f.binding(for: "len") == .global)
        #expect(r.moduleScope.kind == .module)
        #expect(r.moduleScope.binding(for: "x") == .global)
        #expect(r.moduleScope.binding(for: "f") == .global)
    }

    @Test func globalDeclarationKeepsANameOutOfTheSlots() throws {
        let r = try resolved("""
            def f():
                global counter
                counter = 1
                local = 2
            """)
        let f = try scope(r, "f")
        #expect(f.globalNames == ["counter"])
        #expect(f.binding(for: "counter") == .global)
        #expect(!f.localNames.contains("counter"))
        #expect(f.binding(for: "local") == .fast(0))
    }

    @Test func globalDeclarationIsNotInheritedByInnerFunctions() throws {
        // `x` is global in f; g assigns its own local x.
        let r = try resolved("""
            def f():
                global x
                x = 1
                def g():
                    x = 2
                    return x
                return g
            """)
        let f = try scope(r, "f")
        let g = try scope(r, "f", "g")
        #expect(f.binding(for: "x") == .global)
        #expect(f.cellNames.isEmpty)
        #expect(g.binding(for: "x") == .fast(0))
    }

    @Test func scopeLookupByParserID() throws {
        let source = "def f():\n    pass\nclass C:\n    pass\n"
        let module = try parseModule(source, filename: "<test>")
        let r = try resolve(module, source: source, filename: "<test>")
        guard module.body.count == 2, case .functionDef(let def) = module.body[0].kind,
              case .classDef(let cls) = module.body[1].kind else {
            Issue.record("unexpected AST shape")
            return
        }
        let f = try #require(r.scope(def.scopeID))
        let c = try #require(r.scope(cls.scopeID))
        #expect(f.name == "f" && f.kind == .function)
        #expect(c.name == "C" && c.kind == .classBody)
        #expect(f.parent === r.moduleScope)
        #expect(r.moduleScope.children.map(\.name) == ["f", "C"])
    }
}

// MARK: - Closures and nonlocal

@Suite struct ClosureTests {
    @Test func capturedVariableIsACellOutsideAndFreeInside() throws {
        let r = try resolved("""
            def outer():
                x = 1
                y = 2
                def inner():
                    return x
                return inner, y
            """)
        let outer = try scope(r, "outer")
        let inner = try scope(r, "outer", "inner")
        #expect(outer.cellNames == ["x"])
        let xSlot = try #require(outer.slot(of: "x"))
        #expect(outer.binding(for: "x") == .cell(xSlot))
        #expect(outer.binding(for: "y") == .fast(try #require(outer.slot(of: "y"))))
        #expect(outer.freeNames.isEmpty)
        #expect(inner.localNames.isEmpty)
        #expect(inner.freeNames == ["x"])
        #expect(inner.binding(for: "x") == .cell(0))
    }

    @Test func freeSlotsFollowTheLocals() throws {
        let r = try resolved("""
            def outer():
                x = 1
                def inner(a):
                    b = a
                    return a + b + x
                return inner
            """)
        let inner = try scope(r, "outer", "inner")
        #expect(inner.localNames == ["a", "b"])
        #expect(inner.freeNames == ["x"])
        #expect(inner.binding(for: "x") == .cell(2))
        #expect(inner.slotCount == 3)
    }

    @Test func capturedParameterKeepsItsSlotAsACell() throws {
        let r = try resolved("""
            def outer(n):
                def inner():
                    return n
                return inner
            """)
        let outer = try scope(r, "outer")
        #expect(outer.localNames == ["n", "inner"])
        #expect(outer.cellNames == ["n"])
        #expect(outer.binding(for: "n") == .cell(0))
        #expect(outer.binding(for: "inner") == .fast(1))
    }

    @Test func freeVariablePassesThroughAnIntermediateFunction() throws {
        let r = try resolved("""
            def a():
                x = 1
                def b():
                    def c():
                        return x
                    return c
                return b
            """)
        let a = try scope(r, "a")
        let b = try scope(r, "a", "b")
        let c = try scope(r, "a", "b", "c")
        #expect(a.cellNames == ["x"])
        #expect(b.localNames == ["c"])
        #expect(b.freeNames == ["x"])
        #expect(b.binding(for: "x") == .cell(1))
        #expect(!b.cellNames.contains("x"))
        #expect(c.freeNames == ["x"])
        #expect(c.binding(for: "x") == .cell(0))
    }

    @Test func innerAssignmentShadowsInsteadOfCapturing() throws {
        let r = try resolved("""
            def f():
                x = 1
                def g():
                    x = 2
                    return x
                return g
            """)
        #expect(try scope(r, "f").cellNames.isEmpty)
        let g = try scope(r, "f", "g")
        #expect(g.freeNames.isEmpty)
        #expect(g.binding(for: "x") == .fast(0))
    }

    @Test func moduleLevelNamesAreNeverCaptured() throws {
        let r = try resolved("""
            x = 1
            def f():
                def g():
                    return x
                return g
            """)
        let g = try scope(r, "f", "g")
        #expect(g.freeNames.isEmpty)
        #expect(g.binding(for: "x") == .global)
    }

    @Test func nonlocalRebindsTheEnclosingVariable() throws {
        let r = try resolved("""
            def counter():
                n = 0
                def inc():
                    nonlocal n
                    n += 1
                    return n
                return inc
            """)
        let counter = try scope(r, "counter")
        let inc = try scope(r, "counter", "inc")
        #expect(counter.cellNames == ["n"])
        #expect(counter.binding(for: "n") == .cell(0))
        #expect(inc.nonlocalNames == ["n"])
        #expect(inc.localNames.isEmpty)
        #expect(inc.freeNames == ["n"])
        #expect(inc.binding(for: "n") == .cell(0))
    }

    @Test func nonlocalReachesPastAnIntermediateFunction() throws {
        let r = try resolved("""
            def a():
                x = 0
                def b():
                    def c():
                        nonlocal x
                        x = 1
                    return c
                return b
            """)
        #expect(try scope(r, "a").cellNames == ["x"])
        #expect(try scope(r, "a", "b").freeNames == ["x"])
        let c = try scope(r, "a", "b", "c")
        #expect(c.freeNames == ["x"])
        #expect(!c.localNames.contains("x"))
    }
}

// MARK: - Class bodies

@Suite struct ClassScopeTests {
    @Test func classBodyNamesAreClassLocalAndInvisibleToMethods() throws {
        let r = try resolved("""
            class C:
                attr = 1
                other = attr + 1
                def method(self):
                    return attr
            """)
        let c = try scope(r, "C")
        let method = try scope(r, "C", "method")
        #expect(c.kind == .classBody)
        #expect(c.binding(for: "attr") == .classLocal)
        #expect(c.binding(for: "other") == .classLocal)
        #expect(c.binding(for: "method") == .classLocal)
        #expect(c.cellNames.isEmpty)
        #expect(method.localNames == ["self"])
        #expect(method.freeNames.isEmpty)
        #expect(method.binding(for: "attr") == .global)
    }

    @Test func classBodyReadsAnEnclosingFunctionLocalThroughItsCell() throws {
        let r = try resolved("""
            def f():
                y = 1
                class C:
                    z = y
                    def m(self):
                        return y
                return C
            """)
        let f = try scope(r, "f")
        let c = try scope(r, "f", "C")
        let m = try scope(r, "f", "C", "m")
        #expect(f.cellNames == ["y"])
        let ySlot = try #require(c.slot(of: "y"))
        #expect(c.binding(for: "y") == .classDeref(ySlot))
        #expect(c.binding(for: "z") == .classLocal)
        #expect(m.freeNames == ["y"])
        #expect(m.binding(for: "y") == .cell(1))
    }

    @Test func classBodyAssignmentDoesNotCapture() throws {
        let r = try resolved("""
            def f():
                y = 1
                class C:
                    y = 2
                return C
            """)
        #expect(try scope(r, "f").cellNames.isEmpty)
        #expect(try scope(r, "f", "C").binding(for: "y") == .classLocal)
    }

    @Test func globalInClassBody() throws {
        let r = try resolved("""
            class C:
                global g
                g = 1
            """)
        #expect(try scope(r, "C").binding(for: "g") == .global)
    }

    @Test func superGivesTheMethodAClassFreeVariable() throws {
        let r = try resolved("""
            class B:
                pass
            class C(B):
                x = 1
                def m(self):
                    return super().m(), x
                def n(self):
                    return 1
            """)
        let c = try scope(r, "C")
        let m = try scope(r, "C", "m")
        let n = try scope(r, "C", "n")
        #expect(c.cellNames.contains("__class__"))
        #expect(c.binding(for: "x") == .classLocal)
        #expect(m.localNames == ["self"])
        #expect(m.freeNames == ["__class__"])
        #expect(m.binding(for: "__class__") == .cell(1))
        #expect(m.binding(for: "x") == .global)
        #expect(n.freeNames.isEmpty)
        #expect(try scope(r, "B").cellNames.isEmpty)
    }

    @Test func superInANestedLambdaPassesClassThroughTheMethod() throws {
        let r = try resolved("""
            class C:
                def m(self):
                    return lambda: super()
            """)
        #expect(try scope(r, "C").cellNames.contains("__class__"))
        #expect(try scope(r, "C", "m").freeNames == ["__class__"])
        #expect(try scope(r, "C", "m", "<lambda>").freeNames == ["__class__"])
    }

    @Test func superOutsideAClassCreatesNoFreeVariable() throws {
        let r = try resolved("""
            def f():
                return super()
            """)
        let f = try scope(r, "f")
        #expect(f.freeNames.isEmpty)
        #expect(f.binding(for: "super") == .global)
    }
}

// MARK: - Comprehensions

@Suite struct ComprehensionScopeTests {
    @Test func comprehensionHasItsOwnScopeAndTheLoopVariableDoesNotLeak() throws {
        let r = try resolved("""
            def f(xs):
                return [x * 2 for x in xs if x]
            """)
        let f = try scope(r, "f")
        let comp = try scope(r, "f", "<listcomp>")
        #expect(comp.kind == .comprehension)
        #expect(comp.localNames == [".0", "x"])
        #expect(comp.binding(for: "x") == .fast(1))
        #expect(f.localNames == ["xs"])
        #expect(f.binding(for: "x") == .global)
        // The outermost iterable is evaluated in f, so xs is not captured.
        #expect(f.cellNames.isEmpty)
        #expect(comp.freeNames.isEmpty)
    }

    @Test func comprehensionCapturesOtherEnclosingLocals() throws {
        let r = try resolved("""
            def f(xs, k):
                return [x + k for x in xs]
            """)
        #expect(try scope(r, "f").cellNames == ["k"])
        let comp = try scope(r, "f", "<listcomp>")
        #expect(comp.freeNames == ["k"])
        #expect(comp.binding(for: "k") == .cell(2))
    }

    @Test func everyComprehensionKindIsAScope() throws {
        let r = try resolved("""
            def f(xs):
                a = [x for x in xs]
                b = {x for x in xs}
                c = {x: x for x in xs}
                d = (x for x in xs)
                e = [y for x in xs for y in x]
            """)
        let f = try scope(r, "f")
        #expect(f.children.map(\.name) == ["<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>", "<listcomp>"])
        #expect(f.children.allSatisfy { $0.kind == .comprehension })
        #expect(f.localNames == ["xs", "a", "b", "c", "d", "e"])
        let nested = try #require(f.children.last)
        #expect(nested.localNames == [".0", "x", "y"])
    }

    @Test func walrusBindsInTheEnclosingFunction() throws {
        let r = try resolved("""
            def f():
                [y := x for x in range(3)]
                return y
            """)
        let f = try scope(r, "f")
        let comp = try scope(r, "f", "<listcomp>")
        #expect(f.localNames == ["y"])
        #expect(f.cellNames == ["y"])
        #expect(comp.localNames == [".0", "x"])
        #expect(comp.freeNames == ["y"])
        #expect(comp.binding(for: "y") == .cell(2))
    }

    @Test func walrusInNestedComprehensionsBindsInTheFunction() throws {
        let r = try resolved("""
            def f(xs):
                [[(z := j) for j in i] for i in xs]
                return z
            """)
        let f = try scope(r, "f")
        #expect(f.localNames == ["xs", "z"])
        #expect(f.cellNames == ["z"])
        let outerComp = try scope(r, "f", "<listcomp>")
        let innerComp = try scope(r, "f", "<listcomp>", "<listcomp>")
        #expect(outerComp.freeNames == ["z"])
        #expect(innerComp.freeNames == ["z"])
        #expect(!innerComp.localNames.contains("z"))
    }

    @Test func walrusInModuleLevelComprehensionIsGlobal() throws {
        let r = try resolved("[y := x for x in range(3)]\n")
        let comp = try scope(r, "<listcomp>")
        #expect(comp.localNames == [".0", "x"])
        #expect(comp.binding(for: "y") == .global)
    }

    @Test func comprehensionInClassBodyDoesNotSeeClassNames() throws {
        let r = try resolved("""
            class C:
                k = 2
                xs = [k for _ in range(3)]
            """)
        let comp = try scope(r, "C", "<listcomp>")
        #expect(comp.binding(for: "k") == .global)
        #expect(comp.binding(for: "_") == .fast(1))
    }
}

// MARK: - Generators and coroutines

@Suite struct GeneratorAsyncTests {
    @Test func yieldMakesAGenerator() throws {
        let r = try resolved("""
            def plain():
                return 1
            def gen():
                yield 1
            def receiver():
                x = yield
                return x
            def delegating():
                yield from range(3)
            """)
        #expect(try scope(r, "plain").isGenerator == false)
        #expect(try scope(r, "gen").isGenerator)
        #expect(try scope(r, "receiver").isGenerator)
        #expect(try scope(r, "delegating").isGenerator)
        #expect(try scope(r, "gen").isAsync == false)
    }

    @Test func yieldInANestedFunctionOrGenexpDoesNotAffectTheOuter() throws {
        let r = try resolved("""
            def outer():
                def inner():
                    yield 1
                return inner
            def g(ys):
                return (y for y in ys)
            """)
        #expect(try scope(r, "outer").isGenerator == false)
        #expect(try scope(r, "outer", "inner").isGenerator)
        #expect(try scope(r, "g").isGenerator == false)
    }

    @Test func lambdaWithYieldIsAGenerator() throws {
        let r = try resolved("g = lambda: (yield)\n")
        #expect(try scope(r, "<lambda>").isGenerator)
    }

    @Test func asyncDefIsACoroutineAndAsyncGenerator() throws {
        let r = try resolved("""
            async def coro():
                await other()
            async def agen():
                yield 1
            def sync():
                pass
            """)
        let coro = try scope(r, "coro")
        let agen = try scope(r, "agen")
        #expect(coro.isAsync && !coro.isGenerator)
        #expect(agen.isAsync && agen.isGenerator)
        #expect(try scope(r, "sync").isAsync == false)
    }

    @Test func comprehensionInAsyncFunctionMayBeAsync() throws {
        let r = try resolved("""
            async def f(y):
                return [x async for x in y]
            """)
        #expect(try scope(r, "f", "<listcomp>").isAsync)
    }

    @Test func topLevelAwaitWhenAllowed() throws {
        let r = try resolved("await x\n", options: ResolveOptions(allowTopLevelAwait: true))
        #expect(r.moduleScope.isAsync)
    }
}

// MARK: - Scope errors

/// One snippet the resolver must reject, with CPython 3.11's message and position.
struct ExpectedScopeError: CustomStringConvertible, Sendable {
    var source: String
    var message: String
    var line: Int
    /// CPython's 1-based offset.
    var offset: Int
    var description: String { source.debugDescription }
}

private func e(_ source: String, _ message: String, _ line: Int, _ offset: Int) -> ExpectedScopeError {
    ExpectedScopeError(source: source, message: message, line: line, offset: offset)
}

@Suite struct ScopeErrorTests {
    static let cases: [ExpectedScopeError] = [
        // return / await / yield outside a function
        e("return 1", "'return' outside function", 1, 1),
        e("class C:\n    return 1", "'return' outside function", 2, 5),
        e("await x", "'await' outside function", 1, 1),
        e("class C:\n    await x", "'await' outside function", 2, 5),
        e("def f():\n    class C:\n        await x", "'await' outside function", 3, 9),
        e("def f():\n    await x", "'await' outside async function", 2, 5),
        e("async def f():\n    def g():\n        await x", "'await' outside async function", 3, 9),
        e("async def f():\n    lambda: await x", "'await' outside async function", 2, 13),
        e("yield 1", "'yield' outside function", 1, 1),
        e("class C:\n    yield 1", "'yield' outside function", 2, 5),
        e("yield from x", "'yield' outside function", 1, 1),
        // loops
        e("break", "'break' outside loop", 1, 1),
        e("def f():\n    break", "'break' outside loop", 2, 5),
        e("while True:\n    def f():\n        break", "'break' outside loop", 3, 9),
        e("continue", "'continue' not properly in loop", 1, 1),
        e("for i in x:\n    pass\nelse:\n    continue", "'continue' not properly in loop", 4, 5),
        // nonlocal
        e("def f():\n    nonlocal x", "no binding for nonlocal 'x' found", 2, 5),
        e("def f():\n    def g():\n        nonlocal x", "no binding for nonlocal 'x' found", 3, 9),
        e("x = 1\ndef f():\n    nonlocal x", "no binding for nonlocal 'x' found", 3, 5),
        e("nonlocal x", "nonlocal declaration not allowed at module level", 1, 1),
        e("def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x",
          "name 'x' is assigned to before nonlocal declaration", 5, 9),
        e("def f():\n    def g():\n        print(x)\n        nonlocal x\n    x = 1",
          "name 'x' is used prior to nonlocal declaration", 4, 9),
        // global
        e("def f():\n    print(x)\n    global x", "name 'x' is used prior to global declaration", 3, 5),
        e("print(x)\nglobal x", "name 'x' is used prior to global declaration", 2, 1),
        e("def f():\n    x = 1\n    global x", "name 'x' is assigned to before global declaration", 3, 5),
        e("x = 1\nglobal x", "name 'x' is assigned to before global declaration", 2, 1),
        e("def f(x):\n    global x", "name 'x' is parameter and global", 2, 5),
        // parameters
        e("def f(a, a): pass", "duplicate argument 'a' in function definition", 1, 10),
        e("def f(a, *, a): pass", "duplicate argument 'a' in function definition", 1, 13),
        e("def f(a, **a): pass", "duplicate argument 'a' in function definition", 1, 12),
        e("lambda a, a: 0", "duplicate argument 'a' in function definition", 1, 11),
        // generators, async, comprehensions, imports
        e("[(yield x) for x in y]", "'yield' inside list comprehension", 1, 3),
        e("def f():\n    [(yield x) for x in y]", "'yield' inside list comprehension", 2, 7),
        e("async def f():\n    yield from x", "'yield from' inside async function", 2, 5),
        e("async def f():\n    yield 1\n    return 2", "'return' with value in async generator", 3, 5),
        e("def f():\n    async for x in y: pass", "'async for' outside async function", 2, 5),
        e("def f():\n    async with x: pass", "'async with' outside async function", 2, 5),
        e("async with x: pass", "'async with' outside async function", 1, 1),
        e("async for x in y: pass", "'async for' outside async function", 1, 1),
        e("[await x for x in y]", "asynchronous comprehension outside of an asynchronous function", 1, 1),
        e("def f():\n    [await x for x in y]",
          "asynchronous comprehension outside of an asynchronous function", 2, 5),
        e("def f():\n    [x async for x in y]",
          "asynchronous comprehension outside of an asynchronous function", 2, 5),
        e("class C:\n    [(y := 1) for x in z]",
          "assignment expression within a comprehension cannot be used in a class body", 2, 7),
        e("def f():\n    from m import *", "import * only allowed at module level", 2, 19),
    ]

    @Test(arguments: cases)
    func reportsCPythonsError(_ c: ExpectedScopeError) {
        guard let error = resolveError(c.source) else {
            Issue.record("resolved without error; expected \(c.message)")
            return
        }
        #expect(error.kind == .syntaxError)
        #expect(error.message == c.message)
        #expect(error.line == c.line, "line")
        #expect(error.column + 1 == c.offset, "offset")
        #expect(error.filename == "<test>")
    }

    /// Snippets near the error cases that CPython compiles without complaint.
    static let validSources = [
        "def f():\n    return 1",
        "async def f():\n    await g()\n    async for x in y: pass\n    async with z: pass",
        "for i in x:\n    if i:\n        break\n    continue",
        "while x:\n    try:\n        continue\n    finally:\n        pass",
        "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2",
        "global x\nx = 1",
        "def f():\n    global x\n    x = 1",
        "def f(a, b, *args, c, **kw):\n    yield a",
        "async def f():\n    return [await x for x in y]",
        "g = (x async for x in y)",
        "g = (await x for x in y)",
        "def f():\n    return (await x for x in y)",
        "class C:\n    def m(self):\n        return super().m()",
    ]

    @Test(arguments: validSources)
    func acceptsValidProgram(_ source: String) {
        #expect(resolveError(source) == nil)
    }
}
