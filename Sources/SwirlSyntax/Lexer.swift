// The tokenizer: turns source scalars into tokens with NEWLINE/INDENT/DEDENT, implicit
// line joining inside brackets, backslash continuations, comments, numbers and string
// literals. Errors use CPython 3.11's tokenizer messages.

/// Tokenizes a whole source text (or, in expression mode, the expression part of an
/// f-string) into an array of tokens ending with `.endMarker`.
struct Lexer {
    /// CPython's MAXLEVEL: deeper bracket nesting is a SyntaxError.
    static let maxBracketDepth = 200
    /// CPython's MAXINDENT: a block may nest at most this many levels (minus one).
    static let maxIndentDepth = 100

    private let src: [Unicode.Scalar]
    private var pos: Int
    private let end: Int
    private var line: Int
    /// `pos - lineStart` is the current column (may start negative-biased for sub-lexers).
    private var lineStart: Int
    private let filename: String
    /// Expression mode (f-string replacement fields): newlines are ignored and no
    /// NEWLINE/INDENT/DEDENT tokens are produced.
    private let expressionMode: Bool

    private var tokens: [Token] = []
    private var indents: [Int] = [0]
    private var altIndents: [Int] = [0]
    private var brackets: [(scalar: Unicode.Scalar, location: SourceLocation)] = []

    init(source: [Unicode.Scalar], filename: String) {
        self.src = source
        self.pos = 0
        self.end = source.count
        self.line = 1
        self.lineStart = 0
        self.filename = filename
        self.expressionMode = false
    }

    /// A lexer for an embedded expression whose first scalar sits at `start` in the file.
    init(expression: [Unicode.Scalar], start: SourceLocation, filename: String) {
        self.src = expression
        self.pos = 0
        self.end = expression.count
        self.line = Int(start.line)
        self.lineStart = -Int(start.column)
        self.filename = filename
        self.expressionMode = true
    }

    /// The tokens produced so far (after a failed `tokenize`, those before the error).
    var tokensSoFar: [Token] { tokens }

    // MARK: - Helpers

    private var location: SourceLocation { SourceLocation(line: line, column: pos - lineStart) }

    private func location(at index: Int) -> SourceLocation {
        SourceLocation(line: line, column: index - lineStart)
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = pos + offset
        return i < end && i >= 0 ? src[i] : nil
    }

    private func error(_ message: String, at loc: SourceLocation, endColumn: Int? = nil,
                       kind: SyntaxError.Kind = .syntaxError, incomplete: Bool = false) -> SyntaxError {
        SyntaxError(kind: kind, message: message, filename: filename, line: Int(loc.line),
                    column: Int(loc.column), endColumn: endColumn, lineText: "", isIncomplete: incomplete)
    }

    private mutating func add(_ kind: TokenKind, from start: SourceLocation) {
        tokens.append(Token(kind: kind, start: start, end: location, depth: brackets.count))
    }

    /// Consumes one line break (`\n`, `\r\n` or `\r`) at `pos` and starts a new line.
    private mutating func consumeNewline() {
        if src[pos] == "\r", pos + 1 < end, src[pos + 1] == "\n" { pos += 1 }
        pos += 1
        line += 1
        lineStart = pos
    }

