// The error the lexer and parser report: CPython's SyntaxError / IndentationError / TabError,
// with the position and source line needed to print it the way CPython does.

public struct SyntaxError: Error, Sendable, Equatable {
    /// Which Python exception class this becomes.
    public enum Kind: String, Sendable {
        case syntaxError = "SyntaxError"
        case indentationError = "IndentationError"
        case tabError = "TabError"
    }

    public var kind: Kind
    /// CPython's message, e.g. "invalid syntax", "expected ':'", "'(' was never closed".
    public var message: String
    public var filename: String
    /// 1-based line of the error.
    public var line: Int
    /// 0-based column (in Unicode scalars) where the caret goes; CPython's offset is column + 1.
    public var column: Int
    /// 0-based column one past the end of the highlighted range, when more than one caret is shown.
    public var endColumn: Int?
    /// The text of the offending source line, without its line break.
    public var lineText: String
    /// True when the input simply ended too early (an open bracket, an unterminated
    /// triple-quoted string, a block header with no body yet, a trailing backslash): the REPL
    /// uses this to ask for a continuation line instead of reporting the error.
    public var isIncomplete: Bool

    public init(kind: Kind = .syntaxError, message: String, filename: String, line: Int, column: Int,
                endColumn: Int? = nil, lineText: String, isIncomplete: Bool = false) {
        self.kind = kind
        self.message = message
        self.filename = filename
        self.line = line
        self.column = column
        self.endColumn = endColumn
        self.lineText = lineText
        self.isIncomplete = isIncomplete
    }
}
