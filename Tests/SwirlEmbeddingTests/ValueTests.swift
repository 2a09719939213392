// Values both ways, globals, evaluation, calling script functions, running files, and
// independent interpreters.
import Foundation
import Swirl
import Testing

@Test func runAndReadGlobals() throws {
    let (interp, out, _) = makeInterpreter()
    try interp.run("x = 6 * 7\nname = 'swirl'\nprint('hello', x)")
    #expect(out.text == "hello 42\n")
    #expect(interp.global("x") == .int(42))
    #expect(interp.global("name") == .string("swirl"))
    #expect(interp.global("missing") == nil)
    #expect(interp.globalNames.contains("x"))
}

@Test func setGlobalsOfEveryKindAndReadThemBack() throws {
    let (interp, _, _) = makeInterpreter()
    let payload = Data([0, 1, 255])
    try interp.setGlobal("i", 7)
    try interp.setGlobal("d", 2.5)
    try interp.setGlobal("s", "héllo")
    try interp.setGlobal("b", true)
    try interp.setGlobal("n", nil)
    try interp.setGlobal("raw", .bytes(payload))
    try interp.setGlobal("l", [1, "two", 3.0, nil, [true]])
    try interp.setGlobal("m", ["a": 1, "b": [2, 3]])
    try interp.run("""
    kinds = [type(v).__name__ for v in (i, d, s, b, n, raw, l, m)]
    total = i + d + len(s) + b + len(raw) + raw[2] + len(l) + m['a'] + sum(m['b'])
    """)
    #expect(interp.global("kinds") == ["int", "float", "str", "bool", "NoneType", "bytes", "list", "dict"])
    let expected: Double = 7 + 2.5 + 5 + 1 + 3 + 255 + 5 + 1 + 5
    #expect(interp.global("total") == .double(expected))
    #expect(interp.global("raw")?.dataValue == payload)
    #expect(interp.global("m")?.dictionaryValue?["b"] == [2, 3])
}

@Test func scriptValuesComeOutAsSwiftData() throws {
    let (interp, _, _) = makeInterpreter()
    let v = try interp.evaluate("{'xs': [1, 2.5, 'a', None, True], 't': (1, b'\\x00z'), 's': {3}, 5: 'five'}")
    guard case .dictionary(let pairs) = v else { Issue.record("not a dict: \(v)"); return }
    #expect(pairs.map(\.key) == ["xs", "t", "s", 5])
    #expect(pairs[0].value == [1, 2.5, "a", nil, true])
    #expect(pairs[1].value == .tuple([1, .bytes(Data([0, 0x7a]))]))
    #expect(pairs[2].value == [3])
    let any = try #require(try interp.evaluate("{'a': [1, 'x', None], 'b': 2.5}").anyValue as? [String: Any?])
    let list = try #require(any["a"] as? [Any?])
    #expect(list[0] as? Int == 1)
    #expect(list[1] as? String == "x")
    #expect(any["b"] as? Double == 2.5)
}

@Test func convertsFromAnySwiftValue() throws {
    let (interp, _, _) = makeInterpreter()
    let any: [String: Any] = ["n": 3, "xs": [1, 2, 3], "name": "ada", "ok": false, "blob": Data([9])]
    let v = try #require(ScriptValue(any: any))
    try interp.setGlobal("cfg", v)
    #expect(try interp.evaluate("cfg['n'] * sum(cfg['xs']) + len(cfg['name']) + cfg['blob'][0]") == .int(3 * 6 + 3 + 9))
    #expect(try interp.evaluate("cfg['ok']") == false)
    #expect(ScriptValue(any: NSObject()) == nil)
}

