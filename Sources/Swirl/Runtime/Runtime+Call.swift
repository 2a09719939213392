// Calling: the value-stack fast path for script functions, argument binding (defaults,
// keywords, *args, **kwargs) with CPython's error messages, built-in functions, bound
// methods, classes and objects with `__call__`.

enum MethodLookup {
    /// A function found on the class: call it with the receiver first.
    case unbound(Value)
    /// Anything else (instance attribute, static method, ...): call it as is.
    case bound(Value)
}

extension Runtime {
    @inline(__always) func pushValue(_ v: Value) throws {
        if sp >= stackCapacity { throw ScriptError(Types.recursionError, "maximum recursion depth exceeded") }
        (stack + sp).initialize(to: v)
        sp += 1
    }

    /// Calls `callee` with the `argc` positional arguments on the value stack at `base`;
    /// pops them before returning.
    func callOnStack(_ callee: Value, base: Int, argc: Int) throws -> Value {
        if case .object(let o) = callee, let fn = o as? PyFunction, fn.isFastCallable,
           argc == fn.code.params.positionalCount {
            return try callFast(fn, base: base, argc: argc)
        }
        var args = [Value]()
        args.reserveCapacity(argc)
        for i in 0..<argc { args.append(stack[base + i] ?? .none) }
        release(to: base)
        return try call(callee, Arguments(args))
    }

    /// Calls a fast-callable function whose `argc` arguments are on the stack at `base`.
    @inline(__always)
    func callFast(_ fn: PyFunction, base: Int, argc: Int) throws -> Value {
        unowned(unsafe) let code = fn.code
        if code.slotCount > argc {
            guard base + code.slotCount <= stackCapacity else {
                release(to: base)
                throw ScriptError(Types.recursionError, "maximum recursion depth exceeded")
            }
            var i = sp
            sp = base + code.slotCount
            while i < sp {
                (stack + i).initialize(to: nil)
                i += 1
            }
        }
        defer {
            release(to: base)
            if hasPendingFinalizers { runPendingFinalizers(keepingWarnings: true) }
        }
        return try runFunctionBody(fn, slots: stack + base)
    }

    /// Runs a plain function whose slots (arguments included) are ready at `slots`.
    @inline(__always)
    func runFunctionBody(_ fn: PyFunction, slots: UnsafeMutablePointer<Value?>) throws -> Value {
        // The function keeps its code and body alive and the pool keeps the frame alive, so
        // they are borrowed without reference counting.
        try Unmanaged.passUnretained(fn.code)._withUnsafeGuaranteedRef { code in
            let frame = try enterFrameRef(code: code, slots: slots, count: code.slotCount)
            return try frame._withUnsafeGuaranteedRef { frame in
                defer { leaveFrame(frame) }
                if code.needsCells { setUpCells(frame, fn) }
                let flow = try Unmanaged.passUnretained(code.body)._withUnsafeGuaranteedRef { try $0.exec(frame) }
                var result = Value.none
                if flow == .returned { swap(&result, &frame.returnValue) }
                return result
            }
        }
    }

    func setUpCells(_ frame: Frame, _ fn: PyFunction) {
        let code = fn.code
        for s in code.cellSlots { frame.slots[s] = .object(PyCell(frame.slots[s])) }
        for (i, cell) in fn.closure.enumerated() where i < code.freeCount {
            frame.slots[code.freeStart + i] = .object(cell)
        }
    }

    // MARK: general calls

    func call(_ callee: Value, _ args: Arguments) throws -> Value {
        guard case .object(let o) = callee else {
            throw typeError("'\(typeName(callee))' object is not callable")
        }
        switch o {
        case let fn as PyFunction:
            return try callFunction(fn, args)
        case let n as PyNativeFunction:
            return try callNative(n, args)
        case let m as PyBoundMethod:
            var a = args
            a.positional.insert(m.receiver, at: 0)
            return try call(m.function, a)
        case let t as PyType:
            return try instantiate(t, args)
        case let a as PyGenericAlias:
            return try instantiate(a.origin, args)
        case let s as PyStaticMethod:
            // Callable since 3.10 (a staticmethod used inside its class body).
            return try call(s.function, args)
        default:
            if let m = special(callee, "__call__") { return try callMethod(m, self: callee, args) }
            throw typeError("'\(o.type.name)' object is not callable")
        }
    }

    func call(_ callee: Value, _ positional: [Value]) throws -> Value {
        try call(callee, Arguments(positional))
    }

    /// Calls a class attribute `m` (a function, native method, static or class method) as
    /// a method of `receiver`.
    func callMethod(_ m: Value, self receiver: Value, _ args: [Value]) throws -> Value {
        try callMethod(m, self: receiver, Arguments(args))
    }

    func callMethod(_ m: Value, self receiver: Value, _ args: Arguments) throws -> Value {
        if case .object(let o) = m {
            if o is PyFunction || o is PyNativeFunction {
                var a = args
                a.positional.insert(receiver, at: 0)
                return try call(m, a)
            }
            if let s = o as? PyStaticMethod { return try call(s.function, args) }
            if let c = o as? PyClassMethod {
                var a = args
                a.positional.insert(.object(typeOf(receiver)), at: 0)
                return try call(c.function, a)
            }
        }
        return try call(m, args)
    }

