// The operator methods of built-in values: `(5).__add__(3)`, `[1, 2].__len__()`,
// `"a".__eq__(1)`, `int.__add__`, `hasattr(x, "__iter__")`.
//
// The interpreter runs operators on built-in values natively, so these methods are not in
// the types' namespaces (where the evaluator's dispatch would find them). Attribute lookup
// on a built-in value or type asks here for a dunder name and gets a native function that
// performs the operation, with CPython's rules: a binary method answers NotImplemented for
// an operand of another kind (`(5).__add__(1.5)`), comparisons too (`(5).__eq__(5.0)`).
import SwirlSyntax

extension Runtime {
    /// Whether attribute lookup of `name` on a value of `t` should come here first: a dunder
    /// name on a built-in value type (object's own methods would answer wrongly for them).
    @inline(__always) func isOperatorMethodName(_ t: PyType, _ name: String) -> Bool {
        t.isBuiltin && t !== Types.object && name.utf8.first == UInt8(ascii: "_")
            && name.hasPrefix("__") && operatorKind(t) != nil
    }

    /// The operator method `name` of built-in type `t`, unbound (its first argument is the
    /// receiver); `.none` for `__hash__` of an unhashable type; nil when `t` has no such method.
    func operatorMethod(_ t: PyType, _ name: String) -> Value? {
        guard let kind = operatorKind(t) else { return nil }
        if name == "__hash__" {
            // list, dict and set set __hash__ to None; the others use object's.
            return t === Types.list || t === Types.dict || t === Types.set ? Value.none : nil
        }
        guard let impl = operatorImpl(kind, name) else { return nil }
        return .object(PyNativeFunction(name, owner: t, .general { rt, a in
            guard let receiver = a.positional.first else {
                throw typeError("descriptor '\(name)' of '\(t.name)' object needs an argument")
            }
            let rtype = rt.typeOf(receiver)
            guard rtype.isSubtype(of: t) else {
                throw typeError("descriptor '\(name)' requires a '\(t.name)' object but received a '\(rtype.name)'")
            }
            return try impl(rt, receiver, Array(a.positional.dropFirst()))
        }))
    }

    /// Built-in value types grouped by the operators they support.
    enum OperatorKind {
        case integer, float, string, bytes, list, tuple, dict, set, range, none, dictView, iterator
        var isNumeric: Bool { self == .integer || self == .float }
        var isSequence: Bool { [.string, .bytes, .list, .tuple, .range].contains(self) }
        var isContainer: Bool { isSequence || self == .dict || self == .set || self == .dictView }
    }

    func operatorKind(_ t: PyType) -> OperatorKind? {
        if t === Types.int || t === Types.bool { return .integer }
        if t === Types.float { return .float }
        if t === Types.str { return .string }
        if t === Types.bytes { return .bytes }
        if t === Types.list { return .list }
        if t === Types.tuple { return .tuple }
        if t === Types.dict { return .dict }
        if t === Types.set || t === Types.frozenset { return .set }
        if t === Types.range { return .range }
        if t === Types.noneType { return OperatorKind.none }
        if t === Types.iterator || t === Types.generator { return .iterator }
        if t.isBuiltin && (t.name.hasSuffix("iterator") || ["map", "filter", "zip", "enumerate"].contains(t.name)) {
            return .iterator
        }
        return t.isBuiltin && t.name.hasPrefix("dict_") ? .dictView : nil
    }

    private typealias OperatorImpl = (Runtime, Value, [Value]) throws -> Value

