// Robustness: mutated versions of the script corpus (random byte flips, truncations, deleted
// and duplicated lines) must never crash the interpreter — every run ends with an exit
// status. A crash takes the whole test process down, so this suite failing means a crash.
import Foundation
import Testing
import Swirl

/// A small deterministic PRNG (SplitMix64), so every run tries the same mutations.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
}

enum Mutator {
    static func mutate(_ source: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = source
        if bytes.isEmpty { return bytes }
        switch rng.below(5) {
        case 0:
            // Flip a few bytes to random printable characters or random bytes.
            for _ in 0...rng.below(3) {
                let i = rng.below(bytes.count)
                bytes[i] = rng.below(2) == 0 ? UInt8(32 + rng.below(95)) : UInt8(truncatingIfNeeded: rng.next())
            }
        case 1:
            bytes = Array(bytes.prefix(rng.below(bytes.count)))
        case 2:
            let start = rng.below(bytes.count)
            let length = min(bytes.count - start, 1 + rng.below(40))
            bytes.removeSubrange(start..<(start + length))
        case 3:
            var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map { Array($0) }
            let i = rng.below(lines.count)
            lines.insert(lines[i], at: rng.below(lines.count))
            bytes = Array(lines.joined(separator: [10]))
        default:
            var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map { Array($0) }
            if lines.count > 1 { lines.swapAt(rng.below(lines.count), rng.below(lines.count)) }
            bytes = Array(lines.joined(separator: [10]))
        }
        return bytes
    }

    /// Scripts to mutate: the bundled script tests and, when present next to the checkout,
    /// the conformance corpus. Scripts that touch files, the environment or standard
    /// input, or that catch everything (and so could swallow the watchdog's interrupt),
    /// are left out.
    static func corpus() -> [(String, [UInt8])] {
        var roots: [String] = []
        if let scripts = Bundle.module.resourceURL?.appendingPathComponent("Scripts").path { roots.append(scripts) }
        let conformance = FileManager.default.currentDirectoryPath + "/../shared/conformance"
        if FileManager.default.fileExists(atPath: conformance) { roots.append(conformance) }
        var out: [(String, [UInt8])] = []
        for root in roots {
            guard let e = FileManager.default.enumerator(atPath: root) else { continue }
            while let path = e.nextObject() as? String {
                guard path.hasSuffix(".py"), let data = FileManager.default.contents(atPath: root + "/" + path) else { continue }
                let text = String(decoding: data, as: UTF8.self)
                let risky = ["open(", "import os", "input(", "except:", "BaseException", "start_server",
                             "open_connection", "to_thread", "run_in_executor", "time.sleep"]
                if risky.contains(where: { text.contains($0) }) { continue }
                out.append((path, [UInt8](data)))
            }
        }
        return out.sorted { $0.0 < $1.0 }
    }
}

/// Discards output.
private final class Sink: @unchecked Sendable {
    func write(_ s: String) {}
}

@Test func mutatedScriptsNeverCrash() async throws {
    let corpus = Mutator.corpus()
    #expect(corpus.count >= 20)
    var rng = SplitMix64(state: 20261125)
    var runs = 0
    for (name, source) in corpus {
        for _ in 0..<6 {
            let mutated = Mutator.mutate(source, &rng)
            let sink = Sink()
            var config = Configuration(stdout: { sink.write($0) }, stderr: { sink.write($0) })
            config.virtualTime = true
            config.capabilities = .all
            let interpreter = Interpreter(configuration: config)
            // Interrupt runaway loops: keep asking until the run ends.
            let finished = Flag()
            let watchdog = Thread {
                Thread.sleep(forTimeInterval: 0.5)
                while !finished.isSet {
                    interpreter.interrupt()
                    Thread.sleep(forTimeInterval: 0.05)
                }
            }
            watchdog.start()
            let status = interpreter.runMain(source: String(decoding: mutated, as: UTF8.self), filename: name,
                                             scriptDirectory: nil)
            finished.set()
            #expect(status >= 0 && status < 256)
            runs += 1
        }
    }
    #expect(runs == corpus.count * 6)
}

private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
