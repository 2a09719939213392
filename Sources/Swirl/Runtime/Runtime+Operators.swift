// Arithmetic, bitwise and comparison operators with Python semantics: machine-int fast
// paths that overflow into big ints, floor division and modulo rounding toward negative
// infinity, int/float mixing, sequence concatenation and repetition, and the dunder
// methods (with their reflected forms) of user classes.
import BigInt
import SwirlSyntax
import Foundation

extension BinaryOperator {
    var dunder: String {
        switch self {
        case .add: return "__add__"
        case .sub: return "__sub__"
        case .mul: return "__mul__"
        case .matMul: return "__matmul__"
        case .div: return "__truediv__"
        case .floorDiv: return "__floordiv__"
        case .mod: return "__mod__"
        case .pow: return "__pow__"
        case .lshift: return "__lshift__"
        case .rshift: return "__rshift__"
        case .bitOr: return "__or__"
        case .bitXor: return "__xor__"
        case .bitAnd: return "__and__"
        }
    }
    var reflected: String { "__r" + dunder.dropFirst(2) }
    var inplace: String { "__i" + dunder.dropFirst(2) }
}

/// A numeric operand normalised for arithmetic.
enum Num {
    case int(Int)
    case big(BigInt)
    case float(Double)

    var isFloat: Bool { if case .float = self { return true } else { return false } }
}

extension BinaryOperator {
    /// The operators only ints (and bools) have among the numbers: floats refuse them.
    var isIntegerOnly: Bool {
        switch self {
        case .lshift, .rshift, .bitAnd, .bitOr, .bitXor, .matMul: return true
        default: return false
        }
    }
}

extension Runtime {
    func num(_ v: Value) -> Num? {
        switch v {
        case .int(let i): return .int(i)
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return .float(d)
        case .object(let o):
            if let b = o as? PyBigInt { return .big(b.value) }
            return nil
        case .none: return nil
        }
    }

    func bigOf(_ n: Num) -> BigInt {
        switch n {
        case .int(let i): return BigInt(i)
        case .big(let b): return b
        case .float(let d): return BigInt(d)
        }
    }

    func floatOf(_ n: Num) throws -> Double {
        switch n {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .big(let b):
            // Correctly rounded (Double(BigInt) truncates).
            do { return try bigIntToDouble(b) } catch { throw overflowError("int too large to convert to float") }
        }
    }

    // MARK: binary operators

