// A compact S-expression rendering of the AST, for tests and debugging: one line per
// top-level statement, e.g. `(assign [x] (+ 1 2))`.

/// Renders `module` as S-expressions, one top-level statement per line.
public func dump(_ module: Module) -> String {
    module.body.map(dump).joined(separator: "\n")
}

public func dump(_ stmt: Stmt) -> String {
    func block(_ tag: String, _ body: [Stmt]) -> String {
        "(\(tag)" + body.map { " " + dump($0) }.joined() + ")"
    }
    switch stmt.kind {
    case .expr(let e): return "(expr \(dump(e)))"
    case .assign(let targets, let value):
        return "(assign [\(targets.map(dump).joined(separator: " "))] \(dump(value)))"
    case .augAssign(let target, let op, let value): return "(\(op.rawValue)= \(dump(target)) \(dump(value)))"
    case .annAssign(let target, let annotation, let value):
        return "(annassign \(dump(target)) \(dump(annotation))\(value.map { " " + dump($0) } ?? ""))"
    case .pass: return "(pass)"
    case .break: return "(break)"
    case .continue: return "(continue)"
    case .return(let value): return "(return\(value.map { " " + dump($0) } ?? ""))"
    case .delete(let targets): return "(del \(targets.map(dump).joined(separator: " ")))"
    case .raise(let exception, let cause):
        return "(raise\(exception.map { " " + dump($0) } ?? "")\(cause.map { " from " + dump($0) } ?? ""))"
    case .assert(let test, let message): return "(assert \(dump(test))\(message.map { " " + dump($0) } ?? ""))"
    case .global(let names): return "(global \(names.joined(separator: " ")))"
    case .nonlocal(let names): return "(nonlocal \(names.joined(separator: " ")))"
    case .import(let aliases): return "(import \(aliases.map(dump).joined(separator: " ")))"
    case .importFrom(let module, let names, let level):
        let dots = String(repeating: ".", count: level)
        return "(from \(dots)\(module ?? "") \(names.map(dump).joined(separator: " ")))"
    case .if(let test, let body, let orElse):
        return "(if \(dump(test)) \(block("then", body))\(orElse.isEmpty ? "" : " " + block("else", orElse)))"
    case .while(let test, let body, let orElse):
        return "(while \(dump(test)) \(block("do", body))\(orElse.isEmpty ? "" : " " + block("else", orElse)))"
    case .for(let target, let iter, let body, let orElse, let isAsync):
        return "(\(isAsync ? "async-for" : "for") \(dump(target)) \(dump(iter)) \(block("do", body))"
            + "\(orElse.isEmpty ? "" : " " + block("else", orElse)))"
    case .with(let items, let body, let isAsync):
        let itemText = items.map { item in
            item.target.map { "(\(dump(item.context)) as \(dump($0)))" } ?? dump(item.context)
        }.joined(separator: " ")
        return "(\(isAsync ? "async-with" : "with") [\(itemText)] \(block("do", body)))"
    case .try(let body, let handlers, let orElse, let finally):
        var s = "(try \(block("do", body))"
        for h in handlers {
            s += " (except\(h.type.map { " " + dump($0) } ?? "")\(h.name.map { " as " + $0 } ?? "")"
            s += h.body.map { " " + dump($0) }.joined() + ")"
        }
        if !orElse.isEmpty { s += " " + block("else", orElse) }
        if !finally.isEmpty { s += " " + block("finally", finally) }
        return s + ")"
    case .functionDef(let f):
        var s = "(\(f.isAsync ? "async-def" : "def") \(f.name) #\(f.scopeID) \(dump(f.parameters))"
        if let returns = f.returns { s += " (-> \(dump(returns)))" }
        if !f.decorators.isEmpty { s += " (@ \(f.decorators.map(dump).joined(separator: " ")))" }
        return s + f.body.map { " " + dump($0) }.joined() + ")"
    case .classDef(let c):
        var s = "(class \(c.name) #\(c.scopeID)"
        if !c.bases.isEmpty { s += " (bases \(c.bases.map(dump).joined(separator: " ")))" }
        if !c.keywords.isEmpty {
            s += " (keywords \(c.keywords.map { "\($0.name)=\(dump($0.value))" }.joined(separator: " ")))"
        }
        if !c.decorators.isEmpty { s += " (@ \(c.decorators.map(dump).joined(separator: " ")))" }
        return s + c.body.map { " " + dump($0) }.joined() + ")"
    }
}

private func dump(_ alias: Alias) -> String {
    alias.asName.map { "\(alias.name) as \($0)" } ?? alias.name
}

public func dump(_ parameters: Parameters) -> String {
    func param(_ p: Parameter) -> String {
        var s = p.name
        if let a = p.annotation { s += ":" + dump(a) }
        if let d = p.defaultValue { s += "=" + dump(d) }
        return s
    }
    var groups: [String] = []
    if !parameters.positionalOnly.isEmpty {
        groups.append("(posonly \(parameters.positionalOnly.map(param).joined(separator: " ")))")
    }
    if !parameters.regular.isEmpty { groups.append("(args \(parameters.regular.map(param).joined(separator: " ")))") }
    if let v = parameters.varArgs { groups.append("(* \(param(v)))") }
    if !parameters.keywordOnly.isEmpty {
        groups.append("(kwonly \(parameters.keywordOnly.map(param).joined(separator: " ")))")
    }
    if let v = parameters.varKeywords { groups.append("(** \(param(v)))") }
    return "(params" + groups.map { " " + $0 }.joined() + ")"
}

