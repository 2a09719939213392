// plugin-host: a tiny example of embedding Swirl. It exposes a `weather` module whose
// `forecast(city)` is an async Swift function, gives the plugin a host object for
// logging, runs a user script (a plugin) in a sandbox with limits, and awaits the
// plugin's `async def report(cities)` from Swift.
//
//     swift run plugin-host [plugin.py]      (default: examples/plugins/report.py)
import Foundation
import Swirl

/// The host's own state, shared with the plugin through a host object.
final class Journal: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }
    var entries: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}

/// The async Swift function scripts await: pretends to ask a weather service.
@Sendable func forecast(_ args: HostArguments) async throws -> ScriptValue {
    let city = try args.string("city")
    guard !city.isEmpty else { throw ScriptException.valueError("city must not be empty") }
    try await Task.sleep(nanoseconds: 100_000_000)   // the network, as far as the script knows
    let temperature = city.unicodeScalars.reduce(0) { ($0 + Int($1.value)) % 35 }
    return ["city": .string(city), "celsius": .int(temperature)]
}

let defaultPlugin = """
import asyncio
import weather

async def report(cities):
    # All the forecasts are fetched concurrently: the Swift function is async.
    results = await asyncio.gather(*(weather.forecast(c) for c in cities))
    for r in results:
        journal.log(f"{r['city']}: {r['celsius']} C")
    warmest = max(results, key=lambda r: r['celsius'])
    return warmest['city']
"""

@main
struct PluginHost {
    static func main() async {
        let pluginPath = CommandLine.arguments.dropFirst().first
        var config = Configuration(stdout: { print("[plugin] " + $0, terminator: "") },
                                   stderr: { FileHandle.standardError.write(Data(("[plugin error] " + $0).utf8)) })
        // A sandbox: no files, network, environment or exit; bounded time and memory.
        config.capabilities = []
        config.limits = Limits(maxSteps: 10_000_000, timeLimit: 5, recursionLimit: 200, memoryLimit: 32 << 20)
        let interpreter = Interpreter(configuration: config)

        var weather = HostModule("weather", values: ["UNITS": "celsius"])
        weather.add(HostFunction("forecast", parameters: ["city"], async: forecast))
        let journal = Journal()
        let journalObject = HostObject(typeName: "Journal", value: journal) { o in
            o.method(HostFunction("log", parameters: ["line"]) { args in
                journal.add(try args.string("line"))
                return .none
            })
            o.property("count", get: { .int(journal.entries.count) })
        }
        do {
            try interpreter.addModule(weather)
            try interpreter.setGlobal("journal", .hostObject(journalObject))
            if let pluginPath {
                try interpreter.runFile(pluginPath)
            } else {
                try interpreter.run(defaultPlugin, filename: "report.py")
            }
            let warmest = try await interpreter.callAsync("report", [["Lisbon", "Oslo", "Cairo", "Lima"]])
            for line in journal.entries { print("journal: \(line)") }
            print("warmest: \(warmest.stringValue ?? "\(warmest)")")
            // The sandbox at work: the plugin cannot read files.
            do {
                try interpreter.run("open('/etc/passwd').read()")
            } catch let failure as ScriptFailure {
                print("sandbox: \(failure.typeName): \(failure.message)")
            }
            // A runaway plugin is stopped; the host carries on.
            do {
                try interpreter.run("while True:\n    pass\n")
            } catch let failure as ScriptFailure {
                print("limit: \(failure.typeName) (\(failure.reason))")
            }
        } catch let failure as ScriptFailure {
            FileHandle.standardError.write(Data("plugin failed at line \(failure.line ?? 0):\n\(failure.traceback)".utf8))
            exit(1)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
        }
    }
}
