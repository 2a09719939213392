// f-string tests: literal parts, conversions, format specs with nested fields, the `=`
// debug form, implicit concatenation and the positions of embedded expressions.

import Testing
@testable import SwirlSyntax

@Suite struct FStringTests {
    @Test(arguments: [
        ("f'a{{b}}c{x!s}{y:>10}'", "(expr (f \"a{b}c\" (fmt x !s) (fmt y (spec \">10\"))))"),
        ("f'{z=}{w = !a}{v=:.2f}'",
         "(expr (f (fmt z !r debug=\"z=\") (fmt w !a debug=\"w = \") (fmt v (spec \".2f\") debug=\"v=\")))"),
        ("f'{a:{b}.{c}f}' 'tail'", "(expr (f (fmt a (spec (fmt b) \".\" (fmt c) \"f\")) \"tail\"))"),
        ("f'{x, y}' f'{(lambda: 1)()}'", "(expr (f (fmt (tuple x y)) (fmt (call (lambda #0 (params) 1)))))"),
        ("f\"\"\"{\"q\"}\"\"\" rf'\\d{x}'", "(expr (f (fmt \"q\") \"\\\\d\" (fmt x)))"),
        ("f'\\t{x}\\n'", "(expr (f \"\\t\" (fmt x) \"\\n\"))"),
        ("f'{a != b}{a == b}{d[\"k\"]}'", "(expr (f (fmt (cmp a != b)) (fmt (cmp a == b)) (fmt ([] d \"k\"))))"),
        ("f'{x:{\",\"}}'", "(expr (f (fmt x (spec (fmt \",\")))))"),
        ("f''", "(expr (f))"),
        ("'a' f'b' 'c'", "(expr (f \"abc\"))"),
        ("f'{[i for i in y]}'", "(expr (f (fmt (listcomp #0 i (for i y)))))"),
        ("f'{3 + 4 if False else 7}'", "(expr (f (fmt (if-exp False (+ 3 4) 7))))"),
        ("f'{x!r:>5}'", "(expr (f (fmt x !r (spec \">5\"))))"),
        ("f'{ x }'", "(expr (f (fmt x)))"),
    ])
    func shapes(source: String, expected: String) {
        #expect(dumped(source) == expected)
    }

    @Test func embeddedExpressionPositions() throws {
        let module = try parseModule("s = f'ab{xy}'\nt = f'''\n  {z}'''", filename: "<test>")
        guard case .assign(_, let value) = module.body[0].kind, case .fstring(let parts) = value.kind,
              case .formatted(let e, _, _, _) = parts[1] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(e.range == SourceRange(start: .init(line: 1, column: 9), end: .init(line: 1, column: 11)))
        guard case .assign(_, let value2) = module.body[1].kind, case .fstring(let parts2) = value2.kind,
              case .formatted(let e2, _, _, _) = parts2[1] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(e2.range.start == SourceLocation(line: 3, column: 3))
    }
}
