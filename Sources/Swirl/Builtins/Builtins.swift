// The `builtins` namespace: functions (print, len, range, sorted, ...), the built-in
// types and exception classes, and constants.
import BigInt

extension Runtime {
    func define(_ name: String, _ impl: NativeImpl, intrinsic: Intrinsic = .none) {
        let function = PyNativeFunction(name, impl)
        function.intrinsic = intrinsic
        builtins[name] = .object(function)
    }

    func installBuiltins() {
        for t in [Types.object, Types.int, Types.float, Types.str, Types.bool, Types.list, Types.tuple, Types.dict,
                  Types.set, Types.frozenset, Types.bytes, Types.range, Types.type, Types.slice, Types.property,
                  Types.staticmethod, Types.classmethod, Types.superType] {
            builtins[t.name] = .object(t)
        }
        for e in Types.allExceptions + [Types.unicodeDecodeError, Types.unicodeEncodeError] { builtins[e.name] = .object(e) }
        builtins["EnvironmentError"] = .object(Types.osError)
        builtins["IOError"] = .object(Types.osError)
        builtins["None"] = Value.none
        builtins["Ellipsis"] = .object(Types.ellipsis)
        builtins["NotImplemented"] = .object(Types.notImplemented)
        builtins["__name__"] = Value("builtins")

        define("print", .general { rt, a in try rt.builtinPrint(a) })
        define("len", .a1 { rt, v in .int(try rt.len(v)) }, intrinsic: .len)
        define("repr", .a1 { rt, v in Value(try rt.repr(v)) })
        define("open", .general { rt, a in try rt.builtinOpen(a) })
        define("ascii", .a1 { rt, v in Value(asciiEscape(try rt.repr(v))) })
        define("abs", .a1 { rt, v in try rt.absolute(v) })
        define("id", .a1 { rt, v in
            if case .object(let o) = v { return .int(Int(bitPattern: UInt(bitPattern: ObjectIdentifier(o)))) }
            return .int(try rt.hash(v))
        })
        define("hash", .a1 { rt, v in .int(try rt.hash(v)) })
        define("callable", .a1 { rt, v in .bool(rt.isCallable(v)) })
        define("iter", .general { rt, a in
            if a.positional.count == 2 {
                if !rt.isCallable(a.positional[0]) { throw typeError("iter(v, w): v must be callable") }
                return .object(CallableIterator(a.positional[0], sentinel: a.positional[1]))
            }
            if a.positional.isEmpty { throw typeError("iter expected at least 1 argument, got 0") }
            guard a.positional.count == 1 else { throw typeError("iter expected at most 2 arguments, got \(a.positional.count)") }
            let v = a.positional[0]
            if case .object(let o) = v, let file = o as? PyFile {
                try file.checkOpen()
                return v
            }
            if rt.special(v, "__iter__") != nil, case .object(let o) = v, !(o is PyIteratorObject) {
                let it = try rt.callMethod(rt.special(v, "__iter__") ?? .none, self: v, [])
                if case .object(let io) = it, io is PyIteratorObject { return it }
                if rt.special(it, "__next__") == nil {
                    throw typeError("iter() returned non-iterator of type '\(rt.typeName(it))'")
                }
                return it
            }
            return .object(try rt.iterate(v))
        })
        define("next", .general { rt, a in
            guard let it = a.positional.first else { throw typeError("next expected at least 1 argument, got 0") }
            if case .object(let o) = it, let file = o as? PyFile {
                // A file is its own iterator (`header = next(f)`).
                if let line = try FileLineIterator(file).next(rt) { return line }
                if a.positional.count > 1 { return a.positional[1] }
                throw ScriptError(PyException(Types.stopIteration, args: []))
            }
            if case .object(let o) = it, !(o is PyIteratorObject), rt.special(it, "__next__") == nil {
                throw typeError("'\(rt.typeName(it))' object is not an iterator")
            }
            if case .object(let o) = it, let r = o as? ResumableObject {
                // A generator, coroutine wrapper or future iterator: its StopIteration
                // carries its result.
                if !r.isScriptIterator { throw typeError("'\(rt.typeName(it))' object is not an iterator") }
                do { return try rt.generatorSend(it, .none) } catch let e as ScriptError where a.positional.count > 1
                                                                && e.exception.isInstance(of: Types.stopIteration) {
                    return a.positional[1]
                }
            }
            if let v = try rt.nextOf(it) { return v }
            if a.positional.count > 1 { return a.positional[1] }
            throw ScriptError(PyException(Types.stopIteration, args: []))
        })
        define("isinstance", .a2 { rt, v, spec in .bool(try rt.isInstance(v, spec)) })
        define("issubclass", .a2 { rt, c, spec in
            guard case .object(let o) = c, let cls = o as? PyType else { throw typeError("issubclass() arg 1 must be a class") }
            return .bool(try rt.classMatches(cls, spec, fn: "issubclass"))
        })
        define("getattr", .general { rt, a in
            guard a.positional.count >= 2 else { throw typeError("getattr expected at least 2 arguments, got \(a.positional.count)") }
            guard case .object(let no) = a.positional[1], let n = no as? PyStr else {
                throw typeError("attribute name must be string, not '\(rt.typeName(a.positional[1]))'")
            }
            if a.positional.count > 2 {
                do { return try rt.lookupAttribute(a.positional[0], n.value) ?? a.positional[2] } catch let e as ScriptError where e.exception.isInstance(of: Types.attributeError) {
                    return a.positional[2]
                }
            }
            return try rt.getAttribute(a.positional[0], n.value)
        })
        define("setattr", .a3 { rt, o, n, v in
            guard case .object(let no) = n, let s = no as? PyStr else { throw typeError("attribute name must be string") }
            try rt.setAttribute(o, s.value, v)
            return .none
        })
        define("delattr", .a2 { rt, o, n in
            guard case .object(let no) = n, let s = no as? PyStr else { throw typeError("attribute name must be string") }
            try rt.deleteAttribute(o, s.value)
            return .none
        })
        define("hasattr", .a2 { rt, o, n in
            guard case .object(let no) = n, let s = no as? PyStr else { throw typeError("attribute name must be string") }
            do { return .bool(try rt.lookupAttribute(o, s.value) != nil) } catch let e as ScriptError where e.exception.isInstance(of: Types.attributeError) {
                return .false
            }
        })
        define("chr", .a1 { rt, v in
            let i = try rt.indexValue(v)
            guard i >= 0 && i <= 0x10FFFF, let u = Unicode.Scalar(UInt32(i)) else {
                if i >= 0xD800 && i <= 0xDFFF { return Value("\u{FFFD}") }
                throw valueError("chr() arg not in range(0x110000)")
            }
            return Value(String(Character(u)))
        })
        define("ord", .a1 { rt, v in
            guard case .object(let o) = v, let s = o as? PyStr else {
                if case .object(let o) = v, let b = o as? PyBytes, b.bytes.count == 1 { return .int(Int(b.bytes[0])) }
                throw typeError("ord() expected string of length 1, but \(rt.typeName(v)) found")
            }
            guard s.count == 1, let u = s.value.unicodeScalars.first else {
                throw typeError("ord() expected a character, but string of length \(s.count) found")
            }
            return .int(Int(u.value))
        })
        define("sum", .oneOrGeneral(one: { rt, v in try rt.sum(v, start: .int(0)) },
                                    general: { rt, a in try rt.builtinSum(a) }))
        define("min", .oneOrGeneral(one: { rt, v in try rt.builtinMinMax(Arguments([v]), isMin: true) },
                                    general: { rt, a in try rt.builtinMinMax(a, isMin: true) }))
        define("max", .oneOrGeneral(one: { rt, v in try rt.builtinMinMax(Arguments([v]), isMin: false) },
                                    general: { rt, a in try rt.builtinMinMax(a, isMin: false) }))
        define("any", .a1 { rt, v in
            let it = try rt.iterate(v)
            while let x = try it.next(rt) { if try rt.truthy(x) { return .true } }
            return .false
        })
        define("all", .a1 { rt, v in
            let it = try rt.iterate(v)
            while let x = try it.next(rt) { if try !rt.truthy(x) { return .false } }
            return .true
        })
        define("sorted", .general { rt, a in
            guard a.positional.count == 1 else { throw typeError("sorted expected 1 argument, got \(a.positional.count)") }
            let l = PyList(try rt.iterateToArray(a.positional[0]))
            try rt.sortList(l, keywords: a.keywords)
            return .object(l)
        })
        define("reversed", .a1 { rt, v in
            if case .object(let o) = v {
                if let l = o as? PyList { return .object(SequenceIterator(.values(l.items.reversed()), type: Types.listReverseIterator)) }
                if let t = o as? PyTuple { return .object(SequenceIterator(.values(t.items.reversed()), type: Types.reversedIterator)) }
                if o is PyRange { return .object(SequenceIterator(.values(try rt.iterateToArray(v).reversed()), type: Types.rangeIterator)) }
                if let s = o as? PyStr {
                    return .object(SequenceIterator(.values(s.value.unicodeScalars.reversed().map { Value(String($0)) }), type: Types.reversedIterator))
                }
                if let d = o as? PyDict {
                    return .object(SequenceIterator(.values(d.table.liveEntries.map { $0.key }.reversed()), type: Types.dictReverseKeyIterator))
                }
                if let view = o as? DictView {
                    let entries = view.dict.table.liveEntries.reversed()
                    switch view.mode {
                    case .keys: return .object(SequenceIterator(.values(entries.map { $0.key }), type: Types.dictReverseKeyIterator))
                    case .values: return .object(SequenceIterator(.values(entries.map { $0.value }), type: Types.dictReverseValueIterator))
                    case .items:
                        return .object(SequenceIterator(.values(entries.map { .object(PyTuple([$0.key, $0.value])) }),
                                                        type: Types.dictReverseItemIterator))
                    }
                }
                if let m = rt.special(v, "__reversed__") { return try rt.callMethod(m, self: v, []) }
                if rt.special(v, "__len__") != nil && rt.special(v, "__getitem__") != nil {
                    let n = try rt.len(v)
                    return .object(SequenceIterator(.values(try (0..<n).reversed().map { try rt.getItem(v, .int($0)) }), type: Types.reversedIterator))
                }
            }
            throw typeError("'\(rt.typeName(v))' object is not reversible")
        })
        define("enumerate", .general { rt, a in
            guard let src = a.positional.first ?? a.keywords.first(where: { $0.0 == "iterable" })?.1 else {
                throw typeError("enumerate() missing required argument 'iterable'")
            }
            var start = 0
            if a.positional.count > 1 { start = try rt.indexValue(a.positional[1]) }
            if let s = a.keywords.first(where: { $0.0 == "start" }) { start = try rt.indexValue(s.1) }
            return .object(EnumerateIterator(try rt.iterate(src), start: start))
        })
        define("zip", .general { rt, a in
            let strict = try a.keywords.first(where: { $0.0 == "strict" }).map { try rt.truthy($0.1) } ?? false
            return .object(ZipIterator(try a.positional.map { try rt.iterate($0) }, strict: strict))
        })
        define("map", .general { rt, a in
            guard a.positional.count >= 2 else { throw typeError("map() must have at least two arguments.") }
            return .object(MapIterator(a.positional[0], try a.positional.dropFirst().map { try rt.iterate($0) }))
        })
        define("filter", .a2 { rt, fn, src in .object(FilterIterator(fn, try rt.iterate(src))) })
        define("divmod", .a2 { rt, x, y in
            guard let nx = rt.num(x), let ny = rt.num(y) else {
                // __divmod__, then the right operand's __rdivmod__, as the binary operators do.
                for (receiver, other, name) in [(x, y, "__divmod__"), (y, x, "__rdivmod__")] {
                    guard let m = rt.special(receiver, name) else { continue }
                    let r = try rt.callMethod(m, self: receiver, [other])
                    if !r.isIdentical(to: .object(Types.notImplemented)) { return r }
                }
                throw typeError("unsupported operand type(s) for divmod(): '\(rt.typeName(x))' and '\(rt.typeName(y))'")
            }
            // With a float on either side a zero divisor is "float divmod()".
            if nx.isFloat || ny.isFloat, (try? rt.truthy(y)) == false { throw zeroDivision("float divmod()") }
            return .object(PyTuple([try rt.binary(.floorDiv, x, y), try rt.binary(.mod, x, y)]))
        })
        define("pow", .general { rt, a in
            // pow(base, exp, mod=None), each also by keyword.
            var args: [Value?] = a.positional.map { $0 }
            if args.count > 3 { throw typeError("pow() takes at most 3 arguments (\(args.count) given)") }
            while args.count < 3 { args.append(nil) }
            for (k, v) in a.keywords {
                guard let i = ["base", "exp", "mod"].firstIndex(of: k) else {
                    throw typeError("'\(k)' is an invalid keyword argument for pow()")
                }
                if args[i] != nil { throw typeError("argument for pow() given by name ('\(k)') and position (\(i + 1))") }
                args[i] = v
            }
            guard let base = args[0] else { throw typeError("pow() missing required argument 'base' (pos 1)") }
            guard let exp = args[1] else { throw typeError("pow() missing required argument 'exp' (pos 2)") }
            if let mod = args[2], !mod.isNone { return try rt.modPow(base, exp, mod) }
            return try rt.binary(.pow, base, exp)
        })
        define("round", .general { rt, a in try rt.builtinRound(a) })
        define("hex", .a1 { rt, v in Value(try rt.intToBase(v, 16, "0x")) })
        define("oct", .a1 { rt, v in Value(try rt.intToBase(v, 8, "0o")) })
        define("bin", .a1 { rt, v in Value(try rt.intToBase(v, 2, "0b")) })
        define("input", .general { rt, a in
            if let p = a.positional.first { rt.output.stdout(try rt.str(p)) }
            rt.output.flush()
            guard var line = rt.blockingCall({ Swift.readLine(strippingNewline: false) }) else {
                throw ScriptError(Types.eofError, "EOF when reading a line")
            }
            // Only the "\n" goes, as in CPython (a "\r" before it stays).
            if line.unicodeScalars.last == "\n" { line.unicodeScalars.removeLast() }
            return Value(line)
        })
        define("dir", .general { rt, a in
            var names: [String]
            if let v = a.positional.first { names = Array(Set(rt.attributeNames(v) + rt.implicitAttributeNames(v))) } else {
                names = rt.mainGlobals?.defined.map { $0.0 } ?? []
            }
            if case .object(let o)? = a.positional.first, let m = o as? PyModule { names = m.globals.defined.map { $0.0 } }
            return .object(PyList(names.sorted().map { Value($0) }))
        })
        define("vars", .general { rt, a in
            guard let v = a.positional.first else { return .object(rt.dictFrom(rt.mainGlobals?.defined ?? [])) }
            if case .object(let o) = v, let inst = o as? PyInstance {
                if !inst.cls.instancesHaveDict {
                    throw typeError("vars() argument must have __dict__ attribute")
                }
                return .object(inst.dict)
            }
            if case .object(let o) = v, let d = o.instanceDict { return .object(rt.dictFrom(Array(d.map { ($0.key, $0.value) }))) }
            if case .object(let o) = v, let m = o as? PyModule { return .object(rt.dictFrom(m.globals.defined)) }
            throw typeError("vars() argument must have __dict__ attribute")
        })
        define("format", .general { rt, a in
            guard let v = a.positional.first else { throw typeError("format expected at least 1 argument, got 0") }
            if a.positional.count > 2 { throw typeError("format expected at most 2 arguments, got \(a.positional.count)") }
            var spec = ""
            if a.positional.count > 1 {
                guard case .object(let so) = a.positional[1], let s = so as? PyStr else {
                    throw typeError("format() argument 2 must be str, not \(rt.typeName(a.positional[1]))")
                }
                spec = s.value
            }
            return Value(try rt.format(v, spec))
        })
        define("exit", .general { _, a in throw ScriptError(PyException(Types.systemExit, args: a.positional)) })
        define("quit", .general { _, a in throw ScriptError(PyException(Types.systemExit, args: a.positional)) })
        for name in ["eval", "exec", "compile"] {
            define(name, .general { _, _ in throw notImplemented("\(name)() of strings is not supported in Swirl") })
        }
        define("globals", .a0 { rt in .object(rt.dictFrom(rt.mainGlobals?.defined ?? [])) })
        define("aiter", .a1 { rt, v in try rt.asyncIterator(v, builtin: true) })
        define("anext", .general { rt, a in
            guard let it = a.positional.first else { throw typeError("anext expected at least 1 argument, got 0") }
            let step = try rt.asyncNext(it, builtin: true)
            if a.positional.count > 1 { return .object(AnextWithDefault(try rt.awaitIterator(step), a.positional[1])) }
            return step
        })
    }

