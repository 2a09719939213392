// Nodes that create things at run time: functions (with defaults and closures), classes,
// decorators, comprehensions, `super()`, and imports.

final class MakeFunctionNode: ExprNode {
    let code: CodeObject
    let globals: Globals
    let defaults: [ExprNode]
    let kwDefaults: [(String, ExprNode)]
    let closureSlots: [Int]
    init(code: CodeObject, globals: Globals, defaults: [ExprNode], kwDefaults: [(String, ExprNode)], closureSlots: [Int], line: Int32) {
        self.code = code
        self.globals = globals
        self.defaults = defaults
        self.kwDefaults = kwDefaults
        self.closureSlots = closureSlots
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        let defs = try defaults.map { try $0.eval(f) }
        var kw: [String: Value] = [:]
        for (k, e) in kwDefaults { kw[k] = try e.eval(f) }
        let fn = PyFunction(code: code, globals: globals, defaults: defs, kwDefaults: kw,
                            closure: captureCells(closureSlots, f))
        fn.attrs["__doc__"] = code.docstring
        return .object(fn)
    }
}

/// The cells of the current frame that an inner function closes over.
func captureCells(_ slots: [Int], _ f: Frame) -> [PyCell] {
    slots.map { s in
        if s >= 0, case .object(let o) = f.slots[s], let c = o as? PyCell { return c }
        return PyCell()
    }
}

final class DecoratedNode: ExprNode {
    let decorators: [ExprNode]
    let value: ExprNode
    init(decorators: [ExprNode], value: ExprNode, line: Int32) {
        self.decorators = decorators
        self.value = value
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        let decs = try decorators.map { try $0.eval(f) }
        var v = try value.eval(f)
        for d in decs.reversed() { v = try f.rt.call(d, [v]) }
        return v
    }
}

final class ClassNode: ExprNode {
    let code: CodeObject
    let name: String
    let qualname: String
    let base: ExprNode?
    let globals: Globals
    let closureSlots: [Int]
    let classCellSlot: Int?
    /// `class C(Base, key=value)`: passed to the base's `__init_subclass__`.
    let keywords: [(String, ExprNode)]
    init(code: CodeObject, name: String, qualname: String, base: ExprNode?, keywords: [(String, ExprNode)] = [],
         globals: Globals, closureSlots: [Int], classCellSlot: Int?, line: Int32) {
        self.code = code
        self.name = name
        self.qualname = qualname
        self.base = base
        self.keywords = keywords
        self.globals = globals
        self.closureSlots = closureSlots
        self.classCellSlot = classCellSlot
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        let rt = f.rt
        var baseType = Types.object
        if let base {
            let b = try base.eval(f)
            guard case .object(let bo) = b, let bt = bo as? PyType else {
                throw typeError("bases must be types")
            }
            if bt.layout == .builtin && bt !== Types.object {
                throw typeError("subclassing built-in type '\(bt.name)' is not supported")
            }
            baseType = bt
        }
        let classKeywords = try keywords.map { ($0.0, try $0.1.eval(f)) }
        let frame = Frame(rt: rt, ownedSlots: code.slotCount)
        frame.code = code
        let ns = ClassNamespace()
        frame.namespace = ns
        ns.dict["__module__"] = globals["__name__"] ?? Value("__main__")
        ns.dict["__qualname__"] = Value(qualname)
        if !code.docstring.isNone { ns.dict["__doc__"] = code.docstring }
        for s in code.cellSlots { frame.slots[s] = .object(PyCell()) }
        for (i, cell) in captureCells(closureSlots, f).enumerated() { frame.slots[code.freeStart + i] = .object(cell) }
        try rt.enterNested()
        frame.activation = rt.activationCounter
        defer { rt.leaveNested() }
        _ = try code.body.exec(frame)
        let cls = PyType(name: name, base: baseType, isBuiltin: false, layout: baseType.layout,
                         module: (ns.dict["__module__"].flatMap { ($0.asObject as? PyStr)?.value }) ?? "__main__")
        cls.qualname = qualname
        for (k, v) in ns.dict where k != "__qualname__" {
            if k == "__init_subclass__" || k == "__class_getitem__", case .object(let o) = v, o is PyFunction {
                cls.dict[k] = .object(PyClassMethod(v))
            } else {
                cls.dict[k] = v
            }
        }
        if cls.dict["__eq__"] != nil && cls.dict["__hash__"] == nil { cls.dict["__hash__"] = Value.none }
        if let slot = classCellSlot, case .object(let o) = frame.slots[slot], let cell = o as? PyCell {
            cell.value = .object(cls)
        }
        if let del = cls.lookup("__del__"), case .object(let d) = del, d is PyFunction { cls.finalizerReports = rt.deathReports }
        cls.slotNames = try declaredSlots(cls, base: baseType, rt)
        // As `type.__new__` does: descriptors learn their names, then the base class
        // hears of its new subclass.
        for (k, v) in cls.dict {
            if case .object(let o) = v, o is PyInstance, let setName = rt.special(v, "__set_name__") {
                _ = try rt.callMethod(setName, self: v, [.object(cls), Value(k)])
            }
        }
        if let hook = baseType.lookup("__init_subclass__"), case .object(let h) = hook, let cm = h as? PyClassMethod {
            _ = try rt.call(cm.function, Arguments([.object(cls)], keywords: classKeywords))
        } else if !classKeywords.isEmpty {
            throw typeError("\(name).__init_subclass__() takes no keyword arguments")
        }
        return .object(cls)
    }
}

