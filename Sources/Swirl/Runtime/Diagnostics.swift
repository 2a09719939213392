// Everything the runtime prints to stderr on its own: uncaught exceptions (formatted by
// TracebackFormat.swift), RuntimeWarnings for coroutines never awaited, "Task exception
// was never retrieved" and exceptions in loop callbacks.
import CSwirlSupport

/// A flag settable from any thread.
final class InterruptFlag: @unchecked Sendable {
    let storage = UnsafeMutablePointer<swirl_flag>.allocate(capacity: 1)
    init() { storage.initialize(to: swirl_flag(value: 0)) }
    deinit { storage.deallocate() }
    func set() { swirl_flag_set(storage) }
    func clear() { swirl_flag_clear(storage) }
    var isSet: Bool { swirl_flag_get(storage) != 0 }
}

/// Where objects report problems found while they are being destroyed (a coroutine never
/// awaited, a task exception never retrieved). It outlives nothing: the runtime detaches
/// itself when it goes away, after which such reports are dropped.
final class DeathReports {
    unowned(unsafe) var runtime: Runtime?
    init() {}
}

extension Runtime {
    /// `ValueError: message` (or just the class name for an empty message).
    func exceptionLine(_ e: PyException) -> String {
        let name = e.cls.displayName
        let message: String
        do { message = try str(.object(e)) } catch { message = "<exception str() failed>" }
        if e.cls.isSubtype(of: Types.syntaxError), let detail = syntaxErrorDetail(e) { return detail }
        let suffix = suggestionSuffix(e) ?? ""
        return message.isEmpty ? name + suffix : "\(name): \(message)\(suffix)"
    }

    /// A SyntaxError prints its location and a caret instead of a traceback entry.
    private func syntaxErrorDetail(_ e: PyException) -> String? {
        guard let se = syntaxErrors[ObjectIdentifier(e)] else { return nil }
        var out = "  File \"\(se.filename)\", line \(se.line)\n"
        let text = se.lineText
        let stripped = text.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
        let indent = text.unicodeScalars.count - stripped.unicodeScalars.count
        if !stripped.isEmpty {
            out += "    \(stripped)\n"
            let col = max(0, se.column - indent)
            var width = 1
            if let end = se.endColumn, end > se.column { width = end - se.column }
            out += "    " + String(repeating: " ", count: col) + String(repeating: "^", count: width) + "\n"
        }
        return out + "\(e.cls.name): \(se.message)"
    }

    func printException(_ e: PyException) {
        output.stderr(formatException(e))
    }

    // MARK: warnings

    /// A bare expression statement produced a coroutine: it can never be awaited.
    func noteDiscarded(_ g: PyGenerator, _ f: Frame, line: Int32) {
        guard g.code.kind == .coroutine, g.state == .created, !g.awaitedOrStarted else { return }
        g.awaitedOrStarted = true
        let file = f.code?.source
        warnNeverAwaited(g.qualname, location: file.map { ($0, Int(line)) })
    }

    func warnNeverAwaited(_ qualname: String, location: (SourceFile, Int)?) {
        // Python's default warning filter shows a warning once per message and location.
        let key = "\(location?.0.filename ?? "sys"):\(location?.1 ?? 1):\(qualname)"
        guard shownWarnings.insert(key).inserted else { return }
        var text: String
        if let (file, line) = location {
            text = "\(file.filename):\(line): RuntimeWarning: coroutine '\(qualname)' was never awaited\n"
            if let src = file.line(line) { text += "  \(src.drop { $0 == " " })\n" }
        } else {
            text = "sys:1: RuntimeWarning: coroutine '\(qualname)' was never awaited\n"
        }
        // During interpreter shutdown CPython can no longer offer the tracemalloc hint.
        if !finalizingAtExit {
            text += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
        }
        (output.warning ?? output.stderr)(text)
    }

    func reportNeverRetrieved(_ task: PyTask, _ e: PyException) {
        reportLoopException("Task exception was never retrieved", e, [("future", .object(task))])
    }