    private func operatorImpl(_ kind: OperatorKind, _ name: String) -> OperatorImpl? {
        // Methods every built-in value has.
        switch name {
        case "__repr__": return unary { rt, v in Value(try rt.repr(v)) }
        case "__str__": return unary { rt, v in Value(try rt.str(v)) }
        case "__format__":
            return binary { rt, v, spec in
                guard case .object(let so) = spec, let s = so as? PyStr else {
                    throw typeError("format() argument 2 must be str, not \(rt.typeName(spec))")
                }
                return Value(try rt.format(v, s.value))
            }
        case "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__":
            let op: CompareOperator = ["__eq__": .eq, "__ne__": .ne, "__lt__": .lt, "__le__": .le, "__gt__": .gt][name] ?? .ge
            return binary { rt, a, b in
                guard rt.operandsCompare(kind, a, b, op) else { return .object(Types.notImplemented) }
                return .bool(try rt.compare(op, a, b))
            }
        default: break
        }
        if kind == .iterator {
            switch name {
            case "__iter__": return unary { _, v in v }
            case "__next__": return unary { rt, v in try rt.callBuiltin("next", [v]) }
            default: return nil
            }
        }
        if kind.isContainer {
            switch name {
            case "__len__": return unary { rt, v in .int(try rt.len(v)) }
            case "__iter__": return unary { rt, v in .object(try rt.iterate(v)) }
            case "__contains__": return binary { rt, a, b in .bool(try rt.contains(a, b)) }
            default: break
            }
        }
        if kind.isSequence || kind == .dict {
            switch name {
            case "__getitem__": return binary { rt, a, b in try rt.getItem(a, b) }
            default: break
            }
        }
        if kind == .list || kind == .dict {
            switch name {
            case "__setitem__":
                return { rt, v, args in
                    guard args.count == 2 else { throw typeError("expected 2 arguments, got \(args.count)") }
                    try rt.setItem(v, args[0], args[1])
                    return .none
                }
            case "__delitem__": return binary { rt, a, b in try rt.deleteItem(a, b); return .none }
            default: break
            }
        }
        if kind == .list || kind == .dict || kind == .range {
            if name == "__reversed__" { return unary { rt, v in try rt.callBuiltin("reversed", [v]) } }
        }
        if kind.isSequence && kind != .range {
            switch name {
            case "__add__": return binary { rt, a, b in try rt.binary(.add, a, b) }
            case "__mul__": return binary { rt, a, b in try rt.binary(.mul, a, b) }
            case "__rmul__": return binary { rt, a, b in try rt.binary(.mul, b, a) }
            case "__mod__" where kind == .string || kind == .bytes:
                return binary { rt, a, b in try rt.binary(.mod, a, b) }
            default: break
            }
        }
        if kind == .set || kind == .dict {
            let ops: [String: (BinaryOperator, Bool)] = kind == .dict
                ? ["__or__": (.bitOr, false), "__ror__": (.bitOr, true)]
                : ["__or__": (.bitOr, false), "__and__": (.bitAnd, false), "__sub__": (.sub, false),
                   "__xor__": (.bitXor, false), "__ror__": (.bitOr, true), "__rand__": (.bitAnd, true),
                   "__rsub__": (.sub, true), "__rxor__": (.bitXor, true)]
            if let (op, reflected) = ops[name] {
                return binary { rt, a, b in
                    guard rt.operatorKind(rt.typeOf(b)) == kind else { return .object(Types.notImplemented) }
                    return reflected ? try rt.binary(op, b, a) : try rt.binary(op, a, b)
                }
            }
        }
        if kind.isNumeric {
            switch name {
            case "__neg__": return unary { rt, v in try rt.negate(v) }
            case "__pos__": return unary { rt, v in try rt.positive(v) }
            case "__abs__": return unary { rt, v in try rt.absolute(v) }
            case "__bool__": return unary { rt, v in .bool(try rt.truthy(v)) }
            case "__int__": return unary { rt, v in try rt.callBuiltin("int", [v]) }
            case "__float__": return unary { rt, v in try rt.callBuiltin("float", [v]) }
            case "__round__": return { rt, v, args in try rt.callBuiltin("round", [v] + args) }
            case "__index__" where kind == .integer: return unary { rt, v in try rt.callBuiltin("int", [v]) }
            case "__invert__" where kind == .integer: return unary { rt, v in try rt.invert(v) }
            default: break
            }
            var ops: [String: BinaryOperator] = ["add": .add, "sub": .sub, "mul": .mul, "truediv": .div,
                                                 "floordiv": .floorDiv, "mod": .mod, "pow": .pow]
            if kind == .integer {
                for (k, op) in [("and", BinaryOperator.bitAnd), ("or", .bitOr), ("xor", .bitXor),
                                ("lshift", .lshift), ("rshift", .rshift)] { ops[k] = op }
            }
            guard name.hasPrefix("__"), name.hasSuffix("__"), name.count > 4 else { return nil }
            var stem = String(name.dropFirst(2).dropLast(2))
            let reflected = stem.hasPrefix("r") && ops[String(stem.dropFirst())] != nil
            if reflected { stem.removeFirst() }
            if stem == "divmod" || stem == "rdivmod" {
                return binary { rt, a, b in
                    guard rt.operandsCombine(kind, b) else { return .object(Types.notImplemented) }
                    return try rt.callBuiltin("divmod", stem == "divmod" ? [a, b] : [b, a])
                }
            }
            if let op = ops[stem] {
                return binary { rt, a, b in
                    guard rt.operandsCombine(kind, b) else { return .object(Types.notImplemented) }
                    return reflected ? try rt.binary(op, b, a) : try rt.binary(op, a, b)
                }
            }
        }
        if kind == .none && name == "__bool__" { return unary { _, _ in .false } }
        return nil
    }

    /// Whether a numeric method of `kind` takes `other` (int's take only ints, float's take
    /// both); otherwise the method answers NotImplemented.
    private func operandsCombine(_ kind: OperatorKind, _ other: Value) -> Bool {
        guard let k = operatorKind(typeOf(other)) else { return false }
        return kind == .float ? k.isNumeric : k == .integer
    }

    /// Whether a comparison method of `kind` handles `other`: the same kind of value (a
    /// float also takes ints); `==` and `!=` of unrelated values answer NotImplemented too.
    private func operandsCompare(_ kind: OperatorKind, _ a: Value, _ b: Value, _ op: CompareOperator) -> Bool {
        guard let k = operatorKind(typeOf(b)) else { return false }
        if kind.isNumeric { return kind == .float ? k.isNumeric : k == .integer }
        if kind == .none || kind == .iterator { return op == .eq || op == .ne ? a.isIdentical(to: b) || k == kind : false }
        if kind == .dict && op != .eq && op != .ne { return false }
        return k == kind
    }

    private func unary(_ body: @escaping (Runtime, Value) throws -> Value) -> OperatorImpl {
        { rt, v, args in
            guard args.isEmpty else { throw typeError("expected 0 arguments, got \(args.count)") }
            return try body(rt, v)
        }
    }

    private func binary(_ body: @escaping (Runtime, Value, Value) throws -> Value) -> OperatorImpl {
        { rt, v, args in
            guard args.count == 1 else { throw typeError("expected 1 argument, got \(args.count)") }
            return try body(rt, v, args[0])
        }
    }

    /// Calls the built-in function `name` (`next`, `int`, `round`, …).
    func callBuiltin(_ name: String, _ args: [Value]) throws -> Value {
        guard let f = builtins[name] else { throw ScriptError(Types.nameError, "name '\(name)' is not defined") }
        return try call(f, Arguments(args))
    }
}