public func dump(_ expr: Expr) -> String {
    func list(_ items: [Expr]) -> String { items.map(dump).joined(separator: " ") }
    func generators(_ gens: [Comprehension]) -> String {
        gens.map { g in
            "(\(g.isAsync ? "async-for" : "for") \(dump(g.target)) \(dump(g.iter))"
                + g.ifs.map { " (if \(dump($0)))" }.joined() + ")"
        }.joined(separator: " ")
    }
    switch expr.kind {
    case .name(let n): return n
    case .constant(let c): return dump(c)
    case .fstring(let parts): return "(f" + parts.map { " " + dump($0) }.joined() + ")"
    case .unary(let op, let e): return "(\(op.rawValue) \(dump(e)))"
    case .binary(let l, let op, let r): return "(\(op.rawValue) \(dump(l)) \(dump(r)))"
    case .boolOp(let op, let values): return "(\(op.rawValue) \(list(values)))"
    case .compare(let first, let rest):
        return "(cmp \(dump(first))" + rest.map { " \($0.0.rawValue) \(dump($0.1))" }.joined() + ")"
    case .ifExp(let test, let body, let orElse): return "(if-exp \(dump(test)) \(dump(body)) \(dump(orElse)))"
    case .lambda(let l): return "(lambda #\(l.scopeID) \(dump(l.parameters)) \(dump(l.body)))"
    case .namedExpr(let target, let value): return "(:= \(target) \(dump(value)))"
    case .call(let f, let args):
        let argText = args.map { arg -> String in
            switch arg {
            case .positional(let e): return dump(e)
            case .starred(let e): return "*" + dump(e)
            case .keyword(let name, let value, _): return "\(name)=\(dump(value))"
            case .doubleStarred(let e): return "**" + dump(e)
            }
        }
        return "(call \(dump(f))" + argText.map { " " + $0 }.joined() + ")"
    case .attribute(let e, let name): return "(. \(dump(e)) \(name))"
    case .subscript(let e, let index): return "([] \(dump(e)) \(dump(index)))"
    case .slice(let lower, let upper, let step):
        return "(slice \(lower.map(dump) ?? "_") \(upper.map(dump) ?? "_") \(step.map(dump) ?? "_"))"
    case .starred(let e): return "(* \(dump(e)))"
    case .list(let items): return "[\(list(items))]"
    case .tuple(let items): return "(tuple\(items.map { " " + dump($0) }.joined()))"
    case .set(let items): return "(set \(list(items)))"
    case .dict(let items):
        let text = items.map { item -> String in
            switch item {
            case .pair(let k, let v): return " (\(dump(k)) \(dump(v)))"
            case .unpack(let e): return " (** \(dump(e)))"
            }
        }
        return "(dict" + text.joined() + ")"
    case .listComp(let c): return "(listcomp #\(c.scopeID) \(dump(c.element)) \(generators(c.generators)))"
    case .setComp(let c): return "(setcomp #\(c.scopeID) \(dump(c.element)) \(generators(c.generators)))"
    case .generator(let c): return "(genexp #\(c.scopeID) \(dump(c.element)) \(generators(c.generators)))"
    case .dictComp(let c):
        return "(dictcomp #\(c.scopeID) \(dump(c.key)) \(dump(c.value)) \(generators(c.generators)))"
    case .await(let e): return "(await \(dump(e)))"
    case .yield(let e): return "(yield\(e.map { " " + dump($0) } ?? ""))"
    case .yieldFrom(let e): return "(yield-from \(dump(e)))"
    }
}

private func dump(_ part: FStringPart) -> String {
    switch part {
    case .literal(let text): return quoted(text)
    case .formatted(let value, let conversion, let spec, let debugText):
        var s = "(fmt \(dump(value))"
        if let conversion { s += " !\(conversion)" }
        if let spec { s += " (spec" + spec.map { " " + dump($0) }.joined() + ")" }
        if let debugText { s += " debug=\(quoted(debugText))" }
        return s + ")"
    }
}

private func dump(_ constant: Constant) -> String {
    switch constant {
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .ellipsis: return "..."
    case .int(let i): return String(i)
    case .bigInt(let digits): return digits + "n"
    case .float(let d): return String(d)
    case .imaginary(let d): return String(d) + "j"
    case .string(let s): return quoted(s)
    case .bytes(let b):
        return "b\"" + b.map { byte -> String in
            if byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C {
                return String(UnicodeScalar(byte))
            }
            let hex = String(byte, radix: 16)
            return "\\x" + (hex.count == 1 ? "0" + hex : hex)
        }.joined() + "\""
    }
}

/// Double-quoted with `\n`, `\t`, `\\` and `\"` escaped.
private func quoted(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
        switch c {
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        default: out.unicodeScalars.append(c)
        }
    }
    return out + "\""
}
