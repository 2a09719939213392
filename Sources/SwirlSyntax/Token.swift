// The tokens the lexer hands to the parser: kinds, operators, keywords and the payload of
// string literals (kept undecoded for f-strings so the parser can see the expression parts).

/// Python's hard keywords (soft keywords such as `match` are lexed as names).
public enum Keyword: String, Sendable, CaseIterable {
    case `false` = "False", `none` = "None", `true` = "True"
    case and, `as`, assert, async, await, `break`, `class`, `continue`, def, del, elif, `else`
    case except, finally, `for`, from, global, `if`, `import`, `in`, `is`, lambda, nonlocal, not
    case or, pass, raise, `return`, `try`, `while`, with, yield

    static let byName: [String: Keyword] = {
        var table: [String: Keyword] = [:]
        for keyword in Keyword.allCases { table[keyword.rawValue] = keyword }
        return table
    }()
}

/// Operators and delimiters.
public enum Operator: String, Sendable, CaseIterable {
    case lparen = "(", rparen = ")", lbracket = "[", rbracket = "]", lbrace = "{", rbrace = "}"
    case comma = ",", colon = ":", semicolon = ";", dot = ".", ellipsis = "...", arrow = "->"
    case assign = "=", walrus = ":="
    case plus = "+", minus = "-", star = "*", doubleStar = "**", slash = "/", doubleSlash = "//"
    case percent = "%", at = "@", amper = "&", vbar = "|", circumflex = "^", tilde = "~"
    case leftShift = "<<", rightShift = ">>"
    case less = "<", greater = ">", lessEqual = "<=", greaterEqual = ">=", equal = "==", notEqual = "!="
    case plusAssign = "+=", minusAssign = "-=", starAssign = "*=", slashAssign = "/=", percentAssign = "%="
    case atAssign = "@=", amperAssign = "&=", vbarAssign = "|=", circumflexAssign = "^="
    case leftShiftAssign = "<<=", rightShiftAssign = ">>=", doubleStarAssign = "**=", doubleSlashAssign = "//="

    /// The binary operator of an augmented assignment (`+=` → `+`).
    var augmentedOperator: BinaryOperator? {
        switch self {
        case .plusAssign: .add
        case .minusAssign: .sub
        case .starAssign: .mul
        case .slashAssign: .div
        case .percentAssign: .mod
        case .atAssign: .matMul
        case .amperAssign: .bitAnd
        case .vbarAssign: .bitOr
        case .circumflexAssign: .bitXor
        case .leftShiftAssign: .lshift
        case .rightShiftAssign: .rshift
        case .doubleStarAssign: .pow
        case .doubleSlashAssign: .floorDiv
        default: nil
        }
    }
}

/// A string literal token. The body is kept as source scalars (`bodyStart..<bodyEnd` of the
/// lexer's scalar array) because f-strings are parsed further; plain strings and bytes are
/// decoded by the lexer into `value`.
public struct StringToken: Sendable, Equatable {
    public var isRaw: Bool
    public var isBytes: Bool
    public var isFString: Bool
    public var isTriple: Bool
    /// The decoded value for non-f-strings (`.string` or `.bytes`); nil for f-strings.
    public var value: Constant?
    /// The undecoded body (between the quotes); used for f-strings.
    public var body: [Unicode.Scalar]
    /// Where the body starts in the source.
    public var bodyStart: SourceLocation
}

public enum TokenKind: Sendable, Equatable {
    case name(String)
    case keyword(Keyword)
    case op(Operator)
    case number(Constant)
    case string(StringToken)
    case newline
    case indent
    case dedent
    case endMarker
}

public struct Token: Sendable {
    public var kind: TokenKind
    public var start: SourceLocation
    public var end: SourceLocation
    /// Open-bracket depth before this token; the parser uses it for "Perhaps you forgot a comma?".
    public var depth: Int

    public var range: SourceRange { SourceRange(start: start, end: end) }

    func isOp(_ op: Operator) -> Bool {
        if case .op(let o) = kind { return o == op }
        return false
    }

    func isKeyword(_ keyword: Keyword) -> Bool {
        if case .keyword(let k) = kind { return k == keyword }
        return false
    }

    var name: String? {
        if case .name(let n) = kind { return n }
        return nil
    }

    /// A short description for error messages.
    var text: String {
        switch kind {
        case .name(let n): n
        case .keyword(let k): k.rawValue
        case .op(let o): o.rawValue
        case .number: "number"
        case .string: "string"
        case .newline: "newline"
        case .indent: "indent"
        case .dedent: "dedent"
        case .endMarker: "end of input"
        }
    }
}
