// Limits: steps, wall-clock deadline, recursion depth and memory each end only the
// script, with a distinct error, and the host (and the interpreter) carry on.
import Foundation
import Swirl
import Testing

@Test func stepLimitStopsAnEndlessLoop() throws {
    let (interp, _, _) = makeInterpreter(limits: Limits(maxSteps: 100_000))
    let f = try #require(failure { try interp.run("n = 0\nwhile True:\n    n += 1\n") })
    #expect(f.reason == .stepLimit)
    #expect(f.typeName == "StepLimitExceeded")
    let n = interp.global("n")?.intValue ?? 0
    #expect(n > 50_000 && n <= 100_000)
    // The next run in the same interpreter gets a fresh budget.
    try interp.run("total = sum(range(1000))")
    #expect(interp.global("total") == 499_500)
}

@Test func stepLimitCannotBeSwallowedByTheScript() throws {
    let (interp, out, _) = makeInterpreter(limits: Limits(maxSteps: 10_000))
    let f = try #require(failure {
        try interp.run("""
        try:
            while True:
                pass
        except BaseException:
            print('caught')
            while True:
                pass
        print('escaped')
        """)
    })
    #expect(f.reason == .stepLimit)
    #expect(!out.text.contains("escaped"))
}

@Test func stepLimitCountsCallsToo() throws {
    let (interp, _, _) = makeInterpreter(limits: Limits(maxSteps: 50_000))
    let f = try #require(failure { try interp.run("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nfib(40)") })
    #expect(f.reason == .stepLimit)
}

@Test func timeLimitStopsABusyLoopAndASleepingLoop() throws {
    let (interp, _, _) = makeInterpreter(limits: Limits(timeLimit: 0.3))
    var start = Date()
    let f = try #require(failure { try interp.run("while True:\n    pass\n") })
    #expect(f.reason == .timeLimit)
    #expect(f.typeName == "TimeLimitExceeded")
    #expect(Date().timeIntervalSince(start) < 20)
    // A script waiting on the event loop is stopped too.
    start = Date()
    let g = try #require(failure { try interp.run("import asyncio\nasyncio.run(asyncio.sleep(3600))") })
    #expect(g.reason == .timeLimit)
    #expect(Date().timeIntervalSince(start) < 20)
    try interp.run("ok = 1")
    #expect(interp.global("ok") == 1)
}

@Test func recursionLimitRaisesRecursionError() throws {
    let (interp, _, _) = makeInterpreter(limits: Limits(recursionLimit: 50))
    let f = try #require(failure { try interp.run("def down(n):\n    return down(n + 1)\ndown(0)") })
    #expect(f.reason == .recursionLimit)
    #expect(f.typeName == "RecursionError")
    try interp.run("def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\nd = depth(30)")
    #expect(interp.global("d") == 30)
}

@Test func memoryLimitStopsAHugeAllocation() throws {
    let (interp, _, _) = makeInterpreter(limits: Limits(memoryLimit: 64 << 20))
    let f = try #require(failure { try interp.run("x = [0] * 10**9") })
    #expect(f.reason == .memoryLimit)
    #expect(f.typeName == "MemoryError")
    let g = try #require(failure { try interp.run("s = 'ab' * 10**9") })
    #expect(g.typeName == "MemoryError")
    // Within the budget, allocation works, and freed objects give their bytes back.
    for _ in 0..<5 {
        try interp.run("big = [1] * 2_000_000\nbig = None")
    }
    #expect(interp.memoryInUse < 1 << 20)
}

@Test func memoryLimitStopsAListGrowingForever() throws {
    let (interp, _, _) = makeInterpreter(limits: Limits(memoryLimit: 16 << 20))
    let f = try #require(failure { try interp.run("xs = []\nwhile True:\n    xs.append(len(xs))\n") })
    #expect(f.reason == .memoryLimit)
    let n = interp.global("xs")?.arrayValue?.count ?? 0
    #expect(n > 100_000 && n < 2_000_000)
    let g = try #require(failure { try interp.run("ys = []\nwhile True:\n    ys += [0] * 1000\n") })
    #expect(g.reason == .memoryLimit)
    // The script can free memory and go on in the same interpreter.
    try interp.run("xs = None\nys = None\nzs = [0] * 100_000")
    #expect(interp.global("zs")?.arrayValue?.count == 100_000)
}

@Test func memoryLimitStopsADictOrSetGrowingForever() throws {
    let (interp, _, _) = makeInterpreter(limits: Limits(memoryLimit: 16 << 20))
    let f = try #require(failure { try interp.run("d = {}\nwhile True:\n    d[len(d)] = None\n") })
    #expect(f.reason == .memoryLimit)
    let g = try #require(failure { try interp.run("d = None\ns = set()\nwhile True:\n    s.add(len(s))\n") })
    #expect(g.reason == .memoryLimit)
    try interp.run("s = None\nsmall = {k: k for k in range(1000)}")
    #expect(interp.global("small")?.dictionaryValue == nil)  // int keys: not a [String: _]
    #expect(try interp.evaluate("len(small)") == 1000)
}

@Test func interruptStopsAnInfiniteLoopFromAnotherThread() throws {
    let (interp, _, _) = makeInterpreter()
    interruptSoon(interp)
    let start = Date()
    let f = try #require(failure { try interp.run("while True: pass") })
    #expect(f.reason == .interrupted)
    #expect(f.typeName == "KeyboardInterrupt")
    #expect(Date().timeIntervalSince(start) < 20)
    #expect(try interp.evaluate("'still alive'") == "still alive")
}

@Test func freshInterpreterAfterALimit() throws {
    let (first, _, _) = makeInterpreter(limits: Limits(maxSteps: 1000))
    #expect(failure { try first.run("while True: pass") }?.reason == .stepLimit)
    let (second, _, _) = makeInterpreter(limits: Limits(maxSteps: 1000))
    try second.run("x = 5")
    #expect(second.global("x") == 5)
}

@Test func interruptStopsAScriptWaitingOnTheEventLoop() async throws {
    let (interp, _, _) = makeInterpreter()
    try interp.run("import asyncio\nasync def wait():\n    await asyncio.sleep(3600)\n")
    interruptSoon(interp)
    let start = Date()
    let f = await failure { _ = try await interp.callAsync("wait") }
    #expect(f?.reason == .interrupted)
    #expect(Date().timeIntervalSince(start) < 20)
}

@Test func limitsApplyToCallsAndCallAsyncToo() async throws {
    let (interp, _, _) = makeInterpreter(limits: Limits(maxSteps: 10_000, timeLimit: 0.3))
    try interp.run("""
    import asyncio
    def spin():
        while True:
            pass
    async def spin_async():
        await asyncio.sleep(0)
        while True:
            await asyncio.sleep(0)
    """)
    #expect(failure { _ = try interp.call("spin") }?.reason == .stepLimit)
    let f = await failure { _ = try await interp.callAsync("spin_async") }
    #expect(f?.reason == .stepLimit || f?.reason == .timeLimit)
    #expect(try interp.evaluate("21 * 2") == 42)
}

/// Interrupts `interp` after 0.2 s from a thread of its own: a global-queue timer can
/// wait behind the blocking work of tests running in parallel on a loaded machine.
private func interruptSoon(_ interp: Interpreter) {
    let thread = Thread {
        Thread.sleep(forTimeInterval: 0.2)
        interp.interrupt()
    }
    thread.start()
}
