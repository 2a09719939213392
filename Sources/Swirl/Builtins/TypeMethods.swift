// Methods of the built-in types (str, list, dict, set, tuple, int, float, exceptions,
// object), installed once per process into the immutable built-in type objects, and the
// constructors that run when a type is called.
import BigInt

extension Types {
    /// Fills the built-in types' method tables (once per process).
    static func installMethods() { _ = installed }

    private static let installed: Bool = {
        installStrMethods()
        installStrTranslate()
        installListMethods()
        installDictMethods()
        installSetMethods()
        installMiscMethods()
        installAsyncGeneratorMethods()
        installBytesMethods()
        installExceptionGroupMethods()
        installFileMethods()
        return true
    }()

    static func method(_ t: PyType, _ name: String, _ impl: NativeImpl, intrinsic: Intrinsic = .none) {
        let function = PyNativeFunction(name, owner: t, impl)
        function.intrinsic = intrinsic
        t.dict[name] = .object(function)
    }

    static func str(_ v: Value) throws -> String {
        guard case .object(let o) = v, let s = o as? PyStr else {
            throw Swirl.typeError("expected str, got \(Types.object.name)")
        }
        return s.value
    }
}

extension Runtime {
    // MARK: calling a type

    func instantiate(_ t: PyType, _ args: Arguments) throws -> Value {
        if t.isBuiltin { return try constructBuiltin(t, args) }
        if let newMethod = t.lookup("__new__"), case .object(let no) = newMethod, !(no is PyNativeFunction),
           !(newMethod.isIdentical(to: Types.object.dict["__new__"] ?? .none)) {
            var a = args
            a.positional.insert(.object(t), at: 0)
            let fn: Value
            if let s = no as? PyStaticMethod { fn = s.function } else { fn = newMethod }
            let obj = try call(fn, a)
            if typeOf(obj).isSubtype(of: t), let initMethod = t.lookup("__init__"), case .object(let io) = initMethod, io is PyFunction {
                _ = try callMethod(initMethod, self: obj, args)
            }
            return obj
        }
        let obj: Value
        switch t.layout {
        case .exception: obj = .object(PyException(t, args: args.positional))
        default: obj = .object(PyInstance(cls: t))
        }
        if let initMethod = t.lookup("__init__") {
            let r = try callMethod(initMethod, self: obj, args)
            if !r.isNone { throw Swirl.typeError("__init__() should return None, not '\(typeName(r))'") }
        } else if t.layout == .object && (!args.positional.isEmpty || !args.keywords.isEmpty) {
            throw Swirl.typeError("\(t.qualname)() takes no arguments")
        }
        return obj
    }

