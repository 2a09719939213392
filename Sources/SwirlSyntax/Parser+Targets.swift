// Assignment, deletion and loop targets: parsing the target lists of `for`, comprehensions,
// `with … as` and `del`, and checking that an expression may be assigned to or deleted,
// with CPython's "cannot assign to …" / "cannot delete …" messages.

extension Parser {
    /// star_targets as in `for a, *b in …`: items at `bitwise_or` level (so `in` is not
    /// consumed as an operator), a tuple when separated by commas.
    func parseTargetList(until terminator: Keyword) throws(SyntaxError) -> Expr {
        let first = try parseTargetItem()
        guard check(.comma) else { return first }
        var elements = [first]
        while accept(.comma) {
            if check(terminator) || !startsExpression(tok) { break }
            elements.append(try parseTargetItem())
        }
        return Expr(.tuple(elements), range(from: first.range.start))
    }

    func parseTargetItem() throws(SyntaxError) -> Expr {
        if check(.star) {
            let star = advance()
            let value = try parseBitwiseOr()
            return Expr(.starred(value), range(from: star.start))
        }
        return try parseBitwiseOr()
    }

    /// Checks a whole assignment target (`=`, `for`, `with … as`, comprehension).
    func validateAssignTarget(_ target: Expr) throws(SyntaxError) {
        if case .starred = target.kind {
            throw error("starred assignment target must be in a list or tuple", range: target.range)
        }
        try validateTargetElement(target)
    }

    private func validateTargetElement(_ target: Expr) throws(SyntaxError) {
        switch target.kind {
        case .name, .attribute, .subscript:
            return
        case .tuple(let elements), .list(let elements):
            var starred = 0
            for element in elements {
                if case .starred(let inner) = element.kind {
                    starred += 1
                    try validateTargetElement(inner)
                } else {
                    try validateTargetElement(element)
                }
            }
            if starred > 1 {
                throw error("multiple starred expressions in assignment", range: target.range)
            }
        case .starred(let inner):
            try validateTargetElement(inner)
        default:
            throw error("cannot assign to \(expressionName(target))", range: target.range)
        }
    }

    /// The first sub-expression that is not a valid target, if any (used for the
    /// "here. Maybe you meant '=='" variant).
    func invalidTarget(in target: Expr) -> Expr? {
        switch target.kind {
        case .name, .attribute, .subscript: return nil
        case .tuple(let elements), .list(let elements):
            for element in elements {
                if let bad = invalidTarget(in: element) { return bad }
            }
            return nil
        case .starred(let inner): return invalidTarget(in: inner)
        default: return target
        }
    }

    /// Checks a `del` target.
    func validateDeleteTarget(_ target: Expr) throws(SyntaxError) {
        switch target.kind {
        case .name, .attribute, .subscript:
            return
        case .tuple(let elements), .list(let elements):
            for element in elements { try validateDeleteTarget(element) }
        default:
            throw error("cannot delete \(expressionName(target))", range: target.range)
        }
    }
}
