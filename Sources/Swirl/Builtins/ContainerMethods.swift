// Methods of list, tuple, dict and set, and `list.sort` (stable, with key and reverse).

extension Types {
    static func installListMethods() {
        let t = Types.list
        func l(_ v: Value) -> PyList { (v.asObject as? PyList) ?? PyList() }
        method(t, "append", .a2 { rt, v, x in
            let list = l(v)
            list.append(x)
            try rt.chargeListGrowth(list)
            return .none
        }, intrinsic: .listAppend)
        method(t, "extend", .a2 { rt, v, x in
            let list = l(v)
            list.items.append(contentsOf: try rt.iterateToArray(x))
            try rt.chargeListGrowth(list)
            return .none
        })
        method(t, "insert", .a3 { rt, v, i, x in
            let list = l(v)
            var idx = try rt.indexValue(i)
            if idx < 0 { idx = max(0, idx + list.items.count) }
            list.items.insert(x, at: min(idx, list.items.count))
            try rt.chargeListGrowth(list)
            return .none
        })
        method(t, "pop", .general { rt, a in
            let list = l(a.positional[0])
            if list.items.isEmpty { throw Swirl.indexError("pop from empty list") }
            if a.positional.count > 1 {
                var i = try rt.indexValue(a.positional[1])
                if i < 0 { i += list.items.count }
                if i < 0 || i >= list.items.count { throw Swirl.indexError("pop index out of range") }
                return list.items.remove(at: i)
            }
            return list.items.removeLast()
        })
        method(t, "remove", .a2 { rt, v, x in
            let list = l(v)
            for (i, y) in list.items.enumerated() where try rt.itemEquals(y, x) {
                list.items.remove(at: i)
                return .none
            }
            throw Swirl.valueError("list.remove(x): x not in list")
        })
        method(t, "index", .general { rt, a in
            let list = l(a.positional[0])
            if let i = try rt.sequenceIndex(list.items, a, "index") { return .int(i) }
            throw Swirl.valueError("\(try rt.repr(a.positional[1])) is not in list")
        })
        method(t, "count", .a2 { rt, v, x in .int(try l(v).items.filter { try rt.itemEquals($0, x) }.count) })
        method(t, "reverse", .a1 { _, v in l(v).items.reverse(); return .none })
        method(t, "clear", .a1 { _, v in l(v).items.removeAll(); return .none })
        method(t, "copy", .a1 { _, v in .object(PyList(l(v).items)) })
        method(t, "sort", .general { rt, a in
            if a.positional.count > 1 { throw Swirl.typeError("sort() takes no positional arguments") }
            try rt.sortList(l(a.positional[0]), keywords: a.keywords)
            return .none
        })
        let tt = Types.tuple
        method(tt, "index", .general { rt, a in
            if let i = try rt.sequenceIndex((a.positional[0].asObject as? PyTuple)?.items ?? [], a, "index") { return .int(i) }
            throw Swirl.valueError("tuple.index(x): x not in tuple")
        })
        method(tt, "count", .a2 { rt, v, x in .int(try ((v.asObject as? PyTuple)?.items ?? []).filter { try rt.itemEquals($0, x) }.count) })
    }

