// The expression grammar: conditional expressions, lambda, boolean operators, comparisons,
// binary operators (precedence climbing), unary operators, power, await, primaries
// (calls, attributes, subscripts) and atoms (names, literals, displays, comprehensions).

extension Parser {
    // MARK: Expression lists

    /// star_expressions: a single expression, or a tuple when commas follow.
    func parseStarExpressions() throws(SyntaxError) -> Expr {
        let first = try parseStarExpression()
        guard check(.comma) else { return first }
        var elements = [first]
        while accept(.comma) {
            guard startsExpression(tok) else { break }
            elements.append(try parseStarExpression())
        }
        return Expr(.tuple(elements), range(from: first.range.start))
    }

    /// star_expression: `*bitwise_or` or an expression.
    func parseStarExpression() throws(SyntaxError) -> Expr {
        if check(.star) {
            let star = advance()
            let value = try parseBitwiseOr()
            return Expr(.starred(value), range(from: star.start))
        }
        return try parseExpression()
    }

    /// star_named_expression: `*bitwise_or` or a named expression (display elements).
    func parseStarNamedExpression() throws(SyntaxError) -> Expr {
        if check(.star) {
            let star = advance()
            let value = try parseBitwiseOr()
            return Expr(.starred(value), range(from: star.start))
        }
        return try parseNamedExpression()
    }

    /// yield_expr: `yield from e` | `yield [star_expressions]`.
    func parseYieldExpression() throws(SyntaxError) -> Expr {
        let start = advance().start
        if accept(.from) {
            let value = try parseExpression()
            return Expr(.yieldFrom(value), range(from: start))
        }
        if startsExpression(tok) {
            let value = try parseStarExpressions()
            return Expr(.yield(value), range(from: start))
        }
        return Expr(.yield(nil), range(from: start))
    }

    // MARK: Named and conditional expressions

    /// named_expression: `NAME := expression` | expression (with CPython's hints for `=`).
    func parseNamedExpression() throws(SyntaxError) -> Expr {
        if let name = tok.name, peek(1).isOp(.walrus) {
            let start = advance().start
            advance()
            let value = try parseExpression()
            return Expr(.namedExpr(target: name, value: value), range(from: start))
        }
        let expr = try parseExpression()
        if check(.walrus) {
            throw error("cannot use assignment expressions with \(expressionName(expr))", range: expr.range)
        }
        if check(.assign) { try diagnoseAssignInExpression(expr) }
        return expr
    }

