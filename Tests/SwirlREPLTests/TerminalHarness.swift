// A real terminal for the REPL tests: the built `swirl` binary runs in a private tmux
// server (its own socket, its own HOME), keys are sent with `send-keys`, and the screen is
// read back with `capture-pane` and polled every 50 ms until the expected text shows.
import Foundation
import Testing

/// Runs `arguments` (found on PATH) and returns its exit status and output (stdout and
/// stderr). Spawned directly, with an empty signal mask and default signal actions: test
/// threads block most signals and a child would inherit that (tmux passes it on to swirl,
/// which could then not be stopped). `capture: false` for a command that leaves a daemon
/// behind (tmux new-session): the daemon would hold an output pipe open forever.
@discardableResult
func runProcess(_ arguments: [String], input: String? = nil, capture: Bool = true) throws -> (status: Int32, output: String) {
    struct SpawnFailure: Error { let code: Int32 }
    var out: [Int32] = [-1, -1]
    var inp: [Int32] = [-1, -1]
    guard pipe(&out) == 0, pipe(&inp) == 0 else { throw SpawnFailure(code: errno) }
    // Not inherited by anything else spawned meanwhile (dup2 clears the flag in the child).
    for fd in out + inp { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if capture {
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, out[1], 2)
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
    if input != nil {
        posix_spawn_file_actions_adddup2(&actions, inp[0], 0)
    } else {
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for sig in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD, SIGWINCH, SIGQUIT] { sigaddset(&defaults, sig) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
    let env = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        for p in argv { free(p) }
        for p in env { free(p) }
    }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, "/usr/bin/env", &actions, &attributes, argv, env)
    close(out[1])
    close(inp[0])
    if rc != 0 {
        close(out[0])
        close(inp[1])
        throw SpawnFailure(code: rc)
    }
    if let input {
        var bytes = Array(input.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeMutableBytes { write(inp[1], $0.baseAddress, $0.count) }
            if n <= 0 { break }
            offset += n
        }
        bytes.removeAll()
    }
    close(inp[1])
    var data: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(out[0], $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        data.append(contentsOf: buffer[0..<n])
    }
    close(out[0])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // Exit status when it exited normally, 128 + signal otherwise (as a shell reports it).
    let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (code, String(decoding: data, as: UTF8.self))
}

/// The `swirl` binary under test: $SWIRL_BINARY, else the newer of the release and debug
/// builds in this checkout's .build folder.
func swirlBinary() -> String? {
    if let path = ProcessInfo.processInfo.environment["SWIRL_BINARY"] { return path }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let candidates = ["release", "debug"].map { root.appendingPathComponent(".build/\($0)/swirl").path }
    let dated = candidates.compactMap { path -> (String, Date)? in
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let date = attributes[.modificationDate] as? Date else { return nil }
        return (path, date)
    }
    return dated.max { $0.1 < $1.1 }?.0
}

/// One `swirl` session in a detached tmux window of 100x30.
final class TerminalSession {
    let socket = "swirl-repl-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    let home: String
    /// The HOME folder was made here (and is removed with the session).
    private let ownsHome: Bool
    private var started = false

    /// A fresh HOME folder (history goes there) unless one is given.
    init(home: String? = nil) throws {
        ownsHome = home == nil
        if let home {
            self.home = home
        } else {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swirl-repl-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            self.home = dir.path
        }
    }

    /// Starts `swirl` (false, with a recorded issue, when tmux or the binary is missing).
    func start(sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        guard let tmuxCheck = try? runProcess(["tmux", "-V"]), tmuxCheck.status == 0 else {
            Issue.record("tmux is required for the REPL tests (scripts/setup.sh installs it)", sourceLocation: sourceLocation)
            return false
        }
        guard let binary = swirlBinary(), FileManager.default.isExecutableFile(atPath: binary) else {
            Issue.record("no swirl binary: run `swift build -c release` first (or set SWIRL_BINARY)", sourceLocation: sourceLocation)
            return false
        }
        let command = "'\(binary)'; echo EXIT=$?; sleep 30"
        let result = try runProcess(["tmux", "-L", socket, "new-session", "-d", "-s", "S", "-x", "100", "-y", "30",
                                     "-e", "HOME=\(home)", command], capture: false)
        guard result.status == 0 else {
            Issue.record("tmux new-session failed with status \(result.status)", sourceLocation: sourceLocation)
            return false
        }
        started = true
        return true
    }

    /// Types `text` literally (no key names).
    func type(_ text: String) throws {
        try runProcess(["tmux", "-L", socket, "send-keys", "-t", "S", "-l", text])
    }

    /// Presses keys by tmux name: Enter, Up, Tab, C-c, C-d.
    func press(_ keys: String...) throws {
        try runProcess(["tmux", "-L", socket, "send-keys", "-t", "S"] + keys)
    }

    /// Types a line and presses Enter.
    func enter(_ line: String) throws {
        try type(line)
        try press("Enter")
    }

    /// The whole pane, scrollback included, with trailing blank lines removed.
    func screen() -> String {
        let text = (try? runProcess(["tmux", "-L", socket, "capture-pane", "-p", "-J", "-S", "-", "-t", "S"]).output) ?? ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The screen's lines.
    func lines() -> [String] { screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// Polls the screen every 50 ms until `condition` holds (up to `timeout` seconds); on
    /// timeout records an issue showing the screen.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: ([String]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(lines()) { return true }
            usleep(50_000)
        }
        if condition(lines()) { return true }
        Issue.record("timed out waiting for \(what); screen:\n\(screen())", sourceLocation: sourceLocation)
        return false
    }

    /// Waits until some line equals `line` (after trimming trailing spaces), counting only
    /// lines after the first `after` lines.
    @discardableResult
    func waitForLine(_ line: String, after: Int = 0, timeout: Double = 10,
                     sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        waitUntil("line \(line.debugDescription)", timeout: timeout, sourceLocation: sourceLocation) {
            $0.dropFirst(after).contains { trimmed($0) == line }
        }
    }

    /// Waits until the last line is an empty primary prompt.
    @discardableResult
    func waitForPrompt(timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        waitUntil("an empty >>> prompt", timeout: timeout, sourceLocation: sourceLocation) {
            trimmed($0.last ?? "") == ">>>"
        }
    }

    func close() {
        if started { _ = try? runProcess(["tmux", "-L", socket, "kill-server"]) }
        started = false
    }

    deinit {
        close()
        if ownsHome { try? FileManager.default.removeItem(atPath: home) }
    }
}

func trimmed(_ s: String) -> String {
    var s = s
    while s.last == " " { s.removeLast() }
    return s
}