    // MARK: implementations

    func builtinPrint(_ a: Arguments) throws -> Value {
        var sep = " ", end = "\n"
        var toStderr = false
        var file: Value?
        var flush = false
        for (k, v) in a.keywords {
            switch k {
            case "sep": if !v.isNone { sep = try stringArgument(v, "sep") }
            case "end": if !v.isNone { end = try stringArgument(v, "end") }
            case "file":
                if !v.isNone { file = v }
            case "flush": flush = try truthy(v)
            default: throw typeError("'\(k)' is an invalid keyword argument for print()")
            }
        }
        var out = ""
        for (i, v) in a.positional.enumerated() {
            if i > 0 { out += sep }
            out += try str(v)
        }
        out += end
        if let f = file {
            if case .object(let o) = f, let s = o as? PyStream {
                toStderr = s.isStderr
                if !s.isStdout && !s.isStderr {
                    _ = try callMethod(try getAttribute(f, "write"), self: .none, [Value(out)])
                    return .none
                }
            } else {
                _ = try call(try getAttribute(f, "write"), [Value(out)])
                return .none
            }
        }
        if toStderr { output.stderr(out) } else { output.stdout(out) }
        if flush { output.flush() }
        return .none
    }

    func stringArgument(_ v: Value, _ name: String) throws -> String {
        guard case .object(let o) = v, let s = o as? PyStr else {
            throw typeError("\(name) must be None or a string, not \(typeName(v))")
        }
        return s.value
    }

