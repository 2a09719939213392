// The interpreter side of the REPL through its public API: whether typed text is complete,
// echo of expression values, top-level await and asyncio.run on the session's loop, errors
// that keep the session, exit(), completion candidates, and running the loop at the prompt.
import Foundation
import Swirl
import Testing

/// Collects what a session prints.
final class CapturedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func append(_ s: String) {
        lock.lock()
        text += s
        lock.unlock()
    }
    /// Returns and clears what was printed.
    func take() -> String {
        lock.lock()
        defer { lock.unlock() }
        let t = text
        text = ""
        return t
    }
}

/// Runs `body` in a fresh interactive session; stdout and stderr both go to the capture.
func withSession(_ body: @escaping (InteractiveSession, CapturedOutput) -> Void) {
    let out = CapturedOutput()
    var configuration = Configuration(stdout: { out.append($0) }, stderr: { out.append($0) })
    configuration.capabilities = .all   // as the command line's REPL (sys.exit ends the session)
    let interpreter = Interpreter(configuration: configuration)
    _ = interpreter.runInteractive { session in
        body(session, out)
        return 0
    }
}

@Suite struct InteractiveSessionTests {
    @Test(arguments: [
        "x = 1", "1 + 1", "print('hi')", "", "# just a comment", "x = (1,\n2)", "s = '''a\nb'''",
        "if x:\n    y = 1\n", "def f():\n    return 1\n\n", "x = )", "if True:\n", "@dec\ndef f(): pass\n",
    ])
    func complete(source: String) {
        withSession { session, _ in
            #expect(session.inputState(source) == .complete, "\(source.debugDescription)")
        }
    }

    @Test(arguments: [
        "if x:", "if x:\n    y = 1", "async def f():\n    await g()", "x = (1,", "x = (1,\n", "s = '''a",
        "s = '''a\n", "class C:\n    def m(self):\n        pass", "for i in y:\n    if i:\n        pass",
        "def f():\n    try:\n        x", "@dec", "with a:\n    pass", "try:\n    x\nexcept E:\n    pass",
    ])
    func incomplete(source: String) {
        withSession { session, _ in
            #expect(session.inputState(source) == .incomplete, "\(source.debugDescription)")
        }
    }

    @Test func expressionStatementsEchoTheirRepr() {
        withSession { session, out in
            #expect(session.execute("1 + 1\n") == .done)
            #expect(out.take() == "2\n")
            _ = session.execute("'a' + 'b'\n")
            #expect(out.take() == "'ab'\n")
            _ = session.execute("None\n")
            #expect(out.take() == "")
            _ = session.execute("x = 5\n")
            #expect(out.take() == "")
            _ = session.execute("x * 2\n_ + 1\n")
            #expect(out.take() == "10\n11\n")
        }
    }

    @Test func topLevelAwaitRunsOnTheSessionLoop() {
        withSession { session, out in
            _ = session.execute("async def double(x):\n    await asyncio.sleep(0.01)\n    return x * 2\n")
            _ = session.execute("await double(21)\n")
            #expect(out.take() == "42\n")
            _ = session.execute("r = await double(5)\n")
            _ = session.execute("r\n")
            #expect(out.take() == "10\n")
            _ = session.execute("async with asyncio.Lock():\n    print('locked')\n")
            #expect(out.take() == "locked\n")
            _ = session.execute("async def gen():\n    for i in range(3):\n        yield i\n")
            _ = session.execute("async for v in gen():\n    print(v)\n")
            #expect(out.take() == "0\n1\n2\n")
        }
    }

    @Test func tasksKeepRunningBetweenInputs() {
        withSession { session, out in
            _ = session.execute("""
                log = []
                async def worker():
                    for i in range(3):
                        log.append(i)
                        await asyncio.sleep(0)
                task = asyncio.create_task(worker())

                """)
            // The prompt waits for a descriptor (here a pipe written 0.3 s later by another
            // thread); the loop runs the task meanwhile.
            var fds: [Int32] = [-1, -1]
            #expect(pipe(&fds) == 0)
            let writeEnd = fds[1]
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) {
                var byte: UInt8 = 1
                _ = write(writeEnd, &byte, 1)
            }
            var readable = false
            var passes = 0
            let result = session.waitForInput(on: fds[0], onReadable: {
                var byte: UInt8 = 0
                _ = read(fds[0], &byte, 1)
                readable = true
            }, afterPass: { passes += 1 }, until: { readable })
            close(fds[0])
            close(fds[1])
            #expect(result == .finished)
            #expect(passes >= 4)
            _ = session.execute("log, task.done()\n")
            #expect(out.take() == "([0, 1, 2], True)\n")
        }
    }

    @Test func asyncioRunTypedAtThePromptWorks() {
        withSession { session, out in
            _ = session.execute("async def main():\n    await asyncio.sleep(0.01)\n    return 'ran'\n")
            _ = session.execute("asyncio.run(main())\n")
            #expect(out.take() == "'ran'\n")
            // Inside a coroutine it is still an error, as in CPython.
            _ = session.execute("async def nested():\n    c = main()\n    try:\n        asyncio.run(c)\n    finally:\n        c.close()\n")
            _ = session.execute("await nested()\n")
            #expect(out.take().contains("RuntimeError: asyncio.run() cannot be called from a running event loop"))
        }
    }

    @Test func errorsPrintATracebackAndKeepTheSession() {
        withSession { session, out in
            _ = session.execute("kept = 3\n")
            #expect(session.execute("1/0\n") == .done)
            let traceback = out.take()
            #expect(traceback.contains("Traceback (most recent call last):"))
            #expect(traceback.contains("ZeroDivisionError: division by zero"))
            _ = session.execute("x = )\n")
            #expect(out.take().contains("SyntaxError"))
            _ = session.execute("kept\n")
            #expect(out.take() == "3\n")
        }
    }

    @Test func exitAndQuitEndTheSession() {
        withSession { session, _ in
            #expect(session.execute("exit()\n") == .exit(0))
            #expect(session.execute("quit(4)\n") == .exit(4))
            #expect(session.execute("import sys\nsys.exit(2)\n") == .exit(2))
        }
    }

    @Test func completionCandidates() {
        withSession { session, _ in
            _ = session.execute("unusual_global_name = 1\n")
            #expect(session.completions(for: "unusual_gl") == ["unusual_global_name"])
            #expect(session.completions(for: "asyncio.cr") == ["asyncio.create_task"])
            #expect(session.completions(for: "pri") == ["print"])
            #expect(session.completions(for: "whi") == ["while"])
            #expect(session.completions(for: "nosuchname.x") == [])
            // Private names only when asked for.
            #expect(!session.completions(for: "").contains { $0.hasPrefix("_") })
            #expect(session.completions(for: "__na").contains("__name__"))
        }
    }
}
