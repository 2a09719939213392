// The parser's public entry point and its core machinery: the token cursor, error
// construction, nesting-depth guard and scope-ID allocation. The grammar itself lives in
// Parser+Statements.swift, Parser+Expressions.swift, Parser+Parameters.swift,
// Parser+Targets.swift and FString.swift; grammar/swirl.peg documents it.

/// Parses a whole file (or REPL entry) into a `Module`.
///
/// Throws only `SyntaxError` (typed throws). `isIncomplete` on the error is true when the
/// input merely ended too early (open bracket, unterminated triple-quoted string, block
/// header without a body, trailing backslash, dangling decorator).
/// `interactive`: REPL input, where (as in CPython's interactive tokenizer) a grammar error
/// before a tokenizer error always wins, so that a bad line shows at once instead of
/// waiting for a bracket to close.
public func parseModule(_ source: String, filename: String, interactive: Bool = false) throws(SyntaxError) -> Module {
    // Deep recursion must not depend on the caller's stack size.
    let result = withLargeStack { () -> Result<Module, SyntaxError> in
        do throws(SyntaxError) {
            return .success(try parseModuleOnCurrentThread(source, filename: filename, interactive: interactive))
        } catch {
            return .failure(error)
        }
    }
    return try result.get()
}

private func parseModuleOnCurrentThread(_ source: String, filename: String, interactive: Bool) throws(SyntaxError) -> Module {
    let scalars = normalizedScalars(source)
    do throws(SyntaxError) {
        var lexer = Lexer(source: scalars, filename: filename)
        let tokens: [Token]
        do {
            tokens = try lexer.tokenize()
        } catch let lexError {
            // As CPython: a tokenizer error wins over a syntax error in the tokens before
            // it, except an "unexpected indent/unindent" (reported without looking further)
            // and an unclosed bracket, which yields to an error on or before its line
            // (CPython compares the line of the last token the parser read).
            if let (parseError, lastLine) = earlierParseErrorAndLine(lexer.tokensSoFar, filename: filename) {
                if interactive { throw parseError }
                if parseError.message == "unexpected indent" || parseError.message == "unexpected unindent" { throw parseError }
                if lexError.message.hasSuffix("was never closed") && lastLine <= lexError.line { throw parseError }
            }
            throw lexError
        }
        let parser = Parser(tokens: tokens, filename: filename, firstScopeID: 0)
        let body = try parser.parseFile()
        return Module(body: body, scopeCount: parser.nextScopeID)
    } catch var error {
        error.lineText = lineText(scalars, line: error.line)
        return try failWith(error)
    }
}

/// CPython tokenizes lazily, so a grammar error before a tokenizer error wins (an unexpected
/// indent before an unmatched bracket). Parses the tokens produced before the tokenizer
/// failed and returns the grammar error if it happened before their end.
private func earlierParseErrorAndLine(_ tokens: [Token], filename: String) -> (SyntaxError, Int)? {
    guard let last = tokens.last else { return nil }
    var truncated = tokens
    truncated.append(Token(kind: .endMarker, start: last.end, end: last.end, depth: 0))
    let parser = Parser(tokens: truncated, filename: filename, firstScopeID: 0)
    do {
        _ = try parser.parseFile()
        return nil
    } catch {
        guard parser.pos < truncated.count - 1 else { return nil }
        return (error, Int(truncated[parser.pos].start.line))
    }
}

/// Helper so the catch block above can rethrow with a typed error.
private func failWith(_ error: SyntaxError) throws(SyntaxError) -> Module { throw error }

/// The source as scalars with `\r\n` and `\r` turned into `\n` and any BOM removed, as
/// CPython reads source.
private func normalizedScalars(_ source: String) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(source.utf8.count)
    var previousCR = false
    // A leading byte-order mark is not part of the program (CPython skips it too).
    let scalars = source.unicodeScalars
    let body = scalars.first == "\u{FEFF}" ? scalars.dropFirst() : scalars[...]
    for c in body {
        if c == "\r" {
            out.append("\n")
            previousCR = true
            continue
        }
        if c == "\n" && previousCR {
            previousCR = false
            continue
        }
        previousCR = false
        out.append(c)
    }
    return out
}

/// The text of 1-based `line`, without its line break ("" when out of range).
private func lineText(_ scalars: [Unicode.Scalar], line: Int) -> String {
    var current = 1
    var start = 0
    var i = 0
    while i < scalars.count, current < line {
        if scalars[i] == "\n" {
            current += 1
            start = i + 1
        }
        i += 1
    }
    guard current == line else { return "" }
    var endIndex = start
    while endIndex < scalars.count, scalars[endIndex] != "\n" { endIndex += 1 }
    var s = String.UnicodeScalarView()
    s.append(contentsOf: scalars[start..<endIndex])
    return String(s)
}

