// Attributes, reprs, lengths and iteration of built-in objects that have no method table
// of their own (exceptions, functions, views, streams), and the remaining built-in
// methods (object, exceptions, int, float).
import BigInt
import Foundation

/// `sys.stdout` / `sys.stderr`.
final class PyStream: PyObject {
    let isStdout: Bool
    var isStderr: Bool { !isStdout }
    init(stdout: Bool) { isStdout = stdout }
    override var type: PyType { Types.stream }
}

extension Types {
    nonisolated(unsafe) static let stream = builtin("TextIOWrapper")

    static func installGeneratorMethods() {
        for t in [generator, coroutine] {
            method(t, "send", .a2 { rt, gv, x in try rt.generatorSend(gv, x) })
            method(t, "throw", .general { rt, a in
                guard a.positional.count >= 2 else { throw Swirl.typeError("throw expected at least 1 argument, got 0") }
                return try rt.generatorStep(a.positional[0], throwing: try rt.thrownException(a))
            })
            method(t, "close", .a1 { rt, gv in
                if case .object(let go) = gv, let gen = go as? ResumableObject { try gen.close(rt) }
                return .none
            })
        }
        method(generator, "__next__", .a1 { rt, gv in try rt.generatorSend(gv, .none) })
        method(generator, "__iter__", .a1 { _, gv in gv })
        method(coroutine, "__await__", .a1 { _, gv in try makeCoroutineWrapper(gv) })
    }

