// Assignment targets: names in each kind of storage, attributes, subscripts and
// (starred) unpacking patterns. `delete` implements `del` for the same forms.

final class LocalTarget: TargetNode {
    let slot: Int
    let name: String
    init(slot: Int, name: String, line: Int32) {
        self.slot = slot
        self.name = name
        super.init(line: line)
    }
    override func assign(_ value: Value, _ f: Frame) throws { f.store(value, at: slot) }
    override func delete(_ f: Frame) throws {
        if f.slots[slot] == nil {
            throw ScriptError(Types.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
        }
        f.slots[slot] = nil
    }
}

final class CellTarget: TargetNode {
    let slot: Int
    let name: String
    init(slot: Int, name: String, line: Int32) {
        self.slot = slot
        self.name = name
        super.init(line: line)
    }
    override func assign(_ value: Value, _ f: Frame) throws {
        if case .object(let o) = f.slots[slot], let cell = o as? PyCell { cell.value = value }
    }
    override func delete(_ f: Frame) throws {
        if case .object(let o) = f.slots[slot], let cell = o as? PyCell, cell.value != nil {
            cell.value = nil
            return
        }
        throw ScriptError(Types.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
    }
}

final class GlobalTarget: TargetNode {
    let globals: Globals
    let slot: Int
    let name: String
    init(globals: Globals, name: String, line: Int32) {
        self.globals = globals
        self.slot = globals.slot(for: name)
        self.name = name
        super.init(line: line)
    }
    override func assign(_ value: Value, _ f: Frame) throws { globals.set(slot, value) }
    override func delete(_ f: Frame) throws {
        if globals.get(slot) == nil { throw f.rt.nameError(name, globals: globals) }
        globals.set(slot, nil)
    }
}

final class ClassTarget: TargetNode {
    let name: String
    init(name: String, line: Int32) {
        self.name = name
        super.init(line: line)
    }
    override func assign(_ value: Value, _ f: Frame) throws { f.namespace?.dict[name] = value }
    override func delete(_ f: Frame) throws {
        if f.namespace?.dict.removeValue(forKey: name) == nil {
            throw ScriptError(Types.nameError, "name '\(name)' is not defined")
        }
    }
}

final class AttributeTarget: TargetNode {
    let object: ExprNode
    let name: PyStr
    var cache = AttributeCache()
    init(object: ExprNode, name: PyStr, line: Int32) {
        self.object = object
        self.name = name
        super.init(line: line)
    }
    override func assign(_ value: Value, _ f: Frame) throws {
        let o = try object.eval(f)
        try f.withRuntime({ try $0.storeAttribute(o, name, value, &cache) })
    }
    override func delete(_ f: Frame) throws { try f.rt.deleteAttribute(try object.eval(f), name.value) }
}

final class SubscriptTarget: TargetNode {
    let object: ExprNode
    let index: ExprNode
    init(object: ExprNode, index: ExprNode, line: Int32) {
        self.object = object
        self.index = index
        super.init(line: line)
    }
    override func assign(_ value: Value, _ f: Frame) throws {
        let o = try object.eval(f)
        let i = try index.eval(f)
        if case .object(let obj) = o, let l = obj as? PyList, case .int(let n) = i {
            let j = n < 0 ? n + l.items.count : n
            if j >= 0 && j < l.items.count {
                l.items[j] = value
                return
            }
        }
        try f.withRuntime({ try $0.setItem(o, i, value) })
    }
    override func delete(_ f: Frame) throws {
        let o = try object.eval(f)
        try f.rt.deleteItem(o, try index.eval(f))
    }
}

/// `a, b = ...`, `[a, *rest] = ...`
final class UnpackTarget: TargetNode {
    let targets: [TargetNode]
    /// Index of the starred target, if any.
    let starIndex: Int?
    init(targets: [TargetNode], starIndex: Int?, line: Int32) {
        self.targets = targets
        self.starIndex = starIndex
        super.init(line: line)
    }
    override func assign(_ value: Value, _ f: Frame) throws {
        let rt = f.rt
        let items: [Value]
        if case .object(let o) = value, let t = o as? PyTuple { items = t.items } else if case .object(let o) = value, let l = o as? PyList {
            items = l.items
        } else {
            if try !rt.isIterable(value) {
                throw typeError("cannot unpack non-iterable \(rt.typeName(value)) object")
            }
            items = try rt.iterateToArray(value)
        }
        if let star = starIndex {
            let after = targets.count - star - 1
            if items.count < targets.count - 1 {
                throw valueError("not enough values to unpack (expected at least \(targets.count - 1), got \(items.count))")
            }
            for i in 0..<star { try targets[i].assign(items[i], f) }
            try targets[star].assign(.object(PyList(Array(items[star..<(items.count - after)]))), f)
            for i in 0..<after { try targets[star + 1 + i].assign(items[items.count - after + i], f) }
            return
        }
        if items.count != targets.count {
            if items.count > targets.count {
                throw valueError("too many values to unpack (expected \(targets.count))")
            }
            throw valueError("not enough values to unpack (expected \(targets.count), got \(items.count))")
        }
        for (t, v) in zip(targets, items) { try t.assign(v, f) }
    }
    override func delete(_ f: Frame) throws {
        for t in targets { try t.delete(f) }
    }
}

extension PyType {
    /// True when no class in the MRO overrides `__setattr__` (plain attribute stores).
    var setattrIsDefault: Bool { lookup("__setattr__") == nil }
}

extension Runtime {
    func isIterable(_ v: Value) throws -> Bool {
        if case .object(let o) = v {
            // Coroutines and async generators are not iterable, unlike generators.
            if let g = o as? PyGenerator { return g.code.kind == .generator }
            if o is PyIteratorObject || o is PyList || o is PyTuple || o is PyStr || o is PyDict || o is PySet
                || o is PyRange || o is PyBigRange || o is PyBytes || o is DictView { return true }
            return special(v, "__iter__") != nil || special(v, "__getitem__") != nil || nativeIterable(o) != nil
        }
        return false
    }
}