    /// Finds `name` on `receiver` for a method call.
    func lookupMethod(_ receiver: Value, _ name: String) throws -> MethodLookup {
        let t = typeOf(receiver)
        if isOperatorMethodName(t, name), let m = operatorMethod(t, name) { return .unbound(m) }
        if case .object(let o) = receiver {
            if let inst = o as? PyInstance, let v = inst.dict.get(name: name, self) {
                // Unless a property or data descriptor of the class takes the name.
                if let ca = inst.cls.lookup(name), shadowsInstanceAttribute(ca) {
                    return .bound(try getAttribute(receiver, name))
                }
                return .bound(v)
            }
            if o is PyModule || o is PyType || o is PySuper { return .bound(try getAttribute(receiver, name)) }
        }
        if let m = t.lookup(name), case .object(let mo) = m, mo is PyFunction || (mo as? PyNativeFunction)?.isUnboundMethod == true {
            if let inst = receiver.asObject as? PyException, inst.attrs[name] != nil {
                return .bound(try getAttribute(receiver, name))
            }
            return .unbound(m)
        }
        return .bound(try getAttribute(receiver, name))
    }

    func callNative(_ n: PyNativeFunction, _ args: Arguments) throws -> Value {
        var pos = args.positional
        if let b = n.boundSelf { pos.insert(b, at: 0) }
        if n.owner == nil && n.boundSelf == nil && n.hasBuiltinSignature { try checkBuiltinSignature(n.name, args) }
        if case .general(let fn) = n.impl { return try fn(self, Arguments(pos, keywords: args.keywords)) }
        if case .oneOrGeneral(let one, let general) = n.impl {
            if pos.count == 1 && args.keywords.isEmpty { return try one(self, pos[0]) }
            return try general(self, Arguments(pos, keywords: args.keywords))
        }
        if !args.keywords.isEmpty {
            throw typeError("\(n.qualifiedName)() takes no keyword arguments")
        }
        switch n.impl {
        case .a0(let fn) where pos.count == 0: return try fn(self)
        case .a1(let fn) where pos.count == 1: return try fn(self, pos[0])
        case .a2(let fn) where pos.count == 2: return try fn(self, pos[0], pos[1])
        case .a3(let fn) where pos.count == 3: return try fn(self, pos[0], pos[1], pos[2])
        default:
            let expected: Int
            switch n.impl {
            case .a0: expected = 0
            case .a1: expected = 1
            case .a2: expected = 2
            case .a3: expected = 3
            case .general, .oneOrGeneral: expected = 0
            }
            let selfCount = n.owner != nil ? 1 : 0
            let want = expected - selfCount, got = pos.count - selfCount
            if want == 0 { throw typeError("\(n.qualifiedName)() takes no arguments (\(got) given)") }
            if want == 1 { throw typeError("\(n.qualifiedName)() takes exactly one argument (\(got) given)") }
            // Two or more positional parameters: CPython's argument-clinic wording.
            throw typeError("\(n.name) expected \(want) arguments, got \(got)")
        }
    }

    // MARK: script functions

    func callFunction(_ fn: PyFunction, _ args: Arguments) throws -> Value {
        let code = fn.code
        let base = try reserve(code.slotCount)
        defer { release(to: base) }
        let slots = stack + base
        try bindArguments(fn, args, into: slots)
        switch code.kind {
        case .function:
            return try runFunctionBody(fn, slots: slots)
        case .generator, .coroutine, .asyncGenerator:
            return .object(makeGenerator(fn, slots: slots))
        }
    }

    /// Creates the generator/coroutine object for a call, moving the bound arguments into
    /// its own frame.
    func makeGenerator(_ fn: PyFunction, slots: UnsafeMutablePointer<Value?>) -> PyGenerator {
        let code = fn.code
        let frame = Frame(rt: self, ownedSlots: code.slotCount)
        for i in 0..<code.slotCount { frame.slots[i] = slots[i] }
        frame.code = code
        setUpCells(frame, fn)
        return PyGenerator(code: code, frame: frame, function: fn, rt: self)
    }

