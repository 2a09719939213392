// ExceptionGroup and BaseExceptionGroup: `exceptions`, `message`, `derive`, `subgroup` and
// `split` (matching by type, tuple of types or predicate, recursing into nested groups).

extension Types {
    static func installExceptionGroupMethods() {
        let t = baseExceptionGroup
        method(t, "derive", .a2 { rt, v, excs in
            guard case .object(let o) = v, let e = o as? PyException else { return Value.none }
            return try rt.makeExceptionGroup(Types.baseExceptionGroup, [e.args.first ?? Value(""), excs])
        })
        method(t, "subgroup", .a2 { rt, v, cond in
            guard case .object(let o) = v, let e = o as? PyException else { return Value.none }
            return try rt.splitGroup(e, cond).0
        })
        method(t, "split", .a2 { rt, v, cond in
            guard case .object(let o) = v, let e = o as? PyException else { return Value.none }
            let (match, rest) = try rt.splitGroup(e, cond)
            return .object(PyTuple([match, rest]))
        })
    }
}

extension Runtime {
    /// The members of an exception group.
    func groupMembers(_ e: PyException) throws -> [PyException] {
        guard e.args.count == 2 else { return [] }
        return try iterateToArray(e.args[1]).compactMap { $0.asObject as? PyException }
    }

    private func conditionMatches(_ e: PyException, _ cond: Value) throws -> Bool {
        if case .object(let o) = cond, o is PyType || o is PyTuple { return try exceptionMatches(e, cond) }
        return try truthy(try call(cond, [.object(e)]))
    }

    /// `(matching, rest)` for `eg.split(cond)`; each is a group with the same message, or None.
    func splitGroup(_ e: PyException, _ cond: Value) throws -> (Value, Value) {
        if try conditionMatches(e, cond) { return (.object(e), Value.none) }
        var matched: [Value] = [], rest: [Value] = []
        for member in try groupMembers(e) {
            if member.isInstance(of: Types.baseExceptionGroup) {
                let (m, r) = try splitGroup(member, cond)
                if !m.isNone { matched.append(m) }
                if !r.isNone { rest.append(r) }
            } else if try conditionMatches(member, cond) {
                matched.append(.object(member))
            } else {
                rest.append(.object(member))
            }
        }
        // Through the group's own `derive` (a subclass may override it), then with the
        // original's cause, context, traceback and notes, as CPython does.
        func derive(_ items: [Value]) throws -> Value {
            if items.isEmpty { return Value.none }
            let g = try call(try getAttribute(.object(e), "derive"), [.object(PyList(items))])
            guard case .object(let go) = g, let ge = go as? PyException, ge.isInstance(of: Types.baseExceptionGroup) else {
                throw typeError("derive must return an instance of BaseExceptionGroup")
            }
            ge.cause = e.cause
            ge.context = e.context
            ge.traceback = e.traceback
            if let notes = e.attrs["__notes__"] { ge.attrs["__notes__"] = notes }
            return g
        }
        return (try derive(matched), try derive(rest))
    }
}
