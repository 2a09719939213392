// Robustness: deep nesting raises SyntaxError instead of overflowing the stack, huge
// literals do not overflow, odd input never crashes, and a 10k-line file parses quickly.

import Testing
@testable import SwirlSyntax

@Suite struct RobustnessTests {
    /// (prefix, repeated piece, count, suffix): kept small so test output stays readable.
    @Test(arguments: [
        ("", "(", 100_000, ""),
        ("", "[", 100_000, String(repeating: "]", count: 100_000)),
        ("x = ", "-", 100_000, "1"),
        ("x = ", "not ", 100_000, "1"),
        ("x = ", "lambda: ", 100_000, "1"),
        ("x = ", "a if b else ", 100_000, "1"),
        ("x = ", "2 ** ", 100_000, "1"),
        ("x = ", "-(", 260, "1" + String(repeating: ")", count: 260)),
        ("x = ", "-~", 300, "1"),
    ] as [(String, String, Int, String)])
    func deepNestingIsASyntaxError(prefix: String, piece: String, count: Int, suffix: String) throws {
        let error = try #require(syntaxError(prefix + String(repeating: piece, count: count) + suffix))
        #expect(error.message == "too many nested parentheses")
    }

    @Test func deepAwaitChainIsAnError() {
        // `await await x` is not valid Python; it must fail cleanly, whatever the depth.
        #expect(syntaxError("x = " + String(repeating: "await ", count: 100_000) + "1") != nil)
    }

    @Test func moderateNestingParses() {
        let brackets = "x = " + String(repeating: "[", count: 199) + String(repeating: "]", count: 199)
        #expect(syntaxError(brackets) == nil)
        #expect(syntaxError("x = " + String(repeating: "-", count: 300) + "1") == nil)
        #expect(syntaxError("x = " + String(repeating: "lambda: ", count: 100) + "1") == nil)
        var blocks = ""
        for level in 0..<99 { blocks += String(repeating: " ", count: level) + "if x:\n" }
        blocks += String(repeating: " ", count: 99) + "pass\n"
        #expect(syntaxError(blocks) == nil)
    }

    @Test func tooManyIndentationLevels() throws {
        var blocks = ""
        for level in 0..<1000 { blocks += String(repeating: " ", count: level) + "if x:\n" }
        let error = try #require(syntaxError(blocks))
        #expect(error.message == "too many levels of indentation")
        #expect(error.kind == .indentationError)
    }

    @Test func hugeLiterals() {
        let digits = String(repeating: "9", count: 5000)
        #expect(constant(digits) == .bigInt(digits))
        #expect(constant("1" + String(repeating: "0", count: 400) + ".0") == .float(.infinity))
    }

    @Test func garbageNeverCrashes() {
        let fragments = ["(", ")", "[", "]", "{", "}", ":", "=", "if", "def", "f'{", "}'", "\"", "'''", "\\",
                         "\n", "    ", "\t", "lambda", "*", "**", "@", "x", "1", "0x", ".", ",", "yield", "async",
                         "for", "in", "not", "is", "é", "\u{0}", "#", "b'", "→", ";", "else", "try", "except"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var source = ""
            for _ in 0..<Int.random(in: 1...30, using: &generator) {
                source += fragments.randomElement(using: &generator) ?? ""
                if Bool.random(using: &generator) { source += " " }
            }
            _ = syntaxError(source)
        }
    }

    @Test func tenThousandLinesParse() throws {
        var source = ""
        for i in 0..<1000 {
            source += """
            def function_\(i)(a, b=2, *args, **kwargs):
                '''Docstring.'''
                total = 0
                for x in range(a):
                    if x % 2 == 0 and not b:
                        total += x * [y for y in args if y][0]
                    else:
                        total -= f"{x!r:>10}".count("1")
                return {"total": total, **kwargs}

            """
        }
        let module = try parseModule(source, filename: "big.py")
        #expect(module.body.count == 1000)
    }
}