/// What `__slots__` allows instances of `cls`: its own names plus its base's, or nil
/// (instances have a `__dict__`) when it or a user base class declares none.
private func declaredSlots(_ cls: PyType, base: PyType, _ rt: Runtime) throws -> Set<String>? {
    guard let declared = cls.dict["__slots__"] else { return nil }
    var names: Set<String>
    if base === Types.object {
        names = []
    } else if let inherited = base.slotNames {
        names = inherited
    } else {
        return nil
    }
    names.formUnion(try slotNameList(declared, inClass: cls.name, rt))
    return names
}

/// The names a `__slots__` value declares (a string or an iterable of strings), private
/// ones mangled as in the class body (`__x` is `_Account__x`).
func slotNameList(_ declared: Value, inClass className: String, _ rt: Runtime) throws -> [String] {
    let items: [Value]
    if case .object(let o) = declared, o is PyStr { items = [declared] } else { items = try rt.iterateToArray(declared) }
    return try items.map { item in
        guard case .object(let o) = item, let s = o as? PyStr else {
            throw typeError("__slots__ items must be strings, not '\(rt.typeName(item))'")
        }
        return mangledPrivateName(s.value, inClass: className)
    }
}

/// Zero-argument `super()` inside a method: the class from the `__class__` cell and the
/// method's first argument.
final class SuperNode: ExprNode {
    let classSlot: Int
    init(classSlot: Int, line: Int32) {
        self.classSlot = classSlot
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        guard case .object(let o) = f.slots[classSlot], let cell = o as? PyCell, case .object(let co)? = cell.value,
              let cls = co as? PyType else {
            throw runtimeError("super(): __class__ cell not found")
        }
        guard var first = f.slots[0] else { throw runtimeError("super(): no arguments") }
        // A first argument that an inner function captures lives in a cell.
        if f.code?.cellSlots.contains(0) ?? false, case .object(let o) = first, let cell = o as? PyCell {
            guard let v = cell.value else { throw runtimeError("super(): arg[0] deleted") }
            first = v
        }
        return .object(PySuper(cls: cls, receiver: first))
    }
}

final class PySuper: PyObject {
    let cls: PyType
    let receiver: Value
    init(cls: PyType, receiver: Value) {
        self.cls = cls
        self.receiver = receiver
    }
    override var type: PyType { Types.superType }