    func absolute(_ v: Value) throws -> Value {
        switch v {
        case .int(let i): return i == Int.min ? .integer(-BigInt(i)) : .int(Swift.abs(i))
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return .float(Swift.abs(d))
        case .object(let o):
            if let b = o as? PyBigInt { return .integer(BigInt(b.value.magnitude)) }
            if let m = special(v, "__abs__") { return try callMethod(m, self: v, []) }
        default: break
        }
        throw typeError("bad operand type for abs(): '\(typeName(v))'")
    }

    func isCallable(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        if o is PyFunction || o is PyNativeFunction || o is PyBoundMethod || o is PyType { return true }
        return special(v, "__call__") != nil
    }

    func isInstance(_ v: Value, _ spec: Value) throws -> Bool {
        try classMatches(typeOf(v), spec, fn: "isinstance")
    }

    func classMatches(_ t: PyType, _ spec: Value, fn: String) throws -> Bool {
        if case .object(let o) = spec {
            if let cls = o as? PyType { return t.isSubtype(of: cls) }
            if let tuple = o as? PyTuple {
                for item in tuple.items where try classMatches(t, item, fn: fn) { return true }
                return false
            }
            if let union = o as? PyUnionType {
                for item in union.args where try classMatches(t, item, fn: fn) { return true }
                return false
            }
            if o is PyGenericAlias { throw typeError("\(fn)() argument 2 cannot be a parameterized generic") }
        }
        throw typeError("\(fn)() arg 2 must be a type, a tuple of types, or a union")
    }

