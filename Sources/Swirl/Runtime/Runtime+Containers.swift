// Subscripting, slicing, membership, length and the iteration protocol, with built-in
// iterators for the core containers and `__getitem__`/`__iter__`/`__next__` dispatch for
// user classes; plus the dict and set helpers other code builds on.
import BigInt
import SwirlSyntax

typealias SwirlBinaryOp = BinaryOperator
typealias SwirlCompareOp = CompareOperator

/// Base of built-in iterator objects: `next` returns nil when exhausted.
class PyIteratorObject: PyObject {
    override var type: PyType { Types.iterator }
    func next(_ rt: Runtime) throws -> Value? { nil }
    /// How many items are left, when known cheaply (to size a list comprehension's result).
    var lengthHint: Int? { nil }
}

final class SequenceIterator: PyIteratorObject {
    enum Source {
        case list(PyList)
        case tuple(PyTuple)
        case str(PyStr)
        case bytes(PyBytes)
        case values([Value])
    }
    let source: Source
    var index = 0
    /// The type CPython's iterator would have when it is not the source's own
    /// (`reversed([1])` is a `list_reverseiterator`).
    private let named: PyType?
    init(_ source: Source, type named: PyType? = nil) {
        self.source = source
        self.named = named
    }
    override var type: PyType {
        if let named { return named }
        switch source {
        case .list: return Types.listIterator
        case .tuple: return Types.tupleIterator
        case .str(let s): return s.isASCII ? Types.strASCIIIterator : Types.strIterator
        case .bytes: return Types.bytesIterator
        case .values: return Types.iterator
        }
    }
    override var lengthHint: Int? {
        switch source {
        case .list(let l): return max(l.items.count - index, 0)
        case .tuple(let t): return max(t.items.count - index, 0)
        case .values(let v): return max(v.count - index, 0)
        case .str, .bytes: return nil
        }
    }
    override func next(_ rt: Runtime) throws -> Value? {
        defer { index += 1 }
        switch source {
        case .list(let l): return index < l.items.count ? l.items[index] : nil
        case .tuple(let t): return index < t.items.count ? t.items[index] : nil
        case .str(let s): return index < s.count ? Value(s.character(at: index)) : nil
        case .bytes(let b): return index < b.bytes.count ? .int(Int(b.bytes[index])) : nil
        case .values(let v): return index < v.count ? v[index] : nil
        }
    }
}

final class RangeIterator: PyIteratorObject {
    override var type: PyType { Types.rangeIterator }
    var current: Int
    let step: Int
    var remaining: Int
    init(_ r: PyRange) {
        current = r.start
        step = r.step
        remaining = r.count
    }
    override var lengthHint: Int? { max(remaining, 0) }
    override func next(_ rt: Runtime) throws -> Value? {
        nextInt().map(Value.int)
    }
    @inline(__always) func nextInt() -> Int? {
        if remaining <= 0 { return nil }
        let v = current
        remaining -= 1
        current &+= step
        return v
    }
}

/// Iterates a dict's keys, failing if the dict changes size meanwhile.
final class DictIterator: PyIteratorObject {
    override var type: PyType {
        switch mode {
        case .keys: return Types.dictKeyIterator
        case .values: return Types.dictValueIterator
        case .items: return Types.dictItemIterator
        }
    }
    enum Mode { case keys, values, items }
    let dict: PyDict
    let mode: Mode
    var index = 0
    let startCount: Int
    init(_ d: PyDict, _ mode: Mode) {
        dict = d
        self.mode = mode
        startCount = d.table.count
    }
    override func next(_ rt: Runtime) throws -> Value? {
        if dict.table.count != startCount { throw runtimeError("dictionary changed size during iteration") }
        while index < dict.table.slotCount {
            defer { index += 1 }
            if let e = dict.table.entry(at: index) {
                switch mode {
                case .keys: return e.key
                case .values: return e.value
                case .items: return .object(PyTuple([e.key, e.value]))
                }
            }
        }
        return nil
    }
}

final class SetIterator: PyIteratorObject {
    override var type: PyType { Types.setIterator }
    let set: PySet
    let items: [Value]
    var index = 0
    let startCount: Int
    init(_ s: PySet) {
        set = s
        items = s.table.liveEntries.map { $0.key }
        startCount = s.table.count
    }
    override func next(_ rt: Runtime) throws -> Value? {
        if set.table.count != startCount { throw runtimeError("Set changed size during iteration") }
        guard index < items.count else { return nil }
        defer { index += 1 }
        return items[index]
    }
}