    private func constructBuiltin(_ t: PyType, _ args: Arguments) throws -> Value {
        let a = args.positional
        if t.layout == .exception {
            if !args.keywords.isEmpty { throw Swirl.typeError("\(t.name)() takes no keyword arguments") }
            if t === Types.baseExceptionGroup || t === Types.exceptionGroup { return try makeExceptionGroup(t, a) }
            if t === Types.incompleteReadError {
                guard a.count == 2 else { throw Swirl.typeError("IncompleteReadError.__init__() takes 3 positional arguments but \(a.count + 1) were given") }
                return .object(try makeIncompleteReadError(partial: a[0], expected: a[1]))
            }
            if t === Types.limitOverrunError {
                guard a.count == 2 else { throw Swirl.typeError("LimitOverrunError.__init__() takes 3 positional arguments but \(a.count + 1) were given") }
                let e = PyException(t, args: [a[0]])
                e.attrs["consumed"] = a[1]
                return .object(e)
            }
            // OSError(errno, strerror, ...) makes the subclass for the errno, as CPython does.
            if t === Types.osError, (2...5).contains(a.count), case .int(let code) = a[0],
               let subclass = Types.osErrorSubclasses[code] {
                return .object(PyException(subclass, args: a))
            }
            return .object(PyException(t, args: a))
        }
        if let custom = nativeConstructors[ObjectIdentifier(t)] { return try custom(self, args) }
        try checkBuiltinSignature(t.name, args)
        switch t.name {
        case "object":
            if !a.isEmpty { throw Swirl.typeError("object() takes no arguments") }
            return .object(PyInstance(cls: Types.object))
        case "int": return try constructInt(args)
        case "float":
            guard let x = a.first else { return .float(0) }
            return try toFloat(x)
        case "str":
            for (k, _) in args.keywords where !["object", "encoding", "errors"].contains(k) {
                throw Swirl.typeError("'\(k)' is an invalid keyword argument for str()")
            }
            guard let x = a.first ?? args.keywords.first(where: { $0.0 == "object" })?.1 else { return Value("") }
            if a.count > 3 { throw Swirl.typeError("str() takes at most 3 arguments (\(a.count) given)") }
            if a.count > 1 {
                for (i, name) in [(1, "encoding"), (2, "errors")] where i < a.count && !(a[i].asObject is PyStr) {
                    throw Swirl.typeError("str() argument '\(name)' must be str, not \(typeName(a[i]))")
                }
                if x.asObject is PyStr { throw Swirl.typeError("decoding str is not supported") }
                if !(x.asObject is PyBytes) {
                    throw Swirl.typeError("decoding to str: need a bytes-like object, \(typeName(x)) found")
                }
            }
            if a.count > 1, case .object(let o) = x, let b = o as? PyBytes {
                let codec = try TextCodec(named: try str(a[1]))
                return Value(try decode(b.bytes, codec, errors: a.count > 2 ? try str(a[2]) : "strict"))
            }
            return Value(try str(x))
        case "bool":
            guard let x = a.first else { return .false }
            return .bool(try truthy(x))
        case "list": return .object(PyList(try a.first.map { try iterateToArray($0) } ?? []))
        case "tuple":
            guard let x = a.first else { return .object(PyTuple.empty) }
            if case .object(let o) = x, o is PyTuple { return x }
            return .object(PyTuple(try iterateToArray(x)))
        case "dict":
            let d = PyDict()
            if let x = a.first { try dictUpdate(d, x) }
            for (k, v) in args.keywords { try dictSet(d, Value(k), v) }
            return .object(d)
        case "set", "frozenset":
            let s = PySet(frozen: t === Types.frozenset)
            if let other = a.first?.asObject as? PySet {
                try s.table.merge(other.table, self)
            } else if let x = a.first {
                for v in try iterateToArray(x) { try setAdd(s, v) }
            }
            return .object(s)
        case "bytes":
            guard let x = a.first else { return .object(PyBytes([])) }
            if case .object(let o) = x, let s = o as? PyStr {
                if a.count < 2 { throw Swirl.typeError("string argument without an encoding") }
                return .object(PyBytes(Array(s.value.utf8)))
            }
            if case .int(let n) = x {
                if n < 0 { throw Swirl.valueError("negative count") }
                try checkSize(n, 1)
                return .object(PyBytes([UInt8](repeating: 0, count: n)))
            }
            return .object(PyBytes(try iterateToArray(x).map { v in
                let i = try indexValue(v)
                guard i >= 0 && i < 256 else { throw Swirl.valueError("bytes must be in range(0, 256)") }
                return UInt8(i)
            }))
        case "range":
            if a.contains(where: { if case .object(let o) = $0 { return o is PyBigInt } else { return false } }) {
                return try makeBigRange(a)
            }
            let ints = try a.map { try indexValue($0) }
            switch ints.count {
            case 1: return .object(PyRange(start: 0, stop: ints[0], step: 1))
            case 2: return .object(PyRange(start: ints[0], stop: ints[1], step: 1))
            case 3:
                if ints[2] == 0 { throw Swirl.valueError("range() arg 3 must not be zero") }
                return .object(PyRange(start: ints[0], stop: ints[1], step: ints[2]))
            default: throw Swirl.typeError("range expected at most 3 arguments, got \(ints.count)")
            }
        case "type":
            if a.count == 1 { return .object(typeOf(a[0])) }
            if a.count != 3 { throw Swirl.typeError("type() takes 1 or 3 arguments") }
            throw Swirl.typeError("type() with 3 arguments is not supported")
        case "slice":
            switch a.count {
            case 1: return .object(PySlice(start: .none, stop: a[0], step: .none))
            case 2: return .object(PySlice(start: a[0], stop: a[1], step: .none))
            case 3: return .object(PySlice(start: a[0], stop: a[1], step: a[2]))
            case 0: throw Swirl.typeError("slice expected at least 1 argument, got 0")
            default: throw Swirl.typeError("slice expected at most 3 arguments, got \(a.count)")
            }
        case "property":
            // property(fget=None, fset=None, fdel=None, doc=None), by position or keyword.
            func part(_ i: Int, _ name: String) -> Value {
                if i < a.count { return a[i] }
                return args.keywords.first { $0.0 == name }?.1 ?? .none
            }
            for (k, _) in args.keywords where !["fget", "fset", "fdel", "doc"].contains(k) {
                throw Swirl.typeError("property() got an unexpected keyword argument '\(k)'")
            }
            if a.count > 4 { throw Swirl.typeError("property() takes at most 4 arguments (\(a.count) given)") }
            let p = PyProperty(getter: part(0, "fget"), setter: part(1, "fset"), deleter: part(2, "fdel"))
            p.doc = part(3, "doc")
            return .object(p)
        case "staticmethod": return .object(PyStaticMethod(a.first ?? .none))
        case "classmethod": return .object(PyClassMethod(a.first ?? .none))
        case "super":
            guard a.count == 2, case .object(let co) = a[0], let cls = co as? PyType else {
                throw Swirl.runtimeError("super(): no arguments")
            }
            return .object(PySuper(cls: cls, receiver: a[1]))
        default:
            throw Swirl.typeError("cannot create '\(t.name)' instances")
        }
    }