    func builtinSum(_ a: Arguments) throws -> Value {
        guard let src = a.positional.first else { throw typeError("sum() takes at least 1 positional argument (0 given)") }
        let start: Value = a.positional.count > 1 ? a.positional[1] : (a.keywords.first { $0.0 == "start" }?.1 ?? .int(0))
        return try sum(src, start: start)
    }

    /// `sum(src, start)`. Lists and tuples are read in place, and a run of ints is added
    /// without boxing each partial total.
    func sum(_ src: Value, start: Value) throws -> Value {
        var total = start
        if case .object(let o) = total, o is PyStr { throw typeError("sum() can't sum strings [use ''.join(seq) instead]") }
        var done = 0
        if case .int(var acc) = total, case .object(let o) = src,
           let items = (o as? PyList)?.items ?? (o as? PyTuple)?.items {
            while done < items.count, case .int(let y) = items[done] {
                let (r, overflow) = acc.addingReportingOverflow(y)
                if overflow { break }
                acc = r
                done += 1
            }
            total = .int(acc)
            if done == items.count { return total }
        }
        // The rest generically (a float, a big int, an object whose __add__ may even change
        // the list), skipping the items already added.
        let it = try iterate(src)
        for _ in 0..<done { _ = try it.next(self) }
        while let x = try it.next(self) {
            if case .int(let t) = total, case .int(let y) = x {
                let (r, o) = t.addingReportingOverflow(y)
                if !o { total = .int(r); continue }
            }
            total = try binary(.add, total, x)
        }
        return total
    }