    /// `if x = 1:` and friends: CPython's invalid_named_expression messages.
    func diagnoseAssignInExpression(_ expr: Expr) throws(SyntaxError) {
        let save = pos
        advance()
        guard let rhs = try? parseBitwiseOr(), !check(.assign), !check(.walrus) else {
            pos = save
            return
        }
        pos = save
        if case .name = expr.kind {
            throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        range: SourceRange(start: expr.range.start, end: rhs.range.end))
        }
        switch expr.kind {
        case .list, .tuple, .generator, .constant(.bool), .constant(.none): return
        default: break
        }
        if isBitwiseOrLevel(expr) {
            throw error("cannot assign to \(expressionName(expr)) here. Maybe you meant '==' instead of '='?",
                        range: expr.range)
        }
    }

    /// True for nodes the `bitwise_or` rule can produce (not comparisons, boolean operators, …).
    func isBitwiseOrLevel(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .compare, .boolOp, .ifExp, .lambda, .namedExpr, .yield, .yieldFrom, .starred: return false
        case .unary(.not, _): return false
        default: return true
        }
    }

    /// expression: lambda | disjunction ['if' disjunction 'else' expression].
    func parseExpression() throws(SyntaxError) -> Expr {
        try enter()
        defer { leave() }
        if check(.lambda) { return try parseLambda() }
        let body = try parseDisjunction()
        guard check(.if) else { return body }
        advance()
        let test = try parseDisjunction()
        guard accept(.else) else {
            throw error("expected 'else' after 'if' expression",
                        range: SourceRange(start: body.range.start, end: test.range.end))
        }
        let orElse = try parseExpression()
        return Expr(.ifExp(test: test, body: body, orElse: orElse), range(from: body.range.start))
    }

    func parseLambda() throws(SyntaxError) -> Expr {
        let start = advance().start
        let parameters = try parseParameters(closing: .colon, annotations: false)
        try expect(.colon, "expected ':'")
        let body = try parseExpression()
        let lambda = Lambda(parameters: parameters, body: body, scopeID: newScopeID())
        return Expr(.lambda(lambda), range(from: start))
    }

    // MARK: Boolean operators and comparisons

    func parseDisjunction() throws(SyntaxError) -> Expr {
        let first = try parseConjunction()
        guard check(.or) else { return first }
        var values = [first]
        while accept(.or) { values.append(try parseConjunction()) }
        return Expr(.boolOp(.or, values), range(from: first.range.start))
    }

    func parseConjunction() throws(SyntaxError) -> Expr {
        let first = try parseInversion()
        guard check(.and) else { return first }
        var values = [first]
        while accept(.and) { values.append(try parseInversion()) }
        return Expr(.boolOp(.and, values), range(from: first.range.start))
    }

    func parseInversion() throws(SyntaxError) -> Expr {
        guard check(.not) else { return try parseComparison() }
        try enter()
        defer { leave() }
        let start = advance().start
        let operand = try parseInversion()
        return Expr(.unary(.not, operand), range(from: start))
    }

    func parseComparison() throws(SyntaxError) -> Expr {
        let first = try parseBitwiseOr()
        var comparisons: [(CompareOperator, Expr)] = []
        while let op = comparisonOperator() {
            comparisons.append((op, try parseBitwiseOr()))
        }
        if comparisons.isEmpty { return first }
        return Expr(.compare(first, comparisons), range(from: first.range.start))
    }

    /// Consumes a comparison operator (one or two tokens) if one is next.
    private func comparisonOperator() -> CompareOperator? {
        switch tok.kind {
        case .op(let o):
            let op: CompareOperator
            switch o {
            case .equal: op = .eq
            case .notEqual: op = .ne
            case .less: op = .lt
            case .lessEqual: op = .le
            case .greater: op = .gt
            case .greaterEqual: op = .ge
            default: return nil
            }
            advance()
            return op
        case .keyword(.in):
            advance()
            return .in
        case .keyword(.not) where peek(1).isKeyword(.in):
            advance(); advance()
            return .notIn
        case .keyword(.is):
            advance()
            if accept(.not) { return .isNot }
            return .is
        default:
            return nil
        }
    }

    // MARK: Binary and unary operators

    private func binaryOperator(_ t: Token) -> (BinaryOperator, Int)? {
        guard case .op(let o) = t.kind else { return nil }
        switch o {
        case .vbar: return (.bitOr, 1)
        case .circumflex: return (.bitXor, 2)
        case .amper: return (.bitAnd, 3)
        case .leftShift: return (.lshift, 4)
        case .rightShift: return (.rshift, 4)
        case .plus: return (.add, 5)
        case .minus: return (.sub, 5)
        case .star: return (.mul, 6)
        case .slash: return (.div, 6)
        case .doubleSlash: return (.floorDiv, 6)
        case .percent: return (.mod, 6)
        case .at: return (.matMul, 6)
        default: return nil
        }
    }

    /// bitwise_or and everything below it down to `term`, by precedence climbing.
    func parseBitwiseOr() throws(SyntaxError) -> Expr {
        try parseBinary(minPrecedence: 1)
    }

    private func parseBinary(minPrecedence: Int) throws(SyntaxError) -> Expr {
        var left = try parseFactor()
        while let (op, precedence) = binaryOperator(tok), precedence >= minPrecedence {
            advance()
            let right = try parseBinary(minPrecedence: precedence + 1)
            left = Expr(.binary(left, op, right), range(from: left.range.start))
        }
        return left
    }

    /// factor: ('+' | '-' | '~') factor | power.
    func parseFactor() throws(SyntaxError) -> Expr {
        let op: UnaryOperator
        switch tok.kind {
        case .op(.plus): op = .plus
        case .op(.minus): op = .minus
        case .op(.tilde): op = .invert
        default: return try parsePower()
        }
        try enter()
        defer { leave() }
        let start = advance().start
        let operand = try parseFactor()
        return Expr(.unary(op, operand), range(from: start))
    }

    /// power: await_primary ['**' factor].
    private func parsePower() throws(SyntaxError) -> Expr {
        let base = try parseAwaitPrimary()
        guard accept(.doubleStar) else { return base }
        try enter()
        defer { leave() }
        let exponent = try parseFactor()
        return Expr(.binary(base, .pow, exponent), range(from: base.range.start))
    }

    private func parseAwaitPrimary() throws(SyntaxError) -> Expr {
        guard check(.await) else { return try parsePrimary() }
        try enter()
        defer { leave() }
        let start = advance().start
        let value = try parsePrimary()
        return Expr(.await(value), range(from: start))
    }

    // MARK: Primaries

    /// primary: atom followed by any number of `.name`, `(args)` and `[slices]`.
    func parsePrimary() throws(SyntaxError) -> Expr {
        var expr = try parseAtom()
        while true {
            switch tok.kind {
            case .op(.dot):
                advance()
                let (name, _) = try expectName()
                expr = Expr(.attribute(expr, name), range(from: expr.range.start))
            case .op(.lparen):
                let open = advance()
                let arguments = try parseCallArguments(open: open)
                expr = Expr(.call(expr, arguments), range(from: expr.range.start))
            case .op(.lbracket):
                advance()
                let index = try parseSlices()
                try expect(.rbracket)
                expr = Expr(.subscript(expr, index), range(from: expr.range.start))
            default:
                return expr
            }
        }
    }

    /// slices: a slice, or a tuple of slices / starred expressions.
    private func parseSlices() throws(SyntaxError) -> Expr {
        let first = try parseSlice()
        guard check(.comma) else {
            try checkForgottenComma(after: first)
            return first
        }
        var elements = [first]
        while accept(.comma) {
            if check(.rbracket) { break }
            elements.append(try parseSlice())
        }
        try checkForgottenComma(after: elements[elements.count - 1])
        return Expr(.tuple(elements), range(from: first.range.start))
    }

    private func parseSlice() throws(SyntaxError) -> Expr {
        let start = tok.start
        if check(.star) { return try parseStarNamedExpression() }
        var lower: Expr?
        if !check(.colon) {
            let expr = try parseNamedExpression()
            guard check(.colon) else { return expr }
            lower = expr
        }
        try expect(.colon)
        var upper: Expr?
        var step: Expr?
        if startsExpression(tok) { upper = try parseExpression() }
        if accept(.colon), startsExpression(tok) { step = try parseExpression() }
        return Expr(.slice(lower: lower, upper: upper, step: step), range(from: start))
    }

    // MARK: Atoms

    func parseAtom() throws(SyntaxError) -> Expr {
        let t = tok
        switch t.kind {
        case .name(let name):
            advance()
            return Expr(.name(name), t.range)
        case .number(let value):
            advance()
            return Expr(.constant(value), t.range)
        case .string:
            return try parseStrings()
        case .keyword(.true):
            advance()
            return Expr(.constant(.bool(true)), t.range)
        case .keyword(.false):
            advance()
            return Expr(.constant(.bool(false)), t.range)
        case .keyword(.none):
            advance()
            return Expr(.constant(.none), t.range)
        case .op(.ellipsis):
            advance()
            return Expr(.constant(.ellipsis), t.range)
        case .op(.lparen):
            return try parseParenthesized()
        case .op(.lbracket):
            return try parseList()
        case .op(.lbrace):
            return try parseBraces()
        default:
            throw invalidSyntax()
        }
    }

    /// `( )`, `(yield …)`, `(expr)`, `(a, b)`, `(x for x in y)`.
    private func parseParenthesized() throws(SyntaxError) -> Expr {
        let open = advance()
        if accept(.rparen) { return Expr(.tuple([]), range(from: open.start)) }
        if check(.yield) {
            let value = try parseYieldExpression()
            try expect(.rparen)
            return value
        }
        let first = try parseStarNamedExpression()
        if isComprehensionStart() {
            try rejectStarredInComprehension(first)
            let generators = try parseComprehensionClauses()
            try expect(.rparen)
            let comp = ComprehensionExpr(element: first, generators: generators, scopeID: newScopeID())
            return Expr(.generator(comp), range(from: open.start))
        }
        if check(.rparen) {
            if case .starred = first.kind {
                throw error("cannot use starred expression here", range: first.range)
            }
            advance()
            return first
        }
        guard check(.comma) else {
            try checkForgottenComma(after: first)
            throw invalidSyntax()
        }
        var elements = [first]
        while accept(.comma) {
            if check(.rparen) { break }
            elements.append(try parseStarNamedExpression())
        }
        if !check(.rparen) { try checkForgottenComma(after: elements[elements.count - 1]) }
        try expect(.rparen)
        return Expr(.tuple(elements), range(from: open.start))
    }

    private func parseList() throws(SyntaxError) -> Expr {
        let open = advance()
        if accept(.rbracket) { return Expr(.list([]), range(from: open.start)) }
        let first = try parseStarNamedExpression()
        if isComprehensionStart() {
            try rejectStarredInComprehension(first)
            let generators = try parseComprehensionClauses()
            try expect(.rbracket)
            let comp = ComprehensionExpr(element: first, generators: generators, scopeID: newScopeID())
            return Expr(.listComp(comp), range(from: open.start))
        }
        var elements = [first]
        while accept(.comma) {
            if check(.rbracket) { break }
            elements.append(try parseStarNamedExpression())
        }
        if !check(.rbracket) { try checkForgottenComma(after: elements[elements.count - 1]) }
        try expect(.rbracket)
        return Expr(.list(elements), range(from: open.start))
    }

    /// Dict and set displays and comprehensions.
    private func parseBraces() throws(SyntaxError) -> Expr {
        let open = advance()
        if accept(.rbrace) { return Expr(.dict([]), range(from: open.start)) }
        if check(.doubleStar) {
            let star = advance()
            let value = try parseBitwiseOr()
            if isComprehensionStart() {
                throw error("dict unpacking cannot be used in dict comprehension",
                            range: SourceRange(start: star.start, end: value.range.end))
            }
            return try parseDictRest(open: open, first: .unpack(value))
        }
        let first = try parseStarNamedExpression()
        if accept(.colon) {
            let value = try parseExpression()
            if isComprehensionStart() {
                let generators = try parseComprehensionClauses()
                try expect(.rbrace)
                let comp = DictComprehensionExpr(key: first, value: value, generators: generators,
                                                 scopeID: newScopeID())
                return Expr(.dictComp(comp), range(from: open.start))
            }
            return try parseDictRest(open: open, first: .pair(key: first, value: value))
        }
        if isComprehensionStart() {
            try rejectStarredInComprehension(first)
            let generators = try parseComprehensionClauses()
            try expect(.rbrace)
            let comp = ComprehensionExpr(element: first, generators: generators, scopeID: newScopeID())
            return Expr(.setComp(comp), range(from: open.start))
        }
        var elements = [first]
        while accept(.comma) {
            if check(.rbrace) { break }
            elements.append(try parseStarNamedExpression())
        }
        if !check(.rbrace) { try checkForgottenComma(after: elements[elements.count - 1]) }
        try expect(.rbrace)
        return Expr(.set(elements), range(from: open.start))
    }

    private func parseDictRest(open: Token, first: DictItem) throws(SyntaxError) -> Expr {
        var items = [first]
        while accept(.comma) {
            if check(.rbrace) { break }
            if accept(.doubleStar) {
                items.append(.unpack(try parseBitwiseOr()))
                continue
            }
            let key = try parseExpression()
            if !check(.colon) {
                try checkForgottenComma(after: key)
                throw error("':' expected after dictionary key", at: tok.start, end: tok.end)
            }
            advance()
            let value = try parseExpression()
            items.append(.pair(key: key, value: value))
        }
        if !check(.rbrace), case .pair(_, let value) = items[items.count - 1] {
            try checkForgottenComma(after: value)
        }
        try expect(.rbrace)
        return Expr(.dict(items), range(from: open.start))
    }

    // MARK: Comprehensions

    func isComprehensionStart() -> Bool {
        check(.for) || (check(.async) && peek(1).isKeyword(.for))
    }

    func rejectStarredInComprehension(_ element: Expr) throws(SyntaxError) {
        if case .starred = element.kind {
            throw error("iterable unpacking cannot be used in comprehension", range: element.range)
        }
    }

    /// for_if_clauses: one or more `[async] for targets in disjunction (if disjunction)*`.
    func parseComprehensionClauses() throws(SyntaxError) -> [Comprehension] {
        var clauses: [Comprehension] = []
        while isComprehensionStart() {
            let isAsync = accept(.async)
            advance()  // `for`
            let target = try parseTargetList(until: .in)
            try validateAssignTarget(target)
            guard accept(.in) else { throw invalidSyntax() }
            let iter = try parseDisjunction()
            var ifs: [Expr] = []
            while accept(.if) { ifs.append(try parseDisjunction()) }
            clauses.append(Comprehension(target: target, iter: iter, ifs: ifs, isAsync: isAsync))
        }
        return clauses
    }

    // MARK: Helpers

    /// Whether `t` can begin an expression.
    func startsExpression(_ t: Token) -> Bool {
        switch t.kind {
        case .name, .number, .string: return true
        case .keyword(let k):
            return [.not, .lambda, .await, .none, .true, .false, .yield].contains(k)
        case .op(let o):
            return [.lparen, .lbracket, .lbrace, .minus, .plus, .tilde, .ellipsis, .star].contains(o)
        default:
            return false
        }
    }

    /// CPython's "invalid syntax. Perhaps you forgot a comma?": inside brackets, an expression
    /// directly followed by another one.
    func checkForgottenComma(after expr: Expr) throws(SyntaxError) {
        let t = tok
        guard t.depth > 0 else { return }
        switch t.kind {
        case .name, .number, .string: break
        case .keyword(let k) where [.none, .true, .false, .lambda, .not, .await].contains(k): break
        case .op(let o) where [.lbrace, .ellipsis, .tilde].contains(o): break
        default: return
        }
        // CPython leaves `name "string"` (a mistyped prefix) and soft keywords to the
        // generic message.
        if case .name(let name) = expr.kind {
            if case .string = t.kind { return }
            if name == "match" || name == "case" || name == "_" { return }
        }
        let save = pos
        let savedScope = nextScopeID
        let next = try? parseExpression()
        pos = save
        nextScopeID = savedScope
        guard let next else { return }
        throw error("invalid syntax. Perhaps you forgot a comma?",
                    range: SourceRange(start: expr.range.start, end: next.range.end))
    }

    /// CPython's name for an expression kind in "cannot assign to %s" messages.
    func expressionName(_ expr: Expr) -> String {
        switch expr.kind {
        case .name: return "name"
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .list: return "list"
        case .tuple: return "tuple"
        case .lambda: return "lambda"
        case .call: return "function call"
        case .boolOp, .binary, .unary: return "expression"
        case .generator: return "generator expression"
        case .yield, .yieldFrom: return "yield expression"
        case .await: return "await expression"
        case .listComp: return "list comprehension"
        case .setComp: return "set comprehension"
        case .dictComp: return "dict comprehension"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .fstring: return "f-string expression"
        case .constant(.none): return "None"
        case .constant(.bool(let b)): return b ? "True" : "False"
        case .constant(.ellipsis): return "ellipsis"
        case .constant: return "literal"
        case .compare: return "comparison"
        case .ifExp: return "conditional expression"
        case .namedExpr: return "named expression"
        case .slice: return "slice"
        }
    }
}