    static func installDictMethods() {
        let t = Types.dict
        func d(_ v: Value) -> PyDict { (v.asObject as? PyDict) ?? PyDict() }
        method(t, "get", .general { rt, a in
            guard a.positional.count >= 2 else { throw Swirl.typeError("get expected at least 1 argument, got 0") }
            return try rt.dictGet(d(a.positional[0]), a.positional[1]) ?? (a.positional.count > 2 ? a.positional[2] : .none)
        })
        method(t, "keys", .a1 { _, v in .object(DictView(d(v), .keys)) })
        method(t, "values", .a1 { _, v in .object(DictView(d(v), .values)) })
        method(t, "items", .a1 { _, v in .object(DictView(d(v), .items)) })
        method(t, "pop", .general { rt, a in
            let dict = d(a.positional[0])
            guard a.positional.count >= 2 else { throw Swirl.typeError("pop expected at least 1 argument, got 0") }
            let k = a.positional[1]
            if let v = try dict.table.remove(k, hash: try rt.hash(k), rt) { return v }
            if a.positional.count > 2 { return a.positional[2] }
            throw Swirl.keyError(k)
        })
        method(t, "popitem", .a1 { _, v in
            guard let e = d(v).table.popLast() else { throw ScriptError(Types.keyError, "popitem(): dictionary is empty") }
            return .object(PyTuple([e.key, e.value]))
        })
        method(t, "setdefault", .general { rt, a in
            try a.requirePositional("setdefault", min: 2, max: 3, receiver: true)
            let dict = d(a.positional[0])
            let k = a.positional[1]
            if let v = try rt.dictGet(dict, k) { return v }
            let v = a.positional.count > 2 ? a.positional[2] : .none
            try rt.dictSet(dict, k, v)
            return v
        })
        method(t, "update", .general { rt, a in
            let dict = d(a.positional[0])
            if a.positional.count > 1 { try rt.dictUpdate(dict, a.positional[1]) }
            for (k, v) in a.keywords { try rt.dictSet(dict, Value(k), v) }
            return .none
        })
        method(t, "clear", .a1 { _, v in d(v).table.removeAll(); return .none })
        method(t, "copy", .a1 { _, v in
            let n = PyDict()
            n.table = d(v).table
            return .object(n)
        })
        t.dict["fromkeys"] = .object(PyClassMethod(.object(PyNativeFunction("fromkeys", owner: t, .general { rt, a in
            try a.requirePositional("fromkeys", min: 2, max: 3, receiver: true)
            let n = PyDict()
            let value = a.positional.count > 2 ? a.positional[2] : .none
            for k in try rt.iterateToArray(a.positional[1]) { try rt.dictSet(n, k, value) }
            return .object(n)
        }))))
    }

    static func installSetMethods() {
        for t in [Types.set, Types.frozenset] {
            func s(_ v: Value) -> PySet { (v.asObject as? PySet) ?? PySet() }
            if t === Types.set {
                method(t, "add", .a2 { rt, v, x in try rt.setAdd(s(v), x); return .none })
                method(t, "discard", .a2 { rt, v, x in try s(v).table.remove(x, hash: try rt.hash(x), rt); return .none })
                // The in-place forms share the in-place operators' implementation.
                method(t, "intersection_update", .general { rt, a in
                    for other in a.positional.dropFirst() { try rt.updateSet(.bitAnd, s(a.positional[0]), with: try rt.asSet(other)) }
                    return .none
                })
                method(t, "difference_update", .general { rt, a in
                    for other in a.positional.dropFirst() { try rt.updateSet(.sub, s(a.positional[0]), with: try rt.asSet(other)) }
                    return .none
                })
                method(t, "symmetric_difference_update", .a2 { rt, v, other in
                    try rt.updateSet(.bitXor, s(v), with: try rt.asSet(other))
                    return .none
                })
                method(t, "remove", .a2 { rt, v, x in
                    if try s(v).table.remove(x, hash: try rt.hash(x), rt) == nil { throw Swirl.keyError(x) }
                    return .none
                })
                method(t, "pop", .a1 { _, v in
                    guard let e = s(v).table.popFirst() else { throw ScriptError(Types.keyError, "pop from an empty set") }
                    return e.key
                })
                method(t, "clear", .a1 { _, v in s(v).table.removeAll(); return .none })
                method(t, "update", .general { rt, a in
                    for other in a.positional.dropFirst() {
                        if let o = other.asObject as? PySet {
                            try rt.updateSet(.bitOr, s(a.positional[0]), with: o)
                            continue
                        }
                        for x in try rt.iterateToArray(other) { try rt.setAdd(s(a.positional[0]), x) }
                    }
                    return .none
                })
            }
            method(t, "copy", .a1 { rt, v in
                let n = PySet(frozen: s(v).frozen)
                try n.table.merge(s(v).table, rt)
                return .object(n)
            })
            for (name, op) in [("union", SwirlBinaryOp.bitOr), ("intersection", .bitAnd), ("difference", .sub),
                               ("symmetric_difference", .bitXor)] {
                method(t, name, .general { rt, a in
                    var result = s(a.positional[0])
                    for other in a.positional.dropFirst() {
                        result = try rt.setOperation(op, result, try rt.asSet(other))
                    }
                    return .object(result)
                })
            }
            method(t, "isdisjoint", .a2 { rt, v, x in
                for y in try rt.iterateToArray(x) where try s(v).table.find(y, hash: try rt.hash(y), rt) != nil { return .false }
                return .true
            })
            method(t, "issubset", .a2 { rt, v, x in
                let o = PySet()
                for y in try rt.iterateToArray(x) { try rt.setAdd(o, y) }
                return .bool(try rt.setCompare(.le, s(v), o))
            })
            method(t, "issuperset", .a2 { rt, v, x in
                let o = PySet()
                for y in try rt.iterateToArray(x) { try rt.setAdd(o, y) }
                return .bool(try rt.setCompare(.ge, s(v), o))
            })
        }
    }
}

