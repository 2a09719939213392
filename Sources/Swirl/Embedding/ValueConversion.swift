// Conversions between the runtime's `Value` and the public `ScriptValue`, both ways.
// They run on the script thread (they may create or read script objects).
import BigInt
import Foundation

extension Runtime {
    /// Copies a script value out as a `ScriptValue` (see `ScriptValue` for the mapping).
    /// Cycles (a list containing itself) come out as an opaque handle at the repeat.
    func scriptValue(_ v: Value) -> ScriptValue {
        var active = Set<ObjectIdentifier>()
        return scriptValue(v, &active)
    }

    private func scriptValue(_ v: Value, _ active: inout Set<ObjectIdentifier>) -> ScriptValue {
        switch v {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .double(d)
        case .object(let o):
            switch o {
            case let s as PyStr: return .string(s.value)
            case let b as PyBigInt: return .bigInt(String(b.value))
            case let b as PyBytes: return .bytes(Data(b.bytes))
            case let h as PyHostObject: return .hostObject(h.host)
            case is PyList, is PyTuple, is PyDict, is PySet:
                let id = ObjectIdentifier(o)
                if active.contains(id) { return .object(handle(o)) }
                active.insert(id)
                defer { active.remove(id) }
                switch o {
                case let l as PyList: return .list(l.items.map { scriptValue($0, &active) })
                case let t as PyTuple: return .tuple(t.items.map { scriptValue($0, &active) })
                case let d as PyDict:
                    return .dictionary(d.table.liveEntries.map { (key: scriptValue($0.key, &active), value: scriptValue($0.value, &active)) })
                case let s as PySet:
                    return .list(s.table.liveEntries.map { scriptValue($0.key, &active) })
                default: return .object(handle(o))
                }
            default:
                return .object(handle(o))
            }
        }
    }

    /// An opaque handle to `o` owned by this runtime.
    func handle(_ o: PyObject) -> ScriptObject {
        ScriptObject(object: o, owner: ObjectIdentifier(self), typeName: o.type.name,
                     description: (try? repr(.object(o))) ?? "<\(o.type.name) object>")
    }

    /// Makes a script value from a `ScriptValue`. Handles from another interpreter and
    /// malformed big-int digits raise TypeError / ValueError.
    func value(_ s: ScriptValue) throws -> Value {
        switch s {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .bigInt(let digits):
            guard let b = BigInt(digits, radix: 10) else { throw valueError("invalid big int digits: '\(digits)'") }
            return .integer(b)
        case .double(let d): return .float(d)
        case .string(let str): return Value(str)
        case .bytes(let d): return .object(PyBytes([UInt8](d)))
        case .list(let items): return .object(PyList(try items.map { try value($0) }))
        case .tuple(let items): return .object(PyTuple(try items.map { try value($0) }))
        case .dictionary(let pairs):
            let d = PyDict()
            for p in pairs { try dictSet(d, try value(p.key), try value(p.value)) }
            return .object(d)
        case .hostObject(let h): return .object(try hostObject(h))
        case .object(let o):
            guard o.owner == ObjectIdentifier(self) else {
                throw typeError("a ScriptObject handle cannot be used in another interpreter (\(o.typeName))")
            }
            return .object(o.object)
        }
    }
}
