// Lexer tests: INDENT/DEDENT, line joining, numbers, string literals and escapes.

import Testing
@testable import SwirlSyntax

@Suite struct LexerTests {
    @Test func indentAndDedent() throws {
        let kinds = try tokenKinds("if x:\n    y\n\n    # c\n    z\nw\n")
        #expect(kinds == ["KW:if", "NAME:x", "OP::", "NEWLINE", "INDENT", "NAME:y", "NEWLINE", "NAME:z", "NEWLINE",
                          "DEDENT", "NAME:w", "NEWLINE", "END"])
    }

    @Test func dedentsAtEndOfFile() throws {
        let kinds = try tokenKinds("def f():\n\tif x:\n\t\treturn")
        #expect(kinds.suffix(4) == ["NEWLINE", "DEDENT", "DEDENT", "END"])
    }

    @Test func implicitAndExplicitLineJoining() throws {
        #expect(try tokenKinds("x = (1,\n  2)\n").filter { $0 == "NEWLINE" }.count == 1)
        #expect(try tokenKinds("x = 1 + \\\n    2\n") == ["NAME:x", "OP:=", "NUM:int(1)", "OP:+", "NUM:int(2)", "NEWLINE", "END"])
    }

    @Test func operators() throws {
        let kinds = try tokenKinds("a := b -> c **= d //= e @ f ... g != h <<= i >>= j")
        #expect(kinds.filter { $0.hasPrefix("OP") } == ["OP::=", "OP:->", "OP:**=", "OP://=", "OP:@", "OP:...",
                                                        "OP:!=", "OP:<<=", "OP:>>="])
    }

    @Test func integers() {
        #expect(constant("1_000") == .int(1000))
        #expect(constant("0x_Ff") == .int(255))
        #expect(constant("0o17") == .int(15))
        #expect(constant("0b1010") == .int(10))
        #expect(constant("000") == .int(0))
        #expect(constant("9223372036854775807") == .int(Int.max))
        #expect(constant("9223372036854775808") == .bigInt("9223372036854775808"))
        #expect(constant("0xffffffffffffffffffff") == .bigInt("1208925819614629174706175"))
        #expect(constant("1" + String(repeating: "0", count: 100)) == .bigInt("1" + String(repeating: "0", count: 100)))
    }

    @Test func floats() {
        #expect(constant("1.5e-3") == .float(0.0015))
        #expect(constant("1.") == .float(1.0))
        #expect(constant(".5") == .float(0.5))
        #expect(constant("1e10") == .float(1e10))
        #expect(constant("1_0.0_1") == .float(10.01))
        #expect(constant("1e400") == .float(.infinity))
    }

    @Test func strings() {
        #expect(constant(#""a\tb\x41\101\u00e9\U0001F600""#) == .string("a\tbAAé😀"))
        #expect(constant(#""\q\d""#) == .string(#"\q\d"#))  // unknown escapes kept
        #expect(constant(#"r"\n\"""#) == .string(#"\n\""#))
        #expect(constant(#"'a' "b" '''c'''"#) == .string("abc"))
        #expect(constant("'''x\ny'''") == .string("x\ny"))
        #expect(constant("'a\\\nb'") == .string("ab"))
        #expect(constant(#"U"x" R'\y'"#) == .string(#"x\y"#))
        #expect(constant(#""\N{GREEK SMALL LETTER ALPHA}\N{em dash}""#) == .string("α—"))
        #expect(constant("\"x\"\r\n") == .string("x"))
    }

    @Test func bytes() {
        #expect(constant(#"b"\x00\xff" B'a' rb"\d" Br'e'"#) == .bytes([0, 255, 97, 92, 100, 101]))
        #expect(constant(#"b"\777\u0041""#) == .bytes([255] + Array(#"\u0041"#.utf8)))
    }

    @Test func columnsCountScalars() throws {
        let module = try parseModule("s = 'é😀'; t = 1", filename: "<test>")
        #expect(module.body[1].range.start == SourceLocation(line: 1, column: 10))
    }

    @Test func fStringTokensKeepBody() throws {
        #expect(try tokenKinds("f'{x}' rb'y'") == ["STR:f", "STR:bytes([121])", "NEWLINE", "END"])
    }
}

/// Imaginary literals parse (so a program that never evaluates one still runs); the
/// runtime rejects them when evaluated.
@Test func imaginaryLiteralsParse() throws {
    let module = try parseModule("x = 4j if False else 1.5J\n", filename: "t.py")
    #expect(dump(module).contains("4.0j"))
    #expect(dump(module).contains("1.5j"))
}
