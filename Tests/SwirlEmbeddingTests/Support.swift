// Helpers shared by the embedding tests: an output sink and interpreter factories. These
// tests use only the public API (`import Swirl`, never `@testable`).
import Foundation
import Swirl

/// Collects text written from any thread.
final class Sink: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    func write(_ s: String) {
        lock.lock()
        buffer += s
        lock.unlock()
    }
    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return buffer
    }
}

/// An interpreter whose stdout and stderr go to the returned sinks.
func makeInterpreter(capabilities: Capabilities = [], limits: Limits = Limits(),
                     configure: (inout Configuration) -> Void = { _ in }) -> (Interpreter, Sink, Sink) {
    let out = Sink(), err = Sink()
    var config = Configuration(stdout: { out.write($0) }, stderr: { err.write($0) })
    config.capabilities = capabilities
    config.limits = limits
    configure(&config)
    return (Interpreter(configuration: config), out, err)
}

/// The `ScriptFailure` `body` throws (nil if it throws nothing or something else).
func failure(_ body: () throws -> Void) -> ScriptFailure? {
    do {
        try body()
        return nil
    } catch let f as ScriptFailure {
        return f
    } catch {
        return nil
    }
}

/// The `ScriptFailure` an async `body` throws.
func failure(_ body: () async throws -> Void) async -> ScriptFailure? {
    do {
        try await body()
        return nil
    } catch let f as ScriptFailure {
        return f
    } catch {
        return nil
    }
}
