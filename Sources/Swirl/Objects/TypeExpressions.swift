// The objects annotations build from types: `list[int]` (a `types.GenericAlias`) and
// `int | None` (a `types.UnionType`). They print, compare and answer `__origin__` /
// `__args__` as in CPython; a union works with isinstance/issubclass and an alias can be
// called like its origin (`list[int]()` is a list).

final class PyGenericAlias: PyObject {
    let origin: PyType
    let args: [Value]
    init(origin: PyType, args: [Value]) {
        self.origin = origin
        self.args = args
    }
    override var type: PyType { Types.genericAlias }
}

final class PyUnionType: PyObject {
    /// The member types, flattened and without repeats; None stands as NoneType.
    let args: [Value]
    init(args: [Value]) { self.args = args }
    override var type: PyType { Types.unionType }
}

extension Types {
    nonisolated(unsafe) static let genericAlias = PyType(name: "GenericAlias", base: object, isBuiltin: true,
                                                          layout: .builtin, module: "types")
    nonisolated(unsafe) static let unionType = PyType(name: "UnionType", base: object, isBuiltin: true,
                                                       layout: .builtin, module: "types")
}

extension Runtime {
    /// `cls[index]` for a built-in class: the alias `list[int]`.
    func genericAlias(_ cls: PyType, _ index: Value) -> Value {
        if case .object(let o) = index, let t = o as? PyTuple { return .object(PyGenericAlias(origin: cls, args: t.items)) }
        return .object(PyGenericAlias(origin: cls, args: [index]))
    }

    /// Whether `v` can stand in a `|` union: a class, None, an alias or a union.
    func isUnionOperand(_ v: Value) -> Bool {
        switch v {
        case .none: return true
        case .object(let o): return o is PyType || o is PyGenericAlias || o is PyUnionType
        default: return false
        }
    }

    /// `a | b` of two union operands: the members of both, in order, each once.
    func union(_ a: Value, _ b: Value) throws -> Value {
        var members: [Value] = []
        for v in [a, b] {
            let items: [Value]
            if case .object(let o) = v, let u = o as? PyUnionType { items = u.args } else { items = [v.isNone ? .object(Types.noneType) : v] }
            for item in items where try !members.contains(where: { try typeExpressionsEqual($0, item) }) {
                members.append(item)
            }
        }
        return members.count == 1 ? members[0] : .object(PyUnionType(args: members))
    }

    func typeExpressionsEqual(_ a: Value, _ b: Value) throws -> Bool {
        if case .object(let x) = a, case .object(let y) = b {
            if x === y { return true }
            if let p = x as? PyGenericAlias, let q = y as? PyGenericAlias {
                guard p.origin === q.origin, p.args.count == q.args.count else { return false }
                for (l, r) in zip(p.args, q.args) where try !eq(l, r) { return false }
                return true
            }
            if let u = x as? PyUnionType, let w = y as? PyUnionType {
                guard u.args.count == w.args.count else { return false }
                for item in u.args where try !w.args.contains(where: { try typeExpressionsEqual($0, item) }) { return false }
                return true
            }
            return false
        }
        return a.isIdentical(to: b)
    }

    /// How a type prints inside an alias or union: `int`, `None`, `__main__.Point`.
    func typeExpressionRepr(_ v: Value) throws -> String {
        if case .object(let o) = v {
            if let t = o as? PyType {
                if t === Types.noneType { return "None" }
                return t.moduleName == "builtins" ? t.qualname : "\(t.moduleName).\(t.qualname)"
            }
            if o === Types.ellipsis { return "..." }
        }
        return try repr(v)
    }

    func typeExpressionObjectRepr(_ o: PyObject) throws -> String? {
        if let a = o as? PyGenericAlias {
            let inner = a.args.isEmpty ? "()" : try a.args.map { try typeExpressionRepr($0) }.joined(separator: ", ")
            return "\(try typeExpressionRepr(.object(a.origin)))[\(inner)]"
        }
        if let u = o as? PyUnionType { return try u.args.map { try typeExpressionRepr($0) }.joined(separator: " | ") }
        return nil
    }
}
