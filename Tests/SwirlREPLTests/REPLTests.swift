// Acceptance tests of the interactive REPL, against the real `swirl` binary in a real
// terminal (tmux): multi-line input and top-level await, history across restarts, Tab
// completion, a background task printing while a line is half typed, Ctrl-C at the prompt
// and during running code, Ctrl-D and exit(), and piped standard input.
import Foundation
import Testing

@Suite(.serialized) struct REPLTests {
    @Test func bannerMultiLineAsyncDefAwaitEchoAndErrors() throws {
        let t = try TerminalSession()
        defer { t.close() }
        guard try t.start() else { return }
        t.waitUntil("the banner") { $0.first?.hasPrefix("Swirl ") ?? false }
        t.waitForPrompt()
        #expect(t.lines().first?.contains("0.") ?? false, "banner shows the version")

        try t.enter("async def double(x):")
        t.waitForLine("...")
        try t.enter("    await asyncio.sleep(0.05)")
        try t.enter("    return x * 2")
        try t.press("Enter")
        t.waitForPrompt()
        try t.enter("await double(21)")
        t.waitForLine("42")
        try t.enter("r = await double(5)")
        try t.enter("r")
        t.waitForLine("10")
        // None is not echoed; strings echo their repr.
        try t.enter("None")
        try t.enter("'a' + 'b'")
        t.waitForLine("'ab'")
        #expect(!t.lines().contains("None"))
        // Unclosed brackets and triple-quoted strings continue without a blank line.
        try t.enter("[1,")
        try t.enter(" 2]")
        t.waitForLine("[1, 2]")
        try t.enter("s = '''x")
        try t.enter("y'''")
        try t.enter("s")
        t.waitForLine("'x\\ny'")
        // An error prints a traceback; the session keeps its state.
        try t.enter("1/0")
        t.waitForLine("ZeroDivisionError: division by zero")
        let mark = t.lines().count
        try t.enter("r + 1")
        t.waitForLine("11", after: mark)
    }

    @Test func asyncioRunAsyncWithAndAsyncForAtThePrompt() throws {
        let t = try TerminalSession()
        defer { t.close() }
        guard try t.start() else { return }
        t.waitForPrompt()
        try t.enter("async def main():")
        try t.enter("    await asyncio.sleep(0.05)")
        try t.enter("    return 'main done'")
        try t.press("Enter")
        t.waitForPrompt()
        try t.enter("asyncio.run(main())")
        t.waitForLine("'main done'")
        try t.enter("async with asyncio.Lock() as held:")
        try t.enter("    print('inside lock')")
        try t.press("Enter")
        t.waitForLine("inside lock")
        try t.enter("async def count():")
        try t.enter("    for i in range(3):")
        try t.enter("        yield i")
        try t.press("Enter")
        t.waitForPrompt()
        try t.enter("async for v in count(): print('got', v)")
        try t.press("Enter")
        t.waitForLine("got 2")
    }

    @Test func historyIsRecalledAfterARestart() throws {
        let first = try TerminalSession()
        defer { first.close() }
        guard try first.start() else { return }
        first.waitForPrompt()
        try first.enter("remembered = 7")
        first.waitForPrompt()
        // Saved after every entry: no clean exit needed.
        let historyFile = (first.home as NSString).appendingPathComponent(".swirl_history")
        first.waitUntil("the history file") { _ in
            ((try? String(contentsOfFile: historyFile, encoding: .utf8)) ?? "").contains("remembered")
        }
        first.close()

        let second = try TerminalSession(home: first.home)
        defer { second.close() }
        guard try second.start() else { return }
        second.waitForPrompt()
        try second.press("Up")
        second.waitForLine(">>> remembered = 7")
        try second.press("Enter")
        try second.enter("remembered * 6")
        second.waitForLine("42")
    }

    @Test func tabCompletesGlobalsAndAttributes() throws {
        let t = try TerminalSession()
        defer { t.close() }
        guard try t.start() else { return }
        t.waitForPrompt()
        try t.enter("unusual_global_name = 5")
        t.waitForPrompt()
        try t.type("unusual_gl")
        try t.press("Tab")
        t.waitForLine(">>> unusual_global_name")
        try t.press("Enter")
        t.waitForLine("5")
        try t.type("asyncio.cr")
        try t.press("Tab")
        t.waitForLine(">>> asyncio.create_task")
        try t.press("C-c")
        t.waitForPrompt()
    }

