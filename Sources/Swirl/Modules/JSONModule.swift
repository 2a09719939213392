// The `json` module: dumps/dump/loads/load and JSONDecodeError. Encoding follows
// CPython's json.encoder byte for byte (separators, indentation, key conversion, ASCII
// escaping, circular-reference and recursion checks); decoding lives in JSONDecoder.swift.
import BigInt

extension Types {
    /// `json.JSONDecodeError`, a ValueError subclass.
    nonisolated(unsafe) static let jsonDecodeError = exc("JSONDecodeError", valueError, module: "json.decoder")
}

extension Runtime {
    func makeJSONModule() throws -> PyModule {
        let m = PyModule(name: "json")
        let g = m.globals
        g["JSONDecodeError"] = .object(Types.jsonDecodeError)
        g["dumps"] = .object(PyNativeFunction("dumps", .general { rt, a in
            guard a.positional.count == 1 else {
                throw typeError("dumps() takes 1 positional argument but \(a.positional.count) were given")
            }
            return Value(try rt.jsonDumps(a.positional[0], a.keywords))
        }))
        g["dump"] = .object(PyNativeFunction("dump", .general { rt, a in
            guard a.positional.count == 2 else {
                throw typeError("dump() takes 2 positional arguments but \(a.positional.count) were given")
            }
            let text = try rt.jsonDumps(a.positional[0], a.keywords)
            _ = try rt.call(try rt.getAttribute(a.positional[1], "write"), [Value(text)])
            return .none
        }))
        g["loads"] = .object(PyNativeFunction("loads", .general { rt, a in
            guard a.positional.count == 1 else {
                throw typeError("loads() takes 1 positional argument but \(a.positional.count) were given")
            }
            return try rt.jsonLoads(a.positional[0], a.keywords)
        }))
        g["load"] = .object(PyNativeFunction("load", .general { rt, a in
            guard a.positional.count == 1 else {
                throw typeError("load() takes 1 positional argument but \(a.positional.count) were given")
            }
            let text = try rt.call(try rt.getAttribute(a.positional[0], "read"), [])
            return try rt.jsonLoads(text, a.keywords)
        }))
        return m
    }

    /// `json.dumps(obj, **options)`.
    func jsonDumps(_ obj: Value, _ keywords: [(String, Value)]) throws -> String {
        var enc = JSONEncoderState(rt: self)
        var indent: Value = .none
        var separators: Value = .none
        for (k, v) in keywords {
            switch k {
            case "skipkeys": enc.skipKeys = try truthy(v)
            case "ensure_ascii": enc.ensureASCII = try truthy(v)
            case "check_circular": enc.checkCircular = try truthy(v)
            case "allow_nan": enc.allowNaN = try truthy(v)
            case "sort_keys": enc.sortKeys = try truthy(v)
            case "indent": indent = v
            case "separators": separators = v
            case "default": enc.defaultFn = v.isNone ? nil : v
            case "cls":
                if !v.isNone { throw typeError("json.dumps(): custom encoder classes (cls=) are not supported") }
            default: throw typeError("JSONEncoder.__init__() got an unexpected keyword argument '\(k)'")
            }
        }
        switch indent {
        case .none: enc.indent = nil
        case .int(let n): enc.indent = String(repeating: " ", count: max(0, n))
        case .bool(let b): enc.indent = b ? " " : ""
        case .object(let o):
            if let s = o as? PyStr { enc.indent = s.value } else {
                throw typeError("can't multiply sequence by non-int of type '\(typeName(indent))'")
            }
        case .float: throw typeError("can't multiply sequence by non-int of type 'float'")
        }
        if separators.isNone {
            enc.itemSeparator = enc.indent == nil ? ", " : ","
        } else {
            let parts = try iterateToArray(separators)
            guard parts.count == 2 else {
                throw valueError(parts.count < 2 ? "not enough values to unpack (expected 2, got \(parts.count))"
                                                 : "too many values to unpack (expected 2)")
            }
            enc.keySeparator = try jsonSeparator(parts[1], 5)
            enc.itemSeparator = try jsonSeparator(parts[0], 6)
        }
        try enc.encode(obj, level: 0)
        return enc.out
    }

    private func jsonSeparator(_ v: Value, _ position: Int) throws -> String {
        guard case .object(let o) = v, let s = o as? PyStr else {
            throw typeError("make_encoder() argument \(position) must be str, not \(typeName(v))")
        }
        return s.value
    }
}

