// isIncomplete: true exactly when the input stopped early (the REPL then asks for more).

import Testing
@testable import SwirlSyntax

@Suite struct IncompleteInputTests {
    @Test(arguments: [
        "x = (1,", "f(a,\n", "x = [\n1,\n", "d = {", "x = \"\"\"abc", "x = '''\n",
        "if x:", "if x:\n", "def f():\n", "class C:\n", "for x in y:\n", "while x:\n", "with a:\n",
        "try:\n", "try:\n    x\n", "try:\n    x\nexcept E:\n", "if x:\n    pass\nelse:\n",
        "def f():\n    if x:\n", "x = 1 + \\", "x = 1 + \\\n", "@decorator\n", "async def f():\n",
        "def f():\n    try:\n        x", "async def f():\n    try:\n        await x\n",
    ])
    func incomplete(source: String) throws {
        let error = try #require(syntaxError(source))
        #expect(error.isIncomplete, "\(error.message)")
    }

    @Test(arguments: [
        "x = )", "x = \"abc", "x = 1 +", "if x\n", "if x:\npass\n", "x = (]", "1a", "def f(:\n",
        "x = \"\"\"abc\"\"\" \"", "  x", "print x",
    ])
    func complete(source: String) throws {
        let error = try #require(syntaxError(source))
        #expect(!error.isIncomplete, "\(error.message)")
    }
}
