// PyFormatError.swift
// The error type thrown by every formatting function in this module. The
// interpreter converts it into a Python exception: `kind` says which class
// (ValueError for almost everything, OverflowError for a few int/float
// conversions) and `message` is CPython 3.11's exact message text.

public struct PyFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Python exception class CPython raises for this condition.
    public enum Kind: Sendable, Equatable {
        case valueError
        case overflowError
    }

    public let message: String
    public let kind: Kind

    public init(_ message: String, kind: Kind = .valueError) {
        self.message = message
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .valueError: return "ValueError: \(message)"
        case .overflowError: return "OverflowError: \(message)"
        }
    }
}

/// Widths and precisions above this are refused instead of allocating huge strings.
let pyFormatMaxWidth = 100_000_000
