// The line editor: libedit's readline-compatible callback interface, fed one key at a time
// by the event loop, plus history (kept in a file, saved after every entry) and the Tab
// completion hook. Only calls that work in libedit 3.1 are used (rl_redisplay,
// rl_replace_line and friends are broken there; docs/repl.md has the details).
@preconcurrency import CEditLine
import Foundation

/// libedit's state is process-global (C globals and callbacks without context), so this is
/// a namespace over it, used only from the script thread.
enum LineEditor {
    /// What the line handler received since the last `takeLine`.
    private enum Received { case nothing, line(String), endOfInput }
    nonisolated(unsafe) private static var received = Received.nothing
    /// Produces completion candidates for the word before the cursor.
    nonisolated(unsafe) static var completer: (String) -> [String] = { _ in [] }
    nonisolated(unsafe) private static var candidates: [String] = []
    nonisolated(unsafe) private static var candidateIndex = 0
    nonisolated(unsafe) private static var historyPath: String?
    /// The prompt on screen (for redrawing around output).
    nonisolated(unsafe) private(set) static var prompt = ""
    nonisolated(unsafe) private(set) static var isActive = false

    /// Sets libedit up: no signal handlers of its own (they would reset the terminal and
    /// re-send the signal to the whole process group), completion, and the history file.
    static func setUp(historyFile: String?) {
        rl_catch_signals = 0
        rl_readline_name = UnsafePointer(strdup("swirl"))
        rl_initialize()
        rl_attempted_completion_function = { text, _, _ in
            rl_attempted_completion_over = 1  // no filename completion
            rl_completion_append_character = 0
            guard let text else { return nil }
            LineEditor.candidates = LineEditor.completer(String(cString: text))
            LineEditor.candidateIndex = 0
            if LineEditor.candidates.isEmpty { return nil }
            return rl_completion_matches(text) { _, state in
                if state == 0 { LineEditor.candidateIndex = 0 }
                guard LineEditor.candidateIndex < LineEditor.candidates.count else { return nil }
                defer { LineEditor.candidateIndex += 1 }
                return strdup(LineEditor.candidates[LineEditor.candidateIndex])
            }
        }
        stifle_history(1000)
        historyPath = historyFile
        if let historyFile { _ = read_history(historyFile) }
    }

    /// Shows `prompt` and starts taking keys for a new line.
    static func start(prompt: String) {
        self.prompt = prompt
        received = .nothing
        rl_callback_handler_install(prompt) { line in
            if let line {
                LineEditor.received = .line(String(cString: line))
                free(line)
            } else {
                LineEditor.received = .endOfInput
            }
        }
        isActive = true
        swirl_editline_flush()
    }

    /// Standard input is readable: let libedit take one key (or escape sequence).
    static func readKey() {
        rl_callback_read_char()
        swirl_editline_flush()
        if case .nothing = received {} else { isActive = false }
    }

    static var hasLine: Bool {
        if case .nothing = received { return false }
        return true
    }

    /// The line typed (nil for Ctrl-D on an empty line); resets to nothing.
    static func takeLine() -> String? {
        defer { received = .nothing }
        if case .line(let s) = received { return s }
        return nil
    }

    /// Abandons the line being typed (Ctrl-C): removing the handler is the only way this
    /// libedit version clears its buffer; the caller starts a new prompt.
    static func abandonLine() {
        rl_callback_handler_remove()
        swirl_editline_flush()
        isActive = false
        received = .nothing
    }

    /// Leaves character mode for good (end of the session).
    static func finish() {
        if isActive { rl_callback_handler_remove() }
        isActive = false
        swirl_editline_flush()
    }

    /// Adds one entered line to the history and saves the file at once, so that a killed
    /// terminal loses nothing.
    static func remember(_ line: String) {
        add_history(line)
        if let historyPath { _ = write_history(historyPath) }
    }

    /// Redraws the prompt, the typed text and the cursor (after output was printed above).
    static func redraw() {
        rl_forced_update_display()
        swirl_editline_flush()
    }

    /// Terminal columns, and the row of the cursor below the prompt's first row.
    static func cursorRow() -> Int {
        var rows: Int32 = 0
        var cols: Int32 = 0
        rl_get_screen_size(&rows, &cols)
        let width = max(Int(cols), 1)
        return (prompt.count + Int(rl_point)) / width
    }

    /// The terminal changed size (SIGWINCH).
    static func resize() { rl_resize_terminal() }
}