    static func installMiscMethods() {
        installGeneratorMethods()
        method(baseException, "__init__", .general { _, a in
            if case .object(let o)? = a.positional.first, let e = o as? PyException { e.args = Array(a.positional.dropFirst()) }
            return .none
        })
        method(baseException, "with_traceback", .a2 { _, v, _ in v })
        // BaseException's own str and repr, for `super().__str__()` in a subclass that
        // overrides them (object's would give the repr, or recurse).
        method(baseException, "__str__", .a1 { rt, v in
            guard case .object(let o) = v, let e = o as? PyException else { return Value(try rt.str(v)) }
            return Value(try rt.exceptionStr(e))
        })
        method(baseException, "__repr__", .a1 { rt, v in
            guard case .object(let o) = v else { return Value(try rt.repr(v)) }
            return Value(try rt.builtinRepr(o))
        })
        method(baseException, "add_note", .a2 { rt, v, note in
            guard case .object(let o) = v, let e = o as? PyException else { return .none }
            if case .object(let lo)? = e.attrs["__notes__"], let l = lo as? PyList { l.items.append(note) } else {
                e.attrs["__notes__"] = .object(PyList([note]))
            }
            _ = rt
            return .none
        })
        // CPython's object_init: extra arguments are an error, worded by whether the class
        // has an __init__ of its own (then this was reached through super()).
        method(object, "__init__", .general { rt, a in
            guard a.positional.count > 1 || !a.keywords.isEmpty, let receiver = a.positional.first else { return .none }
            let t = rt.typeOf(receiver)
            if case .object(let io)? = t.lookup("__init__"), let n = io as? PyNativeFunction, n.owner === Types.object,
               t.lookup("__new__").map({ ($0.asObject as? PyStaticMethod)?.function.asObject is PyNativeFunction }) ?? true {
                throw Swirl.typeError("\(t.name)() takes no arguments")
            }
            throw Swirl.typeError("object.__init__() takes exactly one argument (the instance to initialize)")
        })
        object.dict["__new__"] = .object(PyStaticMethod(.object(PyNativeFunction("__new__", owner: object, .general { rt, a in
            guard case .object(let co)? = a.positional.first, let cls = co as? PyType else {
                throw Swirl.typeError("object.__new__(X): X is not a type object")
            }
            if cls.layout == .exception { return .object(PyException(cls, args: Array(a.positional.dropFirst()))) }
            if cls.isBuiltin && cls !== Types.object { throw Swirl.typeError("object.__new__(\(cls.name)) is not safe") }
            _ = rt
            return .object(PyInstance(cls: cls))
        }))))
        method(object, "__setattr__", .a3 { rt, o, n, v in
            guard case .object(let no) = n, let s = no as? PyStr else { throw Swirl.typeError("attribute name must be string") }
            try rt.genericSetAttribute(o, s.value, v)
            return .none
        })
        method(object, "__delattr__", .a2 { rt, o, n in
            guard case .object(let no) = n, let s = no as? PyStr else { throw Swirl.typeError("attribute name must be string") }
            try rt.genericDeleteAttribute(o, s.value)
            return .none
        })
        method(object, "__getattribute__", .a2 { rt, o, n in
            guard case .object(let no) = n, let s = no as? PyStr else { throw Swirl.typeError("attribute name must be string") }
            return try rt.getAttribute(o, s.value)
        })
        method(object, "__eq__", .a2 { _, a, b in a.isIdentical(to: b) ? .true : .object(Types.notImplemented) })
        // object's != inverts the type's own __eq__ (as CPython's object.__ne__ does).
        method(object, "__ne__", .a2 { rt, a, b in
            if let eq = rt.typeOf(a).lookup("__eq__"), case .object(let eo) = eq, eo is PyFunction {
                let r = try rt.callMethod(eq, self: a, [b])
                if case .object(let ro) = r, ro === Types.notImplemented { return r }
                return .bool(!(try rt.truthy(r)))
            }
            return a.isIdentical(to: b) ? .false : .object(Types.notImplemented)
        })
        // The hook `class` statements call on the base class; object's does nothing.
        method(object, "__init_subclass__", .a1 { _, _ in .none })
        // object's hash is the identity hash (`super().__hash__()` in a class defining __hash__).
        method(object, "__hash__", .a1 { rt, v in
            if case .object(let o) = v, !o.type.isBuiltin || o is PyException { return .int(ObjectIdentifier(o).hashValue >> 4) }
            return .int(try rt.hash(v))
        })
        method(object, "__repr__", .a1 { rt, v in
            guard case .object(let o) = v else { return Value(try rt.repr(v)) }
            return Value(rt.defaultRepr(o))
        })
        method(object, "__str__", .a1 { rt, v in Value(try rt.repr(v)) })
        method(object, "__format__", .a2 { rt, v, spec in
            guard case .object(let so) = spec, let s = so as? PyStr else {
                throw Swirl.typeError("__format__() argument must be str, not \(rt.typeName(spec))")
            }
            if !s.value.isEmpty { throw Swirl.typeError("unsupported format string passed to \(rt.typeName(v)).__format__") }
            return Value(try rt.str(v))
        })
        method(stream, "write", .a2 { rt, s, text in
            let str = try rt.str(text)
            if case .object(let o) = s, let st = o as? PyStream, st.isStderr { rt.output.stderr(str) } else { rt.output.stdout(str) }
            return .int(str.unicodeScalars.count)
        })
        method(stream, "flush", .a1 { rt, _ in rt.output.flush(); return .none })
        method(int, "bit_count", .a1 { rt, v in
            switch v {
            case .int(let i): return .int(i.magnitude.nonzeroBitCount)
            case .bool(let b): return .int(b ? 1 : 0)
            default: return .int((rt.num(v).map { rt.bigOf($0) } ?? 0).magnitude.words.reduce(0) { $0 + $1.nonzeroBitCount })
            }
        })
        method(int, "bit_length", .a1 { rt, v in
            switch v {
            case .int(let i): return .int(i == 0 ? 0 : Int.bitWidth - (i.magnitude).leadingZeroBitCount)
            default: return .int((rt.num(v).map { rt.bigOf($0) } ?? 0).magnitude.bitWidth)
            }
        })
        float.dict["fromhex"] = .object(PyClassMethod(.object(PyNativeFunction("fromhex", owner: float, .a2 { _, _, sv in
            guard case .object(let o) = sv, let text = o as? PyStr else { throw Swirl.typeError("must be str") }
            var t = text.value.trimmingCharacters(in: .whitespaces).lowercased()
            var sign = 1.0
            if t.hasPrefix("-") { sign = -1; t.removeFirst() } else if t.hasPrefix("+") { t.removeFirst() }
            if t == "inf" || t == "infinity" { return .float(sign * .infinity) }
            if t == "nan" { return .float(.nan) }
            if !t.hasPrefix("0x") { t = "0x" + t }
            if !t.contains("p") { t += "p0" }
            guard let d = Double(t) else { throw Swirl.valueError("invalid hexadecimal floating-point string") }
            return .float(sign * d)
        }))))
        method(float, "hex", .a1 { _, v in
            guard case .float(let d) = v else { return Value("") }
            if d.isNaN { return Value("nan") }
            if d.isInfinite { return Value(d > 0 ? "inf" : "-inf") }
            if d == 0 { return Value(d.sign == .minus ? "-0x0.0p+0" : "0x0.0p+0") }
            let sign = d.sign == .minus ? "-" : ""
            let m = abs(d)
            var exp = Int(m.exponent)
            var frac = m.significandBitPattern
            var lead = 1
            if m.isSubnormal {
                lead = 0
                exp = -1022
                frac = m.significandBitPattern
            }
            let digits = String(frac, radix: 16).leftPadded(to: 13)
            return Value("\(sign)0x\(lead).\(digits)p\(exp >= 0 ? "+" : "")\(exp)")
        })
        method(float, "is_integer", .a1 { _, v in
            if case .float(let d) = v { return .bool(d.isFinite && d == d.rounded()) }
            return .false
        })
        method(str, "__len__", .a1 { rt, v in .int(try rt.len(v)) })
    }
}