    /// Looks `name` up in the receiver's MRO after `cls`.
    func lookup(_ name: String, _ rt: Runtime) throws -> Value? {
        let start: PyType
        if case .object(let o) = receiver, let t = o as? PyType { start = t } else { start = rt.typeOf(receiver) }
        var found = false
        for t in start.mro {
            if found, let v = t.dict[name] {
                if case .object(let vo) = v {
                    switch vo {
                    case is PyFunction:
                        if case .object(let ro) = receiver, ro is PyType { return v }
                        return .object(PyBoundMethod(function: v, receiver: receiver))
                    case let n as PyNativeFunction: return .object(n.bound(to: receiver))
                    case let s as PyStaticMethod: return s.function
                    case let c as PyClassMethod:
                        let owner: Value
                        if case .object(let ro) = receiver, ro is PyType { owner = receiver } else { owner = .object(start) }
                        return .object(PyBoundMethod(function: c.function, receiver: owner))
                    case let p as PyProperty: return try rt.call(p.getter, [receiver])
                    default: break
                    }
                }
                return v
            }
            if t === cls { found = true }
        }
        return nil
    }
}

// MARK: comprehensions

enum ComprehensionKind { case list, set, dict, generator }

/// Starts a comprehension: evaluates the outermost iterable here, then runs (or, for a
/// generator expression, creates) the comprehension's own function.
final class ComprehensionNode: ExprNode {
    let code: CodeObject
    let globals: Globals
    let outerIter: ExprNode
    let asyncIter: Bool
    let closureSlots: [Int]
    init(code: CodeObject, globals: Globals, outerIter: ExprNode, asyncIter: Bool, closureSlots: [Int], line: Int32) {
        self.code = code
        self.globals = globals
        self.outerIter = outerIter
        self.asyncIter = asyncIter
        self.closureSlots = closureSlots
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        try build(from: try outerIter.eval(f), f)
    }

    /// Runs (or, for a generator expression or an awaiting comprehension, creates) the
    /// comprehension over `source`, the already evaluated outermost iterable. The compiler
    /// evaluates a suspending outermost iterable first (`[x for x in await f()]`) and
    /// calls this with its value.
    func build(from source: Value, _ f: Frame) throws -> Value {
        let rt = f.rt
        let iterator: Value = asyncIter ? try rt.asyncIterator(source) : .object(try rt.iterate(source))
        let fn = PyFunction(code: code, globals: globals, defaults: [], kwDefaults: [:], closure: captureCells(closureSlots, f))
        let base = try rt.reserve(code.slotCount)
        defer { rt.release(to: base) }
        let slots = rt.stack + base
        slots[0] = iterator
        if code.kind != .function { return .object(rt.makeGenerator(fn, slots: slots)) }
        return try rt.runFunctionBody(fn, slots: slots)
    }
}

final class ComprehensionInit: StmtNode {
    let kind: ComprehensionKind
    let slot: Int
    /// The comprehension yields one item per item of its iterable (no `if`, one `for`).
    let sized: Bool
    init(kind: ComprehensionKind, slot: Int, sized: Bool, line: Int32) {
        self.kind = kind
        self.slot = slot
        self.sized = sized
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        switch kind {
        case .list:
            let list = PyList()
            // The outermost iterable (slot 0) often knows its length: no regrowing.
            if sized, case .object(let o)? = f.slots[0], let it = o as? PyIteratorObject, let n = it.lengthHint, n > 1 {
                list.items.reserveCapacity(min(n, 1 << 20))
            }
            f.slots[slot] = .object(list)
        case .set: f.slots[slot] = .object(PySet())
        case .dict: f.slots[slot] = .object(PyDict())
        case .generator: break
        }
        return .normal
    }
}

