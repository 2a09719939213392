// String literal atoms: implicit concatenation of adjacent literals (str, bytes, f-strings)
// and the Python 3.11 f-string mini-grammar: literal text with `{{`/`}}`, replacement fields
// `{expr=!conv:spec}` whose expressions are lexed and parsed as real expressions at their
// true source positions, and nested fields inside format specs.

extension Parser {
    /// One or more adjacent string tokens.
    func parseStrings() throws(SyntaxError) -> Expr {
        let first = tok
        var pieces: [(StringToken, Token)] = []
        while case .string(let s) = tok.kind {
            pieces.append((s, tok))
            advance()
        }
        let whole = range(from: first.start)
        let hasBytes = pieces.contains { $0.0.isBytes }
        let hasText = pieces.contains { !$0.0.isBytes }
        if hasBytes && hasText {
            throw error("cannot mix bytes and nonbytes literals", at: whole.end)
        }
        if hasBytes {
            var bytes: [UInt8] = []
            for (s, _) in pieces {
                if case .bytes(let b) = s.value { bytes.append(contentsOf: b) }
            }
            return Expr(.constant(.bytes(bytes)), whole)
        }
        guard pieces.contains(where: { $0.0.isFString }) else {
            var text = ""
            for (s, _) in pieces {
                if case .string(let t) = s.value { text += t }
            }
            return Expr(.constant(.string(text)), whole)
        }
        var parts: [FStringPart] = []
        for (s, token) in pieces {
            if s.isFString {
                var scanner = FStringScanner(token: s, tokenEnd: token.end, parser: self)
                for part in try scanner.parse() { appendPart(part, to: &parts) }
            } else if case .string(let t) = s.value {
                appendPart(.literal(t), to: &parts)
            }
        }
        return Expr(.fstring(parts), whole)
    }

    /// Appends, merging adjacent literals and dropping empty ones.
    private func appendPart(_ part: FStringPart, to parts: inout [FStringPart]) {
        if case .literal(let text) = part {
            if text.isEmpty { return }
            if case .literal(let previous)? = parts.last {
                parts[parts.count - 1] = .literal(previous + text)
                return
            }
        }
        parts.append(part)
    }

    /// Parses the text of a replacement field as `(yield_expr | star_expressions)`.
    func parseEmbeddedExpression(_ scalars: [Unicode.Scalar], at start: SourceLocation) throws(SyntaxError) -> Expr {
        var lexer = Lexer(expression: scalars, start: start, filename: filename)
        let tokens = try lexer.tokenize()
        let sub = Parser(tokens: tokens, filename: filename, firstScopeID: nextScopeID)
        sub.depth = depth
        let expr = sub.check(.yield) ? try sub.parseYieldExpression() : try sub.parseStarExpressions()
        guard sub.tok.kind == .endMarker else { throw sub.invalidSyntax() }
        nextScopeID = sub.nextScopeID
        return expr
    }
}

/// Walks the body of one f-string token.
struct FStringScanner {
    private let body: [Unicode.Scalar]
    private let isRaw: Bool
    /// Source location of each body scalar (plus one past the end).
    private let locations: [SourceLocation]
    /// CPython 3.11 reports f-string structure errors at the end of the string token.
    private let tokenEnd: SourceLocation
    private let parser: Parser
    private var i = 0

    init(token: StringToken, tokenEnd: SourceLocation, parser: Parser) {
        self.body = token.body
        self.isRaw = token.isRaw
        self.tokenEnd = tokenEnd
        self.parser = parser
        var locations: [SourceLocation] = []
        locations.reserveCapacity(token.body.count + 1)
        var line = Int(token.bodyStart.line)
        var column = Int(token.bodyStart.column)
        for c in token.body {
            locations.append(SourceLocation(line: line, column: column))
            if c == "\n" {
                line += 1
                column = 0
            } else {
                column += 1
            }
        }
        locations.append(SourceLocation(line: line, column: column))
        self.locations = locations
    }

    private func fail(_ message: String) -> SyntaxError {
        parser.error(message, at: tokenEnd)
    }

    mutating func parse() throws(SyntaxError) -> [FStringPart] {
        try parseParts(inSpec: false, level: 0)
    }