    func builtinMinMax(_ a: Arguments, isMin: Bool) throws -> Value {
        let name = isMin ? "min" : "max"
        var key: Value?
        var defaultValue: Value?
        for (k, v) in a.keywords {
            switch k {
            case "key": if !v.isNone { key = v }
            case "default": defaultValue = v
            default: throw typeError("'\(k)' is an invalid keyword argument for \(name)()")
            }
        }
        let items: [Value]
        if a.positional.count == 1 {
            items = try iterateToArray(a.positional[0])
        } else if a.positional.isEmpty {
            throw typeError("\(name) expected at least 1 argument, got 0")
        } else {
            if defaultValue != nil {
                throw typeError("Cannot specify a default for \(name)() with multiple positional arguments")
            }
            items = a.positional
        }
        guard var best = items.first else {
            if let d = defaultValue { return d }
            throw valueError("\(name)() arg is an empty sequence")
        }
        var bestKey = try key.map { try call($0, [best]) } ?? best
        for x in items.dropFirst() {
            let k = try key.map { try call($0, [x]) } ?? x
            if try order(isMin ? .lt : .gt, k, bestKey) {
                best = x
                bestKey = k
            }
        }
        return best
    }

    func builtinRound(_ a: Arguments) throws -> Value {
        guard let x = a.positional.first ?? a.keywords.first(where: { $0.0 == "number" })?.1 else {
            throw typeError("round() missing required argument 'number' (pos 1)")
        }
        let nd: Value = a.positional.count > 1 ? a.positional[1] : (a.keywords.first { $0.0 == "ndigits" }?.1 ?? .none)
        switch x {
        case .float(let d):
            if nd.isNone {
                if d.isNaN { throw valueError("cannot convert float NaN to integer") }
                if d.isInfinite { throw overflowError("cannot convert float infinity to integer") }
                let r = d.rounded(.toNearestOrEven)
                if let i = Int(exactly: r) { return .int(i) }
                return .integer(BigInt(r))
            }
            let n = try indexValue(nd)
            do { return .float(try pyRoundChecked(d, ndigits: n)) } catch { throw overflowError(error.message) }
        case .int, .bool:
            if nd.isNone { return try positive(x) }
            let n = try indexValue(nd)
            if n >= 0 { return try positive(x) }
            guard let v = num(x) else { return x }
            return .integer(roundInteger(bigOf(v), ndigits: n))
        case .object(let o):
            if let big = o as? PyBigInt {
                if nd.isNone { return x }
                let n = try indexValue(nd)
                if n >= 0 { return x }
                return .integer(roundInteger(big.value, ndigits: n))
            }
            if let m = special(x, "__round__") { return try callMethod(m, self: x, nd.isNone ? [] : [nd]) }
        default: break
        }
        throw typeError("type \(typeName(x)) doesn't define __round__ method")
    }