    /// `BaseExceptionGroup(msg, excs)`: an ExceptionGroup when every member is an Exception.
    func makeExceptionGroup(_ t: PyType, _ a: [Value]) throws -> Value {
        guard a.count == 2 else {
            throw Swirl.typeError("BaseExceptionGroup.__new__() takes exactly 2 arguments (\(a.count) given)")
        }
        guard case .object(let mo) = a[0], mo is PyStr else {
            throw Swirl.typeError("BaseExceptionGroup.__new__() argument 1 must be str, not \(typeName(a[0]))")
        }
        let isSequence: Bool
        if case .object(let so) = a[1], !(so is PyException) {
            isSequence = try isIterable(a[1])
        } else {
            isSequence = false
        }
        guard isSequence else {
            throw Swirl.typeError("second argument (exceptions) must be a sequence")
        }
        let items = try iterateToArray(a[1])
        if items.isEmpty { throw Swirl.valueError("second argument (exceptions) must be a non-empty sequence") }
        var allExceptions = true
        for (i, item) in items.enumerated() {
            guard case .object(let o) = item, let e = o as? PyException else {
                throw Swirl.valueError("Item \(i) of second argument (exceptions) is not an exception")
            }
            if !e.isInstance(of: Types.exception) { allExceptions = false }
        }
        var cls = t
        if t === Types.baseExceptionGroup && allExceptions { cls = Types.exceptionGroup }
        if t === Types.exceptionGroup && !allExceptions {
            throw Swirl.typeError("Cannot nest BaseExceptions in an ExceptionGroup")
        }
        return .object(PyException(cls, args: [a[0], a[1]]))
    }

