// The statement grammar: blocks, simple statements (assignments, imports, raise, …) and
// compound statements (if, while, for, with, try, def, class, decorators, async forms),
// plus the rejection of unsupported statements (`match`, `except*`).

extension Parser {
    /// file: statements ENDMARKER
    func parseFile() throws(SyntaxError) -> [Stmt] {
        var body: [Stmt] = []
        while tok.kind != .endMarker {
            if tok.kind == .newline { advance(); continue }
            body.append(contentsOf: try parseStatement())
        }
        return body
    }

    /// One statement line: a compound statement, or simple statements separated by `;`.
    func parseStatement() throws(SyntaxError) -> [Stmt] {
        switch tok.kind {
        case .keyword(.if): return [try parseIf()]
        case .keyword(.while): return [try parseWhile()]
        case .keyword(.for): return [try parseFor(start: tok.start, isAsync: false)]
        case .keyword(.try): return [try parseTry()]
        case .keyword(.with): return [try parseWith(start: tok.start, isAsync: false)]
        case .keyword(.def): return [try parseFunctionDef(start: tok.start, decorators: [], isAsync: false)]
        case .keyword(.class): return [try parseClassDef(start: tok.start, decorators: [])]
        case .op(.at): return [try parseDecorated()]
        case .keyword(.async):
            let start = tok.start
            switch peek(1).kind {
            case .keyword(.def):
                advance()
                return [try parseFunctionDef(start: start, decorators: [], isAsync: true)]
            case .keyword(.for):
                advance()
                return [try parseFor(start: start, isAsync: true)]
            case .keyword(.with):
                advance()
                return [try parseWith(start: start, isAsync: true)]
            default:
                advance()
                throw invalidSyntax()
            }
        case .name("match") where isMatchStatement():
            throw error("match statements are not supported", range: tok.range)
        default:
            return try parseSimpleStatements()
        }
    }

    /// `match` is a soft keyword: the line is a match statement when it starts with `match`
    /// and its logical line ends with `:` (no simple statement can end that way).
    private func isMatchStatement() -> Bool {
        var i = pos + 1
        if i < tokens.count, tokens[i].isOp(.colon) || tokens[i].isOp(.assign) || tokens[i].isOp(.dot) {
            return false
        }
        while i < tokens.count, tokens[i].kind != .newline, tokens[i].kind != .endMarker { i += 1 }
        return i > pos + 1 && tokens[i - 1].isOp(.colon)
    }

    // MARK: Blocks

    /// block: NEWLINE INDENT statements DEDENT | simple_stmts.
    /// `header` names the construct for "expected an indented block after …".
    func parseBlock(header: String, line: Int32) throws(SyntaxError) -> [Stmt] {
        guard tok.kind == .newline else { return try parseSimpleStatements() }
        let newline = advance()
        guard tok.kind == .indent else {
            // Only DEDENTs and the end marker remain: the input stopped before the body.
            var i = pos
            while i < tokens.count, tokens[i].kind == .dedent { i += 1 }
            let atEnd = i >= tokens.count || tokens[i].kind == .endMarker
            let message = "expected an indented block after \(header) on line \(line)"
            if atEnd {
                throw error(message, at: newline.start, kind: .indentationError, incomplete: true)
            }
            throw error(message, at: tok.start, end: tok.end, kind: .indentationError)
        }
        advance()
        var body: [Stmt] = []
        while tok.kind != .dedent && tok.kind != .endMarker {
            body.append(contentsOf: try parseStatement())
        }
        _ = advance()
        return body
    }

    /// Consumes `:` after a block header, with CPython's "expected ':'".
    private func expectColon() throws(SyntaxError) {
        try expect(.colon, "expected ':'")
    }

    /// The `:` of `if`, `elif`, `while`, `for`, `with`, `except` and `class` headers, whose
    /// CPython grammar says "expected ':'" only when the line ends there (`while x y:` is
    /// plain "invalid syntax").
    private func expectColonAtLineEnd() throws(SyntaxError) {
        if !tok.isOp(.colon) && tok.kind != .newline { throw invalidSyntax() }
        try expectColon()
    }

    /// The end of the last statement in a block (for compound statement ranges).
    private func end(of body: [Stmt], orElse fallback: SourceLocation) -> SourceLocation {
        body.last?.range.end ?? fallback
    }

    // MARK: Simple statements

