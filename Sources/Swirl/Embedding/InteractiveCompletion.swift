// Tab-completion candidates for the interactive session: keywords, names in the session's
// namespace and the built-ins for a bare word; attributes (from `dir()`) after a dotted
// name. Only names are looked up, never arbitrary expressions evaluated (CPython's
// rlcompleter does the same for dotted names).

/// Python's keywords (and the soft keywords people type at a prompt).
let pythonKeywords = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
    "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]

extension InteractiveSession {
    /// Completions of `text`, the word before the cursor (e.g. `pri` or `asyncio.cr`), each
    /// a full replacement for it, sorted. Private names (`_x`, `__x__`) only show when the
    /// typed part already starts with `_`.
    public func completions(for text: String) -> [String] {
        if let dot = text.lastIndex(of: ".") {
            let base = String(text[..<dot])
            let prefix = String(text[text.index(after: dot)...])
            guard let object = lookUpDottedName(base) else { return [] }
            return matching(attributeNames(object), prefix).map { base + "." + $0 }
        }
        var names = Set(pythonKeywords)
        for (name, _) in globals.defined { names.insert(name) }
        for (name, _) in rt.builtins.defined where name != displayHookName { names.insert(name) }
        return matching(names, text)
    }

    private func matching<S: Sequence>(_ names: S, _ prefix: String) -> [String] where S.Element == String {
        let showPrivate = prefix.hasPrefix("_")
        return Set(names).filter { $0.hasPrefix(prefix) && (showPrivate || !$0.hasPrefix("_")) }.sorted()
    }

    /// The value of `a.b.c` (names and attribute reads only); nil when any part is missing.
    private func lookUpDottedName(_ path: String) -> Value? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, isIdentifier(first), parts.allSatisfy(isIdentifier) else { return nil }
        guard var value = globals[first] ?? rt.builtins[first] else { return nil }
        for name in parts.dropFirst() {
            guard let next = try? rt.getAttribute(value, name) else { return nil }
            value = next
        }
        return value
    }

    private func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
    }

    /// `dir(object)` as strings (empty when `dir` fails).
    private func attributeNames(_ object: Value) -> [String] {
        guard let dir = rt.builtins["dir"], let listing = try? rt.call(dir, [object]),
              case .object(let o) = listing, let list = o as? PyList else { return [] }
        return list.items.compactMap { try? rt.str($0) }
    }
}