    /// `round(x, n)` of an integer for a negative `n`: to a multiple of 10**-n, ties to even.
    /// A multiple larger than twice |x| always rounds to 0 (and -n may not fit an Int).
    func roundInteger(_ x: BigInt, ndigits n: Int) -> BigInt {
        if n <= -(x.bitWidth + 2) { return 0 }
        let p = BigInt(10).power(-n)
        var (q, r) = x.quotientAndRemainder(dividingBy: p)
        if r.sign == .minus { q -= 1; r += p }
        let twice = r * 2
        if twice > p || (twice == p && !q.isMultiple(of: 2)) { q += 1 }
        return q * p
    }

    func modPow(_ b: Value, _ e: Value, _ m: Value) throws -> Value {
        // Any float (whatever the other two are) is float's refusal, as in CPython.
        if [b, e, m].contains(where: { num($0)?.isFloat == true }) {
            throw typeError("pow() 3rd argument not allowed unless all arguments are integers")
        }
        guard let bn = num(b), let en = num(e), let mn = num(m) else {
            throw typeError("unsupported operand type(s) for ** or pow(): '\(typeName(b))', '\(typeName(e))', '\(typeName(m))'")
        }
        let mod = bigOf(mn)
        if mod.isZero { throw valueError("pow() 3rd argument cannot be 0") }
        if mod.magnitude == 1 { return .int(0) }
        var exp = bigOf(en)
        var base = bigOf(bn)
        if exp.sign == .minus {
            guard let inv = base.inverse(mod.magnitude == 0 ? 1 : BigInt(mod.magnitude)) else {
                throw valueError("base is not invertible for the given modulus")
            }
            base = inv
            exp = -exp
        }
        var r = base.power(exp, modulus: mod)
        if !r.isZero && (r.sign == .minus) != (mod.sign == .minus) { r += mod }
        return .integer(r)
    }