final class ComprehensionAppend: StmtNode {
    let kind: ComprehensionKind
    let slot: Int
    let element: ExprNode
    let value: ExprNode?
    private let elementRef: Unmanaged<ExprNode>
    init(kind: ComprehensionKind, slot: Int, element: ExprNode, value: ExprNode?, line: Int32) {
        self.kind = kind
        self.slot = slot
        self.element = element
        self.value = value
        elementRef = borrow(element)
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        let element: Value
        var value: Value = .none
        if f.resuming {
            // Resuming inside an await in the element or value expression.
            var parts: [Value] = []
            if case .object(let o) = f.pop(), let t = o as? PyTuple { parts = t.items }
            if parts.isEmpty {
                guard let e = try self.element.evalR(f) else {
                    f.push(.object(PyTuple([])))
                    return .suspended
                }
                parts.append(e)
            }
            if let valueNode = self.value, parts.count == 1 {
                guard let v = try valueNode.evalR(f) else {
                    f.push(.object(PyTuple(parts)))
                    return .suspended
                }
                parts.append(v)
            }
            element = parts[0]
            if parts.count > 1 { value = parts[1] }
        } else {
            guard let e = try elementRef.evalR(f) else {
                f.push(.object(PyTuple([])))
                return .suspended
            }
            element = e
            if let valueNode = self.value {
                guard let v = try valueNode.evalR(f) else {
                    f.push(.object(PyTuple([e])))
                    return .suspended
                }
                value = v
            }
        }
        guard case .object(let acc) = f.slots[slot] else { return .normal }
        switch acc {
        case let l as PyList:
            l.append(element)
            try f.rt.chargeListGrowth(l)
        case let s as PySet: try f.rt.setAdd(s, element)
        case let d as PyDict: try f.rt.dictSet(d, element, value)
        default: break
        }
        return .normal
    }
}

// MARK: imports

final class ImportNode: ExprNode {
    let module: String
    /// `import a.b` binds `a`; `import a.b as c` binds `a.b`.
    let bindTop: Bool
    init(module: String, bindTop: Bool, rt: Runtime, line: Int32) {
        self.module = module
        self.bindTop = bindTop
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        let m = try f.rt.importModule(module)
        if bindTop, let dot = module.firstIndex(of: ".") {
            return .object(try f.rt.importModule(String(module[..<dot])))
        }
        return .object(m)
    }
}

/// Holds the module between the names of one `from m import a, b`.
final class ConstCache {
    var value: Value?
}

final class ImportFromNode: ExprNode {
    let module: ImportNode?
    let cache: ConstCache
    let moduleName: String
    let name: String
    init(module: ImportNode?, cache: ConstCache, moduleName: String, name: String, line: Int32) {
        self.module = module
        self.cache = cache
        self.moduleName = moduleName
        self.name = name
        super.init(line: line)
    }
    override func eval(_ f: Frame) throws -> Value {
        if let module { cache.value = try module.eval(f) }
        guard let m = cache.value else { throw ScriptError(Types.importError, "cannot import name '\(name)'") }
        if case .object(let mo) = m, let pm = mo as? PyModule, let v = pm.globals[name] { return v }
        if let v = try? f.rt.lookupAttribute(m, name) { return v }
        if let sub = try? f.rt.importModule(moduleName + "." + name) { return .object(sub) }
        var where_ = ""
        if case .object(let mo) = m, let pm = mo as? PyModule, case .object(let fo)? = pm.globals["__file__"],
           let file = fo as? PyStr {
            where_ = " (\(file.value))"
        } else {
            where_ = " (unknown location)"
        }
        let e = PyException(Types.importError, "cannot import name '\(name)' from '\(moduleName)'\(where_)")
        throw ScriptError(e)
    }
}

final class ImportStarStmt: StmtNode {
    let module: String
    let globals: Globals
    init(module: String, globals: Globals, line: Int32) {
        self.module = module
        self.globals = globals
        super.init(line: line)
    }
    override func exec(_ f: Frame) throws -> Flow {
        let m = try f.rt.importModule(module)
        // `__all__`, when the module defines it, lists exactly the names to bind.
        if let all = m.globals["__all__"] {
            for item in try f.rt.iterateToArray(all) {
                guard case .object(let o) = item, let name = o as? PyStr else {
                    throw typeError("Item in \(module).__all__ must be str, not \(f.rt.typeName(item))")
                }
                guard let v = m.globals[name.value] else {
                    throw ScriptError(Types.attributeError, "module '\(module)' has no attribute '\(name.value)'")
                }
                globals[name.value] = v
            }
            return .normal
        }
        for (k, v) in m.globals.defined where !k.hasPrefix("_") { globals[k] = v }
        return .normal
    }
}