/// Wraps a user object implementing `__next__`, or the old `__getitem__` protocol.
final class UserIterator: PyIteratorObject {
    let object: Value
    let getItem: Bool
    var index = 0
    init(_ object: Value, getItem: Bool) {
        self.object = object
        self.getItem = getItem
    }
    override func next(_ rt: Runtime) throws -> Value? {
        if getItem {
            do {
                defer { index += 1 }
                return try rt.getItem(object, .int(index))
            } catch let e as ScriptError where e.exception.isInstance(of: Types.indexError) || e.exception.isInstance(of: Types.stopIteration) {
                return nil
            }
        }
        return try rt.nextOf(object)
    }
}

extension Runtime {
    // MARK: iteration

    /// `iter(v)` as an internal iterator.
    func iterate(_ v: Value) throws -> PyIteratorObject {
        if case .object(let o) = v {
            switch o {
            case let it as PyIteratorObject:
                if (it as? ResumableObject)?.isScriptIterator ?? true { return it }
            case let l as PyList: return SequenceIterator(.list(l))
            case let t as PyTuple: return SequenceIterator(.tuple(t))
            case let s as PyStr: return SequenceIterator(.str(s))
            case let r as PyRange: return RangeIterator(r)
            case let r as PyBigRange: return BigRangeIterator(r)
            case let d as PyDict: return DictIterator(d, .keys)
            case let s as PySet: return SetIterator(s)
            case let b as PyBytes: return SequenceIterator(.bytes(b))
            default:
                if let m = special(v, "__iter__") {
                    let it = try callMethod(m, self: v, [])
                    if case .object(let io) = it, let native = io as? PyIteratorObject { return native }
                    if case .object(let io) = it, io is PyGenerator { return UserIterator(it, getItem: false) }
                    if special(it, "__next__") == nil {
                        throw typeError("iter() returned non-iterator of type '\(typeName(it))'")
                    }
                    return UserIterator(it, getItem: false)
                }
                if special(v, "__getitem__") != nil { return UserIterator(v, getItem: true) }
                if let n = nativeIterable(o) { return n }
            }
        }
        throw typeError("'\(typeName(v))' object is not iterable")
    }

    /// Calls a user iterator's `__next__`; StopIteration means exhausted.
    func nextOf(_ it: Value) throws -> Value? {
        if case .object(let o) = it, let native = o as? PyIteratorObject { return try native.next(self) }
        guard let m = special(it, "__next__") else {
            throw typeError("'\(typeName(it))' object is not an iterator")
        }
        do {
            return try callMethod(m, self: it, [])
        } catch let e as ScriptError where e.exception.isInstance(of: Types.stopIteration) {
            return nil
        }
    }

    func iterateToArray(_ v: Value) throws -> [Value] {
        if case .object(let o) = v {
            if let l = o as? PyList { return l.items }
            if let t = o as? PyTuple { return t.items }
        }
        let it = try iterate(v)
        var out: [Value] = []
        while let x = try it.next(self) {
            // An endless native iterator (`iter(f, sentinel)` over a native f or a coroutine
            // function) runs no script statement that would notice Ctrl-C or a time limit.
            try checkInterrupt()
            out.append(x)
            if out.count > 1 << 28 { throw ScriptError(PyException(Types.memoryError, args: [])) }
        }
        return out
    }

    // MARK: length and membership

    func len(_ v: Value) throws -> Int {
        if case .object(let o) = v {
            switch o {
            case let s as PyStr: return s.count
            case let l as PyList: return l.items.count
            case let t as PyTuple: return t.items.count
            case let d as PyDict: return d.table.count
            case let s as PySet: return s.table.count
            case let b as PyBytes: return b.bytes.count
            case let r as PyRange: return r.count
            case let r as PyBigRange:
                guard let n = Int(exactly: r.count) else { throw overflowError("Python int too large to convert to C ssize_t") }
                return n
            default:
                if let m = special(v, "__len__") {
                    let r = try callMethod(m, self: v, [])
                    let n = try indexValue(r)
                    if n < 0 { throw valueError("__len__() should return >= 0") }
                    return n
                }
                if let n = try nativeLength(o) { return n }
            }
        }
        throw typeError("object of type '\(typeName(v))' has no len()")
    }

