// `ScriptValue`: the public, Sendable value type that carries data between Swift and
// scripts. Plain data (None, bool, int, float, str, bytes, list, tuple, dict) is copied
// across; every other script object travels as an opaque `ScriptObject` handle that can be
// passed back into the interpreter that made it.
import Foundation

/// A value crossing the boundary between Swift and a script.
///
/// Converting a script value to `ScriptValue` copies plain data: `int` becomes ``int(_:)``
/// (or ``bigInt(_:)`` with its exact decimal digits when it does not fit in `Int`, so
/// nothing is silently truncated), `float` ``double(_:)``, `str` ``string(_:)``,
/// `bytes`/`bytearray` ``bytes(_:)``, `list` ``list(_:)``, `tuple` ``tuple(_:)``, `set`
/// and `frozenset` ``list(_:)``, `dict` ``dictionary(_:)`` (in insertion order). Host
/// objects come back as ``hostObject(_:)``; anything else (functions, class instances,
/// coroutines) as an opaque ``object(_:)`` handle.
///
/// Literals work: `let v: ScriptValue = ["name": "Ada", "tags": [1, 2.5, nil]]`.
public enum ScriptValue: Sendable {
    /// `None`.
    case none
    /// `True` / `False`.
    case bool(Bool)
    /// An `int` that fits in `Int`.
    case int(Int)
    /// An `int` beyond `Int`, as its exact decimal digits (with a leading `-` if negative).
    case bigInt(String)
    /// A `float`.
    case double(Double)
    /// A `str`.
    case string(String)
    /// `bytes` (scripts receive `bytes`).
    case bytes(Data)
    /// A `list`.
    case list([ScriptValue])
    /// A `tuple`.
    case tuple([ScriptValue])
    /// A `dict`, as key/value pairs in insertion order.
    case dictionary([(key: ScriptValue, value: ScriptValue)])
    /// A Swift object exposed to scripts (see ``HostObject``).
    case hostObject(HostObject)
    /// Any other script object, as an opaque handle.
    case object(ScriptObject)
}

/// An opaque handle to a script object (a function, a class instance, a coroutine, ...).
///
/// Pass it back to the interpreter that produced it, e.g. as the callee of
/// `Interpreter.call(_ callee: ScriptValue, ...)` or as an argument; another interpreter
/// rejects it with a `TypeError`. The object stays alive as long as the handle does.
public final class ScriptObject: @unchecked Sendable, CustomStringConvertible {
    // The object is only ever touched on its interpreter's script thread; the handle just
    // keeps it alive. That is what makes the `@unchecked Sendable` sound.
    let object: PyObject
    let owner: ObjectIdentifier
    /// The script type's name, e.g. `"function"` or `"Point"`.
    public let typeName: String
    /// The script's `repr()` of the object, taken when the handle was made.
    public let description: String

    init(object: PyObject, owner: ObjectIdentifier, typeName: String, description: String) {
        self.object = object
        self.owner = owner
        self.typeName = typeName
        self.description = description
    }
}

extension ScriptValue: Equatable {
    /// Structural equality for data; identity for handles. `int(5)` equals `bigInt("5")`'s
    /// normal form only when both use the same case (conversions always pick `int` when it fits).
    public static func == (a: ScriptValue, b: ScriptValue) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.bigInt(let x), .bigInt(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.list(let x), .list(let y)), (.tuple(let x), .tuple(let y)): return x == y
        case (.dictionary(let x), .dictionary(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.hostObject(let x), .hostObject(let y)): return x.identity == y.identity
        case (.object(let x), .object(let y)): return x.object === y.object
        default: return false
        }
    }
}

extension ScriptValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    /// `nil` is `None`.
    public init(nilLiteral: ()) { self = .none }
    /// A bool literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer literal.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A float literal.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An array literal becomes a list.
    public init(arrayLiteral elements: ScriptValue...) { self = .list(elements) }
    /// A dictionary literal becomes a dict, keeping the literal's order.
    public init(dictionaryLiteral elements: (ScriptValue, ScriptValue)...) {
        self = .dictionary(elements.map { (key: $0.0, value: $0.1) })
    }
}

extension ScriptValue: CustomStringConvertible {
    /// A Python-like rendering, for logs and test failures.
    public var description: String {
        switch self {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .bigInt(let s): return s
        case .double(let d): return String(d)
        case .string(let s): return "'\(s)'"
        case .bytes(let d): return "b<\(d.count) bytes>"
        case .list(let l): return "[" + l.map(\.description).joined(separator: ", ") + "]"
        case .tuple(let l): return "(" + l.map(\.description).joined(separator: ", ") + (l.count == 1 ? ",)" : ")")
        case .dictionary(let d): return "{" + d.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .hostObject(let h): return "<\(h.typeName) host object>"
        case .object(let o): return o.description
        }
    }
}

