// `str.maketrans` and `str.translate`: translation tables map code points (ints) to a
// replacement string, a code point, or None (delete), looked up with `__getitem__` so any
// mapping or sequence serves as a table.

extension Types {
    static func installStrTranslate() {
        let t = Types.str
        t.dict["maketrans"] = .object(PyStaticMethod(.object(PyNativeFunction("maketrans", .general { rt, a in
            try rt.makeTranslationTable(a.positional)
        }))))
        method(t, "translate", .a2 { rt, v, table in
            guard let s = v.asObject as? PyStr else { return v }
            return Value(try rt.translate(s.value, table))
        })
    }
}

extension Runtime {
    /// `str.maketrans(x[, y[, z]])`.
    func makeTranslationTable(_ args: [Value]) throws -> Value {
        guard let first = args.first else { throw typeError("maketrans expected at least 1 argument, got 0") }
        if args.count > 3 { throw typeError("maketrans expected at most 3 arguments, got \(args.count)") }
        let table = PyDict()
        if args.count == 1 {
            guard let d = first.asObject as? PyDict else {
                throw typeError("if you give only one argument to maketrans it must be a dict")
            }
            for entry in d.table.liveEntries {
                let (key, value) = (entry.key, entry.value)
                switch key {
                case .int, .bool: try dictSet(table, .int(try indexValue(key)), value)
                case .object(let o) where o is PyStr:
                    let scalars = (o as? PyStr)?.value.unicodeScalars ?? "".unicodeScalars
                    guard scalars.count == 1, let u = scalars.first else {
                        throw valueError("string keys in translate table must be of length 1")
                    }
                    try dictSet(table, .int(Int(u.value)), value)
                default:
                    throw typeError("keys in translate table must be strings or integers")
                }
            }
            return .object(table)
        }
        var strings: [[Unicode.Scalar]] = []
        for (i, v) in args.enumerated().dropFirst() where !(v.asObject is PyStr) {
            throw typeError("maketrans() argument \(i + 1) must be str, not \(typeName(v))")
        }
        for v in args {
            guard let s = v.asObject as? PyStr else {
                throw typeError("first maketrans argument must be a string if there is a second argument")
            }
            strings.append(Array(s.value.unicodeScalars))
        }
        guard strings[0].count == strings[1].count else {
            throw valueError("the first two maketrans arguments must have equal length")
        }
        for (x, y) in zip(strings[0], strings[1]) { try dictSet(table, .int(Int(x.value)), .int(Int(y.value))) }
        if strings.count > 2 {
            for z in strings[2] { try dictSet(table, .int(Int(z.value)), Value.none) }
        }
        return .object(table)
    }

    /// `s.translate(table)`: each code point looked up in `table`; a LookupError keeps it.
    func translate(_ s: String, _ table: Value) throws -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let mapped: Value
            do {
                mapped = try getItem(table, .int(Int(u.value)))
            } catch let e as ScriptError where e.exception.isInstance(of: Types.lookupError) {
                out.append(u)
                continue
            }
            switch mapped {
            case .none:
                continue
            case .int, .bool:
                let code = try indexValue(mapped)
                guard code >= 0, code <= 0x10FFFF, let r = Unicode.Scalar(UInt32(code)) else {
                    throw valueError("character mapping must be in range(0x110000)")
                }
                out.append(r)
            case .object(let o) where o is PyStr:
                out.append(contentsOf: ((o as? PyStr)?.value ?? "").unicodeScalars)
            default:
                throw typeError("character mapping must return integer, None or str")
            }
        }
        return String(out)
    }
}
