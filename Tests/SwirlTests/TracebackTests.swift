// Traceback shape checks that a last-line comparison cannot make: which frames appear.
import Testing

@Suite struct TracebackTests {
    /// A `finally` or `__aexit__` that suspends gives its frame a new activation; the
    /// exception must still list each frame once, at the line that raised through it.
    @Test func suspendedCleanupAddsNoSecondEntry() async throws {
        let name = "traceback_suspended_cleanup.py"
        let run = try await runCatalogScript(name)
        #expect(fileLines(run.stderr) == [
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
        let run = try await runCatalogScript(name)
        #expect(fileLines(run.stderr) == [
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
        let run = try await runCatalogScript("exception_group_multiline_message.py")
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

    /// Runs a script of Tests/SwirlTests/Scripts as the main program.
    private func runCatalogScript(_ name: String) async throws -> ScriptRun {
        let source = try #require(ScriptCatalog.read(name))
        return await runScript(source: source, name: name, directory: ScriptCatalog.directory?.path)
    }

    /// The `File "...", line N, in f` lines of a traceback.
    private func fileLines(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").filter { $0.hasPrefix("  File ") }.map(String.init)
    }
}
