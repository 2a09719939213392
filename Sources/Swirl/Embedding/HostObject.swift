// Host objects: a Swift object exposed to scripts as an object with attributes
// (properties backed by Swift getters and setters) and methods (host functions). Each
// host object gets its own script type named after it; within one interpreter the same
// `HostObject` always maps to the same script object.

/// A Swift object as scripts see it: named properties and methods backed by closures.
///
/// ```swift
/// let counter = Counter()   // your own Sendable class
/// let object = HostObject(typeName: "Counter", value: counter) { o in
///     o.property("count", get: { .int(counter.value) }, set: { counter.value = $0.intValue ?? 0 })
///     o.method(HostFunction("increment") { _ in counter.value += 1; return .none })
/// }
/// try interpreter.setGlobal("counter", .hostObject(object))   // counter.increment()
/// ```
public final class HostObject: Sendable {
    /// A property: a getter and, unless read-only, a setter.
    public struct Property: Sendable {
        /// The attribute name.
        public let name: String
        let get: @Sendable () throws -> ScriptValue
        let set: (@Sendable (ScriptValue) throws -> Void)?
    }

    /// Collects the properties and methods of a host object being created.
    public struct Builder: Sendable {
        var properties: [Property] = []
        var methods: [HostFunction] = []

        /// Adds an attribute; without `set`, assigning it raises AttributeError.
        public mutating func property(_ name: String, get: @escaping @Sendable () throws -> ScriptValue,
                                      set: (@Sendable (ScriptValue) throws -> Void)? = nil) {
            properties.append(Property(name: name, get: get, set: set))
        }

        /// Adds a method (sync or async); scripts call it as `object.name(...)`.
        public mutating func method(_ function: HostFunction) { methods.append(function) }
    }

    /// The script type's name.
    public let typeName: String
    /// The Swift value this object stands for, so host functions receiving it can get it back.
    public let value: (any Sendable)?
    let properties: [Property]
    let methods: [HostFunction]
    var identity: ObjectIdentifier { ObjectIdentifier(self) }

    /// Creates a host object; `build` adds its properties and methods.
    public init(typeName: String, value: (any Sendable)? = nil, _ build: (inout Builder) -> Void) {
        var b = Builder()
        build(&b)
        self.typeName = typeName
        self.value = value
        self.properties = b.properties
        self.methods = b.methods
    }
}

/// The script-side object of a `HostObject`.
final class PyHostObject: PyObject {
    let host: HostObject
    let cls: PyType
    init(host: HostObject, cls: PyType) {
        self.host = host
        self.cls = cls
    }
    override var type: PyType { cls }
}

extension Runtime {
    /// The script object for `h`, made on first use.
    func hostObject(_ h: HostObject) throws -> PyHostObject {
        if let o = hostObjects[h.identity] { return o }
        let cls = PyType(name: h.typeName, base: Types.object, isBuiltin: true, layout: .builtin, module: "host")
        for p in h.properties {
            let getter = PyNativeFunction(p.name, .general { rt, _ in
                do { return try rt.value(try p.get()) } catch { throw rt.scriptError(fromHost: error) }
            })
            var setter = Value.none
            if let set = p.set {
                setter = .object(PyNativeFunction(p.name, .general { rt, a in
                    guard a.positional.count == 2 else { throw typeError("\(p.name) setter takes one value") }
                    do { try set(rt.scriptValue(a.positional[1])) } catch { throw rt.scriptError(fromHost: error) }
                    return .none
                }))
            }
            cls.dict[p.name] = .object(PyProperty(getter: .object(getter), setter: setter))
        }
        for m in h.methods { cls.dict[m.name] = try hostFunctionValue(m, method: true) }
        let o = PyHostObject(host: h, cls: cls)
        hostObjects[h.identity] = o
        return o
    }
}