    /// What the loop reports through `call_exception_handler`: the context CPython builds
    /// (message, exception, then the object concerned: `handle`, `future`, `task`...).
    func reportLoopException(_ message: String, _ exception: PyException?, _ details: [(String, Value)]) {
        var context: [(String, Value)] = [("message", Value(message))]
        if let exception { context.append(("exception", .object(exception))) }
        callExceptionHandler(context + details)
    }

    /// `loop.call_exception_handler(context)`: the handler set with
    /// `loop.set_exception_handler`, else the default one.
    func callExceptionHandler(_ context: [(String, Value)]) {
        let loopObject = loop.object
        guard let handler = loopObject.exceptionHandler else {
            defaultExceptionHandler(context)
            return
        }
        let dict = dictFrom(context)
        do {
            _ = try call(handler, [.object(loopObject), .object(dict)])
        } catch let e as ScriptError {
            if e.exception.isInstance(of: Types.keyboardInterrupt) || e.exception.isInstance(of: Types.systemExit) { return }
            defaultExceptionHandler([("message", Value("Unhandled error in exception handler")),
                                     ("exception", .object(e.exception)), ("context", .object(dict))])
        } catch {}
    }

    /// CPython's `default_exception_handler`: logs the message, every other key (sorted)
    /// with the repr of its value, then the exception's traceback.
    func defaultExceptionHandler(_ context: [(String, Value)]) {
        var message = "Unhandled exception in event loop"
        if let m = context.first(where: { $0.0 == "message" })?.1, (try? truthy(m)) == true, let s = try? str(m) { message = s }
        var lines = [message]
        for (key, value) in context.sorted(by: { $0.0 < $1.0 }) where key != "message" && key != "exception" {
            lines.append("\(key): \((try? repr(value)) ?? "?")")
        }
        var text = lines.joined(separator: "\n") + "\n"
        if case .object(let o)? = context.first(where: { $0.0 == "exception" })?.1, let e = o as? PyException {
            // What was raised went through asyncio's own frames in CPython, so it has a
            // traceback even when no script frame is in it; an exception never raised (given
            // to set_exception() or call_exception_handler()) has none.
            text += formatException(e, loopReport: e.wasRaised)
        }
        output.stderr(text)
    }
}

extension Runtime {
    /// A done-callback as CPython's future reprs show it: `qualname()` and, for script
    /// functions, ` at file:line`.
    func describeCallback(_ fn: Value, _ args: [Value] = []) -> String {
        // CPython's format_helpers._format_callback_source: the qualified name, the
        // arguments through reprlib, and the definition site of a plain function (not of
        // a bound method, which inspect.isfunction rejects).
        var text: String
        var site = ""
        switch fn.asObject {
        case let f as PyFunction:
            text = f.qualname
            site = " at \(f.code.source.filename):\(f.code.firstLine)"
        case let m as PyBoundMethod:
            switch m.function.asObject {
            case let f as PyFunction: text = f.qualname
            case let n as PyNativeFunction: text = (n.owner.map { $0.name + "." } ?? "") + n.name
            default: text = (try? repr(m.function)) ?? "?"
            }
        case let n as PyNativeFunction:
            let owner = n.owner ?? (n.boundSelf.map { typeOf($0) })
            text = (owner.map { $0.name + "." } ?? "") + n.name
        case let g as PyGenerator:
            text = g.qualname
        default:
            text = (try? repr(fn)) ?? "?"
        }
        return text + "(" + args.map { reprlibRepr($0) }.joined(separator: ", ") + ")" + site
    }
}

extension Runtime {
    /// The process exit status for an uncaught SystemExit, as CPython computes it: no code
    /// or None is 0, an int is itself, anything else is printed to stderr and gives 1.
    func exitStatus(of e: PyException) -> Int32 {
        guard let code = e.args.first else { return 0 }
        switch code {
        case .none: return 0
        case .int(let i): return Int32(truncatingIfNeeded: i)
        case .bool(let b): return b ? 1 : 0
        default:
            output.stderr(((try? str(code)) ?? "") + "\n")
            return 1
        }
    }
}
