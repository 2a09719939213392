// In-process script tests: every NAME.py in the bundled Scripts folder runs through the public
// embedding API (`Interpreter.runMain`) with virtual time, and its behaviour is compared with
// what CPython 3.11 recorded next to it (see scripts/record-expected.sh), following the
// convention of shared/conformance/run:
//   NAME.out     exact standard output
//   NAME.code    exit status (0 when absent)
//   NAME.err     the last non-blank line of standard error, checked when the status is not 0
//   NAME.errhas  lines that must each appear somewhere in standard error
// Each script is its own test case; a script that runs longer than the time limit is
// interrupted and reported as a failure instead of hanging the test run.

import Foundation
import Testing
import Swirl

// MARK: - Output capture

/// Text written by an interpreter's output sink, which may be called from the interpreter's
/// own thread while the test reads it from another.
final class OutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""

    func append(_ chunk: String) {
        lock.lock()
        defer { lock.unlock() }
        text += chunk
    }

    var contents: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }
}

/// Lets exactly one of several racing callbacks go ahead.
private final class FirstCaller: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false

    /// True for the first caller only.
    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if claimed { return false }
        claimed = true
        return true
    }
}

// MARK: - The script catalog

enum ScriptCatalog {
    /// The Scripts folder copied into the test bundle.
    static let directory: URL? = Bundle.module.url(forResource: "Scripts", withExtension: nil)

    /// File names of every `*.py` in the folder, sorted.
    static let allScripts: [String] = {
        guard let directory,
              let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return entries.filter { $0.hasSuffix(".py") }.sorted()
    }()

    /// The scripts that have recorded expectations (a NAME.out), like conformance/run.
    static let names: [String] = allScripts.filter { hasFile(($0 as NSString).deletingPathExtension + ".out") }

    static func url(_ file: String) -> URL? { directory?.appendingPathComponent(file) }

    static func hasFile(_ file: String) -> Bool {
        guard let url = url(file) else { return false }
        return FileManager.default.fileExists(atPath: url.path)
    }