extension Runtime {
    func nativeRepr(_ o: PyObject) -> String? {
        switch o {
        case let v as DictView:
            let name = v.mode == .keys ? "dict_keys" : (v.mode == .values ? "dict_values" : "dict_items")
            let items = v.dict.table.liveEntries.map { e -> String in
                switch v.mode {
                case .keys: return (try? repr(e.key)) ?? "?"
                case .values: return (try? repr(e.value)) ?? "?"
                case .items: return "(\((try? repr(e.key)) ?? "?"), \((try? repr(e.value)) ?? "?"))"
                }
            }
            return "\(name)([\(items.joined(separator: ", "))])"
        case let h as PyHandle: return "<" + h.describe(self) + ">"
        case let w as AwaitWrapper: return "<coroutine object _wrap_awaitable at \(address(w))>"
        case let s as PyStream: return "<_io.TextIOWrapper name='<\(s.isStdout ? "stdout" : "stderr")>' mode='w' encoding='utf-8'>"
        case let c as PyCell:
            return "<cell at \(address(c)): \(c.value.map { typeName($0) + " object at " + (($0.asObject).map { address($0) } ?? "?") } ?? "empty")>"
        case let p as PySuper: return "<super: <class '\(p.cls.name)'>, <\(typeName(p.receiver)) object>>"
        default: return asyncioRepr(o)
        }
    }

    func nativeLength(_ o: PyObject) throws -> Int? {
        if let v = o as? DictView { return v.dict.table.count }
        return nil
    }

    func nativeIterable(_ o: PyObject) -> PyIteratorObject? {
        if let v = o as? DictView { return DictIterator(v.dict, v.mode) }
        if let f = o as? PyFile { return fileIterator(f) }
        return nil
    }

