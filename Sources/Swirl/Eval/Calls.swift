// Call nodes. Positional-only call sites evaluate their arguments straight onto the value
// stack, where they become the callee's first local slots; method calls look the method
// up on the class and pass the receiver without creating a bound-method object.

enum ArgumentNode {
    case positional(ExprNode)
    case starred(ExprNode)
    case keyword(String, ExprNode)
    case doubleStarred(ExprNode)
}

/// `f(a, b, c)` with plain positional arguments.
final class PositionalCallNode: ExprNode {
    let function: ExprNode
    /// The callee when it is a global name (the common case), read without a node call.
    let global: GlobalLoad?
    let args: [ExprNode]
    private let globalRef: Unmanaged<GlobalLoad>?
    /// The arguments, borrowed (the call node owns them).
    private let argRefs: [Operand]
    /// Inline cache for a one-argument call of a built-in function named by a global the
    /// module does not define (`len(buf)`): the function's identity and implementation,
    /// used while the name still means that function.
    private var builtinIdentity: ObjectIdentifier?
    private var builtinOne: Unmanaged<PyNativeFunction>?
    /// Holds the cached function, so that borrowing it stays safe even if evaluating the
    /// argument rebinds the built-in name.
    private var builtinKept: PyNativeFunction?
    /// The cached built-in's intrinsic: `len` of a local is read in place.
    private var builtinIntrinsic = Intrinsic.none
    init(_ function: ExprNode, _ args: [ExprNode], line: Int32) {
        self.function = function
        self.global = function as? GlobalLoad
        self.globalRef = (function as? GlobalLoad).map { Unmanaged.passUnretained($0) }
        self.args = args
        self.argRefs = args.map(Operand.init)
        super.init(line: line)
    }
    /// `len(local)` while `len` is still the built-in this site has seen, the length read
    /// in place; nil otherwise (the call is then evaluated). Int operands use it too.
    @inline(__always) func lengthOfLocal(_ f: Frame) -> Int? {
        guard builtinIntrinsic == .len, cachedBuiltinIsCurrent else { return nil }
        return argRefs[0].localLength(f)
    }

    /// Whether the name still means the built-in this site cached.
    @inline(__always) private var cachedBuiltinIsCurrent: Bool {
        guard let builtinIdentity, let g = globalRef else { return false }
        return g._withUnsafeGuaranteedRef { $0.meansBuiltin(builtinIdentity) }
    }

    override func eval(_ f: Frame) throws -> Value {
        if let one = builtinOne, cachedBuiltinIsCurrent {
            if builtinIntrinsic == .len, let n = argRefs[0].localLength(f) { return .int(n) }
            // `builtinKept` keeps the function alive: borrowed, like the nodes.
            return try one._withUnsafeGuaranteedRef { n in
                try f.withRuntime { rt in try PositionalCallNode.callOne(n, rt, try argRefs[0].eval(f)) }
            }
        }
        return try f.withRuntime { try run(f, $0) }
    }

    @inline(__always) private static func callOne(_ n: PyNativeFunction, _ rt: Runtime, _ arg: Value) throws -> Value {
        switch n.impl {
        case .a1(let fn), .oneOrGeneral(let fn, _): return try fn(rt, arg)
        default: return try rt.callNative(n, Arguments([arg]))
        }
    }

    @inline(never) private func run(_ f: Frame, _ rt: Runtime) throws -> Value {
        let callee: Value
        if let g = globalRef {
            // The tree owns the node: borrow it without reference counting.
            callee = try g._withUnsafeGuaranteedRef { try $0.load(f) }
        } else {
            callee = try function.eval(f)
        }
        if case .object(let o) = callee, let fn = o as? PyFunction, fn.fastArgCount == args.count {
            let base = rt.sp
            do {
                var i = 0
                while i < argRefs.count {
                    try rt.pushValue(try argRefs[i].eval(f))
                    i += 1
                }
                return try rt.callFast(fn, base: base, argc: args.count)
            } catch {
                rt.release(to: base)
                throw error
            }
        }
        if case .object(let o) = callee, let n = o as? PyNativeFunction, n.boundSelf == nil {
            switch (n.impl, argRefs.count) {
            case (.a1(let fn), 1), (.oneOrGeneral(let fn, _), 1):
                if let global, global.meansBuiltin(ObjectIdentifier(n)) {
                    builtinIdentity = ObjectIdentifier(n)
                    builtinOne = Unmanaged.passUnretained(n)
                    builtinKept = n
                    builtinIntrinsic = n.intrinsic
                }
                return try fn(rt, try argRefs[0].eval(f))
            case (.a2(let fn), 2):
                let a = try argRefs[0].eval(f)
                return try fn(rt, a, try argRefs[1].eval(f))
            default: break
            }
        }
        let base = rt.sp
        do {
            for a in argRefs { try rt.pushValue(try a.eval(f)) }
            return try rt.callOnStack(callee, base: base, argc: args.count)
        } catch {
            rt.release(to: base)
            throw error
        }
    }
}