extension ScriptValue {
    /// Converts common Swift values: `nil`/`NSNull`, `Bool`, integers, `Double`/`Float`,
    /// `String`, `Data`/`[UInt8]`, arrays of those (`[Any]`), dictionaries
    /// (`[String: Any]`, `[AnyHashable: Any]`) and `ScriptValue` itself. Returns nil for
    /// anything else.
    public init?(any value: Any?) {
        guard let value else { self = .none; return }
        switch value {
        case let v as ScriptValue: self = v
        case is NSNull: self = .none
        case let b as Bool: self = .bool(b)
        case let i as Int: self = .int(i)
        case let i as Int64: self = .int(Int(i))
        case let i as Int32: self = .int(Int(i))
        case let u as UInt:
            self = Int(exactly: u).map { .int($0) } ?? .bigInt(String(u))
        case let d as Double: self = .double(d)
        case let f as Float: self = .double(Double(f))
        case let s as String: self = .string(s)
        case let s as Substring: self = .string(String(s))
        case let d as Data: self = .bytes(d)
        case let b as [UInt8]: self = .bytes(Data(b))
        case let h as HostObject: self = .hostObject(h)
        case let a as [Any?]:
            var out: [ScriptValue] = []
            for e in a {
                guard let v = ScriptValue(any: e) else { return nil }
                out.append(v)
            }
            self = .list(out)
        case let d as [String: Any?]:
            var out: [(key: ScriptValue, value: ScriptValue)] = []
            for k in d.keys.sorted() {
                guard let v = ScriptValue(any: d[k] ?? nil) else { return nil }
                out.append((key: .string(k), value: v))
            }
            self = .dictionary(out)
        case let d as [AnyHashable: Any?]:
            var out: [(key: ScriptValue, value: ScriptValue)] = []
            for (k, e) in d {
                guard let kv = ScriptValue(any: k.base), let v = ScriptValue(any: e) else { return nil }
                out.append((key: kv, value: v))
            }
            self = .dictionary(out)
        default: return nil
        }
    }

    /// The value as plain Swift data: `nil` for None, `Bool`, `Int`, `String` (big ints as
    /// their decimal digits), `Double`, `String`, `Data`, `[Any?]` for lists and tuples,
    /// `[String: Any?]` for dicts whose keys are all strings (else `[AnyHashable: Any?]`),
    /// ``HostObject`` and ``ScriptObject`` as themselves.
    public var anyValue: Any? {
        switch self {
        case .none: return nil
        case .bool(let b): return b
        case .int(let i): return i
        case .bigInt(let s): return s
        case .double(let d): return d
        case .string(let s): return s
        case .bytes(let d): return d
        case .list(let l), .tuple(let l): return l.map(\.anyValue)
        case .dictionary(let pairs):
            if pairs.allSatisfy({ if case .string = $0.key { return true }; return false }) {
                var out: [String: Any?] = [:]
                for p in pairs { if case .string(let k) = p.key { out[k] = p.value.anyValue } }
                return out
            }
            var out: [AnyHashable: Any?] = [:]
            for p in pairs { if let k = p.key.anyValue as? AnyHashable { out[k] = p.value.anyValue } }
            return out
        case .hostObject(let h): return h
        case .object(let o): return o
        }
    }

    /// The `Int`, if this is an int that fits (bools count, as in Python).
    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }
    /// The number as a `Double` (ints and floats).
    public var doubleValue: Double? {
        switch self {
        case .double(let d): return d
        case .int(let i): return Double(i)
        case .bigInt(let s): return Double(s)
        default: return nil
        }
    }
    /// The `String`, if this is a str.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
    /// The `Bool`, if this is a bool.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }
    /// The bytes, if this is bytes.
    public var dataValue: Data? {
        if case .bytes(let d) = self { return d }
        return nil
    }
    /// The elements, if this is a list or tuple.
    public var arrayValue: [ScriptValue]? {
        switch self {
        case .list(let l), .tuple(let l): return l
        default: return nil
        }
    }
    /// The entries, if this is a dict whose keys are all strings.
    public var dictionaryValue: [String: ScriptValue]? {
        guard case .dictionary(let pairs) = self else { return nil }
        var out: [String: ScriptValue] = [:]
        for p in pairs {
            guard case .string(let k) = p.key else { return nil }
            out[k] = p.value
        }
        return out
    }
    /// True for `None`.
    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }
    /// The script type name this value has (or would have) in a script: `"int"`, `"str"`, ...
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int, .bigInt: return "int"
        case .double: return "float"
        case .string: return "str"
        case .bytes: return "bytes"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dictionary: return "dict"
        case .hostObject(let h): return h.typeName
        case .object(let o): return o.typeName
        }
    }
}
