// Parameter lists (def and lambda) and call argument lists, with CPython's ordering rules
// and messages ("non-default argument follows default argument", "positional argument
// follows keyword argument", "Generator expression must be parenthesized", …).

extension Parser {
    /// Parses parameters up to (not including) `closing` (`)` for def, `:` for lambda).
    func parseParameters(closing: Operator, annotations: Bool) throws(SyntaxError) -> Parameters {
        var params = Parameters()
        var sawSlash = false
        var sawStar = false
        var sawDefault = false
        var bareStar: Token?
        while !check(closing) {
            if check(.slash) {
                let slash = advance()
                if sawSlash { throw error("/ may appear only once", range: slash.range) }
                if sawStar { throw error("/ must be ahead of *", range: slash.range) }
                if params.regular.isEmpty {
                    throw error("at least one argument must precede /", range: slash.range)
                }
                sawSlash = true
                params.positionalOnly = params.regular
                params.regular = []
            } else if check(.star) {
                let star = advance()
                if sawStar { throw error("* argument may appear only once", range: star.range) }
                sawStar = true
                if check(.comma) || check(closing) {
                    bareStar = star
                } else {
                    let p = try parseParameter(annotations: annotations, starred: true)
                    if check(.assign) {
                        throw error("var-positional argument cannot have default value", at: tok.start, end: tok.end)
                    }
                    params.varArgs = p
                }
            } else if check(.doubleStar) {
                advance()
                if let bare = bareStar, params.keywordOnly.isEmpty {
                    throw error("named arguments must follow bare *", range: bare.range)
                }
                let p = try parseParameter(annotations: annotations, starred: false)
                if check(.assign) {
                    throw error("var-keyword argument cannot have default value", at: tok.start, end: tok.end)
                }
                params.varKeywords = p
                _ = accept(.comma)
                if !check(closing) {
                    throw error("arguments cannot follow var-keyword argument", at: tok.start, end: tok.end)
                }
                break
            } else {
                var p = try parseParameter(annotations: annotations, starred: false)
                if accept(.assign) {
                    p.defaultValue = try parseExpression()
                    p.range = range(from: p.range.start)
                    if !sawStar { sawDefault = true }
                } else if sawDefault && !sawStar {
                    throw error("non-default argument follows default argument", range: p.range)
                }
                if sawStar { params.keywordOnly.append(p) } else { params.regular.append(p) }
            }
            if !accept(.comma) { break }
        }
        if let bare = bareStar, params.keywordOnly.isEmpty, params.varKeywords == nil {
            throw error("named arguments must follow bare *", range: bare.range)
        }
        if !check(closing) { throw invalidSyntax() }
        return params
    }

    /// NAME [':' annotation]; `*args: *Ts` style star annotations are accepted for `*args`.
    private func parseParameter(annotations: Bool, starred: Bool) throws(SyntaxError) -> Parameter {
        let (name, nameToken) = try expectName()
        var annotation: Expr?
        if annotations, accept(.colon) {
            annotation = starred ? try parseStarExpression() : try parseExpression()
        }
        return Parameter(name: name, annotation: annotation, defaultValue: nil,
                         range: range(from: nameToken.start))
    }

    /// Call arguments after `(` up to and including `)`.
    func parseCallArguments(open: Token) throws(SyntaxError) -> [Argument] {
        var arguments: [Argument] = []
        var sawKeyword = false
        var sawDoubleStar = false
        while !check(.rparen) {
            if check(.star) {
                let star = advance()
                let value = try parseExpression()
                let starred = Expr(.starred(value), range(from: star.start))
                if isComprehensionStart() {
                    throw error("iterable unpacking cannot be used in comprehension", range: starred.range)
                }
                if sawDoubleStar {
                    throw error("iterable argument unpacking follows keyword argument unpacking",
                                range: starred.range)
                }
                arguments.append(.starred(value))
            } else if check(.doubleStar) {
                advance()
                arguments.append(.doubleStarred(try parseExpression()))
                sawDoubleStar = true
            } else if let name = tok.name, peek(1).isOp(.assign) {
                let start = advance().start
                advance()
                let value = try parseExpression()
                arguments.append(.keyword(name: name, value: value, range: range(from: start)))
                sawKeyword = true
            } else {
                let value = try parseArgumentExpression()
                if isComprehensionStart() {
                    try rejectStarredInComprehension(value)
                    let generators = try parseComprehensionClauses()
                    let comp = ComprehensionExpr(element: value, generators: generators, scopeID: newScopeID())
                    let onlyArgument = arguments.isEmpty && check(.rparen)
                    if !onlyArgument {
                        throw error("Generator expression must be parenthesized", range: range(from: value.range.start))
                    }
                    advance()
                    return [.positional(Expr(.generator(comp), range(from: open.start)))]
                }
                if check(.assign) {
                    if case .constant(let c) = value.kind, c == .bool(true) || c == .bool(false) || c == .none {
                        throw error("cannot assign to \(expressionName(value))", range: value.range)
                    }
                    let save = pos
                    advance()
                    let rhs = try? parseExpression()
                    pos = save
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?",
                                range: SourceRange(start: value.range.start, end: rhs?.range.end ?? tok.end))
                }
                if sawDoubleStar {
                    // CPython reports these at the token after the argument.
                    throw error("positional argument follows keyword argument unpacking", at: tok.start, end: tok.end)
                }
                if sawKeyword {
                    throw error("positional argument follows keyword argument", at: tok.start, end: tok.end)
                }
                arguments.append(.positional(value))
            }
            if !accept(.comma) {
                if !check(.rparen), let last = arguments.last {
                    try checkForgottenComma(after: argumentValue(last))
                }
                break
            }
        }
        try expect(.rparen)
        return arguments
    }

    /// assignment_expression | expression (a call argument).
    private func parseArgumentExpression() throws(SyntaxError) -> Expr {
        if let name = tok.name, peek(1).isOp(.walrus) {
            let start = advance().start
            advance()
            let value = try parseExpression()
            return Expr(.namedExpr(target: name, value: value), range(from: start))
        }
        return try parseExpression()
    }

    private func argumentValue(_ argument: Argument) -> Expr {
        switch argument {
        case .positional(let e), .starred(let e), .doubleStarred(let e): e
        case .keyword(_, let value, _): value
        }
    }
}
