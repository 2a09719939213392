// The argument limits of the common built-in functions and type constructors, checked
// before they run so that a misspelt keyword (`enumerate(xs, begin=1)`) or a surplus
// argument (`list("ab", "cd")`) raises CPython's TypeError instead of being ignored.

extension Runtime {
    /// How a built-in reports a bad call: CPython's C functions word it in a few styles.
    private enum SignatureStyle {
        /// `'k' is an invalid keyword argument for f()` / `f() takes at most N arguments (M given)`
        case invalidKeyword(keywords: Set<String>, maxPositional: Int)
        /// `f() takes no keyword arguments` / `f expected at most N argument(s), got M`
        case positionalOnly(maxPositional: Int)
    }

    private static let builtinSignatures: [String: SignatureStyle] = [
        "int": .invalidKeyword(keywords: ["base"], maxPositional: 2),
        "float": .positionalOnly(maxPositional: 1),
        "bool": .positionalOnly(maxPositional: 1),
        "list": .positionalOnly(maxPositional: 1),
        "tuple": .positionalOnly(maxPositional: 1),
        "set": .positionalOnly(maxPositional: 1),
        "frozenset": .positionalOnly(maxPositional: 1),
        "enumerate": .invalidKeyword(keywords: ["iterable", "start"], maxPositional: 2),
        "round": .invalidKeyword(keywords: ["number", "ndigits"], maxPositional: 2),
        "sum": .invalidKeyword(keywords: ["start"], maxPositional: 2),
        "zip": .invalidKeyword(keywords: ["strict"], maxPositional: Int.max),
        "print": .invalidKeyword(keywords: ["sep", "end", "file", "flush"], maxPositional: Int.max),
        "min": .invalidKeyword(keywords: ["key", "default"], maxPositional: Int.max),
        "max": .invalidKeyword(keywords: ["key", "default"], maxPositional: Int.max),
    ]

    /// Whether the table has limits for `name` (looked up once per function object).
    static func hasBuiltinSignature(_ name: String) -> Bool { builtinSignatures[name] != nil }

    /// Checks a call of the built-in `name` against its limits (names not in the table pass).
    func checkBuiltinSignature(_ name: String, _ a: Arguments) throws {
        guard let style = Self.builtinSignatures[name] else { return }
        switch style {
        case .invalidKeyword(let keywords, let maxPositional):
            for (k, _) in a.keywords where !keywords.contains(k) {
                throw typeError("'\(k)' is an invalid keyword argument for \(name)()")
            }
            if a.positional.count > maxPositional {
                throw typeError("\(name)() takes at most \(maxPositional) argument\(maxPositional == 1 ? "" : "s") (\(a.positional.count) given)")
            }
        case .positionalOnly(let maxPositional):
            if !a.keywords.isEmpty { throw typeError("\(name)() takes no keyword arguments") }
            if a.positional.count > maxPositional {
                throw typeError("\(name) expected at most \(maxPositional) argument\(maxPositional == 1 ? "" : "s"), got \(a.positional.count)")
            }
        }
    }
}