/// One `dumps` call: options plus the output being built.
struct JSONEncoderState {
    let rt: Runtime
    var skipKeys = false
    var ensureASCII = true
    var checkCircular = true
    var allowNaN = true
    var sortKeys = false
    var indent: String?
    var itemSeparator = ", "
    var keySeparator = ": "
    var defaultFn: Value?
    var out = ""
    private var markers = Set<ObjectIdentifier>()
    private var depth = 0

    init(rt: Runtime) { self.rt = rt }

    mutating func encode(_ v: Value, level: Int) throws {
        switch v {
        case .none: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let d): out += try floatString(d)
        case .object(let o):
            switch o {
            case let s as PyStr: appendString(s.value)
            case let b as PyBigInt: out += try rt.repr(.object(b))
            case let l as PyList: try encodeList(o, l.items, level: level)
            case let t as PyTuple: try encodeList(o, t.items, level: level)
            case let d as PyDict: try encodeDict(d, level: level)
            default:
                guard let fn = defaultFn else {
                    throw typeError("Object of type \(rt.typeName(v)) is not JSON serializable")
                }
                try enter(o)
                let replacement = try rt.call(fn, [v])
                try encode(replacement, level: level)
                leave(o)
            }
        }
    }

    private mutating func enter(_ o: PyObject) throws {
        if checkCircular {
            let id = ObjectIdentifier(o)
            if markers.contains(id) { throw valueError("Circular reference detected") }
            markers.insert(id)
        }
        depth += 1
        if depth > rt.recursionLimit {
            throw ScriptError(Types.recursionError, "maximum recursion depth exceeded while encoding a JSON object")
        }
        try rt.checkInterrupt()
    }

    private mutating func leave(_ o: PyObject) {
        if checkCircular { markers.remove(ObjectIdentifier(o)) }
        depth -= 1
    }

    private func floatString(_ d: Double) throws -> String {
        if d.isFinite { return pyFloatRepr(d) }
        if !allowNaN {
            throw valueError("Out of range float values are not JSON compliant")
        }
        if d.isNaN { return "NaN" }
        return d > 0 ? "Infinity" : "-Infinity"
    }

    /// The newline and indentation before an item at `level`, or nil without indent.
    private func newline(_ level: Int) -> String? {
        guard let ind = indent else { return nil }
        return "\n" + String(repeating: ind, count: level)
    }

    private mutating func encodeList(_ o: PyObject, _ items: [Value], level: Int) throws {
        if items.isEmpty {
            out += "[]"
            return
        }
        try enter(o)
        out += "["
        let inner = newline(level + 1)
        if let nl = inner { out += nl }
        for (i, item) in items.enumerated() {
            if i > 0 { out += itemSeparator + (inner ?? "") }
            try encode(item, level: level + 1)
        }
        if let nl = newline(level) { out += nl }
        out += "]"
        leave(o)
    }

    private mutating func encodeDict(_ d: PyDict, level: Int) throws {
        if d.table.isEmpty {
            out += "{}"
            return
        }
        try enter(d)
        var entries = d.table.liveEntries.map { ($0.key, $0.value) }
        if sortKeys {
            let keys = PyList(entries.map { $0.0 })
            try rt.sortList(keys, keywords: [])
            var sorted: [(Value, Value)] = []
            for k in keys.items {
                sorted.append((k, try rt.dictGet(d, k) ?? Value.none))
            }
            entries = sorted
        }
        out += "{"
        let inner = newline(level + 1)
        if let nl = inner { out += nl }
        var first = true
        for (key, value) in entries {
            let keyText: String
            switch key {
            case .none: keyText = "null"
            case .bool(let b): keyText = b ? "true" : "false"
            case .int(let i): keyText = String(i)
            case .float(let f): keyText = try floatString(f)
            case .object(let ko):
                if let s = ko as? PyStr { keyText = s.value } else if ko is PyBigInt { keyText = try rt.repr(key) } else {
                    if skipKeys { continue }
                    throw typeError("keys must be str, int, float, bool or None, not \(rt.typeName(key))")
                }
            }
            if !first { out += itemSeparator + (inner ?? "") }
            first = false
            appendString(keyText)
            out += keySeparator
            try encode(value, level: level + 1)
        }
        if let nl = newline(level) { out += nl }
        out += "}"
        leave(d)
    }

    /// A JSON string literal, escaped like `encode_basestring(_ascii)`.
    private mutating func appendString(_ s: String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                let c = u.value
                if c < 0x20 || (ensureASCII && c > 0x7e) {
                    if c >= 0x10000 {
                        let v = c - 0x10000
                        out += hex4(0xD800 | (v >> 10)) + hex4(0xDC00 | (v & 0x3FF))
                    } else {
                        out += hex4(c)
                    }
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }

    private func hex4(_ c: UInt32) -> String {
        let h = String(c, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}