    func nativeAttribute(_ v: Value, _ name: String) throws -> Value? {
        guard case .object(let o) = v else {
            switch (v, name) {
            case (.int, "real"), (.float, "real"): return v
            case (.int, "imag"): return .int(0)
            case (.float, "imag"): return .float(0)
            case (.int, "numerator"): return v
            case (.int, "denominator"): return .int(1)
            case (_, "__class__"): return .object(typeOf(v))
            default: return nil
            }
        }
        if name == "__class__" { return .object(o.type) }
        switch o {
        case let a as PyGenericAlias:
            if name == "__origin__" { return .object(a.origin) }
            if name == "__args__" { return .object(PyTuple(a.args)) }
            // Other attributes are the origin's (`list[int].__name__`).
            return try lookupAttribute(.object(a.origin), name)
        case let u as PyUnionType:
            if name == "__args__" { return .object(PyTuple(u.args)) }
            return nil
        case let e as PyException:
            switch name {
            case "args": return .object(PyTuple(e.args))
            case "__cause__": return e.cause.map { .object($0) } ?? Value.none
            case "__context__": return e.context.map { .object($0) } ?? Value.none
            case "__suppress_context__": return .bool(e.suppressContext)
            case "__traceback__": return e.tracebackValue
            case "__class__": return .object(e.cls)
            case "__dict__": return .object(dictFrom(Array(e.attrs.map { ($0.key, $0.value) })))
            case "__notes__": return nil
            default:
                if e.cls.isSubtype(of: Types.stopIteration) && name == "value" { return e.args.first ?? Value.none }
                if e.cls.isSubtype(of: Types.systemExit) && name == "code" {
                    return e.args.count == 1 ? e.args[0] : (e.args.isEmpty ? .none : .object(PyTuple(e.args)))
                }
                if e.cls.isSubtype(of: Types.osError) {
                    switch name {
                    case "errno": return e.args.count >= 2 ? e.args[0] : .none
                    case "strerror": return e.args.count >= 2 ? e.args[1] : .none
                    case "filename": return e.args.count >= 3 ? e.args[2] : .none
                    default: break
                    }
                }
                if e.cls.isSubtype(of: Types.baseExceptionGroup) {
                    if name == "exceptions" { return e.args.count > 1 ? .object(PyTuple(try iterateToArray(e.args[1]))) : .object(PyTuple.empty) }
                    if name == "message" { return e.args.first ?? Value("") }
                }
                return nil
            }
        case let fn as PyFunction:
            switch name {
            case "__name__": return Value(fn.name)
            case "__qualname__": return Value(fn.qualname)
            case "__module__": return fn.globals["__name__"] ?? Value.none
            case "__doc__": return fn.attrs["__doc__"] ?? Value.none
            case "__defaults__": return fn.defaults.isEmpty ? Value.none : .object(PyTuple(fn.defaults))
            case "__code__": return Value.none
            case "__closure__": return fn.closure.isEmpty ? Value.none : .object(PyTuple(fn.closure.map { .object($0) }))
            case "__dict__": return .object(dictFrom(Array(fn.attrs.map { ($0.key, $0.value) })))
            case "__class__": return .object(Types.function)
            default: return nil
            }
        case let n as PyNativeFunction:
            switch name {
            case "__name__": return Value(n.name)
            case "__qualname__": return Value(n.qualifiedName)
            case "__self__": return n.boundSelf ?? Value.none
            default: return nil
            }
        case let m as PyBoundMethod:
            switch name {
            case "__self__": return m.receiver
            case "__func__": return m.function
            default: return try lookupAttribute(m.function, name)
            }
        case let g as PyGenerator:
            switch name {
            case "__name__": return Value(g.name)
            case "__qualname__": return Value(g.qualname)
            case "gi_running", "cr_running": return .bool(g.state == .running)
            // Generators and coroutines have send/throw/close; only generators iterate. An
            // async generator has none of these (its asend/athrow/aclose come below).
            case "send", "throw", "close":
                guard g.code.kind != .asyncGenerator else { return try asyncGeneratorAttribute(g, name) }
                return resumableMethod(g, v, name)
            case "__next__" where g.code.kind == .generator:
                return resumableMethod(g, v, name)
            case "__iter__" where g.code.kind == .generator:
                return .object(PyNativeFunction("__iter__", boundSelf: v, .a1 { _, gv in gv }))
            case "__await__" where g.code.kind == .coroutine:
                return .object(PyNativeFunction("__await__", boundSelf: v, .a1 { _, gv in try makeCoroutineWrapper(gv) }))
            case "ag_running" where g.code.kind == .asyncGenerator:
                return .bool(g.runningAsync)
            default: return try asyncGeneratorAttribute(g, name)
            }
        case let t as PyType:
            return try classAttribute(t, name)
        case let p as PySuper:
            return try p.lookup(name, self)
        case let it as PyIteratorObject:
            if let r = it as? ResumableObject {
                // Coroutine wrappers, future iterators, async-generator steps: the
                // generator protocol, StopIteration carrying the value they return; a
                // native coroutine (asyncio.sleep()) is awaitable, not iterable.
                switch name {
                case "send", "throw", "close": return resumableMethod(r, v, name)
                case "__next__", "__iter__":
                    if !r.isScriptIterator { return nil }
                    if name == "__next__" { return resumableMethod(r, v, name) }
                case "__await__":
                    if r.isScriptIterator { return nil }
                    return .object(PyNativeFunction("__await__", boundSelf: v, .a1 { _, gv in try makeCoroutineWrapper(gv) }))
                default: break
                }
            }
            switch name {
            case "__next__":
                return .object(PyNativeFunction("__next__", boundSelf: v, .a1 { rt, _ in
                    guard let x = try it.next(rt) else { throw ScriptError(PyException(Types.stopIteration, args: [])) }
                    return x
                }))
            case "__iter__": return .object(PyNativeFunction("__iter__", boundSelf: v, .a1 { _, s in s }))
            default: return try asyncioAttribute(o, name)
            }
        case let p as PyProperty:
            switch name {
            case "setter": return .object(PyNativeFunction("setter", boundSelf: v, .a2 { _, _, f in
                .object(p.copy(setter: f)) }))
            case "getter": return .object(PyNativeFunction("getter", boundSelf: v, .a2 { _, _, f in
                .object(p.copy(getter: f)) }))
            case "deleter": return .object(PyNativeFunction("deleter", boundSelf: v, .a2 { _, _, f in
                .object(p.copy(deleter: f)) }))
            case "fget": return p.getter
            case "fset": return p.setter
            case "fdel": return p.deleter
            case "__doc__": return p.doc.isNone ? try? getAttribute(p.getter, "__doc__") : p.doc
            default: return nil
            }
        case let s as PySlice:
            switch name {
            case "start": return s.start
            case "stop": return s.stop
            case "step": return s.step
            case "indices":
                return .object(PyNativeFunction("indices", boundSelf: v, .a2 { rt, _, n in
                    let count = try rt.indexValue(n)
                    if count < 0 { throw valueError("length should not be negative") }
                    let (start, stop, step, _) = try rt.sliceIndices(s, count: count)
                    return .object(PyTuple([.int(start), .int(stop), .int(step)]))
                }))
            default: return nil
            }
        case let c as PyCell where name == "cell_contents":
            guard let v = c.value else { throw valueError("Cell is empty") }
            return v
        case let r as PyRange:
            switch name {
            case "start": return .int(r.start)
            case "stop": return .int(r.stop)
            case "step": return .int(r.step)
            case "index", "count":
                return .object(PyNativeFunction(name, boundSelf: v, .a2 { rt, _, x in
                    let found = try rt.contains(v, x)
                    if name == "count" { return .int(found ? 1 : 0) }
                    guard found, case .int(let i) = x else { throw valueError("\(try rt.repr(x)) is not in range") }
                    return .int((i - r.start) / r.step)
                }))
            default: return nil
            }
        case let file as PyFile:
            switch name {
            case "closed": return .bool(file.closed)
            case "name": return Value(file.name)
            case "mode": return Value(file.mode)
            default: return nil
            }
        case let tb as PyTracebackObject:
            switch name {
            case "tb_lineno": return .int(tb.exception.traceback.last?.line ?? 0)
            case "tb_next": return Value.none
            default: return nil
            }
        case let s as PyStaticMethod where name == "__func__": return s.function
        case let c as PyClassMethod where name == "__func__": return c.function
        default:
            if name == "__class__" { return .object(o.type) }
            if name == "__dict__", let inst = o as? PyInstance {
                if !inst.cls.instancesHaveDict { return nil }
                return .object(inst.dict)
            }
            if name == "__dict__", let d = o.instanceDict { return .object(dictFrom(Array(d.map { ($0.key, $0.value) }))) }
            return try asyncioAttribute(o, name)
        }
    }

