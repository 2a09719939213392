// Parser tests: the AST shape (via dump) of every supported statement and expression form.

import Testing
@testable import SwirlSyntax

@Suite struct ParserTests {
    @Test(arguments: [
        ("x = 1 + 2 * 3", "(assign [x] (+ 1 (* 2 3)))"),
        ("a, *b = c", "(assign [(tuple a (* b))] c)"),
        ("a = b = c", "(assign [a b] c)"),
        ("a[1] = b.c = d", "(assign [([] a 1) (. b c)] d)"),
        ("x += 1; y **= 2; z //= 3", "(+= x 1)\n(**= y 2)\n(//= z 3)"),
        ("w @= m; v >>= 1", "(@= w m)\n(>>= v 1)"),
        ("x: int", "(annassign x int)"),
        ("a.b: str = 's'", "(annassign (. a b) str \"s\")"),
        ("x = (yield)", "(assign [x] (yield))"),
        ("def g(): x = yield a, b", "(def g #0 (params) (assign [x] (yield (tuple a b))))"),
        ("def g(): yield from z", "(def g #0 (params) (expr (yield-from z)))"),
        ("del x, y[0], z.w", "(del x ([] y 0) (. z w))"),
        ("del (a, b), [c]", "(del (tuple a b) [c])"),
        ("assert x, 'msg'", "(assert x \"msg\")"),
        ("global a, b", "(global a b)"),
        ("nonlocal a", "(nonlocal a)"),
        ("import a.b as c, d", "(import a.b as c d)"),
        ("from ..m import (a, b as c,)", "(from ..m a b as c)"),
        ("from . import x", "(from . x)"),
        ("from ...pkg.mod import *", "(from ...pkg.mod *)"),
        ("raise", "(raise)"),
        ("raise X from e", "(raise X from e)"),
        ("return", "(return)"),
        ("return 1, *a", "(return (tuple 1 (* a)))"),
        ("pass; break; continue", "(pass)\n(break)\n(continue)"),
        ("x = ...", "(assign [x] ...)"),
        ("x = None, True, False", "(assign [x] (tuple None True False))"),
        ("x = (1)", "(assign [x] 1)"),
        ("x = (1,)", "(assign [x] (tuple 1))"),
        ("x = ()", "(assign [x] (tuple))"),
        ("x = []; y = {}", "(assign [x] [])\n(assign [y] (dict))"),
        ("x = [*a, *b]", "(assign [x] [(* a) (* b)])"),
        ("x = 1 \\\n  + 2", "(assign [x] (+ 1 2))"),
    ])
    func simpleStatements(source: String, expected: String) {
        #expect(dumped(source) == expected)
    }

    @Test(arguments: [
        ("x = -1 ** -2", "(assign [x] (- (** 1 (- 2))))"),
        ("x = a or b and not c", "(assign [x] (or a (and b (not c))))"),
        ("x = 1 < 2 == 3 != 4 > 5 >= 6 <= 7", "(assign [x] (cmp 1 < 2 == 3 != 4 > 5 >= 6 <= 7))"),
        ("x = not a in b is not c not in d is e",
         "(assign [x] (not (cmp a in b is not c not in d is e)))"),
        ("x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m",
         "(assign [x] (| a (^ b (& c (>> (<< d e) (- (+ f g) (@ (% (// (/ (* h i) j) k) l) m)))))))"),
        ("x = ~a ** b", "(assign [x] (~ (** a b)))"),
        ("x = a if b else c if d else e", "(assign [x] (if-exp b a (if-exp d c e)))"),
        ("x = (a := 1) + [y := 2][0]", "(assign [x] (+ (:= a 1) ([] [(:= y 2)] 0)))"),
        ("f(a, *b, c=1, **d)", "(expr (call f a *b c=1 **d))"),
        ("f(a=1, *b)", "(expr (call f a=1 *b))"),
        ("f(x for x in y)", "(expr (call f (genexp #0 x (for x y))))"),
        ("f((x for x in y), 1)", "(expr (call f (genexp #0 x (for x y)) 1))"),
        ("f(y := 1)", "(expr (call f (:= y 1)))"),
        ("a.b.c(d)[e]", "(expr ([] (call (. (. a b) c) d) e))"),
        ("a[1:2, ::3]", "(expr ([] a (tuple (slice 1 2 _) (slice _ _ 3))))"),
        ("a[::], a[1:], a[:2], a[::-1], a[*b]",
         "(expr (tuple ([] a (slice _ _ _)) ([] a (slice 1 _ _)) ([] a (slice _ 2 _)) ([] a (slice _ _ (- 1))) ([] a (* b))))"),
        ("a[b, c]", "(expr ([] a (tuple b c)))"),
        ("x = {1: 2, **y}", "(assign [x] (dict (1 2) (** y)))"),
        ("x = {*a, 1}", "(assign [x] (set (* a) 1))"),
        ("x = [i*j for i in r if i if j for j in y]",
         "(assign [x] (listcomp #0 (* i j) (for i r (if i) (if j)) (for j y)))"),
        ("s = {a for a in b}", "(assign [s] (setcomp #0 a (for a b)))"),
        ("d = {k: v for k, v in x.items()}", "(assign [d] (dictcomp #0 k v (for (tuple k v) (call (. x items)))))"),
        ("g = (x async for x in y)", "(assign [g] (genexp #0 x (async-for x y)))"),
        ("x = [y for y in (lambda: z)()]", "(assign [x] (listcomp #1 y (for y (call (lambda #0 (params) z)))))"),
        ("x = lambda a, /, b=1, *c, d, **e: 0",
         "(assign [x] (lambda #0 (params (posonly a) (args b=1) (* c) (kwonly d) (** e)) 0))"),
        ("x = lambda: (yield)", "(assign [x] (lambda #0 (params) (yield)))"),
        ("x = lambda *, k: k", "(assign [x] (lambda #0 (params (kwonly k)) k))"),
        ("x = await y ** 2", "(assign [x] (** (await y) 2))"),
        ("print(*a, sep='')", "(expr (call print *a sep=\"\"))"),
        ("x = 1if 1else 0", "(assign [x] (if-exp 1 1 0))"),
    ])
    func expressions(source: String, expected: String) {
        #expect(dumped(source) == expected)
    }

