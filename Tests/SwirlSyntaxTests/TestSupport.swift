// Helpers shared by the SwirlSyntax tests: parse-and-dump, error capture, token kinds.

@testable import SwirlSyntax

/// The S-expression dump of `source`, or "ERROR: message" when it fails to parse.
func dumped(_ source: String) -> String {
    do {
        return dump(try parseModule(source, filename: "<test>"))
    } catch {
        return "ERROR: \(error.message)"
    }
}

/// The SyntaxError `source` raises, or nil when it parses.
func syntaxError(_ source: String) -> SyntaxError? {
    do {
        _ = try parseModule(source, filename: "<test>")
        return nil
    } catch {
        return error
    }
}

/// Token kinds of `source` as short strings ("NAME:x", "OP:=", "NEWLINE", …).
func tokenKinds(_ source: String) throws -> [String] {
    var lexer = Lexer(source: Array(source.unicodeScalars), filename: "<test>")
    return try lexer.tokenize().map { token in
        switch token.kind {
        case .name(let n): "NAME:\(n)"
        case .keyword(let k): "KW:\(k.rawValue)"
        case .op(let o): "OP:\(o.rawValue)"
        case .number(let c): "NUM:\(c)"
        case .string(let s): "STR:\(s.value.map { "\($0)" } ?? "f")"
        case .newline: "NEWLINE"
        case .indent: "INDENT"
        case .dedent: "DEDENT"
        case .endMarker: "END"
        }
    }
}

/// The single constant a one-expression module evaluates to.
func constant(_ source: String) -> Constant? {
    guard let module = try? parseModule(source, filename: "<test>"), let first = module.body.first,
          case .expr(let e) = first.kind, case .constant(let c) = e.kind else { return nil }
    return c
}
