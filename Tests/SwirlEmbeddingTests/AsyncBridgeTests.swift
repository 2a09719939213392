// The async bridge both ways: Swift `async` host functions awaited by script tasks, Swift
// awaiting script coroutines, and cancellation crossing the boundary in each direction.
import Foundation
import Swirl
import Testing

/// A flag set from any thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

/// Waits up to `seconds` for `condition`.
func eventually(_ seconds: Double = 5, _ condition: () -> Bool) async -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if condition() { return true }
        try? await Task.sleep(nanoseconds: 10_000_000)
    }
    return condition()
}

// Tests whose scripts await async host functions drive them with `callAsync`: the
// synchronous `call` would block a thread of Swift's small cooperative pool, which the
// host functions' own tasks need (see docs/embedding.md).
@Test func thousandScriptTasksAwaitAHostAsyncFunction() async throws {
    let (interp, _, _) = makeInterpreter()
    interp.register(HostFunction("fetch", parameters: ["n"]) { args in
        let n = try args.int("n")
        try await Task.sleep(nanoseconds: 200_000_000)
        return .int(n * 2)
    } as HostFunction)
    try interp.run("""
    import asyncio
    ticks = 0
    async def ticker():
        global ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1
    async def worker(i):
        return await fetch(i)
    async def main():
        t = asyncio.create_task(ticker())
        results = await asyncio.gather(*(worker(i) for i in range(1000)))
        t.cancel()
        return sum(results)
    """)
    let start = Date()
    #expect(try await interp.callAsync("main") == .int(2 * (999 * 1000 / 2)))
    let elapsed = Date().timeIntervalSince(start)
    // 1,000 calls of 0.2 s each ran concurrently (one after the other: 200 s).
    #expect(elapsed < 60)
    // The loop kept running the ticker while the host calls were in flight.
    #expect((interp.global("ticks")?.intValue ?? 0) >= 5)
}

@Test func hostAsyncErrorsComeBackIntoTheScript() async throws {
    let (interp, _, _) = makeInterpreter()
    interp.register(HostFunction("load", parameters: ["key"]) { args in
        try await Task.sleep(nanoseconds: 1_000_000)
        throw ScriptException("KeyError", try args.string("key"))
    } as HostFunction)
    try interp.run("""
    import asyncio
    async def main():
        try:
            await load('cfg')
        except KeyError as e:
            return 'missing ' + e.args[0]
    async def unhandled():
        await load('x')
    """)
    #expect(try await interp.callAsync("main") == "missing cfg")
    let f = await failure { _ = try await interp.callAsync("unhandled") }
    #expect(f?.typeName == "KeyError")
    #expect(f?.message == "'x'")
    #expect(f?.line == 8)
}

@Test func swiftAwaitsAScriptCoroutine() async throws {
    let (interp, _, _) = makeInterpreter()
    interp.register(HostFunction("lookup", parameters: ["x"]) { args in
        try await Task.sleep(nanoseconds: 1_000_000)
        return .int(try args.int("x") + 1)
    } as HostFunction)
    try interp.run("""
    import asyncio
    async def compute(a, *, b):
        await asyncio.sleep(0.01)
        return [a + b, await lookup(a)]
    """)
    let v = try await interp.callAsync("compute", [2], keywords: ["b": 3])
    #expect(v == [5, 3])
    let f = await failure { _ = try await interp.callAsync("nothing") }
    #expect(f?.typeName == "NameError")
}

@Test func cancellingTheSwiftTaskCancelsTheScriptTask() async throws {
    let (interp, _, _) = makeInterpreter()
    // While a call runs, other calls into the same interpreter wait for it: the script
    // tells Swift it has started through a host function.
    let started = Flag()
    interp.register(HostFunction("mark_started") { _ in
        started.set()
        return .none
    })
    try interp.run("""
    import asyncio
    cleanup = None
    async def forever():
        global cleanup
        mark_started()
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cleanup = 'cancelled'
            raise
    """)
    let task = Task { try await interp.callAsync("forever") }
    #expect(await eventually(60) { started.isSet })
    task.cancel()
    let result = await task.result
    switch result {
    case .success(let v): Issue.record("expected cancellation, got \(v)")
    case .failure(let e): #expect(e is CancellationError)
    }
    #expect(interp.global("cleanup") == "cancelled")
    // The interpreter carries on.
    #expect(try interp.evaluate("1 + 1") == 2)
}

@Test func cancellingTheScriptTaskCancelsTheSwiftTask() async throws {
    let (interp, _, _) = makeInterpreter()
    let swiftCancelled = Flag()
    let swiftStarted = Flag()
    interp.register(HostFunction("wait_for_event") { _ in
        swiftStarted.set()
        do {
            try await Task.sleep(nanoseconds: 60_000_000_000)
        } catch is CancellationError {
            swiftCancelled.set()
            throw CancellationError()
        }
        return .none
    } as HostFunction)
    try interp.run("""
    import asyncio
    async def main():
        t = asyncio.create_task(wait_for_event())
        await asyncio.sleep(0.05)
        t.cancel()
        try:
            await t
        except asyncio.CancelledError:
            return 'script side cancelled'
    """)
    let start = Date()
    #expect(try await interp.callAsync("main") == "script side cancelled")
    #expect(Date().timeIntervalSince(start) < 30)
    #expect(swiftStarted.isSet)
    #expect(await eventually(60) { swiftCancelled.isSet })
}

@Test func asyncHostMethodOnAHostObject() async throws {
    let (interp, _, _) = makeInterpreter()
    let db = HostObject(typeName: "Database") { o in
        o.method(HostFunction("get", parameters: ["key"]) { args in
            try await Task.sleep(nanoseconds: 1_000_000)
            return .string("value of " + (try args.string("key")))
        })
    }
    try interp.setGlobal("db", .hostObject(db))
    try interp.run("import asyncio\nasync def main():\n    return await db.get('k')\n")
    #expect(try await interp.callAsync("main") == "value of k")
}