    func parseSimpleStatements() throws(SyntaxError) -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            statements.append(try parseSimpleStatement())
            if accept(.semicolon) {
                if tok.kind == .newline { break }
                continue
            }
            break
        }
        guard tok.kind == .newline else { throw invalidSyntax() }
        advance()
        return statements
    }

    private func parseSimpleStatement() throws(SyntaxError) -> Stmt {
        let start = tok.start
        switch tok.kind {
        case .keyword(.pass):
            advance()
            return Stmt(.pass, range(from: start))
        case .keyword(.break):
            advance()
            return Stmt(.break, range(from: start))
        case .keyword(.continue):
            advance()
            return Stmt(.continue, range(from: start))
        case .keyword(.return):
            advance()
            var value: Expr?
            if startsExpression(tok) {
                let v = try parseStarExpressions()
                try rejectBareStarred(v)
                value = v
            }
            return Stmt(.return(value), range(from: start))
        case .keyword(.raise):
            advance()
            var exception: Expr?
            var cause: Expr?
            if startsExpression(tok) {
                exception = try parseExpression()
                if accept(.from) { cause = try parseExpression() }
            }
            return Stmt(.raise(exception: exception, cause: cause), range(from: start))
        case .keyword(.global), .keyword(.nonlocal):
            let isGlobal = advance().isKeyword(.global)
            var names: [String] = []
            repeat {
                names.append(try expectName().0)
            } while accept(.comma)
            return Stmt(isGlobal ? .global(names) : .nonlocal(names), range(from: start))
        case .keyword(.del):
            advance()
            var targets: [Expr] = []
            repeat {
                if tok.kind == .newline || check(.semicolon) { break }
                let target = try parseTargetItem()
                if case .starred = target.kind {
                    throw error("cannot delete starred", range: target.range)
                }
                try validateDeleteTarget(target)
                targets.append(target)
            } while accept(.comma)
            if targets.isEmpty { throw invalidSyntax() }
            return Stmt(.delete(targets), range(from: start))
        case .keyword(.assert):
            advance()
            let test = try parseExpression()
            let message = accept(.comma) ? try parseExpression() : nil
            return Stmt(.assert(test: test, message: message), range(from: start))
        case .keyword(.import):
            return try parseImport()
        case .keyword(.from):
            return try parseFromImport()
        default:
            return try parseExpressionStatement()
        }
    }

    /// `x = *a` / `return *a`: a starred expression outside a tuple.
    private func rejectBareStarred(_ value: Expr) throws(SyntaxError) {
        if case .starred = value.kind {
            throw error("can't use starred expression here", range: value.range)
        }
    }

    /// Expression statements and all forms of assignment.
    private func parseExpressionStatement() throws(SyntaxError) -> Stmt {
        let start = tok.start
        let first = check(.yield) ? try parseYieldExpression() : try parseStarExpressions()

        if check(.colon) {
            try validateAnnotationTarget(first)
            advance()
            let annotation = try parseExpression()
            var value: Expr?
            if accept(.assign) {
                value = check(.yield) ? try parseYieldExpression() : try parseStarExpressions()
            }
            return Stmt(.annAssign(target: first, annotation: annotation, value: value), range(from: start))
        }
        if case .op(let o) = tok.kind, let op = o.augmentedOperator {
            switch first.kind {
            case .name, .attribute, .subscript: break
            default:
                let name: String
                switch first.kind {
                case .tuple: name = "tuple"
                case .list: name = "list"
                default: name = expressionName(first)
                }
                throw error("'\(name)' is an illegal expression for augmented assignment", range: first.range)
            }
            advance()
            let value = check(.yield) ? try parseYieldExpression() : try parseStarExpressions()
            return Stmt(.augAssign(target: first, op: op, value: value), range(from: start))
        }
        if check(.assign) {
            let firstAssign = tok
            var targets = [first]
            var value = first
            while accept(.assign) {
                value = check(.yield) ? try parseYieldExpression() : try parseStarExpressions()
                targets.append(value)
            }
            targets.removeLast()
            for target in targets {
                try validateAssignmentStatementTarget(target, single: targets.count == 1, assign: firstAssign)
            }
            try rejectBareStarred(value)
            return Stmt(.assign(targets: targets, value: value), range(from: start))
        }
        if case .name(let name) = first.kind, name == "print" || name == "exec", startsExpression(tok),
           !check(.star), !check(.minus), !check(.plus) {
            var i = pos
            while i + 1 < tokens.count, tokens[i + 1].kind != .newline, tokens[i + 1].kind != .endMarker { i += 1 }
            throw error("Missing parentheses in call to '\(name)'. Did you mean \(name)(...)?",
                        range: SourceRange(start: first.range.start, end: tokens[i].end))
        }
        try rejectBareStarred(first)
        if tok.kind != .newline && !check(.semicolon) {
            try checkForgottenComma(after: first)
        }
        return Stmt(.expr(first), range(from: start))
    }

    private func validateAssignmentStatementTarget(_ target: Expr, single: Bool, assign: Token) throws(SyntaxError) {
        switch target.kind {
        case .yield, .yieldFrom:
            throw error("assignment to yield expression not possible", range: target.range)
        default: break
        }
        if case .starred = target.kind {
            throw error("starred assignment target must be in a list or tuple", range: target.range)
        }
        // CPython's invalid_named_expression wording for `f() = 1`, `a, 1 = x`: the bad
        // target sits right before the only `=`.
        if single, let bad = invalidTarget(in: target), bad.range.end == lastNonParen(before: assign) {
            var plain = false
            switch bad.kind {
            case .constant(.bool), .constant(.none), .list, .tuple, .generator: plain = true
            default: plain = !isBitwiseOrLevel(bad)
            }
            if !plain {
                throw error("cannot assign to \(expressionName(bad)) here. Maybe you meant '==' instead of '='?",
                            range: bad.range)
            }
        }
        try validateAssignTarget(target)
    }

    /// The end of the token just before `token` (the `=`).
    private func lastNonParen(before token: Token) -> SourceLocation {
        var i = pos
        while i > 0, tokens[i].start != token.start { i -= 1 }
        return i > 0 ? tokens[i - 1].end : token.start
    }

    private func validateAnnotationTarget(_ target: Expr) throws(SyntaxError) {
        switch target.kind {
        case .name, .attribute, .subscript: return
        case .tuple: throw error("only single target (not tuple) can be annotated", range: target.range)
        case .list: throw error("only single target (not list) can be annotated", range: target.range)
        default: throw error("illegal target for annotation", range: target.range)
        }
    }

    // MARK: Imports

    private func parseDottedName() throws(SyntaxError) -> String {
        var name = try expectName().0
        while accept(.dot) {
            name += "." + (try expectName().0)
        }
        return name
    }

    private func parseImport() throws(SyntaxError) -> Stmt {
        let start = advance().start
        var aliases: [Alias] = []
        repeat {
            let aliasStart = tok.start
            let name = try parseDottedName()
            var asName: String?
            if accept(.as) { asName = try expectName().0 }
            aliases.append(Alias(name: name, asName: asName, range: range(from: aliasStart)))
        } while accept(.comma)
        return Stmt(.import(aliases), range(from: start))
    }

    private func parseFromImport() throws(SyntaxError) -> Stmt {
        let start = advance().start
        var level = 0
        while true {
            if accept(.dot) { level += 1 } else if accept(.ellipsis) { level += 3 } else { break }
        }
        var module: String?
        if !check(.import) { module = try parseDottedName() }
        guard accept(.import) else { throw invalidSyntax() }
        if check(.star) {
            let star = advance()
            let alias = Alias(name: "*", asName: nil, range: star.range)
            return Stmt(.importFrom(module: module, names: [alias], level: level), range(from: start))
        }
        let parenthesized = accept(.lparen)
        var aliases: [Alias] = []
        while true {
            let aliasStart = tok.start
            let name = try expectName().0
            var asName: String?
            if accept(.as) { asName = try expectName().0 }
            aliases.append(Alias(name: name, asName: asName, range: range(from: aliasStart)))
            guard accept(.comma) else { break }
            if parenthesized && check(.rparen) { break }
            if !parenthesized && (tok.kind == .newline || check(.semicolon)) {
                throw error("trailing comma not allowed without surrounding parentheses", at: tok.start)
            }
        }
        if parenthesized { try expect(.rparen) }
        return Stmt(.importFrom(module: module, names: aliases, level: level), range(from: start))
    }

    // MARK: Compound statements

    private func parseIf() throws(SyntaxError) -> Stmt {
        let keyword = advance()
        let header = keyword.isKeyword(.elif) ? "'elif' statement" : "'if' statement"
        let test = try parseNamedExpression()
        try expectColonAtLineEnd()
        let body = try parseBlock(header: header, line: keyword.start.line)
        var orElse: [Stmt] = []
        if check(.elif) {
            orElse = [try parseIf()]
        } else if check(.else) {
            orElse = try parseElse()
        }
        return Stmt(.if(test: test, body: body, orElse: orElse),
                    SourceRange(start: keyword.start, end: end(of: orElse.isEmpty ? body : orElse, orElse: lastEnd)))
    }

    private func parseElse() throws(SyntaxError) -> [Stmt] {
        let keyword = advance()
        try expectColon()
        return try parseBlock(header: "'else' statement", line: keyword.start.line)
    }

    private func parseWhile() throws(SyntaxError) -> Stmt {
        let keyword = advance()
        let test = try parseNamedExpression()
        try expectColonAtLineEnd()
        let body = try parseBlock(header: "'while' statement", line: keyword.start.line)
        let orElse = check(.else) ? try parseElse() : []
        return Stmt(.while(test: test, body: body, orElse: orElse),
                    SourceRange(start: keyword.start, end: end(of: orElse.isEmpty ? body : orElse, orElse: lastEnd)))
    }

    private func parseFor(start: SourceLocation, isAsync: Bool) throws(SyntaxError) -> Stmt {
        let keyword = advance()
        let target = try parseTargetList(until: .in)
        try validateAssignTarget(target)
        guard accept(.in) else { throw invalidSyntax() }
        let iter = try parseStarExpressions()
        try expectColonAtLineEnd()
        let body = try parseBlock(header: "'for' statement", line: keyword.start.line)
        let orElse = check(.else) ? try parseElse() : []
        return Stmt(.for(target: target, iter: iter, body: body, orElse: orElse, isAsync: isAsync),
                    SourceRange(start: start, end: end(of: orElse.isEmpty ? body : orElse, orElse: lastEnd)))
    }

    private func parseWith(start: SourceLocation, isAsync: Bool) throws(SyntaxError) -> Stmt {
        let keyword = advance()
        var items: [WithItem]
        if let parenthesized = tryParenthesizedWithItems() {
            items = parenthesized
        } else {
            items = []
            repeat {
                items.append(try parseWithItem())
            } while accept(.comma)
        }
        try expectColonAtLineEnd()
        let body = try parseBlock(header: "'with' statement", line: keyword.start.line)
        return Stmt(.with(items: items, body: body, isAsync: isAsync),
                    SourceRange(start: start, end: end(of: body, orElse: lastEnd)))
    }

    /// `with (a as b, c as d):` — tried first and abandoned (backtracking) when the
    /// parentheses turn out to belong to an expression such as `with (a, b) as c:`.
    private func tryParenthesizedWithItems() -> [WithItem]? {
        guard check(.lparen) else { return nil }
        let save = pos
        let savedScope = nextScopeID
        let savedDepth = depth
        do {
            advance()
            var items: [WithItem] = []
            while !check(.rparen) {
                items.append(try parseWithItem())
                if !accept(.comma) { break }
            }
            try expect(.rparen)
            if check(.colon), !items.isEmpty { return items }
        } catch {}
        pos = save
        nextScopeID = savedScope
        depth = savedDepth
        return nil
    }

    private func parseWithItem() throws(SyntaxError) -> WithItem {
        let context = try parseExpression()
        var target: Expr?
        if accept(.as) {
            let t = try parseTargetItem()
            try validateAssignTarget(t)
            target = t
        }
        return WithItem(context: context, target: target)
    }

    private func parseTry() throws(SyntaxError) -> Stmt {
        let keyword = advance()
        try expectColon()
        let body = try parseBlock(header: "'try' statement", line: keyword.start.line)
        var handlers: [ExceptHandler] = []
        while check(.except) {
            let except = advance()
            if check(.star) {
                throw error("except* is not supported", range: SourceRange(start: except.start, end: tok.end))
            }
            var type: Expr?
            var name: String?
            if !check(.colon) {
                let t = try parseExpression()
                if check(.comma) {
                    let save = pos
                    advance()
                    let rest = try? parseExpression()
                    pos = save
                    if rest != nil {
                        throw error("multiple exception types must be parenthesized",
                                    range: SourceRange(start: t.range.start, end: rest?.range.end ?? t.range.end))
                    }
                }
                type = t
                if accept(.as) { name = try expectName().0 }
            }
            try expectColonAtLineEnd()
            let handlerBody = try parseBlock(header: "'except' statement", line: except.start.line)
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody,
                                          range: SourceRange(start: except.start, end: end(of: handlerBody, orElse: lastEnd))))
        }
        var orElse: [Stmt] = []
        if !handlers.isEmpty, check(.else) { orElse = try parseElse() }
        var finally: [Stmt] = []
        if check(.finally) {
            let f = advance()
            try expectColon()
            finally = try parseBlock(header: "'finally' statement", line: f.start.line)
        }
        if handlers.isEmpty && finally.isEmpty {
            // Only DEDENTs and the end marker left (a nested `try:` too): more input may follow.
            var i = pos
            while i < tokens.count, tokens[i].kind == .dedent { i += 1 }
            if i >= tokens.count || tokens[i].kind == .endMarker {
                // CPython points at the last line break; the REPL wants more input.
                let newline = tokens[..<pos].last { $0.kind == .newline }
                throw error("expected 'except' or 'finally' block", at: newline?.start ?? tok.start, incomplete: true)
            }
            throw error("expected 'except' or 'finally' block", at: tok.start, end: tok.end)
        }
        let last = !finally.isEmpty ? finally : !orElse.isEmpty ? orElse : handlers.last?.body ?? body
        return Stmt(.try(body: body, handlers: handlers, orElse: orElse, finally: finally),
                    SourceRange(start: keyword.start, end: end(of: last, orElse: lastEnd)))
    }

    // MARK: Definitions

    private func parseDecorated() throws(SyntaxError) -> Stmt {
        let start = tok.start
        var decorators: [Expr] = []
        while accept(.at) {
            decorators.append(try parseNamedExpression())
            guard tok.kind == .newline else { throw invalidSyntax() }
            advance()
        }
        switch tok.kind {
        case .keyword(.def):
            return try parseFunctionDef(start: start, decorators: decorators, isAsync: false)
        case .keyword(.class):
            return try parseClassDef(start: start, decorators: decorators)
        case .keyword(.async) where peek(1).isKeyword(.def):
            advance()
            return try parseFunctionDef(start: start, decorators: decorators, isAsync: true)
        case .endMarker:
            throw error("invalid syntax", at: tok.start, incomplete: true)
        default:
            throw invalidSyntax()
        }
    }

    private func parseFunctionDef(start: SourceLocation, decorators: [Expr], isAsync: Bool) throws(SyntaxError) -> Stmt {
        let keyword = advance()
        let (name, _) = try expectName()
        try expect(.lparen, "expected '('")
        let parameters = try parseParameters(closing: .rparen, annotations: true)
        try expect(.rparen)
        var returns: Expr?
        if accept(.arrow) { returns = try parseExpression() }
        try expectColon()
        let body = try parseBlock(header: "function definition", line: keyword.start.line)
        let def = FunctionDef(name: name, parameters: parameters, body: body, decorators: decorators,
                              returns: returns, isAsync: isAsync, scopeID: newScopeID())
        return Stmt(.functionDef(def), SourceRange(start: start, end: end(of: body, orElse: lastEnd)))
    }

    private func parseClassDef(start: SourceLocation, decorators: [Expr]) throws(SyntaxError) -> Stmt {
        let keyword = advance()
        let (name, _) = try expectName()
        var bases: [Expr] = []
        var keywords: [(name: String, value: Expr)] = []
        if check(.lparen) {
            let open = advance()
            for argument in try parseCallArguments(open: open) {
                switch argument {
                case .positional(let e): bases.append(e)
                case .starred(let e): bases.append(Expr(.starred(e), e.range))
                case .keyword(let n, let value, _): keywords.append((n, value))
                case .doubleStarred(let e):
                    throw error("class keyword unpacking (**) is not supported", range: e.range)
                }
            }
        }
        try expectColonAtLineEnd()
        let body = try parseBlock(header: "class definition", line: keyword.start.line)
        let cls = ClassDef(name: name, bases: bases, keywords: keywords, body: body, decorators: decorators,
                           scopeID: newScopeID())
        return Stmt(.classDef(cls), SourceRange(start: start, end: end(of: body, orElse: lastEnd)))
    }
}