    /// Literal text and replacement fields; in a format spec, stops before the closing `}`.
    private mutating func parseParts(inSpec: Bool, level: Int) throws(SyntaxError) -> [FStringPart] {
        var parts: [FStringPart] = []
        var literal: [Unicode.Scalar] = []
        func flush(_ literal: inout [Unicode.Scalar], _ parts: inout [FStringPart], raw: Bool) throws(SyntaxError) {
            guard !literal.isEmpty else { return }
            if raw {
                var s = String.UnicodeScalarView()
                s.append(contentsOf: literal)
                parts.append(.literal(String(s)))
            } else {
                do {
                    parts.append(.literal(try StringDecoder.decodeString(literal[...])))
                } catch let e {
                    throw parser.error(e.message, at: tokenEnd)
                }
            }
            literal.removeAll()
        }
        while i < body.count {
            let c = body[i]
            if c == "{" {
                if !inSpec, i + 1 < body.count, body[i + 1] == "{" {
                    literal.append("{")
                    i += 2
                    continue
                }
                try flush(&literal, &parts, raw: isRaw)
                i += 1
                parts.append(try parseField(level: level))
                continue
            }
            if c == "}" {
                if inSpec { break }
                if i + 1 < body.count, body[i + 1] == "}" {
                    literal.append("}")
                    i += 2
                    continue
                }
                throw fail("f-string: single '}' is not allowed")
            }
            if c == "\\", !isRaw, i + 1 < body.count {
                // Keep escapes intact for the decoder; `\N{…}` braces are not fields.
                literal.append(c)
                literal.append(body[i + 1])
                i += 2
                if body[i - 1] == "N", i < body.count, body[i] == "{" {
                    while i < body.count, body[i] != "}" { literal.append(body[i]); i += 1 }
                    if i < body.count { literal.append(body[i]); i += 1 }
                }
                continue
            }
            literal.append(c)
            i += 1
        }
        try flush(&literal, &parts, raw: isRaw)
        return parts
    }

    /// A replacement field; `i` is just after its `{`.
    private mutating func parseField(level: Int) throws(SyntaxError) -> FStringPart {
        if level >= 2 { throw fail("f-string: expressions nested too deeply") }
        let exprStart = i
        var nesting = 0
        var quote: Unicode.Scalar?
        scan: while i < body.count {
            let c = body[i]
            if c == "\\" { throw fail("f-string expression part cannot include a backslash") }
            if let q = quote {
                if c == q { quote = nil }
                i += 1
                continue
            }
            switch c {
            case "'", "\"":
                quote = c
            case "(", "[", "{":
                nesting += 1
            case ")", "]":
                if nesting == 0 { throw fail("f-string: unmatched '\(Character(c))'") }
                nesting -= 1
            case "}":
                if nesting == 0 { break scan }
                nesting -= 1
            case "#":
                throw fail("f-string expression part cannot include '#'")
            case "!" where nesting == 0:
                if i + 1 < body.count, body[i + 1] == "=" { i += 1 } else { break scan }
            case ":" where nesting == 0:
                break scan
            case "=" where nesting == 0:
                let next = i + 1 < body.count ? body[i + 1] : " "
                let previous = i > exprStart ? body[i - 1] : " "
                if next == "=" {
                    i += 1
                } else if !"=!<>".unicodeScalars.contains(previous) {
                    break scan
                }
            default:
                break
            }
            i += 1
        }
        if quote != nil { throw fail("f-string: unterminated string") }
        guard i < body.count else { throw fail("f-string: expecting '}'") }
        let exprEnd = i
        let exprScalars = Array(body[exprStart..<exprEnd])
        if exprScalars.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{0C}" }) {
            throw fail("f-string: empty expression not allowed")
        }
        var debugText: String?
        if body[i] == "=" {
            i += 1
            while i < body.count, body[i] == " " || body[i] == "\t" || body[i] == "\n" { i += 1 }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: body[exprStart..<i])
            debugText = String(s)
        }
        var conversion: Character?
        if i < body.count, body[i] == "!" {
            i += 1
            guard i < body.count else { throw fail("f-string: expecting '}'") }
            let c = body[i]
            guard c == "s" || c == "r" || c == "a", i + 1 < body.count, body[i + 1] == ":" || body[i + 1] == "}" else {
                throw fail("f-string: invalid conversion character: expected 's', 'r', or 'a'")
            }
            conversion = Character(c)
            i += 1
        }
        var formatSpec: [FStringPart]?
        if i < body.count, body[i] == ":" {
            i += 1
            formatSpec = try parseParts(inSpec: true, level: level + 1)
        }
        guard i < body.count, body[i] == "}" else { throw fail("f-string: expecting '}'") }
        i += 1
        let value = try parser.parseEmbeddedExpression(exprScalars, at: locations[exprStart])
        if debugText != nil && conversion == nil && formatSpec == nil { conversion = "r" }
        return .formatted(value: value, conversion: conversion, formatSpec: formatSpec, debugText: debugText)
    }
}
