// `range` objects whose bounds do not fit in a machine word (`range(10**20)`): indexing,
// slicing, membership, iteration and repr over big integers.
import BigInt

final class PyBigRange: PyObject {
    let start: BigInt
    let stop: BigInt
    let step: BigInt
    init(start: BigInt, stop: BigInt, step: BigInt) {
        self.start = start
        self.stop = stop
        self.step = step
    }
    override var type: PyType { Types.range }

    var count: BigInt {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }

    func contains(_ x: BigInt) -> Bool {
        if step > 0 ? (x < start || x >= stop) : (x > start || x <= stop) { return false }
        return ((x - start) % step).isZero
    }

    var repr: String {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }
}

final class BigRangeIterator: PyIteratorObject {
    var current: BigInt
    let step: BigInt
    var remaining: BigInt
    init(_ r: PyBigRange) {
        current = r.start
        step = r.step
        remaining = r.count
    }
    override func next(_ rt: Runtime) throws -> Value? {
        if remaining <= 0 { return nil }
        let v = current
        remaining -= 1
        current += step
        return .integer(v)
    }
}

extension Runtime {
    /// `range(...)` when an argument is a big int.
    func makeBigRange(_ args: [Value]) throws -> Value {
        let ints = try args.map { v -> BigInt in
            guard let n = num(v), case .float = n else {
                if let n = num(v) { return bigOf(n) }
                throw typeError("'\(typeName(v))' object cannot be interpreted as an integer")
            }
            throw typeError("'float' object cannot be interpreted as an integer")
        }
        switch ints.count {
        case 1: return .object(PyBigRange(start: 0, stop: ints[0], step: 1))
        case 2: return .object(PyBigRange(start: ints[0], stop: ints[1], step: 1))
        default:
            if ints[2].isZero { throw valueError("range() arg 3 must not be zero") }
            return .object(PyBigRange(start: ints[0], stop: ints[1], step: ints[2]))
        }
    }

    func bigRangeItem(_ r: PyBigRange, _ index: Value) throws -> Value {
        if case .object(let o) = index, let s = o as? PySlice {
            func bound(_ v: Value, _ dflt: BigInt) throws -> BigInt {
                if v.isNone { return dflt }
                guard let n = num(v) else { throw typeError("slice indices must be integers or None or have an __index__ method") }
                var b = bigOf(n)
                if b.sign == .minus { b += r.count }
                return b
            }
            let step = s.step.isNone ? BigInt(1) : bigOf(num(s.step) ?? .int(1))
            if step.isZero { throw valueError("slice step cannot be zero") }
            let count = r.count
            var lo = try bound(s.start, step > 0 ? 0 : count - 1)
            var hi = try bound(s.stop, step > 0 ? count : -1)
            if step > 0 {
                lo = min(max(lo, 0), count)
                hi = min(max(hi, 0), count)
            } else {
                lo = min(max(lo, -1), count - 1)
                hi = min(max(hi, -1), count - 1)
            }
            return .object(PyBigRange(start: r.start + lo * r.step, stop: r.start + hi * r.step, step: r.step * step))
        }
        guard let n = num(index) else {
            throw typeError("range indices must be integers or slices, not \(typeName(index))")
        }
        var i = bigOf(n)
        if i.sign == .minus { i += r.count }
        if i.sign == .minus || i >= r.count { throw indexError("range object index out of range") }
        return .integer(r.start + i * r.step)
    }
}
