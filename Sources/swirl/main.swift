// The `swirl` command: parses the command line the way `python3` does (interpreter options
// before the script; everything from the script name on belongs to the script) and hands
// the program to the library.
import ArgumentParser
import Foundation
import Swirl
import SwirlREPL

struct SwirlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swirl",
        abstract: "Swirl: a small, fast interpreter for asynchronous Python 3.11 programs.",
        usage: "swirl [options] [-c CODE | FILE | -] [args...]",
        version: "Swirl \(swirlVersion) (Python 3.11 subset)")

    @Option(name: .customShort("c"), help: "Run CODE as the program.")
    var code: String?

    @Flag(name: .customLong("virtual-time"), help: "Jump the event loop's clock to the next timer whenever every task waits.")
    var virtualTime = false

    @Flag(help: "asyncio debug mode: warn about steps that block the loop for 100 ms or more.")
    var debug = false

    @Argument(help: "The script to run ('-' for standard input), then its arguments.")
    var script: [String] = []

    func run() throws {
        // A closed pipe is an error on write (see OutputBuffer.flush), not a fatal signal.
        signal(SIGPIPE, SIG_IGN)
        let out = OutputBuffer(fd: 1)
        let err = OutputBuffer(fd: 2)
        var config = Configuration(stdout: { out.write($0) }, stderr: { s in out.flush(); err.write(s); err.flush() })
        config.flush = { out.flush() }
        // The command line is the user's own program: every capability is granted.
        config.capabilities = .all
        config.virtualTime = virtualTime
        config.debug = debug
        let source: String
        let filename: String
        var directory = FileManager.default.currentDirectoryPath
        if let code {
            source = code
            filename = "<string>"
            config.arguments = ["-c"] + script
        } else if let path = script.first, path != "-" {
            let url = URL(fileURLWithPath: path)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                FileHandle.standardError.write(Data("swirl: can't open file '\(url.standardizedFileURL.path)': [Errno 2] No such file or directory\n".utf8))
                throw ExitCode(2)
            }
            source = text
            // Like CPython 3.9+: the main script's __file__ and traceback name are absolute.
            filename = url.standardizedFileURL.path
            directory = url.deletingLastPathComponent().path
            config.arguments = script
        } else if script.isEmpty && isatty(0) != 0 {
            // No program and a terminal: the interactive console.
            config.arguments = [""]
            Foundation.exit(runInteractiveConsole(configuration: config))
        } else {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            source = String(decoding: data, as: UTF8.self)
            filename = "<stdin>"
            config.arguments = script.isEmpty ? [""] : ["-"] + script.dropFirst()
        }
        let interpreter = Interpreter(configuration: config)
        interpreter.routeInterruptSignal()
        let status = interpreter.runMain(source: source, filename: filename, scriptDirectory: directory)
        out.flush()
        err.flush()
        // Exit without tearing the interpreter down: freeing a huge object graph on this
        // thread's small stack could overflow it, and the process is ending anyway.
        Foundation.exit(status)
    }
}

/// Splits the command line where the program starts: options before the script name (or
/// `-c CODE`) are the interpreter's, the rest are the script's.
func splitArguments(_ args: [String]) -> (interpreter: [String], script: [String]) {
    var i = 0
    while i < args.count {
        let a = args[i]
        if a == "-c" {
            // `-c CODE`: CODE and what follows go to the program.
            let end = min(i + 2, args.count)
            return (Array(args[..<end]), Array(args[end...]))
        }
        if a == "-" || !a.hasPrefix("-") {
            return (Array(args[..<i]), Array(args[i...]))
        }
        i += 1
    }
    return (args, [])
}

let (interpreterArgs, scriptArgs) = splitArguments(Array(CommandLine.arguments.dropFirst()))
do {
    var command = try SwirlCommand.parse(interpreterArgs)
    command.script = scriptArgs
    try command.run()
} catch {
    // Help and --version exit 0; usage errors exit 2, as python3's do.
    let code = SwirlCommand.exitCode(for: error)
    if code.isSuccess { SwirlCommand.exit(withError: error) }
    if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
    FileHandle.standardError.write(Data((SwirlCommand.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}

/// Buffers writes to a file descriptor; flushed on demand and at exit.
final class OutputBuffer: @unchecked Sendable {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let lock = NSLock()
    private let interactive: Bool
    init(fd: Int32) {
        self.fd = fd
        interactive = isatty(fd) != 0
    }
    func write(_ s: String) {
        lock.lock()
        buffer.append(contentsOf: s.utf8)
        let full = interactive || buffer.count > 1 << 16
        lock.unlock()
        if full { flush() }
    }
    func flush() {
        lock.lock()
        defer { lock.unlock() }
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EPIPE {
                // The reader went away (`swirl app.py | head -1`): end as CPython does
                // when print() meets the closed pipe, with an error rather than a signal.
                let message = "BrokenPipeError: [Errno 32] Broken pipe\n"
                _ = message.withCString { Foundation.write(2, $0, strlen($0)) }
                Foundation.exit(1)
            }
            if n <= 0 { break }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
