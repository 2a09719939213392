// Where the interpreter's output goes during an interactive session. While code runs it
// is written straight to the terminal; while the prompt waits (a background task printing)
// it is collected and, after each loop pass, printed above the prompt: the prompt lines are
// cleared, the text printed, and the prompt with the half-typed line redrawn below it.
import Foundation

final class TerminalOutput: @unchecked Sendable {
    private let lock = NSLock()
    /// Output held back while the prompt is on screen: (descriptor, text) in order.
    private var pending: [(Int32, String)] = []
    /// True while a prompt is on screen and being edited.
    private var holding = false

    /// Standard output (fd 1) or standard error (fd 2) text from the interpreter.
    func write(_ text: String, fd: Int32) {
        lock.lock()
        if holding {
            pending.append((fd, text))
            lock.unlock()
            return
        }
        lock.unlock()
        writeAll(fd, text)
    }

    /// From now on output waits for `showAbovePrompt`.
    func holdForPrompt() {
        lock.lock()
        holding = true
        lock.unlock()
    }

    /// Output goes straight out again (code is running); anything held is printed first.
    func release() {
        lock.lock()
        holding = false
        let held = pending
        pending = []
        lock.unlock()
        for (fd, text) in held { writeAll(fd, text) }
    }

    /// Prints held output above the prompt and redraws the prompt and the typed text.
    func showAbovePrompt() {
        lock.lock()
        let held = pending
        pending = []
        lock.unlock()
        guard !held.isEmpty else { return }
        guard LineEditor.isActive else {
            for (fd, text) in held { writeAll(fd, text) }
            return
        }
        let up = LineEditor.cursorRow()
        writeAll(1, "\r" + (up > 0 ? "\u{1B}[\(up)A" : "") + "\u{1B}[J")
        for (fd, text) in held { writeAll(fd, text) }
        if held.last.map({ !$0.1.hasSuffix("\n") }) ?? false { writeAll(1, "\n") }
        LineEditor.redraw()
    }

    func writeAll(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeMutableBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            offset += n
        }
        bytes.removeAll()
    }
}