    func setNativeAttribute(_ v: Value, _ name: String, _ value: Value) throws -> Bool {
        guard case .object(let o) = v else { return false }
        return try setAsyncioAttribute(o, name, value)
    }

    func generatorSend(_ gv: Value, _ x: Value) throws -> Value {
        guard case .object(let go) = gv, let gen = go as? ResumableObject else { return .none }
        switch try gen.resume(self, send: x, throwing: nil) {
        case .yielded(let y): return y
        case .returned(let r): throw ScriptError(PyException(Types.stopIteration, args: r.isNone ? [] : [r]))
        }
    }

    func generatorStep(_ gv: Value, throwing e: PyException) throws -> Value {
        guard case .object(let go) = gv, let gen = go as? ResumableObject else { throw ScriptError(e) }
        switch try gen.resume(self, send: .none, throwing: e) {
        case .yielded(let y): return y
        case .returned(let r): throw ScriptError(PyException(Types.stopIteration, args: r.isNone ? [] : [r]))
        }
    }
}

/// `send`, `throw`, `close` and `__next__` of `r` (`v`), anything driven by send/throw:
/// generators, coroutines, coroutine wrappers, future iterators, async-generator steps.
private func resumableMethod(_ r: ResumableObject, _ v: Value, _ name: String) -> Value? {
    switch name {
    case "send":
        return .object(PyNativeFunction("send", boundSelf: v, .a2 { rt, gv, x in try rt.generatorSend(gv, x) }))
    case "throw":
        return .object(PyNativeFunction("throw", boundSelf: v, .general { rt, a in
            guard a.positional.count >= 2 else { throw Swirl.typeError("throw expected at least 1 argument, got 0") }
            return try rt.generatorStep(a.positional[0], throwing: try rt.thrownException(a))
        }))
    case "close":
        return .object(PyNativeFunction("close", boundSelf: v, .a1 { rt, _ in try r.close(rt); return .none }))
    case "__next__":
        return .object(PyNativeFunction("__next__", boundSelf: v, .a1 { rt, gv in try rt.generatorSend(gv, .none) }))
    default:
        return nil
    }
}

/// `coroutine.__await__()`.
func makeCoroutineWrapper(_ v: Value) throws -> Value {
    guard case .object(let o) = v, let c = o as? ResumableObject else { throw typeError("expected a coroutine") }
    return .object(CoroutineWrapper(c))
}
