// What the interactive session does with typed text before running it: deciding from the
// parser whether the input is complete (or needs a `... ` line), and compiling it the way
// CPython's "single" mode does: expression statements echo their value, and top-level
// `await`, `async for` and `async with` are allowed.
import SwirlResolve
import SwirlSyntax

/// The builtin the echo goes through (CPython's `sys.displayhook`).
let displayHookName = "__swirl_displayhook__"

extension InteractiveSession {
    /// Whether `source` (the lines typed so far, joined by newlines) can run now.
    ///
    /// Incomplete: the parser stopped at the end of the input (open bracket, unterminated
    /// triple-quoted string, block header without a body, ...), or the input ends with a
    /// compound statement (`if`, `def`, `async with`, ...) not yet closed by a blank line.
    /// A blank line ends a block even when that leaves a syntax error, which then shows.
    public func inputState(_ source: String) -> InputState {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let endsWithBlankLine = lines.count > 1 && (lines.last ?? "").allSatisfy { $0 == " " || $0 == "\t" }
        let module: Module
        do {
            module = try parseModule(source, filename: "<stdin>", interactive: true)
        } catch {
            guard error.isIncomplete else { return .complete }
            // Inside brackets or a triple-quoted string a blank line is just more input.
            let lexical = error.message.contains("was never closed") || error.message.hasPrefix("unterminated triple-quoted")
                || error.message.hasPrefix("unexpected EOF")
            return endsWithBlankLine && !lexical ? .complete : .incomplete
        }
        guard let last = module.body.last, isCompound(last) else { return .complete }
        return endsWithBlankLine ? .complete : .incomplete
    }

    private func isCompound(_ s: Stmt) -> Bool {
        switch s.kind {
        case .if, .while, .for, .with, .try, .functionDef, .classDef: return true
        default: return false
        }
    }

    /// Parses, resolves and compiles one input in the session's namespace. `awaits` is
    /// true when the top level suspends (the input must then run as a task).
    func compileInput(_ source: String, filename: String) throws -> (code: CodeObject, awaits: Bool) {
        do {
            var module = try parseModule(source, filename: filename, interactive: true)
            module.body = module.body.map(echoing)
            let resolved = try resolve(module, source: source, filename: filename,
                                       options: ResolveOptions(allowTopLevelAwait: true))
            let compiler = Compiler(rt: rt, source: SourceFile(filename: filename, text: source),
                                    resolved: resolved, globals: globals)
            let awaits = compiler.bodySuspends(module.body)
            return (try compiler.compileModule(), awaits)
        } catch let e as SyntaxError {
            throw ScriptError(rt.syntaxException(e))
        } catch let e as CompileError {
            throw ScriptError(rt.syntaxException(e.error))
        }
    }

    /// A top-level expression statement `e` becomes `__swirl_displayhook__(e)`.
    private func echoing(_ s: Stmt) -> Stmt {
        guard case .expr(let e) = s.kind else { return s }
        let hook = Expr(.name(displayHookName), e.range)
        return Stmt(.expr(Expr(.call(hook, [.positional(e)]), e.range)), s.range)
    }
}