    /// `augmented`: for `a op= b`, which CPython's error message names as `op=`.
    func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, augmented: Bool = false) throws -> Value {
        // bool's &, | and ^ stay bools (`found |= x > 3`).
        if case .bool(let x) = a, case .bool(let y) = b {
            switch op {
            case .bitAnd: return .bool(x && y)
            case .bitOr: return .bool(x || y)
            case .bitXor: return .bool(x != y)
            default: break
            }
        }
        if let x = num(a), let y = num(b) {
            if op.isIntegerOnly, op == .matMul || x.isFloat || y.isFloat {
                // Named from the values: a bool is 'bool' here, not the int it computes as.
                throw typeError("unsupported operand type(s) for \(op.rawValue)\(augmented ? "=" : ""): '\(typeName(a))' and '\(typeName(b))'")
            }
            return try numeric(op, x, y)
        }
        if let r = try sequenceBinary(op, a, b) { return r }
        if let r = try dunderBinary(op, a, b) { return r }
        // `int | None`: a union of classes (as type.__or__ and NoneType.__ror__ make it).
        if op == .bitOr, isUnionOperand(a), isUnionOperand(b), !(a.isNone && b.isNone) { return try union(a, b) }
        // `"s" + x` whose __radd__ declined: str's and list's own message.
        if op == .add, case .object(let x) = a, x is PyStr || x is PyList {
            throw typeError("can only concatenate \(x.type.name) (not \"\(typeName(b))\") to \(x.type.name)")
        }
        let symbol = op == .pow && !augmented ? "** or pow()" : op.rawValue
        throw typeError("unsupported operand type(s) for \(symbol)\(augmented ? "=" : ""): '\(typeName(a))' and '\(typeName(b))'")
    }

    /// `a op= b`: the in-place dunder when the left operand has one, else the binary form.
    func inplace(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        if case .object(let o) = a {
            if let l = o as? PyList {
                if op == .add {
                    l.items.append(contentsOf: try iterateToArray(b))
                    try chargeListGrowth(l)
                    return a
                }
                if op == .mul {
                    let n = try indexValue(b)
                    if n <= 0 { l.items.removeAll() } else {
                        let copy = l.items
                        _ = try checkRepeatMemory(copy.count, n, elementSize: 16)
                        try checkSize(copy.count, n)
                        for _ in 1..<n { l.items.append(contentsOf: copy) }
                        l.memoryCharge = nil
                        try chargeListGrowth(l)
                    }
                    return a
                }
            }
            // A set's |= &= -= ^= with a set, and a dict's |=, change the object itself.
            if let target = o as? PySet, !target.frozen, let other = b.asObject as? PySet,
               [.bitOr, .bitAnd, .sub, .bitXor].contains(op) {
                try updateSet(op, target, with: other)
                return a
            }
            if op == .bitOr, let target = o as? PyDict {
                try dictUpdate(target, b)
                return a
            }
            if let m = special(a, op.inplace) {
                let r = try callMethod(m, self: a, [b])
                if !isNotImplemented(r) { return r }
            }
        }
        return try binary(op, a, b, augmented: true)
    }

    private func dunderBinary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value? {
        let ta = typeOf(a), tb = typeOf(b)
        // A subclass's reflected method goes first.
        if tb !== ta && tb.isSubtype(of: ta), let m = special(b, op.reflected) {
            let r = try callMethod(m, self: b, [a])
            if !isNotImplemented(r) { return r }
        }
        if let m = special(a, op.dunder) {
            let r = try callMethod(m, self: a, [b])
            if !isNotImplemented(r) { return r }
        }
        if tb !== ta, let m = special(b, op.reflected) {
            let r = try callMethod(m, self: b, [a])
            if !isNotImplemented(r) { return r }
        }
        return nil
    }

    func checkSize(_ count: Int, _ times: Int) throws {
        let (total, o) = count.multipliedReportingOverflow(by: times)
        if o || total > 1 << 32 { throw ScriptError(PyException(Types.memoryError, args: [])) }
    }

    private func sequenceBinary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value? {
        guard case .object(let x) = a else {
            if op == .mul, case .object = b, num(a) != nil { return try sequenceBinary(op, b, a) }
            return nil
        }
        switch op {
        case .add:
            guard case .object(let y) = b else {
                if special(b, "__radd__") == nil {
                    let tn = typeName(b)
                    if x is PyStr { throw typeError("can only concatenate str (not \"\(tn)\") to str") }
                    if x is PyList { throw typeError("can only concatenate list (not \"\(tn)\") to list") }
                    if x is PyTuple { throw typeError("can only concatenate tuple (not \"\(tn)\") to tuple") }
                }
                return nil
            }
            if let s = x as? PyStr, let t = y as? PyStr {
                if memoryAccount != nil {
                    let charge = try chargeMemory(s.value.utf8.count + t.value.utf8.count)
                    let r = PyStr(s.value + t.value)
                    r.memoryCharge = charge
                    return .object(r)
                }
                return Value(s.value + t.value)
            }
            if let s = x as? PyList, let t = y as? PyList {
                let charge = try checkRepeatMemory(s.items.count + t.items.count, 1, elementSize: 16)
                let r = PyList(s.items + t.items)
                r.memoryCharge = charge
                return .object(r)
            }
            if let s = x as? PyTuple, let t = y as? PyTuple { return .object(PyTuple(s.items + t.items)) }
            if let s = x as? PyBytes, let t = y as? PyBytes { return .object(PyBytes(s.bytes + t.bytes)) }
            if x is PyStr, !y.type.isSubtype(of: Types.str), special(b, "__radd__") == nil {
                throw typeError("can only concatenate str (not \"\(y.type.name)\") to str")
            }
            if x is PyList, special(b, "__radd__") == nil {
                throw typeError("can only concatenate list (not \"\(y.type.name)\") to list")
            }
            if x is PyTuple, special(b, "__radd__") == nil {
                throw typeError("can only concatenate tuple (not \"\(y.type.name)\") to tuple")
            }
            if x is PyBytes, special(b, "__radd__") == nil {
                throw typeError("can't concat \(y.type.name) to bytes")
            }
            return nil
        case .mul:
            guard let n = num(b) else {
                if x is PyStr || x is PyList || x is PyTuple || x is PyBytes, special(b, "__rmul__") == nil {
                    throw typeError("can't multiply sequence by non-int of type '\(typeName(b))'")
                }
                return nil
            }
            guard case .int(var times) = n else {
                if case .big = n { if x is PyStr || x is PyList || x is PyTuple { throw overflowError("cannot fit 'int' into an index-sized integer") } }
                if x is PyStr || x is PyList || x is PyTuple {
                    throw typeError("can't multiply sequence by non-int of type '\(typeName(b))'")
                }
                return nil
            }
            if times < 0 { times = 0 }
            switch x {
            case let s as PyStr:
                let charge = try checkRepeatMemory(s.value.utf8.count, times, elementSize: 1)
                try checkSize(s.value.utf8.count, times)
                let r = PyStr(String(repeating: s.value, count: times))
                r.memoryCharge = charge
                return .object(r)
            case let l as PyList:
                let charge = try checkRepeatMemory(l.items.count, times, elementSize: 16)
                try checkSize(l.items.count, times)
                var out: [Value] = []
                out.reserveCapacity(l.items.count * times)
                for _ in 0..<times { out.append(contentsOf: l.items) }
                let r = PyList(out)
                r.memoryCharge = charge
                return .object(r)
            case let t as PyTuple:
                let charge = try checkRepeatMemory(t.items.count, times, elementSize: 16)
                try checkSize(t.items.count, times)
                var out: [Value] = []
                for _ in 0..<times { out.append(contentsOf: t.items) }
                let r = PyTuple(out)
                r.memoryCharge = charge
                return .object(r)
            case let bs as PyBytes:
                let charge = try checkRepeatMemory(bs.bytes.count, times, elementSize: 1)
                try checkSize(bs.bytes.count, times)
                var out: [UInt8] = []
                for _ in 0..<times { out.append(contentsOf: bs.bytes) }
                let r = PyBytes(out)
                r.memoryCharge = charge
                return .object(r)
            default: return nil
            }
        case .mod:
            if let s = x as? PyStr { return Value(try percentFormat(s.value, b)) }
            if let fmt = x as? PyBytes {
                // bytes % args: format through Latin-1 text, where %s takes bytes.
                func latin1(_ bytes: [UInt8]) -> String {
                    var v = String.UnicodeScalarView()
                    for byte in bytes { v.append(Unicode.Scalar(byte)) }
                    return String(v)
                }
                func convert(_ v: Value) -> Value {
                    if case .object(let o) = v, let bv = o as? PyBytes { return Value(latin1(bv.bytes)) }
                    return v
                }
                let args: Value
                if case .object(let o) = b, let t = o as? PyTuple { args = .object(PyTuple(t.items.map(convert))) } else { args = convert(b) }
                let text = try percentFormat(latin1(fmt.bytes), args)
                return .object(PyBytes(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
            }
            return nil
        case .bitOr, .bitAnd, .bitXor, .sub:
            if case .object(let y) = b {
                if let d = x as? PyDict, let e = y as? PyDict, op == .bitOr {
                    let r = PyDict()
                    r.table = d.table
                    for entry in e.table.liveEntries { try r.table.set(entry.key, hash: entry.hash, value: entry.value, self) }
                    return .object(r)
                }
                if let s = x as? PySet, let t = y as? PySet { return .object(try setOperation(op, s, t)) }
                // dict.keys() and dict.items() views combine with sets like sets.
                if x is DictView || y is DictView, x is DictView || x is PySet, y is DictView || y is PySet {
                    return .object(try setOperation(op, try asSet(a), try asSet(b)))
                }
            }
            return nil
        default:
            return nil
        }
    }

    func numeric(_ op: BinaryOperator, _ x: Num, _ y: Num) throws -> Value {
        if case .int(let a) = x, case .int(let b) = y { return try intOp(op, a, b) }
        if case .float = x { return try floatOperands(op, x, y) }
        if case .float = y { return try floatOperands(op, x, y) }
        return try bigOp(op, bigOf(x), bigOf(y))
    }

    /// A float operation; the operators floats lack (`<<`, `&`, ...) name both operand types.
    private func floatOperands(_ op: BinaryOperator, _ x: Num, _ y: Num) throws -> Value {
        switch op {
        case .lshift, .rshift, .bitAnd, .bitOr, .bitXor, .matMul:
            func name(_ n: Num) -> String { if case .float = n { return "float" }; return "int" }
            throw typeError("unsupported operand type(s) for \(op.rawValue): '\(name(x))' and '\(name(y))'")
        default:
            return try floatOp(op, try floatOf(x), try floatOf(y))
        }
    }

    func intOp(_ op: BinaryOperator, _ a: Int, _ b: Int) throws -> Value {
        switch op {
        case .add:
            let (r, o) = a.addingReportingOverflow(b)
            return o ? .integer(BigInt(a) + BigInt(b)) : .int(r)
        case .sub:
            let (r, o) = a.subtractingReportingOverflow(b)
            return o ? .integer(BigInt(a) - BigInt(b)) : .int(r)
        case .mul:
            let (r, o) = a.multipliedReportingOverflow(by: b)
            return o ? .integer(BigInt(a) * BigInt(b)) : .int(r)
        case .div:
            if b == 0 { throw zeroDivision("division by zero") }
            if a.magnitude < (1 << 53) && b.magnitude < (1 << 53) { return .float(Double(a) / Double(b)) }
            return .float(try trueDivide(BigInt(a), BigInt(b)))
        case .floorDiv:
            if b == 0 { throw zeroDivision("integer division or modulo by zero") }
            if a == Int.min && b == -1 { return .integer(-BigInt(a)) }
            let q = a / b
            return .int((a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q)
        case .mod:
            if b == 0 { throw zeroDivision("integer modulo by zero") }
            if b == -1 { return .int(0) }
            let r = a % b
            return .int((r != 0 && ((r < 0) != (b < 0))) ? r + b : r)
        case .pow:
            if b < 0 {
                if a == 0 { throw zeroDivision("0.0 cannot be raised to a negative power") }
                return .float(Foundation.pow(Double(a), Double(b)))
            }
            return try intPow(a, b)
        case .lshift:
            if b < 0 { throw valueError("negative shift count") }
            if a == 0 { return .int(0) }
            if b < 63 {
                let r = a << b
                if r >> b == a { return .int(r) }
            }
            if b > 1 << 26 { throw ScriptError(PyException(Types.memoryError, args: [])) }
            return .integer(BigInt(a) << b)
        case .rshift:
            if b < 0 { throw valueError("negative shift count") }
            return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
        case .bitAnd: return .int(a & b)
        case .bitOr: return .int(a | b)
        case .bitXor: return .int(a ^ b)
        case .matMul:
            throw typeError("unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    func intPow(_ a: Int, _ b: Int) throws -> Value {
        var result = 1, base = a, e = b
        var overflow = false
        while e > 0 {
            if e & 1 == 1 {
                let (r, o) = result.multipliedReportingOverflow(by: base)
                if o { overflow = true; break }
                result = r
            }
            e >>= 1
            if e > 0 {
                let (sq, o) = base.multipliedReportingOverflow(by: base)
                if o { overflow = true; break }
                base = sq
            }
        }
        if !overflow { return .int(result) }
        // Guard against absurd sizes: bits of the result ≈ b * log2|a|.
        let bits = Double(b) * log2(Double(a.magnitude))
        if bits > 64_000_000 { throw ScriptError(PyException(Types.memoryError, args: [])) }
        return .integer(BigInt(a).power(b))
    }

    func trueDivide(_ a: BigInt, _ b: BigInt) throws -> Double {
        if b.isZero { throw zeroDivision("division by zero") }
        let da = Double(a), db = Double(b)
        if da.isFinite && db.isFinite && abs(da) < 9e15 && abs(db) < 9e15 { return da / db }
        // Scale so that the integer quotient carries about 66 significant bits, divide
        // exactly, convert (one rounding) and scale back by a power of two.
        let na = a.magnitude, nb = b.magnitude
        let shift = nb.bitWidth - na.bitWidth + 66
        let (q, remainder) = shift >= 0 ? (na << shift).quotientAndRemainder(dividingBy: nb)
                                        : na.quotientAndRemainder(dividingBy: nb << -shift)
        // The top 64 bits of the quotient, with a sticky low bit for anything below them
        // (truncated bits or a remainder): UInt64 -> Double then rounds like CPython.
        let extra = max(q.bitWidth - 64, 0)
        var top = UInt64(q >> extra)
        if !remainder.isZero || (extra > 0 && !(q & ((BigUInt(1) << extra) - 1)).isZero) { top |= 1 }
        let r = scalbn(Double(top), extra - shift)
        if !r.isFinite { throw overflowError("integer division result too large for a float") }
        return (a.sign == .minus) != (b.sign == .minus) ? -r : r
    }

    func bigOp(_ op: BinaryOperator, _ a: BigInt, _ b: BigInt) throws -> Value {
        switch op {
        case .add: return .integer(a + b)
        case .sub: return .integer(a - b)
        case .mul:
            if a.bitWidth + b.bitWidth > 64_000_000 { throw ScriptError(PyException(Types.memoryError, args: [])) }
            return .integer(a * b)
        case .div: return .float(try trueDivide(a, b))
        case .floorDiv, .mod:
            if b.isZero { throw zeroDivision(op == .mod ? "integer modulo by zero" : "integer division or modulo by zero") }
            var (q, r) = a.quotientAndRemainder(dividingBy: b)
            if !r.isZero && ((r.sign == .minus) != (b.sign == .minus)) {
                q -= 1
                r += b
            }
            return .integer(op == .floorDiv ? q : r)
        case .pow:
            if b.sign == .minus {
                if a.isZero { throw zeroDivision("0.0 cannot be raised to a negative power") }
                return .float(Foundation.pow(Double(a), Double(b)))
            }
            // 0, 1 and -1 stay small whatever the exponent.
            if a.isZero { return .int(b.isZero ? 1 : 0) }
            if a == 1 { return .int(1) }
            if a == -1 { return .int(b.isMultiple(of: 2) ? 1 : -1) }
            guard let e = Int(exactly: b) else { throw ScriptError(PyException(Types.memoryError, args: [])) }
            if Double(e) * Double(max(a.bitWidth, 1)) > 64_000_000 { throw ScriptError(PyException(Types.memoryError, args: [])) }
            return .integer(a.power(e))
        case .lshift:
            if b.sign == .minus { throw valueError("negative shift count") }
            if a.isZero { return .int(0) }
            guard let s = Int(exactly: b) else { throw overflowError("too many digits in integer") }
            guard s < 1 << 26 else { throw ScriptError(PyException(Types.memoryError, args: [])) }
            return .integer(a << s)
        case .rshift:
            if b.sign == .minus { throw valueError("negative shift count") }
            guard let s = Int(exactly: b) else { return .int(a.sign == .minus ? -1 : 0) }
            // Python's shift floors; BigInt's truncates toward zero.
            return .integer(a.sign == .minus ? -((-a - 1) >> s) - 1 : a >> s)
        case .bitAnd, .bitOr, .bitXor: return .integer(twosComplementBitwise(op, a, b))
        case .matMul: throw typeError("unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    func floatOp(_ op: BinaryOperator, _ a: Double, _ b: Double) throws -> Value {
        switch op {
        case .add: return .float(a + b)
        case .sub: return .float(a - b)
        case .mul: return .float(a * b)
        case .div:
            if b == 0 { throw zeroDivision("float division by zero") }
            return .float(a / b)
        case .floorDiv:
            if b == 0 { throw zeroDivision("float floor division by zero") }
            return .float(floatDivmod(a, b).0)
        case .mod:
            if b == 0 { throw zeroDivision("float modulo") }
            return .float(floatDivmod(a, b).1)
        case .pow:
            if a == 0 && b < 0 { throw zeroDivision("0.0 cannot be raised to a negative power") }
            if a < 0 && b != b.rounded() && b.isFinite {
                throw valueError("complex numbers are not supported")
            }
            let r = Foundation.pow(a, b)
            if r.isInfinite && a.isFinite && b.isFinite { throw overflowError("(34, 'Numerical result out of range')") }
            return .float(r)
        default:
            throw typeError("unsupported operand type(s) for \(op.rawValue): 'float' and 'float'")
        }
    }

    /// Python's float divmod: the remainder takes the sign of the divisor.
    func floatDivmod(_ a: Double, _ b: Double) -> (Double, Double) {
        var mod = fmod(a, b)
        var div = (a - mod) / b
        if mod != 0 {
            if (b < 0) != (mod < 0) {
                mod += b
                div -= 1
            }
        } else {
            mod = b < 0 ? -0.0 : 0.0
        }
        var floordiv: Double
        if div != 0 {
            floordiv = div.rounded(.down)
            if div - floordiv > 0.5 { floordiv += 1 }
        } else {
            floordiv = copysign(0.0, a / b)
        }
        return (floordiv, mod)
    }

    // MARK: unary

    func negate(_ v: Value) throws -> Value {
        switch v {
        case .int(let i):
            if i == Int.min { return .integer(-BigInt(i)) }
            return .int(-i)
        case .bool(let b): return .int(b ? -1 : 0)
        case .float(let d): return .float(-d)
        case .object(let o):
            if let b = o as? PyBigInt { return .integer(-b.value) }
            if let m = special(v, "__neg__") { return try callMethod(m, self: v, []) }
        default: break
        }
        throw typeError("bad operand type for unary -: '\(typeName(v))'")
    }

    func positive(_ v: Value) throws -> Value {
        switch v {
        case .int, .float: return v
        case .bool(let b): return .int(b ? 1 : 0)
        case .object(let o):
            if o is PyBigInt { return v }
            if let m = special(v, "__pos__") { return try callMethod(m, self: v, []) }
        default: break
        }
        throw typeError("bad operand type for unary +: '\(typeName(v))'")
    }

    func invert(_ v: Value) throws -> Value {
        switch v {
        case .int(let i): return .int(~i)
        case .bool(let b): return .int(b ? -2 : -1)
        case .object(let o):
            if let b = o as? PyBigInt { return .integer(-b.value - 1) }
            if let m = special(v, "__invert__") { return try callMethod(m, self: v, []) }
        default: break
        }
        throw typeError("bad operand type for unary ~: '\(typeName(v))'")
    }

    // MARK: comparisons

    /// `a < b` and friends. `op` is one of lt, le, gt, ge.
    func order(_ op: CompareOperator, _ a: Value, _ b: Value) throws -> Bool {
        if let x = num(a), let y = num(b) { return compareNum(op, x, y) }
        if case .object(let x) = a, case .object(let y) = b {
            if let s = x as? PyStr, let t = y as? PyStr { return compareResult(op, compareStrings(s.value, t.value)) }
            if let s = x as? PyList, let t = y as? PyList { return try compareSequences(op, s.items, t.items) }
            if let s = x as? PyTuple, let t = y as? PyTuple { return try compareSequences(op, s.items, t.items) }
            if let s = x as? PyBytes, let t = y as? PyBytes {
                return compareResult(op, s.bytes.lexicographicallyPrecedes(t.bytes) ? -1 : (s.bytes == t.bytes ? 0 : 1))
            }
            if let s = x as? PySet, let t = y as? PySet { return try setCompare(op, s, t) }
        }
        let (name, reflected): (String, String)
        switch op {
        case .lt: (name, reflected) = ("__lt__", "__gt__")
        case .le: (name, reflected) = ("__le__", "__ge__")
        case .gt: (name, reflected) = ("__gt__", "__lt__")
        default: (name, reflected) = ("__ge__", "__le__")
        }
        if let r = try richCompare(a, b, name, reflected) { return try truthy(r) }
        throw orderingError(op, a, b)
    }

    /// `'<' not supported between instances of 'A' and 'B'`.
    func orderingError(_ op: CompareOperator, _ a: Value, _ b: Value) -> ScriptError {
        typeError("'\(op.rawValue)' not supported between instances of '\(typeName(a))' and '\(typeName(b))'")
    }

    func compareResult(_ op: CompareOperator, _ c: Int) -> Bool {
        switch op {
        case .lt: return c < 0
        case .le: return c <= 0
        case .gt: return c > 0
        default: return c >= 0
        }
    }

    /// Code-point order, as Python compares strings.
    func compareStrings(_ a: String, _ b: String) -> Int {
        var i = a.unicodeScalars.makeIterator(), j = b.unicodeScalars.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let x?, let y?): if x != y { return x.value < y.value ? -1 : 1 }
            }
        }
    }

    func compareNum(_ op: CompareOperator, _ x: Num, _ y: Num) -> Bool {
        let c: Int
        switch (x, y) {
        case (.int(let a), .int(let b)): c = a < b ? -1 : (a == b ? 0 : 1)
        case (.float(let a), .float(let b)):
            if a.isNaN || b.isNaN { return false }
            c = a < b ? -1 : (a == b ? 0 : 1)
        case (.float(let a), _):
            if a.isNaN { return false }
            if a.isInfinite { c = a > 0 ? 1 : -1 } else { c = compareBig(BigInt(a.rounded(.down)), bigOf(y), fraction: a - a.rounded(.down)) }
        case (_, .float(let b)):
            if b.isNaN { return false }
            if b.isInfinite { c = b > 0 ? -1 : 1 } else { c = -compareBig(BigInt(b.rounded(.down)), bigOf(x), fraction: b - b.rounded(.down)) }
        default:
            let a = bigOf(x), b = bigOf(y)
            c = a < b ? -1 : (a == b ? 0 : 1)
        }
        return compareResult(op, c)
    }

    /// Compares floor(f) + fraction with an integer.
    private func compareBig(_ floorPart: BigInt, _ other: BigInt, fraction: Double) -> Int {
        if floorPart < other { return -1 }
        if floorPart > other { return 1 }
        return fraction > 0 ? 1 : 0
    }

    func compareSequences(_ op: CompareOperator, _ a: [Value], _ b: [Value]) throws -> Bool {
        let n = min(a.count, b.count)
        for i in 0..<n where !a[i].isIdentical(to: b[i]) {
            if try !eq(a[i], b[i]) { return try order(op, a[i], b[i]) }
        }
        return compareResult(op, a.count < b.count ? -1 : (a.count == b.count ? 0 : 1))
    }

    /// A comparison's value: what a user `__eq__`/`__lt__`/... returns, unconverted; a
    /// bool for everything else.
    func compareValue(_ op: CompareOperator, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .eq, .ne, .lt, .le, .gt, .ge:
            guard hasUserComparison(a) || hasUserComparison(b) else { return .bool(try compare(op, a, b)) }
            let (name, reflected): (String, String)
            switch op {
            case .eq: (name, reflected) = ("__eq__", "__eq__")
            case .ne: (name, reflected) = ("__ne__", "__ne__")
            case .lt: (name, reflected) = ("__lt__", "__gt__")
            case .le: (name, reflected) = ("__le__", "__ge__")
            case .gt: (name, reflected) = ("__gt__", "__lt__")
            default: (name, reflected) = ("__ge__", "__le__")
            }
            var called = false
            if let r = try richCompare(a, b, name, reflected, scriptOnly: true, called: &called) { return r }
            // A class with only __eq__ gets != from it (object.__ne__); one whose own __ne__
            // declined goes to the identity fallback.
            if op == .ne, !called, let r = try richCompare(a, b, "__eq__", "__eq__", scriptOnly: true, called: &called) {
                return .bool(try !truthy(r))
            }
            // Script methods were asked and all returned NotImplemented: CPython's fallback
            // (identity for == and !=, an error for ordering), without asking them again.
            if called {
                switch op {
                case .eq: return .bool(a.isIdentical(to: b))
                case .ne: return .bool(!a.isIdentical(to: b))
                default: throw orderingError(op, a, b)
                }
            }
            return .bool(try compare(op, a, b))
        default:
            return .bool(try compare(op, a, b))
        }
    }

    private func hasUserComparison(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        return !o.type.isBuiltin
    }

    /// CPython tries the right operand's reflected comparison first when its type is a
    /// proper subclass of the left operand's (`Base() == Derived()` asks Derived first).
    func rightOperandFirst(_ a: Value, _ b: Value) -> Bool {
        guard case .object(let x) = a, case .object(let y) = b else { return false }
        let ta = x.type, tb = y.type
        return ta !== tb && !tb.isBuiltin && tb.isSubtype(of: ta)
    }

    func isScriptFunction(_ v: Value) -> Bool {
        if case .object(let o) = v { return !(o is PyNativeFunction) }
        return false
    }

    /// Full comparison dispatch for a compare node.
    func compare(_ op: CompareOperator, _ a: Value, _ b: Value) throws -> Bool {
        switch op {
        case .eq:
            if special(a, "__eq__") != nil || special(b, "__eq__") != nil {
                if let r = try richCompare(a, b, "__eq__", "__eq__") { return try truthy(r) }
                return a.isIdentical(to: b)
            }
            return try eq(a, b)
        case .ne:
            // object.__ne__ asks the type's own __eq__, so a class with only __eq__ is
            // answered (or found NotImplemented) by the __ne__ round.
            if special(a, "__ne__") != nil || special(b, "__ne__") != nil {
                if let r = try richCompare(a, b, "__ne__", "__ne__") { return try truthy(r) }
                return !a.isIdentical(to: b)
            }
            return try !eq(a, b)
        case .lt, .le, .gt, .ge: return try order(op, a, b)
        case .is: return a.isIdentical(to: b)
        case .isNot: return !a.isIdentical(to: b)
        case .in: return try contains(b, a)
        case .notIn: return try !contains(b, a)
        }
    }
}

/// `&`, `|`, `^` of Python ints, which act on infinite two's complement: both operands are
/// taken modulo 2^w for a width w wide enough for either, and a result with the top bit set
/// is negative.
func twosComplementBitwise(_ op: BinaryOperator, _ a: BigInt, _ b: BigInt) -> BigInt {
    let width = max(a.magnitude.bitWidth, b.magnitude.bitWidth) + 1
    let modulus = BigUInt(1) << width
    func wrap(_ x: BigInt) -> BigUInt { x.sign == .minus ? modulus - x.magnitude : x.magnitude }
    let x = wrap(a), y = wrap(b)
    let r: BigUInt
    switch op {
    case .bitAnd: r = x & y
    case .bitOr: r = x | y
    default: r = x ^ y
    }
    return r >> (width - 1) == 0 ? BigInt(r) : -BigInt(modulus - r)
}