    func intToBase(_ v: Value, _ radix: Int, _ prefix: String) throws -> String {
        let big: BigInt
        switch v {
        case .int(let i): big = BigInt(i)
        case .bool(let b): big = BigInt(b ? 1 : 0)
        case .object(let o) where o is PyBigInt: big = (o as? PyBigInt)?.value ?? 0
        default:
            if special(v, "__index__") != nil { return try intToBase(.int(try indexValue(v)), radix, prefix) }
            throw typeError("'\(typeName(v))' object cannot be interpreted as an integer")
        }
        let digits = String(big.magnitude, radix: radix)
        return (big.sign == .minus ? "-" : "") + prefix + digits
    }
}

// MARK: iterator objects of the built-ins

final class EnumerateIterator: PyIteratorObject {
    override var type: PyType { Types.enumerateIterator }
    let source: PyIteratorObject
    var index: Int
    init(_ source: PyIteratorObject, start: Int) {
        self.source = source
        index = start
    }
    override func next(_ rt: Runtime) throws -> Value? {
        guard let v = try source.next(rt) else { return nil }
        defer { index += 1 }
        return .object(PyTuple([.int(index), v]))
    }
}

final class ZipIterator: PyIteratorObject {
    override var type: PyType { Types.zipIterator }
    let sources: [PyIteratorObject]
    let strict: Bool
    init(_ sources: [PyIteratorObject], strict: Bool) {
        self.sources = sources
        self.strict = strict
    }
    override func next(_ rt: Runtime) throws -> Value? {
        if sources.isEmpty { return nil }
        var items: [Value] = []
        for (i, s) in sources.enumerated() {
            guard let v = try s.next(rt) else {
                if strict {
                    if i > 0 {
                        throw valueError("zip() argument \(i + 1) is shorter than argument\(i > 1 ? "s 1-\(i)" : " 1")")
                    }
                    for (j, other) in sources.enumerated().dropFirst() where try other.next(rt) != nil {
                        throw valueError("zip() argument \(j + 1) is longer than argument\(j > 1 ? "s 1-\(j)" : " 1")")
                    }
                }
                return nil
            }
            items.append(v)
        }
        return .object(PyTuple(items))
    }
}

final class MapIterator: PyIteratorObject {
    override var type: PyType { Types.mapIterator }
    let function: Value
    let sources: [PyIteratorObject]
    init(_ function: Value, _ sources: [PyIteratorObject]) {
        self.function = function
        self.sources = sources
    }
    override func next(_ rt: Runtime) throws -> Value? {
        var args: [Value] = []
        for s in sources {
            guard let v = try s.next(rt) else { return nil }
            args.append(v)
        }
        // A StopIteration out of the function ends the iteration, as it does out of
        // CPython's map.__next__.
        do { return try rt.call(function, args) } catch let e as ScriptError where e.exception.isInstance(of: Types.stopIteration) {
            return nil
        }
    }
}

final class FilterIterator: PyIteratorObject {
    override var type: PyType { Types.filterIterator }
    let function: Value
    let source: PyIteratorObject
    init(_ function: Value, _ source: PyIteratorObject) {
        self.function = function
        self.source = source
    }
    override func next(_ rt: Runtime) throws -> Value? {
        while let v = try source.next(rt) {
            do {
                let keep = function.isNone ? try rt.truthy(v) : try rt.truthy(try rt.call(function, [v]))
                if keep { return v }
            } catch let e as ScriptError where e.exception.isInstance(of: Types.stopIteration) {
                return nil   // as in map
            }
        }
        return nil
    }
}

/// `iter(callable, sentinel)`.
final class CallableIterator: PyIteratorObject {
    let function: Value
    let sentinel: Value
    var done = false
    init(_ function: Value, sentinel: Value) {
        self.function = function
        self.sentinel = sentinel
    }
    override var type: PyType { Types.callableIterator }
    override func next(_ rt: Runtime) throws -> Value? {
        if done { return nil }
        try rt.checkInterrupt()
        let v = try rt.call(function, [])
        if try rt.eq(v, sentinel) {
            done = true
            return nil
        }
        return v
    }
}

extension Types {
    nonisolated(unsafe) static let callableIterator = builtin("callable_iterator")
}