    func contains(_ container: Value, _ item: Value) throws -> Bool {
        if case .object(let o) = container {
            switch o {
            case let b as PyBytes:
                if case .int(let i) = item { return i >= 0 && i < 256 && b.bytes.contains(UInt8(i)) }
                guard case .object(let io) = item, let sub = io as? PyBytes else {
                    throw typeError("a bytes-like object is required, not '\(typeName(item))'")
                }
                if sub.bytes.isEmpty { return true }
                if sub.bytes.count > b.bytes.count { return false }
                for i in 0...(b.bytes.count - sub.bytes.count) where b.bytes[i..<(i + sub.bytes.count)].elementsEqual(sub.bytes) {
                    return true
                }
                return false
            case let s as PyStr:
                guard case .object(let io) = item, let sub = io as? PyStr else {
                    throw typeError("'in <string>' requires string as left operand, not \(typeName(item))")
                }
                return sub.value.isEmpty || ByteSearch.first(sub.utf8Bytes, in: s.utf8Bytes) != nil
            case let d as PyDict: return try d.table.find(item, hash: try hash(item), self) != nil
            case let s as PySet: return try s.table.find(item, hash: try hash(item), self) != nil
            case let l as PyList:
                for x in l.items { if try itemEquals(x, item) { return true } }
                return false
            case let t as PyTuple:
                for x in t.items { if try itemEquals(x, item) { return true } }
                return false
            case let r as PyBigRange:
                guard let n = num(item), case .float = n else {
                    if let n = num(item) { return r.contains(bigOf(n)) }
                    break
                }
            case let r as PyRange:
                guard case .int(let i) = item else { break }
                if r.step > 0 ? (i < r.start || i >= r.stop) : (i > r.start || i <= r.stop) { return false }
                return (i - r.start) % r.step == 0
            default:
                if let m = special(container, "__contains__") { return try truthy(try callMethod(m, self: container, [item])) }
            }
        }
        let it: PyIteratorObject
        do {
            it = try iterate(container)
        } catch let e as ScriptError where isNotIterableError(e, for: container) {
            throw typeError("argument of type '\(typeName(container))' is not iterable")
        }
        while let x = try it.next(self) {
            if try itemEquals(x, item) { return true }
        }
        return false
    }

    /// Whether `e` is the TypeError iterating `v` raises when it is not iterable at all,
    /// which `in` and slice assignment word their own way.
    func isNotIterableError(_ e: ScriptError, for v: Value) -> Bool {
        e.exception.isInstance(of: Types.typeError)
            && e.exception.args.first.flatMap({ try? str($0) }) == "'\(typeName(v))' object is not iterable"
    }

    // MARK: indexes