/// A recursive-descent parser over a token array. One instance parses one file; f-string
/// replacement fields get their own short-lived instance that continues the scope numbering.
final class Parser {
    /// Maximum recursion of the expression grammar (one level per nested expression,
    /// unary operator, `not`, `await`, `**`); bracket nesting is separately capped at 200 by
    /// the lexer. Keeps native stack use bounded.
    static let maxExpressionDepth = 500

    let tokens: [Token]
    var pos = 0
    let filename: String
    var nextScopeID: Int
    var depth = 0

    init(tokens: [Token], filename: String, firstScopeID: Int) {
        self.tokens = tokens
        self.filename = filename
        self.nextScopeID = firstScopeID
    }

    // MARK: Cursor

    var tok: Token { tokens[pos] }

    func peek(_ offset: Int) -> Token {
        let i = pos + offset
        return i < tokens.count ? tokens[i] : tokens[tokens.count - 1]
    }

    /// The end of the most recently consumed token.
    var lastEnd: SourceLocation { pos > 0 ? tokens[pos - 1].end : tokens[0].start }

    @discardableResult
    func advance() -> Token {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    func check(_ op: Operator) -> Bool { tok.isOp(op) }
    func check(_ keyword: Keyword) -> Bool { tok.isKeyword(keyword) }

    func accept(_ op: Operator) -> Bool {
        if tok.isOp(op) { advance(); return true }
        return false
    }

    func accept(_ keyword: Keyword) -> Bool {
        if tok.isKeyword(keyword) { advance(); return true }
        return false
    }

    /// Consumes `op` or fails with `message` ("expected ':'") or "invalid syntax".
    @discardableResult
    func expect(_ op: Operator, _ message: String? = nil) throws(SyntaxError) -> Token {
        guard tok.isOp(op) else {
            if let message, !isTokenLevelError(tok) { throw error(message, at: tok.start) }
            throw invalidSyntax()
        }
        return advance()
    }

    func expectName() throws(SyntaxError) -> (String, Token) {
        guard let name = tok.name else { throw invalidSyntax() }
        return (name, advance())
    }

    func newScopeID() -> Int {
        defer { nextScopeID += 1 }
        return nextScopeID
    }

    func range(from start: SourceLocation) -> SourceRange { SourceRange(start: start, end: lastEnd) }

    // MARK: Depth guard

    /// Counts one level of grammar recursion; pair with `leave()` (use `defer`).
    func enter() throws(SyntaxError) {
        depth += 1
        if depth > Parser.maxExpressionDepth {
            throw error("too many nested parentheses", at: tok.start)
        }
    }

    func leave() { depth -= 1 }

    // MARK: Errors

    func error(_ message: String, at loc: SourceLocation, end: SourceLocation? = nil,
               kind: SyntaxError.Kind = .syntaxError, incomplete: Bool = false) -> SyntaxError {
        var endColumn: Int?
        if let end, end.line == loc.line, end.column > loc.column { endColumn = Int(end.column) }
        return SyntaxError(kind: kind, message: message, filename: filename, line: Int(loc.line),
                           column: Int(loc.column), endColumn: endColumn, lineText: "",
                           isIncomplete: incomplete)
    }

    func error(_ message: String, range: SourceRange) -> SyntaxError {
        error(message, at: range.start, end: range.end)
    }

    /// INDENT/DEDENT in the wrong place are indentation errors, not plain syntax errors.
    private func isTokenLevelError(_ t: Token) -> Bool {
        t.kind == .indent
    }

    /// CPython's generic "invalid syntax" at the current token (or the more specific
    /// indentation message when the token is an unexpected INDENT).
    func invalidSyntax() -> SyntaxError {
        let t = tok
        switch t.kind {
        case .indent:
            // CPython's offset for this error is the indentation width.
            let column = max(0, Int(t.end.column) - 1)
            return error("unexpected indent", at: SourceLocation(line: Int(t.end.line), column: column),
                         kind: .indentationError)
        case .dedent:
            return error("unindent does not match any outer indentation level", at: t.start,
                         kind: .indentationError)
        case .endMarker:
            return error("invalid syntax", at: t.start)
        default:
            return error("invalid syntax", at: t.start, end: t.end)
        }
    }
}
