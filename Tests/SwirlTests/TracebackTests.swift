// Traceback shape checks that a last-line comparison cannot make: which frames appear.
import Testing

@Suite struct TracebackTests {
    /// A `finally` or `__aexit__` that suspends gives its frame a new activation; the
    /// exception must still list each frame once, at the line that raised through it.
    @Test func suspendedCleanupAddsNoSecondEntry() async throws {
        let name = "traceback_suspended_cleanup.py"
        let source = try #require(ScriptCatalog.read(name))
        let run = await runScript(source: source, name: name, directory: ScriptCatalog.directory?.path)
        let frames = run.stderr.split(separator: "\n").filter { $0.hasPrefix("  File ") }.map(String.init)
        #expect(frames == [
            "  File \"\(name)\", line 37, in <module>",
            "  File \"\(name)\", line 33, in main",
            "  File \"\(name)\", line 24, in g",
            "  File \"\(name)\", line 17, in f",
        ])
        #expect(run.status == 1)
    }

    /// A statement spread over several lines names the line of the part that failed.
    @Test func multiLineStatementsNameTheFailingLine() async throws {
        let name = "traceback_multiline_statement.py"
        let source = try #require(ScriptCatalog.read(name))
        let run = await runScript(source: source, name: name, directory: ScriptCatalog.directory?.path)
        let frames = run.stderr.split(separator: "\n").filter { $0.hasPrefix("  File ") }.map(String.init)
        #expect(frames == [
            "  File \"\(name)\", line 33, in <module>",
            "  File \"\(name)\", line 29, in main",
            "  File \"\(name)\", line 19, in fetch",
            "  File \"\(name)\", line 7, in lookup",
        ])
        #expect(run.stdout == "caught 'b'\n")
    }

    /// Inside a group's box CPython 3.11 margins a multi-line message as one piece (its
    /// later lines stay at the left edge) but every line of a note.
    @Test func multiLineMessagesInAGroupBox() async throws {
        let name = "exception_group_multiline_message.py"
        let source = try #require(ScriptCatalog.read(name))
        let run = await runScript(source: source, name: name, directory: ScriptCatalog.directory?.path)
        let box = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3).map(String.init)
        #expect(box == [
            "  | ExceptionGroup: g",
            "second (2 sub-exceptions)",
            "  +-+---------------- 1 ----------------",
            "    | ValueError: one",
            "two",
            "    | note a",
            "    | note b",
            "    +---------------- 2 ----------------",
            "    | KeyError: 'k'",
            "    +------------------------------------",
            "",
        ])
        #expect(run.status == 1)
    }
}
