// The interactive console (`swirl` with no arguments on a terminal): banner, prompts,
// multi-line input, history, and running each input in an `InteractiveSession` whose event
// loop keeps running while the prompt waits for keys.
import CEditLine
import Foundation
import Swirl

/// Runs the interactive console on the terminal and returns the process exit status.
/// `configuration`'s output sinks are replaced: the console owns the terminal.
public func runInteractiveConsole(configuration: Configuration) -> Int32 {
    let output = TerminalOutput()
    var config = configuration
    config.stdout = { output.write($0, fd: 1) }
    config.stderr = { output.write($0, fd: 2) }
    config.flush = {}
    let interpreter = Interpreter(configuration: config)
    interpreter.routeInterruptSignal()
    // A no-op handler: the signal still interrupts the loop's wait, and then the new size
    // is picked up (libedit's own handlers are off).
    signal(SIGWINCH) { _ in }
    output.writeAll(1, banner)
    return interpreter.runInteractive { session in
        Console(session: session, output: output).run()
    }
}

let banner = """
    Swirl \(swirlVersion) (Python 3.11 subset, asyncio REPL) on linux
    Use "await" directly (asyncio is imported). Tab completes; Ctrl-D leaves.

    """

/// `~/.swirl_history`.
func historyFilePath() -> String? {
    guard let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty else { return nil }
    return (home as NSString).appendingPathComponent(".swirl_history")
}

struct Console {
    let session: InteractiveSession
    let output: TerminalOutput

    func run() -> Int32 {
        LineEditor.setUp(historyFile: historyFilePath())
        LineEditor.completer = { [session] text in session.completions(for: text) }
        defer { LineEditor.finish() }
        var lines: [String] = []
        var size = terminalSize()
        while true {
            LineEditor.start(prompt: lines.isEmpty ? ">>> " : "... ")
            output.holdForPrompt()
            let waited = session.waitForInput(
                on: 0, onReadable: { LineEditor.readKey() },
                afterPass: {
                    let now = terminalSize()
                    if now != size {
                        size = now
                        LineEditor.resize()
                    }
                    output.showAbovePrompt()
                },
                until: { LineEditor.hasLine })
            switch waited {
            case .finished:
                break
            case .interrupted:
                // Ctrl-C at the prompt: drop the line (and any unfinished block).
                LineEditor.abandonLine()
                output.release()
                output.writeAll(1, "^C\nKeyboardInterrupt\n")
                lines = []
                continue
            case .exit(let status):
                LineEditor.abandonLine()
                output.release()
                return status
            }
            output.release()
            guard let line = LineEditor.takeLine() else {
                // Ctrl-D on an empty line.
                output.writeAll(1, "\n")
                return 0
            }
            if !line.allSatisfy(\.isWhitespace) { LineEditor.remember(line) }
            lines.append(line)
            let source = lines.joined(separator: "\n")
            if session.inputState(source) == .incomplete { continue }
            lines = []
            if source.allSatisfy(\.isWhitespace) { continue }
            if case .exit(let status) = session.execute(source + "\n") { return status }
        }
    }

    private func terminalSize() -> [UInt16] {
        var ws = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &ws) == 0 else { return [] }
        return [ws.ws_row, ws.ws_col]
    }
}