    @Test func backgroundTaskPrintsAboveAHalfTypedLine() throws {
        let t = try TerminalSession()
        defer { t.close() }
        guard try t.start() else { return }
        t.waitForPrompt()
        try t.enter("async def ticker():")
        try t.enter("    while True:")
        try t.enter("        print('tick')")
        try t.enter("        await asyncio.sleep(0.2)")
        try t.press("Enter")
        t.waitForPrompt()
        try t.enter("task = asyncio.create_task(ticker())")
        t.waitForLine("tick")
        t.waitForPrompt()
        try t.type("typed_while = 'ticking'")
        t.waitForLine(">>> typed_while = 'ticking'")
        let ticks = t.lines().filter { $0 == "tick" }.count
        // More ticks arrive; the half-typed line is redrawn below them each time.
        t.waitUntil("three more ticks") { lines in lines.filter { $0 == "tick" }.count >= ticks + 3 }
        t.waitUntil("the typed text redrawn as the last line") { trimmed($0.last ?? "") == ">>> typed_while = 'ticking'" }
        try t.press("Enter")
        try t.enter("task.cancel()")
        t.waitForLine("True")
        try t.enter("typed_while")
        t.waitForLine("'ticking'")
    }

    @Test func ctrlCAtThePromptAndWhileCodeRuns() throws {
        let t = try TerminalSession()
        defer { t.close() }
        guard try t.start() else { return }
        t.waitForPrompt()
        try t.enter("kept = 'state'")
        // Type only once the next prompt is up: text typed earlier is echoed by the terminal
        // ahead of the prompt (type-ahead), which is not what this test looks at.
        t.waitForLine(">>> kept = 'state'")
        t.waitForPrompt()
        // At the prompt: the line is dropped.
        try t.type("discarded text")
        t.waitForLine(">>> discarded text")
        try t.press("C-c")
        t.waitForLine("KeyboardInterrupt")
        t.waitForPrompt()
        // During a long await: KeyboardInterrupt is raised at the await (its finally runs).
        try t.enter("async def nap():")
        try t.enter("    try:")
        try t.enter("        print('napping')")
        try t.enter("        await asyncio.sleep(100)")
        try t.enter("    finally:")
        try t.enter("        print('finally ran')")
        try t.press("Enter")
        t.waitForPrompt()
        var mark = t.lines().count
        try t.enter("await nap()")
        t.waitForLine("napping", after: mark)
        try t.press("C-c")
        // The terminal echoes ^C in front of the next output.
        t.waitUntil("the finally block's output") { $0.dropFirst(mark).contains { trimmed($0).hasSuffix("finally ran") } }
        t.waitForLine("Traceback (most recent call last):", after: mark)
        t.waitForLine("KeyboardInterrupt", after: mark)
        t.waitForPrompt()
        // During a busy loop.
        mark = t.lines().count
        try t.enter("if True:")
        try t.enter("    print('spinning')")
        try t.enter("    while True: pass")
        try t.press("Enter")
        t.waitForLine("spinning", after: mark)
        try t.press("C-c")
        t.waitForLine("    while True: pass", after: mark + 3)
        t.waitForLine("KeyboardInterrupt", after: mark)
        t.waitForPrompt()
        mark = t.lines().count
        try t.enter("kept")
        t.waitForLine("'state'", after: mark)
    }

    @Test func ctrlDAndExitEndTheSession() throws {
        let t = try TerminalSession()
        defer { t.close() }
        guard try t.start() else { return }
        t.waitForPrompt()
        try t.press("C-d")
        t.waitForLine("EXIT=0")

        let q = try TerminalSession()
        defer { q.close() }
        guard try q.start() else { return }
        q.waitForPrompt()
        try q.enter("quit()")
        q.waitForLine("EXIT=0")

        let e = try TerminalSession()
        defer { e.close() }
        guard try e.start() else { return }
        e.waitForPrompt()
        try e.enter("exit(3)")
        e.waitForLine("EXIT=3")
    }

    @Test func pipedStandardInputRunsAsAScript() throws {
        guard let binary = swirlBinary() else {
            Issue.record("no swirl binary: run `swift build -c release` first (or set SWIRL_BINARY)")
            return
        }
        let result = try runProcess([binary], input: "print(1)\nx = 2\nx\nprint(x + 1)\n")
        #expect(result.status == 0)
        // No prompt, no banner, no echo of bare expressions: a script.
        #expect(result.output == "1\n3\n")
    }

    /// input() drops only the "\n" of a line; sys.stdin keeps lines as they are, a last
    /// line without a newline included (what CPython gives for the same input).
    @Test func standardInputLinesAreKeptExactly() throws {
        guard let binary = swirlBinary() else {
            Issue.record("no swirl binary: run `swift build -c release` first (or set SWIRL_BINARY)")
            return
        }
        let program = "import sys; print(repr(input())); print(sys.stdin.readlines())"
        let result = try runProcess([binary, "-c", program], input: "first\r\nsecond\nlast")
        #expect(result.status == 0)
        #expect(result.output == "'first\\r'\n['second\\n', 'last']\n")
    }
}