    /// `operator.index(v)`: an int usable as an index.
    func indexValue(_ v: Value) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if o is PyBigInt { throw ScriptError(Types.indexError, "cannot fit 'int' into an index-sized integer") }
            if let m = special(v, "__index__") { return try indexValue(try callMethod(m, self: v, [])) }
        default: break
        }
        throw typeError("'\(typeName(v))' object cannot be interpreted as an integer")
    }

    /// Normalises a sequence index, raising IndexError when out of range.
    func normalizedIndex(_ index: Value, count: Int, what: String) throws -> Int {
        guard case .int(var i) = index else {
            if case .bool(let b) = index { return try normalizedIndex(.int(b ? 1 : 0), count: count, what: what) }
            if case .object(let o) = index, o is PyBigInt {
                throw ScriptError(Types.indexError, "cannot fit 'int' into an index-sized integer")
            }
            if special(index, "__index__") != nil { return try normalizedIndex(.int(try indexValue(index)), count: count, what: what) }
            // CPython words the type error per container (`what` names the IndexError).
            switch what {
            case "string": throw typeError("string indices must be integers, not '\(typeName(index))'")
            case "": throw typeError("byte indices must be integers or slices, not \(typeName(index))")
            case "range object": throw typeError("range indices must be integers or slices, not \(typeName(index))")
            case "list assignment": throw typeError("list indices must be integers or slices, not \(typeName(index))")
            default: throw typeError("\(what) indices must be integers or slices, not \(typeName(index))")
            }
        }
        if i < 0 { i += count }
        if i < 0 || i >= count { throw indexError(what.isEmpty ? "index out of range" : "\(what) index out of range") }
        return i
    }

    /// CPython's `PySlice_GetIndicesEx`: start, stop, step and length for a sequence.
    func sliceIndices(_ s: PySlice, count: Int) throws -> (Int, Int, Int, Int) {
        func clampValue(_ v: Value) throws -> Int? {
            if v.isNone { return nil }
            if case .object(let o) = v, let b = o as? PyBigInt { return b.value.sign == .minus ? Int.min / 2 : Int.max / 2 }
            do { return try indexValue(v) } catch {
                throw typeError("slice indices must be integers or None or have an __index__ method")
            }
        }
        let step = try clampValue(s.step) ?? 1
        if step == 0 { throw valueError("slice step cannot be zero") }
        var start: Int, stop: Int
        if step > 0 {
            start = try clampValue(s.start) ?? 0
            stop = try clampValue(s.stop) ?? count
            if start < 0 { start = max(start + count, 0) } else { start = min(start, count) }
            if stop < 0 { stop = max(stop + count, 0) } else { stop = min(stop, count) }
            let n = start < stop ? (stop - start - 1) / step + 1 : 0
            return (start, stop, step, n)
        } else {
            start = try clampValue(s.start) ?? (count - 1)
            stop = try clampValue(s.stop) ?? -count - 1
            if start < 0 { start = max(start + count, -1) } else { start = min(start, count - 1) }
            if stop < 0 { stop = max(stop + count, -1) } else { stop = min(stop, count - 1) }
            let n = start > stop ? (start - stop - 1) / (-step) + 1 : 0
            return (start, stop, step, n)
        }
    }

    func sliceElements<T>(_ items: [T], _ s: PySlice) throws -> [T] {
        let (start, _, step, n) = try sliceIndices(s, count: items.count)
        if step == 1 { return Array(items[start..<(start + n)]) }
        var out: [T] = []
        out.reserveCapacity(n)
        var i = start
        for _ in 0..<n {
            out.append(items[i])
            i += step
        }
        return out
    }

    // MARK: subscripts

    func getItem(_ o: Value, _ index: Value) throws -> Value {
        if case .object(let obj) = o {
            switch obj {
            case let l as PyList:
                if case .int(let i) = index {
                    let j = i < 0 ? i + l.items.count : i
                    if j >= 0 && j < l.items.count { return l.items[j] }
                    throw indexError("list index out of range")
                }
                if case .object(let io) = index, let s = io as? PySlice { return .object(PyList(try sliceElements(l.items, s))) }
                return l.items[try normalizedIndex(index, count: l.items.count, what: "list")]
            case let t as PyTuple:
                if case .object(let io) = index, let s = io as? PySlice { return .object(PyTuple(try sliceElements(t.items, s))) }
                return t.items[try normalizedIndex(index, count: t.items.count, what: "tuple")]
            case let d as PyDict:
                if let v = try d.table.get(index, hash: try hash(index), self) { return v }
                if !d.type.isBuiltin, let m = d.type.lookup("__missing__") { return try callMethod(m, self: o, [index]) }
                throw keyError(index)
            case let s as PyStr:
                if case .object(let io) = index, let sl = io as? PySlice {
                    let (start, _, step, n) = try sliceIndices(sl, count: s.count)
                    if step == 1 { return Value(s.substring(start, start + n)) }
                    var out = ""
                    var i = start
                    for _ in 0..<n {
                        out += s.character(at: i)
                        i += step
                    }
                    return Value(out)
                }
                return Value(s.character(at: try normalizedIndex(index, count: s.count, what: "string")))
            case let b as PyBytes:
                if case .object(let io) = index, let s = io as? PySlice { return .object(PyBytes(try sliceElements(b.bytes, s))) }
                return .int(Int(b.bytes[try normalizedIndex(index, count: b.bytes.count, what: "")]))
            case let r as PyRange:
                if case .object(let io) = index, let s = io as? PySlice {
                    // As CPython: the bounds are the range's values at the slice's indices.
                    let (start, stop, step, _) = try sliceIndices(s, count: r.count)
                    return .object(PyRange(start: r.start + start * r.step, stop: r.start + stop * r.step, step: r.step * step))
                }
                let i = try normalizedIndex(index, count: r.count, what: "range object")
                return .int(r.start + i * r.step)
            case let r as PyBigRange:
                return try bigRangeItem(r, index)
            case let cls as PyType:
                if let m = cls.lookup("__class_getitem__") {
                    // An implicit classmethod: called with the class itself.
                    if case .object(let mo) = m, let cm = mo as? PyClassMethod { return try call(cm.function, [.object(cls), index]) }
                    return try callMethod(m, self: o, [index])
                }
                if cls.isBuiltin { return genericAlias(cls, index) }
            default:
                break
            }
            if let m = special(o, "__getitem__") { return try callMethod(m, self: o, [index]) }
        }
        throw typeError("'\(typeName(o))' object is not subscriptable")
    }

    func setItem(_ o: Value, _ index: Value, _ value: Value) throws {
        if case .object(let obj) = o {
            switch obj {
            case let l as PyList:
                if case .object(let io) = index, let s = io as? PySlice {
                    let (start, stop, step, n) = try sliceIndices(s, count: l.items.count)
                    let newItems: [Value]
                    do {
                        newItems = try iterateToArray(value)
                    } catch let e as ScriptError where isNotIterableError(e, for: value) {
                        throw typeError(step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice")
                    }
                    if step == 1 {
                        l.items.replaceSubrange(start..<max(start, stop), with: newItems)
                        return
                    }
                    if newItems.count != n {
                        throw valueError("attempt to assign sequence of size \(newItems.count) to extended slice of size \(n)")
                    }
                    var i = start
                    for v in newItems {
                        l.items[i] = v
                        i += step
                    }
                    return
                }
                l.items[try normalizedIndex(index, count: l.items.count, what: "list assignment")] = value
                return
            case let d as PyDict:
                try dictSet(d, index, value)
                return
            default:
                if let m = special(o, "__setitem__") {
                    _ = try callMethod(m, self: o, [index, value])
                    return
                }
            }
        }
        throw typeError("'\(typeName(o))' object does not support item assignment")
    }

    func deleteItem(_ o: Value, _ index: Value) throws {
        if case .object(let obj) = o {
            switch obj {
            case let l as PyList:
                if case .object(let io) = index, let s = io as? PySlice {
                    let (start, _, step, n) = try sliceIndices(s, count: l.items.count)
                    var drop = Set<Int>()
                    var i = start
                    for _ in 0..<n {
                        drop.insert(i)
                        i += step
                    }
                    l.items = l.items.enumerated().filter { !drop.contains($0.offset) }.map { $0.element }
                    return
                }
                l.items.remove(at: try normalizedIndex(index, count: l.items.count, what: "list assignment"))
                return
            case let d as PyDict:
                if try d.table.remove(index, hash: try hash(index), self) == nil { throw keyError(index) }
                return
            default:
                if let m = special(o, "__delitem__") {
                    _ = try callMethod(m, self: o, [index])
                    return
                }
            }
        }
        throw typeError("'\(typeName(o))' object doesn't support item deletion")
    }

    // MARK: dict and set helpers

    func dictSet(_ d: PyDict, _ key: Value, _ value: Value) throws {
        try d.table.set(key, hash: try hash(key), value: value, self)
        try chargeDictGrowth(d)
    }

    func dictGet(_ d: PyDict, _ key: Value) throws -> Value? {
        try d.table.get(key, hash: try hash(key), self)
    }

    /// `d.update(other)` for a mapping or an iterable of pairs.
    func dictUpdate(_ d: PyDict, _ other: Value) throws {
        if case .object(let o) = other, let src = o as? PyDict {
            for e in src.table.liveEntries { try d.table.set(e.key, hash: e.hash, value: e.value, self) }
            return
        }
        if special(other, "keys") != nil {
            for k in try iterateToArray(try callMethod(try getAttribute(other, "keys"), self: .none, [])) {
                try dictSet(d, k, try getItem(other, k))
            }
            return
        }
        for (n, pair) in try iterateToArray(other).enumerated() {
            if try !isIterable(pair) {
                throw typeError("cannot convert dictionary update sequence element #\(n) to a sequence")
            }
            let kv = try iterateToArray(pair)
            if kv.count != 2 {
                throw valueError("dictionary update sequence element #\(n) has length \(kv.count); 2 is required")
            }
            try dictSet(d, kv[0], kv[1])
        }
    }

    /// `v` itself when it is a set, else a new set of its items (the other operand of a
    /// set method or operator).
    func asSet(_ v: Value) throws -> PySet {
        if let s = v.asObject as? PySet { return s }
        let s = PySet()
        for item in try iterateToArray(v) { try setAdd(s, item) }
        return s
    }

    func setAdd(_ s: PySet, _ v: Value) throws {
        try s.table.set(v, hash: try hash(v), value: .none, self)
        try chargeSetGrowth(s)
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b`, built the way CPython builds them (which
    /// operand is copied or iterated decides the result's print order).
    func setOperation(_ op: SwirlBinaryOp, _ a: PySet, _ b: PySet) throws -> PySet {
        let r = PySet(frozen: a.frozen)
        switch op {
        case .bitOr:
            try r.table.merge(a.table, self)
            try r.table.merge(b.table, self)
        case .bitAnd:
            // The smaller set is iterated (the right one when sizes are equal).
            let (small, large) = b.table.count > a.table.count ? (a, b) : (b, a)
            for e in small.table.liveEntries where try large.table.find(e.key, hash: e.hash, self) != nil {
                try r.table.set(e.key, hash: e.hash, value: .none, self)
            }
        case .sub:
            if a.table.count >> 2 > b.table.count {
                try r.table.merge(a.table, self)
                for e in b.table.liveEntries { _ = try r.table.remove(e.key, hash: e.hash, self) }
            } else {
                for e in a.table.liveEntries where try b.table.find(e.key, hash: e.hash, self) == nil {
                    try r.table.set(e.key, hash: e.hash, value: .none, self)
                }
            }
        default:
            // A copy of the right operand, then the left one's items toggled in.
            try r.table.merge(b.table, self)
            for e in a.table.liveEntries {
                if try r.table.remove(e.key, hash: e.hash, self) == nil {
                    try r.table.set(e.key, hash: e.hash, value: .none, self)
                }
            }
        }
        return r
    }

    /// `s |= t`, `s &= t`, `s -= t`, `s ^= t` and the `*update` methods: `target` changed in
    /// place, as CPython does it (the intersection takes a new table; removing or toggling
    /// a set's own items clears it).
    func updateSet(_ op: SwirlBinaryOp, _ target: PySet, with other: PySet) throws {
        switch op {
        case .bitOr:
            try target.table.merge(other.table, self)
            try chargeSetGrowth(target)
        case .bitAnd:
            target.table = try setOperation(.bitAnd, target, other).table
        case .sub where target === other, .bitXor where target === other:
            target.table.removeAll()
        case .sub:
            for e in other.table.liveEntries { _ = try target.table.remove(e.key, hash: e.hash, self) }
        default:
            for e in other.table.liveEntries {
                if try target.table.remove(e.key, hash: e.hash, self) == nil { try target.table.set(e.key, hash: e.hash, value: .none, self) }
            }
            try chargeSetGrowth(target)
        }
    }

    func setCompare(_ op: SwirlCompareOp, _ a: PySet, _ b: PySet) throws -> Bool {
        func subset(_ x: PySet, _ y: PySet) throws -> Bool {
            for e in x.table.liveEntries { if try y.table.find(e.key, hash: e.hash, self) == nil { return false } }
            return true
        }
        switch op {
        case .le: return try subset(a, b)
        case .lt: return try a.table.count < b.table.count && subset(a, b)
        case .ge: return try subset(b, a)
        default: return try a.table.count > b.table.count && subset(b, a)
        }
    }
}

/// The type names CPython gives its iterators (`'map' object is not subscriptable`).
extension Types {
    nonisolated(unsafe) static let listIterator = builtin("list_iterator")
    nonisolated(unsafe) static let tupleIterator = builtin("tuple_iterator")
    nonisolated(unsafe) static let strIterator = builtin("str_iterator")
    nonisolated(unsafe) static let strASCIIIterator = builtin("str_ascii_iterator")
    nonisolated(unsafe) static let bytesIterator = builtin("bytes_iterator")
    nonisolated(unsafe) static let rangeIterator = builtin("range_iterator")
    nonisolated(unsafe) static let setIterator = builtin("set_iterator")
    nonisolated(unsafe) static let dictKeyIterator = builtin("dict_keyiterator")
    nonisolated(unsafe) static let dictValueIterator = builtin("dict_valueiterator")
    nonisolated(unsafe) static let dictItemIterator = builtin("dict_itemiterator")
    nonisolated(unsafe) static let mapIterator = builtin("map")
    nonisolated(unsafe) static let filterIterator = builtin("filter")
    nonisolated(unsafe) static let zipIterator = builtin("zip")
    nonisolated(unsafe) static let enumerateIterator = builtin("enumerate")
    nonisolated(unsafe) static let listReverseIterator = builtin("list_reverseiterator")
    nonisolated(unsafe) static let reversedIterator = builtin("reversed")
    nonisolated(unsafe) static let dictReverseKeyIterator = builtin("dict_reversekeyiterator")
    nonisolated(unsafe) static let dictReverseValueIterator = builtin("dict_reversevalueiterator")
    nonisolated(unsafe) static let dictReverseItemIterator = builtin("dict_reverseitemiterator")
}
