// Host functions, modules and objects: Swift closures called from scripts with checked
// positional and keyword arguments.
import Foundation
import Swirl
import Testing

@Test func hostFunctionWithDeclaredParameters() throws {
    let (interp, _, _) = makeInterpreter()
    interp.register(HostFunction("greet", parameters: ["name", HostParameter("greeting", default: "Hello")]) { args in
        .string("\(try args.string("greeting")), \(try args.string("name"))!")
    })
    #expect(try interp.evaluate("greet('Ada')") == "Hello, Ada!")
    #expect(try interp.evaluate("greet('Ada', greeting='Hi')") == "Hi, Ada!")
    #expect(try interp.evaluate("greet(greeting='Yo', name='Bo')") == "Yo, Bo!")
}

@Test func hostFunctionMisuseRaisesClearTypeErrors() throws {
    let (interp, _, _) = makeInterpreter()
    interp.register(HostFunction("area", parameters: ["width", "height"]) { args in
        .double(try args.double("width") * args.double("height"))
    })
    func message(_ code: String) -> String? {
        failure { _ = try interp.evaluate(code) }.map { "\($0.typeName): \($0.message)" }
    }
    #expect(message("area(1)") == "TypeError: area() missing 1 required positional argument: 'height'")
    #expect(message("area()") == "TypeError: area() missing 2 required positional arguments: 'width' and 'height'")
    #expect(message("area(1, 2, 3)") == "TypeError: area() takes 2 positional arguments but 3 were given")
    #expect(message("area(1, 2, depth=3)") == "TypeError: area() got an unexpected keyword argument 'depth'")
    #expect(message("area(1, 2, width=3)") == "TypeError: area() got multiple values for argument 'width'")
    #expect(message("area('wide', 2)") == "TypeError: area() argument 'width' must be float, not str")
    #expect(try interp.evaluate("area(2, height=2.5)") == 5.0)
    // The script can catch them like any TypeError.
    try interp.run("try:\n    area()\nexcept TypeError as e:\n    caught = str(e)\n")
    #expect(interp.global("caught")?.stringValue?.hasPrefix("area() missing") == true)
}

@Test func hostErrorsBecomeScriptExceptions() throws {
    let (interp, _, _) = makeInterpreter()
    struct Oops: Error {}
    interp.register(HostFunction("check") { args in
        if args[0] == .int(0) { throw ScriptException.valueError("zero is not allowed") }
        if args[0] == .int(1) { throw Oops() }
        return .none
    })
    try interp.run("""
    try:
        check(0)
    except ValueError as e:
        first = str(e)
    try:
        check(1)
    except RuntimeError as e:
        second = type(e).__name__
    """)
    #expect(interp.global("first") == "zero is not allowed")
    #expect(interp.global("second") == "RuntimeError")
}

@Test func rawArgumentsPassThroughWithoutParameters() throws {
    let (interp, _, _) = makeInterpreter()
    interp.register(HostFunction("describe") { args in
        .string("\(args.positional.count) \(args.keywords.keys.sorted()) \(args[0] ?? .none)")
    })
    #expect(try interp.evaluate("describe(1, 2, x=3, y=4)") == "2 [\"x\", \"y\"] 1")
}

@Test func hostModuleIsImportable() throws {
    let (interp, _, _) = makeInterpreter()
    var module = HostModule("plugin", values: ["VERSION": "1.2", "LIMITS": [1, 2]])
    module.add(HostFunction("double", parameters: ["x"]) { args in .int(try args.int("x") * 2) })
    try interp.addModule(module)
    try interp.run("""
    import plugin
    from plugin import double
    result = (plugin.VERSION, plugin.double(4), double(x=5), plugin.LIMITS)
    """)
    #expect(interp.global("result") == .tuple(["1.2", 8, 10, [1, 2]]))
    #expect(failure { try interp.run("import not_a_module") }?.typeName == "ModuleNotFoundError")
}

/// A Swift object the tests expose to scripts.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int {
        get { lock.lock(); defer { lock.unlock() }; return count }
        set { lock.lock(); count = newValue; lock.unlock() }
    }
}

@Test func hostObjectHasAttributesAndMethods() throws {
    let (interp, _, _) = makeInterpreter()
    let counter = Counter()
    let object = HostObject(typeName: "Counter", value: counter) { o in
        o.property("count", get: { .int(counter.value) }, set: { counter.value = $0.intValue ?? 0 })
        o.property("label", get: { "clicks" })
        o.method(HostFunction("increment", parameters: [HostParameter("by", default: 1)]) { args in
            counter.value += try args.int("by")
            return .int(counter.value)
        })
    }
    try interp.setGlobal("counter", .hostObject(object))
    try interp.run("""
    counter.increment()
    counter.increment(by=5)
    counter.count = counter.count * 10
    seen = (counter.count, counter.label, type(counter).__name__)
    try:
        counter.label = 'x'
    except AttributeError:
        readonly = True
    try:
        counter.nothing
    except AttributeError:
        missing = True
    """)
    #expect(counter.value == 60)
    #expect(interp.global("seen") == .tuple([60, "clicks", "Counter"]))
    #expect(interp.global("readonly") == true)
    #expect(interp.global("missing") == true)
    // The object comes back to Swift as itself.
    guard case .hostObject(let back)? = interp.global("counter") else { Issue.record("not a host object"); return }
    #expect(back === object)
    #expect((back.value as? Counter) === counter)
}

@Test func hostFunctionMayCallBackIntoItsInterpreter() throws {
    let (interp, _, _) = makeInterpreter()
    interp.register(HostFunction("lookup", parameters: ["name"]) { [interp] args in
        interp.global(try args.string("name")) ?? .none
    })
    try interp.run("secret = 41\nfound = lookup('secret') + 1")
    #expect(interp.global("found") == 42)
}

@Test func bigIntArgumentsAreNotTruncated() throws {
    let (interp, _, _) = makeInterpreter()
    interp.register(HostFunction("echo", parameters: ["x"]) { args in args["x"] })
    interp.register(HostFunction("small", parameters: ["x"]) { args in .int(try args.int("x")) })
    #expect(try interp.evaluate("echo(3 ** 50)") == .bigInt("717897987691852588770249"))
    #expect(try interp.evaluate("echo(3 ** 50) == 3 ** 50") == true)
    #expect(failure { _ = try interp.evaluate("small(3 ** 50)") }?.typeName == "OverflowError")
}
