// Traceback text in CPython 3.11's shape (traceback.TracebackException.format): the chain
// of causes and contexts oldest first, and exception groups drawn as CPython draws them,
// each member in a numbered box inside a `|` margin ("+-+---- 1 ----").

/// The state of one traceback being formatted: how deep inside exception groups the text
/// is (each level indents by two columns plus a margin), whether a group's closing line
/// is still owed, and the exceptions already shown (a chain that loops stops there).
private struct ExceptionPrintContext {
    var groupDepth = 0
    var needClose = false
    var seen = Set<ObjectIdentifier>()

    var indent: String { String(repeating: " ", count: 2 * groupDepth) }

    /// `text` with every line (blank ones too) behind the group margin, if any.
    func emit(_ text: String, margin: Character = "|") -> String {
        guard groupDepth > 0 else { return text }
        let prefix = indent + String(margin) + " "
        var out = ""
        var lineStart = true
        for ch in text {
            if lineStart { out += prefix }
            out.append(ch)
            lineStart = ch == "\n"
        }
        return out
    }

    /// An exception's "Type: message" text and its notes behind the margin. CPython 3.11
    /// margins the message as one piece: the lines of a multi-line message after the
    /// first stay at the left edge; each line of a note gets the margin.
    func emitExceptionOnly(line: String, notes: String) -> String {
        guard groupDepth > 0 else { return line + notes }
        return indent + "| " + line + emit(notes)
    }
}

/// CPython's limits: wider groups show "and N more exceptions", deeper ones are elided.
private let maxGroupWidth = 15
private let maxGroupDepth = 10

extension Runtime {
    /// The full traceback text for an exception, with its causes/contexts first (unless
    /// `chained` is false: CPython's "Exception ignored in" reports show the exception alone).
    /// `loopReport`: an exception the event loop reports (a failed callback, a task's
    /// unretrieved exception): CPython's traceback always has the loop's own frames there,
    /// so the header is printed even when no script frame is.
    func formatException(_ e: PyException, chained: Bool = true, loopReport: Bool = false) -> String {
        var ctx = ExceptionPrintContext()
        return format(e, chain: chained, headerAlways: loopReport, &ctx)
    }

    private func format(_ top: PyException, chain: Bool, headerAlways: Bool = false, _ ctx: inout ExceptionPrintContext) -> String {
        // The chain, newest first, each with the sentence that follows its cause.
        var links: [(String?, PyException)] = []
        var current: PyException? = top
        ctx.seen.insert(ObjectIdentifier(top))
        while let e = current {
            var message: String?
            var next: PyException?
            if chain {
                if let c = e.cause, !ctx.seen.contains(ObjectIdentifier(c)) {
                    message = "\nThe above exception was the direct cause of the following exception:\n\n"
                    next = c
                } else if !e.suppressContext, let c = e.context, !ctx.seen.contains(ObjectIdentifier(c)) {
                    message = "\nDuring handling of the above exception, another exception occurred:\n\n"
                    next = c
                }
            }
            links.append((message, e))
            if let next { ctx.seen.insert(ObjectIdentifier(next)) }
            current = next
        }
        var out = ""
        for (message, e) in links.reversed() {
            if let message { out += ctx.emit(message) }
            let members = e.isInstance(of: Types.baseExceptionGroup) ? ((try? groupMembers(e)) ?? []) : nil
            guard let members else {
                if !e.traceback.isEmpty || (headerAlways && e === top) {
                    out += ctx.emit("Traceback (most recent call last):\n")
                    out += ctx.emit(stackText(e))
                }
                out += ctx.emitExceptionOnly(line: exceptionLine(e) + "\n", notes: notesText(e))
                continue
            }
            if ctx.groupDepth > maxGroupDepth {
                out += ctx.emit("... (max_group_depth is \(maxGroupDepth))\n")
                continue
            }
            let isTopLevel = ctx.groupDepth == 0
            if isTopLevel { ctx.groupDepth += 1 }
            if !e.traceback.isEmpty {
                out += ctx.emit("Exception Group Traceback (most recent call last):\n", margin: isTopLevel ? "+" : "|")
                out += ctx.emit(stackText(e))
            }
            out += ctx.emitExceptionOnly(line: exceptionLine(e) + "\n", notes: notesText(e))
            let shown = members.count <= maxGroupWidth ? members.count : maxGroupWidth + 1
            ctx.needClose = false
            for i in 0..<shown {
                let isLast = i == shown - 1
                // A nested group's own closing line serves for this one too.
                if isLast { ctx.needClose = true }
                let truncated = i >= maxGroupWidth
                out += ctx.indent + (i == 0 ? "+-" : "  ") + "+---------------- \(truncated ? "..." : String(i + 1)) ----------------\n"
                ctx.groupDepth += 1
                if truncated {
                    let remaining = members.count - maxGroupWidth
                    out += ctx.emit("and \(remaining) more exception\(remaining > 1 ? "s" : "")\n")
                } else {
                    out += format(members[i], chain: chain, &ctx)
                }
                if isLast && ctx.needClose {
                    out += ctx.indent + "+------------------------------------\n"
                    ctx.needClose = false
                }
                ctx.groupDepth -= 1
            }
            if isTopLevel { ctx.groupDepth = 0 }
        }
        return out
    }

    /// The "File ..., line N, in f" entries, oldest call first, each with its source line.
    /// As in CPython, a run of identical entries (deep recursion) shows its first three,
    /// then "[Previous line repeated N more times]".
    private func stackText(_ e: PyException) -> String {
        let cutoff = 3
        var out = ""
        var repeats = 0
        var last: (filename: String, line: Int, function: String)?
        func noteRepeats() {
            guard repeats > cutoff else { return }
            let more = repeats - cutoff
            out += "  [Previous line repeated \(more) more time\(more > 1 ? "s" : "")]\n"
        }
        for entry in e.traceback.reversed() {
            let key = (filename: entry.source.filename, line: Int(entry.line), function: entry.function)
            if let l = last, l == key {
                repeats += 1
            } else {
                noteRepeats()
                last = key
                repeats = 1
            }
            if repeats > cutoff { continue }
            out += "  File \"\(entry.source.filename)\", line \(entry.line), in \(entry.function)\n"
            if let text = entry.source.line(entry.line) {
                let trimmed = text.drop { $0 == " " || $0 == "\t" }
                if !trimmed.isEmpty { out += "    \(trimmed)\n" }
            }
        }
        noteRepeats()
        return out
    }

    /// The notes added with `add_note`, one line each.
    private func notesText(_ e: PyException) -> String {
        var out = ""
        if case .object(let lo)? = e.attrs["__notes__"], let l = lo as? PyList {
            for n in l.items {
                for line in ((try? str(n)) ?? "").split(separator: "\n", omittingEmptySubsequences: false) {
                    out += line + "\n"
                }
            }
        }
        return out
    }
}