    /// Matches call arguments to parameters, filling `slots` (which hold nil).
    func bindArguments(_ fn: PyFunction, _ args: Arguments, into slots: UnsafeMutablePointer<Value?>) throws {
        let p = fn.code.params
        let pos = args.positional
        let nPos = min(pos.count, p.positionalCount)
        for i in 0..<nPos { slots[i] = pos[i] }
        if pos.count > p.positionalCount {
            if p.hasVarArgs {
                slots[p.varArgsSlot] = .object(PyTuple(Array(pos[p.positionalCount...])))
            } else {
                let required = p.positionalCount - fn.defaults.count
                let takes = positionalCountPhrase(least: fn.defaults.isEmpty ? p.positionalCount : required,
                                                  most: p.positionalCount)
                let kwOnlyGiven = args.keywords.filter { kw in
                    p.names[p.keywordOnlyStart..<(p.keywordOnlyStart + p.keywordOnlyCount)].contains(kw.0)
                }.count
                let extra = kwOnlyGiven > 0 ? " positional argument\(pos.count == 1 ? "" : "s") (and \(kwOnlyGiven) keyword-only argument\(kwOnlyGiven == 1 ? "" : "s"))" : ""
                let given = extra.isEmpty ? "\(pos.count) \(pos.count == 1 ? "was" : "were")" : "\(pos.count)\(extra) were"
                throw typeError("\(fn.qualname)() takes \(takes) but \(given) given")
            }
        } else if p.hasVarArgs {
            slots[p.varArgsSlot] = .object(PyTuple.empty)
        }
        var kwargs: PyDict?
        if p.hasVarKeywords {
            let d = PyDict()
            kwargs = d
            slots[p.varKeywordsSlot] = .object(d)
        }
        for (key, value) in args.keywords {
            var target: Int?
            for i in p.positionalOnlyCount..<p.positionalCount where p.names[i] == key { target = i; break }
            if target == nil {
                let start = p.keywordOnlyStart
                for i in start..<(start + p.keywordOnlyCount) where p.names[i] == key { target = i; break }
            }
            if let t = target {
                if slots[t] != nil {
                    throw typeError("\(fn.qualname)() got multiple values for argument '\(key)'")
                }
                slots[t] = value
            } else if let d = kwargs {
                try dictSet(d, Value(key), value)
            } else {
                if p.names[0..<p.positionalOnlyCount].contains(key) {
                    throw typeError("\(fn.qualname)() got some positional-only arguments passed as keyword arguments: '\(key)'")
                }
                throw typeError("\(fn.qualname)() got an unexpected keyword argument '\(key)'")
            }
        }
        // Defaults and missing arguments.
        let firstDefault = p.positionalCount - fn.defaults.count
        var missing: [String] = []
        for i in 0..<p.positionalCount where slots[i] == nil {
            if i >= firstDefault { slots[i] = fn.defaults[i - firstDefault] } else { missing.append(p.names[i]) }
        }
        if !missing.isEmpty { throw missingArgumentsError(fn.qualname, missing, kind: "positional") }
        let start = p.keywordOnlyStart
        for i in start..<(start + p.keywordOnlyCount) where slots[i] == nil {
            if let d = fn.kwDefaults[p.names[i]] { slots[i] = d } else { missing.append(p.names[i]) }
        }
        if !missing.isEmpty { throw missingArgumentsError(fn.qualname, missing, kind: "keyword-only") }
    }

    /// The items of a `*iterable` argument of a call to `callee`.
    func starredArgument(_ v: Value, callee: Value) throws -> [Value] {
        do {
            return try iterateToArray(v)
        } catch let e as ScriptError where e.exception.isInstance(of: Types.typeError)
                    && special(v, "__iter__") == nil && special(v, "__getitem__") == nil {
            throw typeError("\(calleeName(callee)) argument after * must be an iterable, not \(typeName(v))")
        }
    }

    /// Adds the pairs of a `**mapping` argument of a call to `callee`: a dict, or any
    /// object with `keys()` and `__getitem__`.
    func appendKeywords(_ a: inout Arguments, from mapping: Value, callee: Value) throws {
        guard case .object(let o) = mapping, let d = o as? PyDict else {
            guard let keys = try lookupAttribute(mapping, "keys"), special(mapping, "__getitem__") != nil else {
                throw typeError("\(calleeName(callee)) argument after ** must be a mapping, not \(typeName(mapping))")
            }
            for key in try iterateToArray(try call(keys, [])) {
                guard case .object(let ko) = key, let k = ko as? PyStr else { throw typeError("keywords must be strings") }
                try appendKeyword(&a, k.value, try getItem(mapping, key), callee: callee)
            }
            return
        }
        for e in d.table.liveEntries {
            guard case .object(let ko) = e.key, let k = ko as? PyStr else { throw typeError("keywords must be strings") }
            try appendKeyword(&a, k.value, e.value, callee: callee)
        }
    }

    /// Adds `name=value` to a call's arguments, refusing a second value for one name.
    func appendKeyword(_ a: inout Arguments, _ name: String, _ value: Value, callee: Value) throws {
        if a.keywords.contains(where: { $0.0 == name }) {
            throw typeError("\(calleeName(callee)) got multiple values for keyword argument '\(name)'")
        }
        a.keywords.append((name, value))
    }

    /// How CPython names a callee in argument errors: `__main__.f()`, `__main__.C.m()`,
    /// `dict()`, `print()`.
    func calleeName(_ callee: Value) -> String {
        guard case .object(let o) = callee else { return "\(typeName(callee)) object" }
        switch o {
        case let fn as PyFunction:
            if case .object(let mo)? = fn.globals["__name__"], let m = mo as? PyStr { return "\(m.value).\(fn.qualname)()" }
            return "\(fn.qualname)()"
        case let m as PyBoundMethod: return calleeName(m.function)
        case let n as PyNativeFunction: return "\(n.name)()"
        case let t as PyType: return "\(t.name)()"
        default: return "\(o.type.name) object"
        }
    }
}