@Test func bigIntsSurviveWithoutTruncation() throws {
    let (interp, _, _) = makeInterpreter()
    #expect(try interp.evaluate("2 ** 100") == .bigInt("1267650600228229401496703205376"))
    #expect(try interp.evaluate("-(2 ** 64)") == .bigInt("-18446744073709551616"))
    #expect(try interp.evaluate("2 ** 62") == .int(1 << 62))
    #expect(try interp.evaluate("2 ** 100").intValue == nil)
    try interp.setGlobal("big", .bigInt("123456789012345678901234567890"))
    #expect(try interp.evaluate("big % 1000 + big // 10**27") == .int(890 + 123))
    #expect(failure { try interp.setGlobal("bad", .bigInt("12x")) }?.typeName == "ValueError")
}

@Test func callsScriptFunctionsByNameWithKeywords() throws {
    let (interp, _, _) = makeInterpreter()
    try interp.run("""
    def greet(name, punctuation='!', *, times=1):
        return ('hi ' + name + punctuation) * times
    async def slow_add(a, b):
        import asyncio
        await asyncio.sleep(0.01)
        return a + b
    """)
    #expect(try interp.call("greet", ["ada"]) == "hi ada!")
    #expect(try interp.call("greet", ["bo", "?"], keywords: ["times": 2]) == "hi bo?hi bo?")
    #expect(try interp.call("slow_add", [2, 3]) == 5)
    #expect(failure { _ = try interp.call("nope") }?.typeName == "NameError")
    #expect(failure { _ = try interp.call("greet") }?.typeName == "TypeError")
}

@Test func functionHandlesCanBeCalledLater() throws {
    let (interp, _, _) = makeInterpreter()
    try interp.run("def make(k):\n    return lambda x: x * k\n")
    let triple = try interp.call("make", [3])
    guard case .object(let handle) = triple else { Issue.record("expected a handle, got \(triple)"); return }
    #expect(handle.typeName == "function")
    #expect(try interp.call(triple, [5]) == 15)
    let (other, _, _) = makeInterpreter()
    #expect(failure { _ = try other.call(triple, [5]) }?.typeName == "TypeError")
}

@Test func evaluateRejectsStatements() throws {
    let (interp, _, _) = makeInterpreter()
    #expect(try interp.evaluate("1 + 2") == 3)
    #expect(failure { _ = try interp.evaluate("x = 1") }?.typeName == "SyntaxError")
    #expect(failure { _ = try interp.evaluate("1 +") }?.typeName == "SyntaxError")
}

@Test func runsAFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swirl-embed-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("plugin.py").path
    try "def answer():\n    return 42\nwhere = __file__\n".write(toFile: path, atomically: true, encoding: .utf8)
    let (interp, _, _) = makeInterpreter()
    try interp.runFile(path)
    #expect(try interp.call("answer") == 42)
    #expect(interp.global("where") == .string(path))
    #expect(failure { try interp.runFile(dir.appendingPathComponent("missing.py").path) }?.typeName == "FileNotFoundError")
}

@Test func interpretersAreIndependent() async throws {
    // Many interpreters on many threads at once: each keeps its own globals and output.
    try await withThrowingTaskGroup(of: Void.self) { group in
        for i in 0..<8 {
            group.addTask {
                let (interp, out, _) = makeInterpreter()
                try interp.setGlobal("me", .int(i))
                try interp.run("total = 0\nfor k in range(20000):\n    total += me\nprint(me)")
                #expect(interp.global("total") == .int(20000 * i))
                #expect(out.text == "\(i)\n")
            }
        }
        try await group.waitForAll()
    }
}

@Test func outputAndWarningsGoWhereTheHostSays() throws {
    let warnings = Sink()
    let (interp, out, err) = makeInterpreter { $0.warning = { warnings.write($0) } }
    try interp.run("""
    import sys
    print('to out')
    print('to err', file=sys.stderr)
    async def never():
        pass
    never()
    """)
    #expect(out.text == "to out\n")
    #expect(err.text == "to err\n")
    #expect(warnings.text.contains("RuntimeWarning: coroutine 'never' was never awaited"))
}
