// Syntax error tests: message, exception kind and position compared with CPython 3.11
// (expected values recorded by running python3 on each snippet; offsets are 1-based as
// CPython reports them, so `offset == column + 1`).

import Testing
@testable import SwirlSyntax

struct ExpectedError: CustomStringConvertible, Sendable {
    var source: String
    var kind: SyntaxError.Kind = .syntaxError
    var message: String
    var line: Int
    var offset: Int
    /// CPython's end_offset, checked only when given.
    var endOffset: Int?
    var description: String { source.debugDescription }
}

private func e(_ source: String, _ message: String, _ line: Int, _ offset: Int, _ endOffset: Int? = nil,
               kind: SyntaxError.Kind = .syntaxError) -> ExpectedError {
    ExpectedError(source: source, kind: kind, message: message, line: line, offset: offset, endOffset: endOffset)
}

private let indentation = SyntaxError.Kind.indentationError

@Suite struct ErrorTests {
    static let lexical: [ExpectedError] = [
        e("x = (1,", "'(' was never closed", 1, 5),
        e("x = ((", "'(' was never closed", 1, 6),
        e("x = [1, 2", "'[' was never closed", 1, 5),
        e("x = )", "unmatched ')'", 1, 5),
        e("x = (]", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6),
        e("x = (\n1,\n2]", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 3, 2),
        e("x = \"abc", "unterminated string literal (detected at line 1)", 1, 5),
        e("x = b\"abc", "unterminated string literal (detected at line 1)", 1, 5),
        e("x = rb\"abc\n", "unterminated string literal (detected at line 1)", 1, 5),
        e("x = \"\"\"abc\n\n", "unterminated triple-quoted string literal (detected at line 2)", 1, 5),
        e("x = \"\"\"\n", "unterminated triple-quoted string literal (detected at line 1)", 1, 5),
        e("1a", "invalid decimal literal", 1, 1),
        e("1_", "invalid decimal literal", 1, 2),
        e("1__0", "invalid decimal literal", 1, 2),
        e("1e", "invalid decimal literal", 1, 1),
        e("0x", "invalid hexadecimal literal", 1, 2),
        e("x = 0xg", "invalid hexadecimal literal", 1, 6),
        e("x = 0b2", "invalid digit '2' in binary literal", 1, 7),
        e("x = 0o8", "invalid digit '8' in octal literal", 1, 7),
        e("012", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1),
        e("x = $", "invalid syntax", 1, 5, 6),
        e("a \\ b", "unexpected character after line continuation character", 1, 4),
        e("a = 1 \\", "unexpected EOF while parsing", 1, 8),
        e("b\"é\"", "bytes can only contain ASCII literal characters", 1, 1),
        e("b\"a\" \"b\"", "cannot mix bytes and nonbytes literals", 1, 9),
        e("x = \"a\" f\"b\" b\"c\"", "cannot mix bytes and nonbytes literals", 1, 18),
        e("\"\\N{DASH}\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-7: unknown Unicode character name", 1, 11),
        e("\"\\x4\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 6),
        e(String(repeating: "(", count: 201), "too many nested parentheses", 1, 201),
        e("if 1:\n\tif 2:\n\t\tx\n        y", "inconsistent use of tabs and spaces in indentation", 4, 1, kind: .tabError),
        e("if True:\n  x\n y", "unindent does not match any outer indentation level", 3, 3, kind: indentation),
        e("  x", "unexpected indent", 1, 2, kind: indentation),
        e("\n\n  )", "unexpected indent", 3, 2, kind: indentation),
        e("def f(x):\n  return x\n\n\n   y", "unexpected indent", 5, 3, kind: indentation),
        e("def f():\n  pass\n    x", "unexpected indent", 3, 4, kind: indentation),
    ]

    static let grammar: [ExpectedError] = [
        e("if x\n  pass", "expected ':'", 1, 5),
        e("if x:\n  pass\nelse", "expected ':'", 3, 5),
        // Headers whose grammar says "expected ':'" only at the end of the line.
        e("while x y:\n  pass", "invalid syntax", 1, 9),
        e("class A B:\n  pass", "invalid syntax", 1, 9),
        e("try:\n  pass\nexcept E F:\n  pass", "invalid syntax", 3, 10),
        e("for a in b c:\n  pass", "invalid syntax", 1, 12),
        e("def f() x:\n  pass", "expected ':'", 1, 9),
        e("x = 1 if 2", "expected 'else' after 'if' expression", 1, 5, 11),
        e("def f[T](): pass", "expected '('", 1, 6),
        e("x=1;;", "invalid syntax", 1, 5, 6),
        e("a = b = ", "invalid syntax", 1, 9),
        e("x = 5 6", "invalid syntax", 1, 7, 8),
        e("x = not", "invalid syntax", 1, 8),
        e("x = 1 +", "invalid syntax", 1, 8),
        e("async x", "invalid syntax", 1, 7, 8),
        e("await = 1", "invalid syntax", 1, 7, 8),
        e("f(a, *, b)", "invalid syntax", 1, 7, 8),
        e("a := 1", "invalid syntax", 1, 3, 5),
        e("x: int, y = 1", "invalid syntax", 1, 7, 8),
        e("(a, b for b in c)", "invalid syntax", 1, 7, 10),
        e("f(a for a in b for)", "invalid syntax", 1, 19, 20),
        e("[i for i in *a]", "invalid syntax", 1, 13, 14),
        e("import a.b as", "invalid syntax", 1, 14),
        e("from x import *, a", "invalid syntax", 1, 16, 17),
        e("except: pass", "invalid syntax", 1, 1, 7),
        e("else: pass", "invalid syntax", 1, 1, 5),
        e("if x:\n  pass\n  else: pass", "invalid syntax", 3, 3, 7),
        e("from x import a,", "trailing comma not allowed without surrounding parentheses", 1, 17),
        e("[a b]", "invalid syntax. Perhaps you forgot a comma?", 1, 2, 5),
        e("f(a=1, b)", "positional argument follows keyword argument", 1, 9, 10),
        e("f(**a, b)", "positional argument follows keyword argument unpacking", 1, 9, 10),
        e("f(**a, *b)", "iterable argument unpacking follows keyword argument unpacking", 1, 8),
        e("def f(a=1, b): pass", "non-default argument follows default argument", 1, 12, 13),
        e("lambda x=1, y: 0", "non-default argument follows default argument", 1, 13, 14),
        e("def f(*): pass", "named arguments must follow bare *", 1, 7, 8),
        e("def f(*, **k): pass", "named arguments must follow bare *", 1, 7, 8),
        e("[*a for a in b]", "iterable unpacking cannot be used in comprehension", 1, 2, 4),
        e("f(*a for a in b)", "iterable unpacking cannot be used in comprehension", 1, 3, 5),
        e("{**a for a in b}", "dict unpacking cannot be used in dict comprehension", 1, 2),
        e("f(x for x in y, 1)", "Generator expression must be parenthesized", 1, 3, 15),
        e("print x", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 8),
        e("print \"x\"", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 10),
        e("1 = x", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 2),
        e("f() = 1", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 4),
        e("a + 1 = 2", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1, 6),
        e("a, 1 = x", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 4, 5),
        e("... = 1", "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?", 1, 1, 4),
        e("if x = 1:\n pass", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, 9),
        e("if x.y = 1:\n pass", "cannot assign to attribute here. Maybe you meant '==' instead of '='?", 1, 4, 7),
        e("True = 1", "cannot assign to True", 1, 1, 5),
        e("x = f() = 3", "cannot assign to function call", 1, 5, 8),
        e("f() = 1 = 2", "cannot assign to function call", 1, 1, 4),
        e("[a, b] = 1 = 2", "cannot assign to literal", 1, 10, 11),
        e("not a = 1", "cannot assign to expression", 1, 1, 6),
        e("for 1 in x: pass", "cannot assign to literal", 1, 5, 6),
        e("with a as 1: pass", "cannot assign to literal", 1, 11, 12),
        e("f(True=1)", "cannot assign to True", 1, 3),
        e("f(a.b=1)", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3),
        e("del 1", "cannot delete literal", 1, 5, 6),
        e("del f()", "cannot delete function call", 1, 5, 8),
        e("del *a", "cannot delete starred", 1, 5, 7),
        e("a, *b, *c = d", "multiple starred expressions in assignment", 1, 1, 10),
        e("x = *a", "can't use starred expression here", 1, 5, 7),
        e("*a = b", "starred assignment target must be in a list or tuple", 1, 1, 3),
        e("(a, b) += 1", "'tuple' is an illegal expression for augmented assignment", 1, 1, 7),
        e("x = yield = 3", "assignment to yield expression not possible", 1, 5, 10),
        e("(a.b := 1)", "cannot use assignment expressions with attribute", 1, 2, 5),
        e("(x, y): int", "only single target (not tuple) can be annotated", 1, 1, 7),
        e("try:\n  x\n", "expected 'except' or 'finally' block", 2, 4),
    ]

    static let fstrings: [ExpectedError] = [
        e("f\"{x!z}\"", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9),
        e("f\"{}\"", "f-string: empty expression not allowed", 1, 6),
        e("f\"{x\"", "f-string: expecting '}'", 1, 6),
        e("f\"}\"", "f-string: single '}' is not allowed", 1, 5),
        e("f\"{a#}\"", "f-string expression part cannot include '#'", 1, 8),
        e("f\"{\\n}\"", "f-string expression part cannot include a backslash", 1, 8),
        e("x = f\"{x:{y:{z}}}\"", "f-string: expressions nested too deeply", 1, 19),
    ]

    static let blocks: [ExpectedError] = [
        e("if x:\npass", "expected an indented block after 'if' statement on line 1", 2, 1, 5, kind: indentation),
        e("def f():\nx", "expected an indented block after function definition on line 1", 2, 1, 2, kind: indentation),
        e("for x in y:\nz", "expected an indented block after 'for' statement on line 1", 2, 1, 2, kind: indentation),
        e("class C:\nz", "expected an indented block after class definition on line 1", 2, 1, 2, kind: indentation),
        e("if x:\n", "expected an indented block after 'if' statement on line 1", 1, 6, kind: indentation),
        e("for x in range(3):\n    pass\nelse:\n", "expected an indented block after 'else' statement on line 3", 3, 6, kind: indentation),
        e("try:\n  x\nexcept E:\n", "expected an indented block after 'except' statement on line 3", 3, 10, kind: indentation),
        e("while x:\n", "expected an indented block after 'while' statement on line 1", 1, 9, kind: indentation),
        e("with a:\n", "expected an indented block after 'with' statement on line 1", 1, 8, kind: indentation),
        e("try:\n  x\nfinally:\n", "expected an indented block after 'finally' statement on line 3", 3, 9, kind: indentation),
        e("if x:\n  pass\nelif y:\n", "expected an indented block after 'elif' statement on line 3", 3, 8, kind: indentation),
        e("async def f():\n", "expected an indented block after function definition on line 1", 1, 15, kind: indentation),
        e("class A(B):\n", "expected an indented block after class definition on line 1", 1, 12, kind: indentation),
        e("def f(x):\n  if x:\n", "expected an indented block after 'if' statement on line 2", 2, 8, kind: indentation),
    ]

    /// Constructs Swirl rejects although CPython accepts them.
    static let unsupported: [ExpectedError] = [
        e("match x:\n    case 1:\n        pass", "match statements are not supported", 1, 1, 6),
        e("match (x):\n    case _: pass", "match statements are not supported", 1, 1, 6),
        e("try:\n    pass\nexcept* E:\n    pass", "except* is not supported", 3, 1),
    ]

    @Test(arguments: lexical + grammar + fstrings + blocks + unsupported)
    func matchesCPython(expected: ExpectedError) throws {
        let error = try #require(syntaxError(expected.source))
        #expect(error.message == expected.message)
        #expect(error.kind == expected.kind)
        #expect(error.line == expected.line)
        #expect(error.column + 1 == expected.offset)
        if let endOffset = expected.endOffset {
            #expect(error.endColumn.map { $0 + 1 } == endOffset)
        }
        #expect(error.filename == "<test>")
    }

    @Test func errorCarriesSourceLine() throws {
        let error = try #require(syntaxError("x = 1\nif y\n    pass\n"))
        #expect(error.lineText == "if y")
        #expect(error.line == 2)
    }

    @Test func softKeywordMatchStillWorks() {
        #expect(syntaxError("match = 3\nmatch(x)\nmatch.x = 1\nprint(match)\nmatch[1:2]\n") == nil)
    }
}