    func constructInt(_ args: Arguments) throws -> Value {
        let a = args.positional
        guard let x = a.first else { return .int(0) }
        var base: Int?
        if a.count > 1 { base = try indexValue(a[1]) }
        if let b = args.keywords.first(where: { $0.0 == "base" }) { base = try indexValue(b.1) }
        if let base {
            guard case .object(let o) = x, let s = o as? PyStr else {
                throw Swirl.typeError("int() can't convert non-string with explicit base")
            }
            return try parseInt(s.value, base: base)
        }
        switch x {
        case .int: return x
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d):
            if d.isNaN { throw Swirl.valueError("cannot convert float NaN to integer") }
            if d.isInfinite { throw Swirl.overflowError("cannot convert float infinity to integer") }
            if let i = Int(exactly: d.rounded(.towardZero)) { return .int(i) }
            return .integer(BigInt(d.rounded(.towardZero)))
        case .object(let o):
            if o is PyBigInt { return x }
            if let s = o as? PyStr { return try parseInt(s.value, base: 10) }
            if let b = o as? PyBytes { return try parseInt(String(decoding: b.bytes, as: UTF8.self), base: 10) }
            if let m = special(x, "__int__") { return try callMethod(m, self: x, []) }
            if let m = special(x, "__index__") { return try callMethod(m, self: x, []) }
        default: break
        }
        throw Swirl.typeError("int() argument must be a string, a bytes-like object or a real number, not '\(typeName(x))'")
    }

    func parseInt(_ text: String, base: Int) throws -> Value {
        if base != 0 && (base < 2 || base > 36) { throw Swirl.valueError("int() base must be >= 2 and <= 36, or 0") }
        if base == 10, let v = Self.plainDecimal(text) { return .int(v) }
        let invalid = Swirl.valueError("invalid literal for int() with base \(base): \(strRepr(text))")
        var s = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var negative = false
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() } else if s.hasPrefix("+") { s = s.dropFirst() }
        var b = base
        let lower = s.lowercased()
        var hadPrefix = true
        if (b == 16 || b == 0) && lower.hasPrefix("0x") { b = 16; s = s.dropFirst(2) } else if (b == 8 || b == 0) && lower.hasPrefix("0o") {
            b = 8; s = s.dropFirst(2)
        } else if (b == 2 || b == 0) && lower.hasPrefix("0b") { b = 2; s = s.dropFirst(2) } else {
            hadPrefix = false
            // Base 0 reads a literal: a decimal one cannot have leading zeros ("010").
            if b == 0 && s.count > 1 && s.hasPrefix("0") && s.contains(where: { $0 != "0" && $0 != "_" }) { throw invalid }
            if b == 0 { b = 10 }
        }
        // An underscore may follow a base prefix ("0x_1f"), never start the digits.
        if hadPrefix && s.hasPrefix("_") { s = s.dropFirst() }
        if s.isEmpty || s.hasPrefix("_") || s.hasSuffix("_") || s.contains("__") { throw invalid }
        let digits = s.replacingOccurrences(of: "_", with: "")
        if digits.count > 4300 && b == 10 {
            throw Swirl.valueError("Exceeds the limit (4300 digits) for integer string conversion: value has \(digits.count) digits; use sys.set_int_max_str_digits() to increase the limit")
        }
        guard let v = parseDigits(digits, radix: b) else { throw invalid }
        return .integer(negative ? -v : v)
    }

    /// The common case of `int(s)`: an optional sign and up to 18 ASCII digits, nothing else.
    static func plainDecimal(_ text: String) -> Int? {
        var utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= 19 else { return nil }
        var negative = false
        if let first = utf8.first, first == 45 || first == 43 {
            negative = first == 45
            utf8 = String(text.dropFirst()).utf8
        }
        guard !utf8.isEmpty, utf8.count <= 18 else { return nil }
        var value = 0
        for byte in utf8 {
            guard byte >= 48 && byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return negative ? -value : value
    }

    /// Digits in `radix` (2...36, either letter case) to a BigInt; nil on any other character.
    func parseDigits(_ digits: String, radix: Int) -> BigInt? {
        var small = 0
        var big: BigInt?
        var count = 0
        for u in digits.unicodeScalars {
            let d: Int
            switch u.value {
            case 48...57: d = Int(u.value) - 48
            case 97...122: d = Int(u.value) - 87
            case 65...90: d = Int(u.value) - 55
            default:
                // Unicode decimal digits count too, as in CPython.
                guard let n = u.properties.numericType, n == .decimal, let v = u.properties.numericValue else { return nil }
                d = Int(v)
            }
            if d >= radix { return nil }
            count += 1
            if var b = big {
                b = b * BigInt(radix) + BigInt(d)
                big = b
            } else {
                let (m, o1) = small.multipliedReportingOverflow(by: radix)
                let (r, o2) = m.addingReportingOverflow(d)
                if o1 || o2 {
                    big = BigInt(small) * BigInt(radix) + BigInt(d)
                } else {
                    small = r
                }
            }
        }
        if count == 0 { return nil }
        return big ?? BigInt(small)
    }

    func toFloat(_ x: Value) throws -> Value {
        switch x {
        case .float: return x
        case .int(let i): return .float(Double(i))
        case .bool(let b): return .float(b ? 1 : 0)
        case .object(let o):
            if let b = o as? PyBigInt {
                do { return .float(try bigIntToDouble(b.value)) } catch {
                    throw Swirl.overflowError("int too large to convert to float")
                }
            }
            if let s = o as? PyStr {
                if let d = pyFloatFromString(s.value) { return .float(d) }
                throw Swirl.valueError("could not convert string to float: \(strRepr(s.value))")
            }
            if let m = special(x, "__float__") { return try callMethod(m, self: x, []) }
        default: break
        }
        throw Swirl.typeError("float() argument must be a string or a real number, not '\(typeName(x))'")
    }
}

import Foundation