/// `obj.name(a, b)` with plain positional arguments.
final class MethodCallNode: ExprNode {
    let object: ExprNode
    let key: PyStr
    let name: String
    let args: [ExprNode]
    var cache = AttributeCache()
    private let objectRef: Operand
    private let argRefs: [Operand]
    /// Inline cache for a plain built-in receiver (`buf.append(x)`, `s.split()`, see
    /// `PyObject.isPlainBuiltin`): its Swift class and the native method of its type.
    /// Scripts cannot change built-in types, so the entry holds while the class matches;
    /// the method lives in the built-in type's namespace for good.
    private var builtinClass: ObjectIdentifier?
    private var builtinMethod: Unmanaged<PyNativeFunction>?
    /// For a Swift class whose objects do not all have one type (a set and a frozenset
    /// share `PySet`): the type the entry is for, checked on every use, with the object
    /// having no attributes of its own. Nil for plain built-ins.
    private var builtinType: ObjectIdentifier?
    /// `list.append(x)` on a local list with a local argument: appended in place, without
    /// copying the receiver out of its slot (reading two locals has no side effects, so the
    /// order of evaluation cannot be observed).
    private var appendsLocalToLocalList = false
    /// For a module receiver (`asyncio.sleep(0)`): the namespace last seen (held, so that
    /// its identity stays unique) and the slot of the name in it (-1: not defined there).
    private var moduleGlobals: Globals?
    private var moduleSlot = -1
    init(_ object: ExprNode, _ key: PyStr, _ args: [ExprNode], line: Int32) {
        self.object = object
        self.key = key
        self.name = key.value
        self.args = args
        self.objectRef = Operand(object)
        self.argRefs = args.map(Operand.init)
        super.init(line: line)
    }

    /// The method lookup, with the cached class lookup for instances of user classes.
    private func lookup(_ receiver: Value, _ rt: Runtime) throws -> MethodLookup {
        if case .object(let o) = receiver {
            if let inst = o as? PyInstance {
                let ca = rt.cachedClassLookup(inst.cls, name, &cache)
                // Not before a property or data descriptor of the class.
                if cache.lastInstanceFirst, let v = inst.dict.get(name: key) { return .bound(v) }
                if let ca, case .object(let co) = ca, co is PyFunction { return .unbound(ca) }
                if !cache.lastInstanceFirst { return .bound(try rt.getAttribute(receiver, name)) }
            } else if type(of: o) == PyModule.self {
                // `asyncio.sleep(0)`: the module's global slot for the name, remembered.
                let globals = unsafeDowncast(o, to: PyModule.self).globals
                if globals !== moduleGlobals {
                    moduleGlobals = globals
                    moduleSlot = globals.existingSlot(name) ?? -1
                }
                if moduleSlot >= 0, let v = globals.get(moduleSlot) { return .bound(v) }
            } else if o.instanceDict == nil, !(o is PyType), !(o is PySuper) {
                // A built-in object (`buf.append(x)`): nothing of its own can shadow the method.
                let t = o.type
                if t.isBuiltin, !rt.isOperatorMethodName(t, name), let ca = rt.cachedClassLookup(t, name, &cache), case .object(let co) = ca,
                   co is PyNativeFunction || co is PyFunction {
                    if let n = co as? PyNativeFunction {
                        builtinClass = ObjectIdentifier(type(of: o))
                        builtinType = type(of: o).isPlainBuiltin ? nil : ObjectIdentifier(t)
                        builtinMethod = Unmanaged.passUnretained(n)
                        appendsLocalToLocalList = n.intrinsic == .listAppend && o is PyList
                            && objectRef.isLocal && argRefs.count == 1 && argRefs[0].isLocal
                    }
                    return .unbound(ca)
                }
            }
        }
        return try rt.lookupMethod(receiver, name)
    }

