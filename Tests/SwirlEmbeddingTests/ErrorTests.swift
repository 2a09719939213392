// Script errors arrive as a Swift error with the exception type, message, traceback and line.
import Swirl
import Testing

@Test func uncaughtExceptionCarriesTypeMessageTracebackAndLine() throws {
    let (interp, _, _) = makeInterpreter()
    let f = try #require(failure {
        try interp.run("""
        def inner(d):
            return d['missing']

        def outer():
            return inner({})

        outer()
        """, filename: "plugin.py")
    })
    #expect(f.typeName == "KeyError")
    #expect(f.message == "'missing'")
    #expect(f.line == 2)
    #expect(f.reason == .exception)
    #expect(f.traceback.contains("File \"plugin.py\", line 7, in <module>"))
    #expect(f.traceback.contains("line 2, in inner"))
    #expect(f.traceback.hasSuffix("KeyError: 'missing'\n"))
}

@Test func syntaxErrorsReportTheirLine() throws {
    let (interp, _, _) = makeInterpreter()
    let f = try #require(failure { try interp.run("x = 1\ny = (\n") })
    #expect(f.typeName == "SyntaxError")
    #expect(f.line != nil)
}

@Test func interpreterIsUsableAfterAnError() throws {
    let (interp, _, _) = makeInterpreter()
    #expect(failure { try interp.run("x = 1\nraise ValueError('boom')") }?.message == "boom")
    #expect(interp.global("x") == 1)
    try interp.run("x += 1")
    #expect(interp.global("x") == 2)
}
