// Splitting source text into lines, for error messages and tracebacks.

extension String {
    /// The lines of the text, split at "\n" bytes: a "\r\n" ending splits as well (its
    /// "\r" stays at the end of the line), which a split on `Character`s would not do,
    /// since "\r\n" is one grapheme; the byte split is also much faster.
    public var sourceLines: [Substring] {
        utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }
}