    override func eval(_ f: Frame) throws -> Value {
        try f.withRuntime { try run(f, $0) }
    }

    private func run(_ f: Frame, _ rt: Runtime) throws -> Value {
        if appendsLocalToLocalList, let list = objectRef.localList(f), let x = argRefs[0].localValue(f) {
            list.append(x)
            try rt.chargeListGrowth(list)
            return .none
        }
        let receiver = try objectRef.eval(f)
        if let cls = receiver.classIdentity, cls == builtinClass, let method = builtinMethod,
           builtinType == nil || hasCachedType(receiver),
           let result = try method._withUnsafeGuaranteedRef({ try callNativeDirectly($0, receiver, f, rt) }) {
            return result
        }
        switch try lookup(receiver, rt) {
        case .unbound(let method):
            if case .object(let mo) = method, let n = mo as? PyNativeFunction,
               let result = try callNativeDirectly(n, receiver, f, rt) {
                return result
            }
            let base = rt.sp
            do {
                try rt.pushValue(receiver)
                for a in argRefs { try rt.pushValue(try a.eval(f)) }
                if case .object(let mo) = method, let fn = mo as? PyFunction, fn.fastArgCount == args.count + 1 {
                    return try rt.callFast(fn, base: base, argc: args.count + 1)
                }
                return try rt.callOnStack(method, base: base, argc: args.count + 1)
            } catch {
                rt.release(to: base)
                throw error
            }
        case .bound(let callable):
            let base = rt.sp
            do {
                for a in argRefs { try rt.pushValue(try a.eval(f)) }
                return try rt.callOnStack(callable, base: base, argc: args.count)
            } catch {
                rt.release(to: base)
                throw error
            }
        }
    }

    /// Whether `receiver` (of the cached Swift class) has the cached type and no attributes
    /// of its own, so that the cached method is the one its type provides.
    private func hasCachedType(_ receiver: Value) -> Bool {
        guard case .object(let o) = receiver else { return false }
        return ObjectIdentifier(o.type) == builtinType && o.instanceDict == nil
    }

    /// Calls a native method taking the receiver and up to two arguments without building
    /// an argument list; nil when the method has another shape.
    @inline(__always)
    private func callNativeDirectly(_ n: PyNativeFunction, _ receiver: Value, _ f: Frame, _ rt: Runtime) throws -> Value? {
        switch (n.impl, argRefs.count) {
        case (.a1(let fn), 0): return try fn(rt, receiver)
        case (.a2(let fn), 1): return try fn(rt, receiver, try argRefs[0].eval(f))
        case (.a3(let fn), 2):
            let a = try argRefs[0].eval(f)
            return try fn(rt, receiver, a, try argRefs[1].eval(f))
        default: return nil
        }
    }
}

/// The general call: starred and keyword arguments.
final class CallNode: ExprNode {
    let function: ExprNode
    let args: [ArgumentNode]
    init(_ function: ExprNode, _ args: [ArgumentNode], line: Int32) {
        self.function = function
        self.args = args
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        let callee = try function.eval(f)
        let arguments = try CallNode.collect(args, f, callee: callee)
        return try f.rt.call(callee, arguments)
    }

    static func collect(_ args: [ArgumentNode], _ f: Frame, callee: Value) throws -> Arguments {
        var a = Arguments()
        for arg in args {
            switch arg {
            case .positional(let e): a.positional.append(try e.eval(f))
            case .starred(let e): a.positional.append(contentsOf: try f.rt.starredArgument(try e.eval(f), callee: callee))
            case .keyword(let name, let e): try f.rt.appendKeyword(&a, name, try e.eval(f), callee: callee)
            case .doubleStarred(let e): try f.rt.appendKeywords(&a, from: try e.eval(f), callee: callee)
            }
        }
        return a
    }
}