    static func isNewline(_ c: Unicode.Scalar) -> Bool { c == "\n" || c == "\r" }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
        }
        return c.properties.isXIDStart
    }

    static func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_"
        }
        return c.properties.isXIDContinue
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    // MARK: - Main loop

    mutating func tokenize() throws(SyntaxError) -> [Token] {
        tokens.reserveCapacity(end / 3 + 8)
        var atLineStart = !expressionMode
        while true {
            if atLineStart {
                // Blank and comment-only lines leave us at the start of the next line.
                if try !handleIndentation() { continue }
                atLineStart = false
            }
            // Skip horizontal whitespace.
            while let c = peek(), c == " " || c == "\t" || c == "\u{0C}" { pos += 1 }
            guard let c = peek() else { break }
            if c == "#" {
                while let c = peek(), !Lexer.isNewline(c) { pos += 1 }
                continue
            }
            if Lexer.isNewline(c) {
                let start = location
                consumeNewline()
                if brackets.isEmpty && !expressionMode {
                    tokens.append(Token(kind: .newline, start: start,
                                        end: SourceLocation(line: Int(start.line), column: Int(start.column) + 1),
                                        depth: 0))
                    atLineStart = true
                }
                continue
            }
            if c == "\\" {
                let start = location
                pos += 1
                guard let next = peek() else {
                    throw error("unexpected EOF while parsing",
                                at: SourceLocation(line: Int(start.line), column: Int(start.column) + 1), incomplete: true)
                }
                guard Lexer.isNewline(next) else {
                    throw error("unexpected character after line continuation character", at: location)
                }
                consumeNewline()
                if peek() == nil && !expressionMode {
                    throw error("unexpected EOF while parsing",
                                at: SourceLocation(line: Int(start.line), column: Int(start.column) + 1), incomplete: true)
                }
                continue
            }
            try lexToken(c)
        }
        return try finish()
    }

    /// Measures the indentation of a new logical line and emits INDENT/DEDENT tokens.
    /// Returns false when the line is blank or a comment (nothing to emit; loop again).
    private mutating func handleIndentation() throws(SyntaxError) -> Bool {
        var col = 0
        var altCol = 0
        while let c = peek() {
            if c == " " {
                col += 1; altCol += 1
            } else if c == "\t" {
                col = (col / 8 + 1) * 8
                altCol += 1
            } else if c == "\u{0C}" {
                col = 0; altCol = 0
            } else {
                break
            }
            pos += 1
        }
        guard let c = peek() else { return true }
        if c == "#" || Lexer.isNewline(c) {
            // Blank or comment-only line: no tokens, no indentation change.
            while let c = peek(), !Lexer.isNewline(c) { pos += 1 }
            if peek() != nil { consumeNewline() }
            return false
        }
        let top = indents[indents.count - 1]
        let altTop = altIndents[altIndents.count - 1]
        let here = location
        if col == top {
            if altCol != altTop { throw tabError() }
        } else if col > top {
            if altCol <= altTop { throw tabError() }
            if indents.count >= Lexer.maxIndentDepth {
                throw error("too many levels of indentation", at: here, kind: .indentationError)
            }
            indents.append(col)
            altIndents.append(altCol)
            tokens.append(Token(kind: .indent, start: SourceLocation(line: line, column: 0), end: here, depth: 0))
        } else {
            while indents.count > 1, col < indents[indents.count - 1] {
                indents.removeLast()
                altIndents.removeLast()
                tokens.append(Token(kind: .dedent, start: here, end: here, depth: 0))
            }
            if col != indents[indents.count - 1] {
                throw error("unindent does not match any outer indentation level",
                            at: SourceLocation(line: line, column: lineLength()), kind: .indentationError)
            }
            if altCol != altIndents[altIndents.count - 1] { throw tabError() }
        }
        return true
    }

    private func tabError() -> SyntaxError {
        error("inconsistent use of tabs and spaces in indentation", at: SourceLocation(line: line, column: 0),
              kind: .tabError)
    }

    /// Length of the current line in scalars (for CPython's end-of-line error offsets).
    private func lineLength() -> Int {
        var i = pos
        while i < end, !Lexer.isNewline(src[i]) { i += 1 }
        return i - lineStart
    }

    private mutating func finish() throws(SyntaxError) -> [Token] {
        if let open = brackets.last {
            throw error("'\(Character(open.scalar))' was never closed", at: open.location, incomplete: true)
        }
        let here = location
        if !expressionMode {
            if let last = tokens.last, !(last.kind == .newline || last.kind == .dedent || last.kind == .indent) {
                tokens.append(Token(kind: .newline, start: here, end: here, depth: 0))
            }
            for _ in 1..<indents.count {
                tokens.append(Token(kind: .dedent, start: here, end: here, depth: 0))
            }
        }
        tokens.append(Token(kind: .endMarker, start: here, end: here, depth: 0))
        return tokens
    }

    // MARK: - Tokens

    /// The text of a run of scalars (a name): ASCII, the common case, is written byte by
    /// byte, much faster than appending scalars to a string one by one.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard scalars.allSatisfy({ $0.isASCII }) else {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            return text
        }
        return String(unsafeUninitializedCapacity: scalars.count) { bytes in
            var i = 0
            for scalar in scalars {
                bytes[i] = UInt8(truncatingIfNeeded: scalar.value)
                i += 1
            }
            return i
        }
    }

    private mutating func lexToken(_ c: Unicode.Scalar) throws(SyntaxError) {
        let start = location
        if Lexer.isIdentifierStart(c) {
            let begin = pos
            pos += 1
            while let c = peek(), Lexer.isIdentifierContinue(c) { pos += 1 }
            if let q = peek(), q == "\"" || q == "'", pos - begin <= 2,
               let prefix = StringPrefix(src[begin..<pos]) {
                try lexString(prefix: prefix, start: start)
                return
            }
            let text = Lexer.string(src[begin..<pos])
            if let keyword = Keyword.byName[text] {
                add(.keyword(keyword), from: start)
            } else {
                add(.name(text), from: start)
            }
            return
        }
        if Lexer.isDigit(c) || (c == "." && (peek(1).map(Lexer.isDigit) ?? false)) {
            try lexNumber(start: start)
            return
        }
        if c == "\"" || c == "'" {
            try lexString(prefix: StringPrefix(), start: start)
            return
        }
        try lexOperator(c, start: start)
    }

    private mutating func lexOperator(_ c: Unicode.Scalar, start: SourceLocation) throws(SyntaxError) {
        // Brackets first: they maintain the nesting stack.
        switch c {
        case "(", "[", "{":
            if brackets.count >= Lexer.maxBracketDepth {
                throw error("too many nested parentheses", at: start)
            }
            pos += 1
            add(.op(c == "(" ? .lparen : c == "[" ? .lbracket : .lbrace), from: start)
            brackets.append((c, start))
            return
        case ")", "]", "}":
            guard let open = brackets.last else {
                throw error("unmatched '\(Character(c))'", at: start)
            }
            let expected: Unicode.Scalar = open.scalar == "(" ? ")" : open.scalar == "[" ? "]" : "}"
            if c != expected {
                var message = "closing parenthesis '\(Character(c))' does not match opening parenthesis '\(Character(open.scalar))'"
                if open.location.line != start.line { message += " on line \(open.location.line)" }
                throw error(message, at: start)
            }
            brackets.removeLast()
            pos += 1
            add(.op(c == ")" ? .rparen : c == "]" ? .rbracket : .rbrace), from: start)
            return
        default:
            break
        }
        if let (op, length) = matchOperator(c) {
            pos += length
            add(.op(op), from: start)
            return
        }
        if c.isASCII {
            if c.value < 0x20 || c.value == 0x7F {
                throw error("invalid non-printable character U+\(hex4(c.value))", at: start)
            }
            throw error("invalid syntax", at: start, endColumn: Int(start.column) + 1)
        }
        if !c.properties.isWhitespace && c.properties.generalCategory != .control
            && c.properties.generalCategory != .format {
            throw error("invalid character '\(Character(c))' (U+\(hex4(c.value)))", at: start)
        }
        throw error("invalid non-printable character U+\(hex4(c.value))", at: start)
    }

    /// Longest-match operator recognition without building strings (hot path).
    private func matchOperator(_ c: Unicode.Scalar) -> (Operator, Int)? {
        let c1 = peek(1)
        let c2 = peek(2)
        switch c {
        case ",": return (.comma, 1)
        case ";": return (.semicolon, 1)
        case "~": return (.tilde, 1)
        case ".": return c1 == "." && c2 == "." ? (.ellipsis, 3) : (.dot, 1)
        case ":": return c1 == "=" ? (.walrus, 2) : (.colon, 1)
        case "=": return c1 == "=" ? (.equal, 2) : (.assign, 1)
        case "!": return c1 == "=" ? (.notEqual, 2) : nil
        case "+": return c1 == "=" ? (.plusAssign, 2) : (.plus, 1)
        case "-":
            if c1 == "=" { return (.minusAssign, 2) }
            return c1 == ">" ? (.arrow, 2) : (.minus, 1)
        case "%": return c1 == "=" ? (.percentAssign, 2) : (.percent, 1)
        case "@": return c1 == "=" ? (.atAssign, 2) : (.at, 1)
        case "&": return c1 == "=" ? (.amperAssign, 2) : (.amper, 1)
        case "|": return c1 == "=" ? (.vbarAssign, 2) : (.vbar, 1)
        case "^": return c1 == "=" ? (.circumflexAssign, 2) : (.circumflex, 1)
        case "*":
            if c1 == "*" { return c2 == "=" ? (.doubleStarAssign, 3) : (.doubleStar, 2) }
            return c1 == "=" ? (.starAssign, 2) : (.star, 1)
        case "/":
            if c1 == "/" { return c2 == "=" ? (.doubleSlashAssign, 3) : (.doubleSlash, 2) }
            return c1 == "=" ? (.slashAssign, 2) : (.slash, 1)
        case "<":
            if c1 == "<" { return c2 == "=" ? (.leftShiftAssign, 3) : (.leftShift, 2) }
            if c1 == ">" { return nil }
            return c1 == "=" ? (.lessEqual, 2) : (.less, 1)
        case ">":
            if c1 == ">" { return c2 == "=" ? (.rightShiftAssign, 3) : (.rightShift, 2) }
            return c1 == "=" ? (.greaterEqual, 2) : (.greater, 1)
        default: return nil
        }
    }

    private func hex4(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    // MARK: - Numbers

    private mutating func lexNumber(start: SourceLocation) throws(SyntaxError) {
        if src[pos] == "0", let p = peek(1), "xXoObB".unicodeScalars.contains(p) {
            let radix = (p == "x" || p == "X") ? 16 : (p == "o" || p == "O") ? 8 : 2
            let kindName = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary"
            pos += 2
            var digits: [Unicode.Scalar] = []
            while true {
                if peek() == "_" { pos += 1 }
                guard let d = peek(), let v = NumberLiteral.digitValue(d), v < radix else {
                    if let d = peek(), Lexer.isDigit(d) {
                        throw error("invalid digit '\(Character(d))' in \(kindName) literal", at: location)
                    }
                    if digits.isEmpty || src[pos - 1] == "_" {
                        throw error("invalid \(kindName) literal", at: location(at: pos - 1))
                    }
                    break
                }
                digits.append(d)
                pos += 1
            }
            try checkNumberEnd(kindName: kindName)
            add(.number(NumberLiteral.integer(digits: digits, radix: radix)), from: start)
            return
        }
        var isFloat = false
        var text: [Unicode.Scalar] = []
        // Reads digit ('_'? digit)*; a dangling '_' is an error.
        func readDigits(_ lexer: inout Lexer, into text: inout [Unicode.Scalar]) throws(SyntaxError) {
            while let d = lexer.peek(), Lexer.isDigit(d) {
                text.append(d)
                lexer.pos += 1
                if lexer.peek() == "_" {
                    guard let n = lexer.peek(1), Lexer.isDigit(n) else {
                        throw lexer.error("invalid decimal literal", at: lexer.location)
                    }
                    lexer.pos += 1
                }
            }
        }
        try readDigits(&self, into: &text)
        let integerDigits = text
        if peek() == "." {
            isFloat = true
            text.append(".")
            pos += 1
            try readDigits(&self, into: &text)
        }
        if let e = peek(), e == "e" || e == "E" {
            var offset = 1
            if let s = peek(1), s == "+" || s == "-" { offset = 2 }
            if let d = peek(offset), Lexer.isDigit(d) {
                isFloat = true
                text.append("e")
                if offset == 2, let s = peek(1) { text.append(s) }
                pos += offset
                try readDigits(&self, into: &text)
            } else if !(peek(1) == "l" && peek(2) == "s" && peek(3) == "e") {
                // `1else` is tolerated (as CPython does); `1e` alone is not.
                throw error("invalid decimal literal", at: start)
            }
        }
        if let j = peek(), j == "j" || j == "J" {
            pos += 1
            try checkNumberEnd(kindName: "decimal")
            var s = ""
            s.unicodeScalars.append(contentsOf: text)
            add(.number(.imaginary(Double(s) ?? .infinity)), from: start)
            return
        }
        try checkNumberEnd(kindName: "decimal")
        if isFloat {
            var s = ""
            s.unicodeScalars.append(contentsOf: text)
            add(.number(.float(Double(s) ?? .infinity)), from: start)
            return
        }
        if integerDigits.count > 1, integerDigits[0] == "0", integerDigits.contains(where: { $0 != "0" }) {
            throw error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        at: start, endColumn: pos - lineStart + 1)
        }
        add(.number(NumberLiteral.integer(digits: integerDigits, radix: 10)), from: start)
    }

    /// After a number, an identifier character is an error unless it starts one of the
    /// keywords CPython tolerates there (`1if x else 2`).
    private mutating func checkNumberEnd(kindName: String) throws(SyntaxError) {
        guard let c = peek(), Lexer.isIdentifierContinue(c) else { return }
        for keyword in ["and", "else", "for", "if", "in", "is", "not", "or"] {
            var matches = true
            for (k, ks) in keyword.unicodeScalars.enumerated() where peek(k) != ks {
                matches = false
                break
            }
            if matches { return }
        }
        throw error("invalid \(kindName) literal", at: location(at: pos - 1))
    }

    // MARK: - Strings

    private mutating func lexString(prefix: StringPrefix, start: SourceLocation) throws(SyntaxError) {
        guard let quote = peek() else { return }
        let isTriple = peek(1) == quote && peek(2) == quote
        pos += isTriple ? 3 : 1
        let bodyBegin = pos
        let bodyStart = location
        var bodyEnd = pos
        while true {
            guard let c = peek() else {
                if isTriple {
                    // CPython does not count a final line break as a further line.
                    let detected = pos > 0 && Lexer.isNewline(src[pos - 1]) && line > Int(start.line) ? line - 1 : line
                    throw error("unterminated triple-quoted string literal (detected at line \(detected))",
                                at: start, incomplete: true)
                }
                throw error("unterminated string literal (detected at line \(line))", at: start)
            }
            if c == "\\" {
                pos += 1
                if let n = peek() {
                    if Lexer.isNewline(n) { consumeNewline() } else { pos += 1 }
                }
                continue
            }
            if Lexer.isNewline(c) {
                if !isTriple {
                    throw error("unterminated string literal (detected at line \(line))", at: start)
                }
                consumeNewline()
                continue
            }
            if c == quote {
                if !isTriple {
                    bodyEnd = pos
                    pos += 1
                    break
                }
                if peek(1) == quote && peek(2) == quote {
                    bodyEnd = pos
                    pos += 3
                    break
                }
            }
            pos += 1
        }
        let body = Array(src[bodyBegin..<bodyEnd])
        var token = StringToken(isRaw: prefix.isRaw, isBytes: prefix.isBytes, isFString: prefix.isFString,
                                isTriple: isTriple, value: nil, body: body, bodyStart: bodyStart)
        if !prefix.isFString {
            do {
                token.value = try StringDecoder.decode(body, raw: prefix.isRaw, bytes: prefix.isBytes)
            } catch let message {
                // CPython reports decoding errors at the end of the literal.
                if message.message.hasPrefix("bytes can only") {
                    throw error(message.message, at: start, endColumn: pos - lineStart)
                }
                throw error(message.message, at: location)
            }
        }
        add(.string(token), from: start)
    }
}

/// The prefix letters of a string literal (`rb`, `F`, `u`, …).
struct StringPrefix {
    var isRaw = false
    var isBytes = false
    var isFString = false

    init() {}

    /// Nil when the letters are not a valid prefix.
    init?(_ letters: ArraySlice<Unicode.Scalar>) {
        var sawU = false
        for c in letters {
            switch c {
            case "r", "R": if isRaw { return nil }; isRaw = true
            case "b", "B": if isBytes || isFString { return nil }; isBytes = true
            case "f", "F": if isFString || isBytes { return nil }; isFString = true
            case "u", "U": if sawU || letters.count > 1 { return nil }; sawU = true
            default: return nil
            }
        }
    }
}
