// Byte-level versions of the str case and classification methods for ASCII strings (the
// common case), which the general versions answer by asking Unicode properties of every
// code point. Each gives exactly what the general version gives on ASCII text.

enum ASCIIText {
    static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    static func isLetter(_ b: UInt8) -> Bool { isLower(b) || isUpper(b) }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    /// Python's whitespace in ASCII: \t \n \v \f \r, the separators \x1c-\x1f, and space.
    static func isSpace(_ b: UInt8) -> Bool { (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x20) }

    /// `str.title()`: a letter after a letter is lowercased, any other letter uppercased.
    static func title(_ s: String) -> String {
        var previousCased = false
        let bytes = s.utf8.map { b -> UInt8 in
            let upper = isUpper(b), lower = isLower(b)
            let out: UInt8 = previousCased ? (upper ? b + 32 : b) : (lower ? b - 32 : b)
            previousCased = upper || lower
            return out
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `str.capitalize()`: the first character uppercased, the rest lowercased.
    static func capitalize(_ s: String) -> String {
        var first = true
        let bytes = s.utf8.map { b -> UInt8 in
            defer { first = false }
            if first { return isLower(b) ? b - 32 : b }
            return isUpper(b) ? b + 32 : b
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `str.isupper()` / `str.islower()`: some cased character, and none of the other case.
    static func hasOnlyCase(upper: Bool, _ s: String) -> Bool {
        var sawCased = false
        for b in s.utf8 {
            if upper ? isLower(b) : isUpper(b) { return false }
            if isLetter(b) { sawCased = true }
        }
        return sawCased
    }

    /// Whether `s` is non-empty and every byte satisfies `test` (`isalpha`, `isdigit`, ...).
    static func all(_ s: String, _ test: (UInt8) -> Bool) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy(test)
    }
}