    @Test(arguments: [
        ("if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
         "(if a (then (pass)) (else (if b (then (pass)) (else (pass)))))"),
        ("if x: y = 1; z = 2", "(if x (then (assign [y] 1) (assign [z] 2)))"),
        ("while x:\n    break\nelse:\n    continue", "(while x (do (break)) (else (continue)))"),
        ("while (n := n - 1): pass", "(while (:= n (- n 1)) (do (pass)))"),
        ("for a, (b, *c) in d: pass", "(for (tuple a (tuple b (* c))) d (do (pass)))"),
        ("for x in 1, 2:\n    pass\nelse:\n    pass", "(for x (tuple 1 2) (do (pass)) (else (pass)))"),
        ("with a, b as (c, d): pass", "(with [a (b as (tuple c d))] (do (pass)))"),
        ("with (open(a) as f, open(b) as g,): pass",
         "(with [((call open a) as f) ((call open b) as g)] (do (pass)))"),
        ("with (a, b): pass", "(with [a b] (do (pass)))"),
        ("with (a, b) as c: pass", "(with [((tuple a b) as c)] (do (pass)))"),
        ("with (a) as b, c: pass", "(with [(a as b) c] (do (pass)))"),
        ("try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    pass",
         "(try (do (pass)) (except (tuple A B) as e (raise X from e)) (except (raise)) (else (pass)) (finally (pass)))"),
        ("try:\n    pass\nfinally:\n    pass", "(try (do (pass)) (finally (pass)))"),
        ("def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    return a",
         "(def f #0 (params (posonly a b=1) (args c=2) (* args) (kwonly d e=3) (** kw)) (-> int) (return a))"),
        ("def h(x: int = 1, *a: int, k: str, **kw: dict) -> None: pass",
         "(def h #0 (params (args x:int=1) (* a:int) (kwonly k:str) (** kw:dict)) (-> None) (pass))"),
        ("@dec\nasync def g():\n    async with a as b, c:\n        await x\n    async for i in y: pass",
         "(async-def g #0 (params) (@ dec) (async-with [(a as b) c] (do (expr (await x)))) (async-for i y (do (pass))))"),
        ("@a.b(c)\n@d\nclass E(F, metaclass=M):\n    x: int = 1\n    def m(self): pass",
         "(class E #1 (bases F) (keywords metaclass=M) (@ (call (. a b) c) d) (annassign x int 1) (def m #0 (params (args self)) (pass)))"),
        ("class C: pass", "(class C #0 (pass))"),
        ("if __name__ == \"__main__\":\n    main()", "(if (cmp __name__ == \"__main__\") (then (expr (call main))))"),
        ("match = 3\nmatch(x)\nmatch.x = 1\nmatch[0]: int", "(assign [match] 3)\n(expr (call match x))\n(assign [(. match x)] 1)\n(annassign ([] match 0) int)"),
        ("\n\n# comment only\n\nx = 1  # trailing\n", "(assign [x] 1)"),
    ])
    func compoundStatements(source: String, expected: String) {
        #expect(dumped(source) == expected)
    }

    @Test func scopeIDsAreUniqueAndCounted() throws {
        let module = try parseModule("def f():\n    g = lambda: [x for x in y]\nclass C: pass\n", filename: "<test>")
        #expect(module.scopeCount == 4)
        #expect(dump(module) == "(def f #2 (params) (assign [g] (lambda #1 (params) (listcomp #0 x (for x y)))))\n(class C #3 (pass))")
    }

    @Test func sourceRanges() throws {
        let module = try parseModule("x = 1\nif a:\n    y = foo(b)\n", filename: "<test>")
        #expect(module.body[0].range == SourceRange(start: .init(line: 1, column: 0), end: .init(line: 1, column: 5)))
        #expect(module.body[1].range == SourceRange(start: .init(line: 2, column: 0), end: .init(line: 3, column: 14)))
        guard case .if(_, let body, _) = module.body[1].kind, case .assign(_, let value) = body[0].kind else {
            Issue.record("unexpected shape")
            return
        }
        #expect(value.range == SourceRange(start: .init(line: 3, column: 8), end: .init(line: 3, column: 14)))
    }

    @Test func byteOrderMarkAndCRLF() {
        #expect(dumped("\u{FEFF}x = 1\r\nif x:\r\n    y = 2\r\n") == "(assign [x] 1)\n(if x (then (assign [y] 2)))")
    }

    @Test func emptyModule() throws {
        #expect(try parseModule("", filename: "<test>").body.isEmpty)
        #expect(try parseModule("\n\n   \n# x\n", filename: "<test>").body.isEmpty)
    }
}