/// `dict.keys()` / `values()` / `items()`: live views.
final class DictView: PyObject {
    let dict: PyDict
    let mode: DictIterator.Mode
    init(_ d: PyDict, _ mode: DictIterator.Mode) {
        dict = d
        self.mode = mode
    }
    override var type: PyType {
        switch mode {
        case .keys: return Types.dictKeys
        case .values: return Types.dictValues
        case .items: return Types.dictItems
        }
    }
}

extension Types {
    nonisolated(unsafe) static let dictKeys = builtin("dict_keys")
    nonisolated(unsafe) static let dictValues = builtin("dict_values")
    nonisolated(unsafe) static let dictItems = builtin("dict_items")
}

extension Runtime {
    func sortList(_ l: PyList, keywords: [(String, Value)]) throws {
        var key: Value?
        var reverse = false
        for (k, v) in keywords {
            switch k {
            case "key": if !v.isNone { key = v }
            case "reverse": reverse = try truthy(v)
            default: throw Swirl.typeError("'\(k)' is an invalid keyword argument for sort()")
            }
        }
        let items = l.items
        let keys = try key.map { k in try items.map { try call(k, [$0]) } } ?? items
        var order = Array(0..<items.count)
        var failure: Error?
        // A stable merge sort that can stop on the first comparison error.
        order = try mergeSort(order) { a, b in
            if failure != nil { return false }
            do {
                return reverse ? try self.order(.lt, keys[b], keys[a]) : try self.order(.lt, keys[a], keys[b])
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        l.items = order.map { items[$0] }
    }

    private func mergeSort(_ a: [Int], _ less: (Int, Int) throws -> Bool) throws -> [Int] {
        if a.count <= 1 { return a }
        var src = a
        var dst = a
        var width = 1
        while width < src.count {
            var i = 0
            while i < src.count {
                let mid = min(i + width, src.count), hi = min(i + 2 * width, src.count)
                var l = i, r = mid, k = i
                while l < mid && r < hi {
                    if try less(src[r], src[l]) { dst[k] = src[r]; r += 1 } else { dst[k] = src[l]; l += 1 }
                    k += 1
                }
                while l < mid { dst[k] = src[l]; l += 1; k += 1 }
                while r < hi { dst[k] = src[r]; r += 1; k += 1 }
                i += 2 * width
            }
            swap(&src, &dst)
            width *= 2
        }
        return src
    }
}

extension Runtime {
    /// `seq.index(x[, start[, end]])` for lists and tuples: the first position of `x` in
    /// the clamped slice, or nil. Arguments: self, x, then optional start and end.
    func sequenceIndex(_ items: [Value], _ a: Arguments, _ name: String) throws -> Int? {
        guard a.positional.count >= 2 else { throw typeError("\(name) expected at least 1 argument, got 0") }
        if a.positional.count > 4 { throw typeError("\(name) expected at most 3 arguments, got \(a.positional.count - 1)") }
        let n = items.count
        func clamp(_ v: Value) throws -> Int {
            let i = try indexValue(v)
            return i < 0 ? max(0, n + i) : min(i, n)
        }
        let start = a.positional.count > 2 ? try clamp(a.positional[2]) : 0
        let end = a.positional.count > 3 ? try clamp(a.positional[3]) : n
        var i = start
        while i < end && i < items.count {
            if try itemEquals(items[i], a.positional[1]) { return i }
            i += 1
        }
        return nil
    }
}
