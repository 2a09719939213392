// FormatSpec.swift
// Parsing of the format-spec mini-language
//   [[fill]align][sign][z][#][0][width][grouping_option][.precision][type]
// as done by CPython 3.11's `parse_internal_render_format_spec`
// (Python/formatter_unicode.c), including its exact error messages.

/// A parsed format specification. Fields hold what was written; the
/// type-dependent defaults (fill, alignment, type) are applied by the
/// individual formatters via `effectiveFill()` and `effectiveAlign(default:)`.
public struct PyFormatSpec: Sendable, Equatable {
    public enum Align: Sendable, Equatable {
        case left      // '<'
        case right     // '>'
        case center    // '^'
        case afterSign // '='
    }

    public enum Sign: Sendable, Equatable {
        case unspecified
        case plus   // '+'
        case minus  // '-'
        case space  // ' '
    }

    public enum Grouping: Sendable, Equatable {
        case none
        case comma       // ','
        case underscore  // '_'
    }

    /// Explicit fill character (only present together with an explicit alignment).
    public var fill: Unicode.Scalar?
    /// Explicit alignment, if any.
    public var align: Align?
    public var sign: Sign = .unspecified
    /// The 'z' option (coerce negative zero to positive zero; floats only).
    public var noNegativeZero = false
    /// The '#' option.
    public var alternate = false
    /// The '0' option before the width (only recorded when no fill was given).
    public var zeroPadding = false
    public var width: Int?
    public var grouping: Grouping = .none
    public var precision: Int?
    /// The presentation type character, if one was written.
    public var type: Unicode.Scalar?

    public init() {}

    /// Parses a format spec without reference to the formatted object's type
    /// (error messages name the type "object").
    public static func parse(_ spec: String) throws(PyFormatError) -> PyFormatSpec {
        return try parse(spec, typeName: "object")
    }

    /// Parses a format spec; `typeName` is used in the "Invalid format
    /// specifier" message exactly as CPython does (`'int'`, `'float'`, `'str'`).
    public static func parse(_ spec: String, typeName: String) throws(PyFormatError) -> PyFormatSpec {
        let s = Array(spec.unicodeScalars)
        var result = PyFormatSpec()
        var pos = 0
        let end = s.count

        func alignment(_ c: Unicode.Scalar) -> Align? {
            switch c {
            case "<": return .left
            case ">": return .right
            case "^": return .center
            case "=": return .afterSign
            default: return nil
            }
        }

        if end - pos >= 2, let a = alignment(s[pos + 1]) {
            result.align = a
            result.fill = s[pos]
            pos += 2
        } else if end - pos >= 1, let a = alignment(s[pos]) {
            result.align = a
            pos += 1
        }

        if end - pos >= 1 {
            switch s[pos] {
            case "+": result.sign = .plus; pos += 1
            case "-": result.sign = .minus; pos += 1
            case " ": result.sign = .space; pos += 1
            default: break
            }
        }

        if end - pos >= 1 && s[pos] == "z" {
            result.noNegativeZero = true
            pos += 1
        }

        if end - pos >= 1 && s[pos] == "#" {
            result.alternate = true
            pos += 1
        }

        if result.fill == nil && end - pos >= 1 && s[pos] == "0" {
            result.zeroPadding = true
            pos += 1
        }

        if let w = try readInteger(s, &pos) {
            result.width = w
        }

        if end - pos >= 1 && s[pos] == "," {
            result.grouping = .comma
            pos += 1
        }
        if end - pos >= 1 && s[pos] == "_" {
            if result.grouping != .none {
                throw PyFormatError("Cannot specify both ',' and '_'.")
            }
            result.grouping = .underscore
            pos += 1
        }
        if end - pos >= 1 && s[pos] == "," {
            if result.grouping == .underscore {
                throw PyFormatError("Cannot specify both ',' and '_'.")
            }
        }

        if end - pos >= 1 && s[pos] == "." {
            pos += 1
            guard let p = try readInteger(s, &pos) else {
                throw PyFormatError("Format specifier missing precision")
            }
            result.precision = p
        }

        if end - pos > 1 {
            throw PyFormatError("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
        }
        if end - pos == 1 {
            result.type = s[pos]
            pos += 1
        }
        return result
    }

    /// CPython's `get_integer`: reads Unicode decimal digits; nil if none.
    private static func readInteger(_ s: [Unicode.Scalar], _ pos: inout Int) throws(PyFormatError) -> Int? {
        var accumulator = 0
        var consumed = 0
        while pos < s.count, let digit = decimalValue(s[pos]) {
            if accumulator > (Int.max - digit) / 10 {
                throw PyFormatError("Too many decimal digits in format string")
            }
            accumulator = accumulator * 10 + digit
            pos += 1
            consumed += 1
        }
        return consumed == 0 ? nil : accumulator
    }

    /// The fill character in effect: the explicit fill, else '0' for the '0'
    /// option, else a space.
    public func effectiveFill() -> Unicode.Scalar {
        if let f = fill { return f }
        return zeroPadding ? "0" : " "
    }

    /// The alignment in effect for an object whose default alignment is
    /// `defaultAlign` ('>' for numbers, '<' for str): the '0' option implies
    /// '=' only for right-aligned-by-default types, as in CPython 3.10+.
    public func effectiveAlign(default defaultAlign: Align) -> Align {
        if let a = align { return a }
        if zeroPadding && defaultAlign == .right { return .afterSign }
        return defaultAlign
    }

    /// The tail of CPython's parser: validates the grouping option against
    /// the (possibly defaulted) presentation type. Returns true when '_'
    /// groups by four (b, o, x, X).
    func validateGrouping(type resolved: Unicode.Scalar?) throws(PyFormatError) -> Bool {
        guard grouping != .none else { return false }
        let t = resolved.map { $0.value } ?? 0
        switch t {
        case 0x64, 0x65, 0x66, 0x67, 0x45, 0x47, 0x25, 0x46, 0:  // d e f g E G % F none
            return false
        case 0x62, 0x6F, 0x78, 0x58:  // b o x X
            if grouping == .underscore { return true }
        default:
            break
        }
        let sep = grouping == .comma ? "," : "_"
        throw PyFormatError("Cannot specify '\(sep)' with \(quotedCode(t)).")
    }
}

/// A Unicode decimal digit's value (CPython's Py_UNICODE_TODECIMAL), or nil.
func decimalValue(_ c: Unicode.Scalar) -> Int? {
    if c.value >= 0x30 && c.value <= 0x39 { return Int(c.value - 0x30) }
    if c.value < 0x80 { return nil }
    let props = c.properties
    guard props.numericType == .decimal, let v = props.numericValue else { return nil }
    let iv = Int(v)
    return (0...9).contains(iv) ? iv : nil
}

/// Formats a presentation type for error messages: 'x' or '\x..' like CPython.
func quotedCode(_ code: UInt32) -> String {
    if code > 32 && code < 128, let scalar = Unicode.Scalar(code) {
        return "'\(Character(scalar))'"
    }
    return "'\\x\(String(code, radix: 16))'"
}

/// CPython's `unknown_presentation_type` error.
func unknownFormatCode(_ code: Unicode.Scalar?, typeName: String) -> PyFormatError {
    let value = code.map { $0.value } ?? 0
    return PyFormatError("Unknown format code \(quotedCode(value)) for object of type '\(typeName)'")
}

/// Refuses widths that would allocate absurd amounts of memory.
func checkWidth(_ width: Int?) throws(PyFormatError) {
    if let w = width, w > pyFormatMaxWidth {
        throw PyFormatError("width too big")
    }
}