    /// The contents of a file in the folder, or nil when it does not exist.
    static func read(_ file: String) -> String? {
        guard let url = url(file), let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// What CPython did with one script.
struct ExpectedBehaviour {
    var stdout: String
    var status: Int32
    /// Last non-blank line of standard error.
    var lastErrorLine: String?
    /// Lines that must each appear in standard error.
    var errorLines: [String]

    init?(script: String) {
        let base = (script as NSString).deletingPathExtension
        guard let out = ScriptCatalog.read(base + ".out") else { return nil }
        stdout = out
        let codeText = ScriptCatalog.read(base + ".code")?.trimmingCharacters(in: .whitespacesAndNewlines)
        status = codeText.flatMap { Int32($0) } ?? 0
        lastErrorLine = ScriptCatalog.read(base + ".err").map(trimmingTrailingNewlines)
        errorLines = ScriptCatalog.read(base + ".errhas").map { text in
            lines(text).filter { !$0.isEmpty }
        } ?? []
    }
}

// Output is compared byte for byte, like `cmp` in the shell runner: Swift's `==` on strings
// would treat canonically equivalent Unicode (é vs e + U+0301) as equal, and a Character
// "\r\n" is not a "\n".

/// `text` split at "\n" bytes; a "\r" before one stays in its line, as with `sed` or `diff`.
func lines(_ text: String) -> [String] {
    text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
}

/// True when `a` and `b` are the same bytes.
func sameBytes(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

/// What `$(cat file)` gives in the shell runner: the text without its trailing newlines.
private func trimmingTrailingNewlines(_ text: String) -> String {
    var bytes = Array(text.utf8)
    while bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
    return String(decoding: bytes, as: UTF8.self)
}

/// The last line of `text` that is not blank (like `sed '/^[[:space:]]*$/d' | tail -n 1`), or
/// nil when every line is blank.
func lastNonBlankLine(_ text: String) -> String? {
    let space: Set<UInt8> = [9, 10, 11, 12, 13, 32]  // [[:space:]]
    return lines(text).last { line in line.utf8.contains { !space.contains($0) } }
}

/// A short description of where `actual` first departs from `expected`, line by line, or nil
/// when they are the same bytes.
func firstDifference(expected: String, actual: String) -> String? {
    if sameBytes(expected, actual) { return nil }
    let want = lines(expected)
    let got = lines(actual)
    for i in 0..<max(want.count, got.count) {
        let w = i < want.count ? want[i] : nil
        let g = i < got.count ? got[i] : nil
        if let w, let g, sameBytes(w, g) { continue }
        return "line \(i + 1): expected \(w.map { $0.debugDescription } ?? "<end of output>"), "
            + "got \(g.map { $0.debugDescription } ?? "<end of output>")"
    }
    return "outputs differ"  // unreachable: texts of different bytes differ in some line
}

// MARK: - Running a script

struct ScriptRun {
    /// nil when the script did not finish within the time limit.
    var status: Int32?
    var stdout: String
    var stderr: String
}

/// Seconds a script may run before it is interrupted (SWIRL_SCRIPT_TIMEOUT overrides).
private let scriptTimeLimit: Double = {
    ProcessInfo.processInfo.environment["SWIRL_SCRIPT_TIMEOUT"].flatMap(Double.init) ?? 60
}()

/// Runs `source` as the main program `name` in `directory`, the way `swirl --virtual-time NAME`
/// run from that folder would, on a thread of its own so a hung script cannot block the test
/// run.
func runScript(source: String, name: String, directory: String?) async -> ScriptRun {
    let out = OutputBuffer()
    let err = OutputBuffer()
    var config = Configuration(stdout: { out.append($0) }, stderr: { err.append($0) })
    config.virtualTime = true
    config.capabilities = .all
    config.arguments = [name]
    let interpreter = Interpreter(configuration: config)
    let limit = scriptTimeLimit
    let status: Int32? = await withCheckedContinuation { (done: CheckedContinuation<Int32?, Never>) in
        let once = FirstCaller()
        let thread = Thread {
            let code = interpreter.runMain(source: source, filename: name, scriptDirectory: directory)
            if once.claim() { done.resume(returning: code) }
        }
        thread.start()
        DispatchQueue.global().asyncAfter(deadline: .now() + limit) {
            if once.claim() {
                interpreter.interrupt()
                done.resume(returning: nil)
            }
        }
    }
    return ScriptRun(status: status, stdout: out.contents, stderr: err.contents)
}

// MARK: - Tests

@Suite struct ScriptTests {
    @Test func scriptsAreBundled() {
        #expect(ScriptCatalog.directory != nil, "the Scripts resource folder is missing from the test bundle")
        #expect(ScriptCatalog.names.count >= 25, "only \(ScriptCatalog.names.count) scripts found")
        let unrecorded = ScriptCatalog.allScripts.filter { !ScriptCatalog.names.contains($0) }
        #expect(unrecorded.isEmpty, "scripts without a recorded .out (run scripts/record-expected.sh): \(unrecorded)")
    }

    @Test(arguments: ScriptCatalog.names)
    func script(_ name: String) async throws {
        let source = try #require(ScriptCatalog.read(name), "cannot read \(name)")
        let expected = try #require(ExpectedBehaviour(script: name), "no expected output for \(name)")
        let run = await runScript(source: source, name: name, directory: ScriptCatalog.directory?.path)
        let stderrTail = lines(run.stderr).filter { !$0.isEmpty }.suffix(5).joined(separator: "\n")

        guard let status = run.status else {
            let progress = firstDifference(expected: expected.stdout, actual: run.stdout)
                .map { "stdout so far differs at \($0)" } ?? "stdout so far matches"
            Issue.record(Comment(rawValue: "\(name) did not finish within \(scriptTimeLimit) s (\(progress))"))
            return
        }
        if let difference = firstDifference(expected: expected.stdout, actual: run.stdout) {
            let message = "stdout differs at \(difference)" + (stderrTail.isEmpty ? "" : "\nstderr:\n\(stderrTail)")
            Issue.record(Comment(rawValue: message))
        }
        #expect(status == expected.status, "exit status; stderr:\n\(stderrTail)")
        if expected.status != 0, let want = expected.lastErrorLine {
            // An empty NAME.err means standard error must be blank.
            let lastLine = lastNonBlankLine(run.stderr) ?? ""
            #expect(sameBytes(lastLine, want),
                    "last line of stderr: expected \(want.debugDescription), got \(lastLine.debugDescription)")
        }
        for line in expected.errorLines {
            #expect(run.stderr.contains(line), "stderr lacks \(line.debugDescription)")
        }
    }
}
