// Attribute access: instance dictionaries, class lookup along the MRO, descriptors
// (functions become bound methods; property, staticmethod, classmethod), modules, native
// attributes of built-in objects, `__getattr__`, and "Did you mean" suggestions.

extension Runtime {
    func getAttribute(_ v: Value, _ name: String) throws -> Value {
        if let r = try lookupAttribute(v, name) { return r }
        throw attributeMissing(v, name)
    }

    /// `getattr(v, name)` without raising for a missing attribute.
    func lookupAttribute(_ v: Value, _ name: String) throws -> Value? {
        let t = typeOf(v)
        if case .object(let o) = v {
            switch o {
            case let m as PyModule:
                if let r = m.globals[name] { return r }
                if name == "__dict__" { return .object(dictFrom(m.globals.defined)) }
                return nil
            case let cls as PyType:
                return try classAttribute(cls, name)
            case let sup as PySuper:
                return try sup.lookup(name, self)
            default:
                break
            }
        }
        if isOperatorMethodName(t, name), let m = operatorMethod(t, name) {
            if case .object(let mo) = m, let n = mo as? PyNativeFunction { return .object(n.bound(to: v)) }
            return m
        }
        let classAttr = t.lookup(name)
        if let ca = classAttr, case .object(let co) = ca {
            if let p = co as? PyProperty {
                if p.getter.isNone { throw attributeError("property '\(name)' of '\(t.name)' object has no getter") }
                return try withGetattrFallback(v, t, name) { try call(p.getter, [v]) }
            }
            // A data descriptor (its class defines __set__ or __delete__) comes before
            // the instance's own attribute.
            if let d = co as? PyInstance, isDataDescriptor(d), let get = d.cls.lookup("__get__") {
                return try withGetattrFallback(v, t, name) { try callMethod(get, self: ca, [v, .object(t)]) }
            }
        }
        if case .object(let o) = v {
            if let inst = o as? PyInstance, let r = inst.dict.get(name: name, self) { return r }
            if let e = o as? PyException, let r = e.attrs[name] { return r }
            if let fn = o as? PyFunction, let r = fn.attrs[name] { return r }
        }
        if let ca = classAttr {
            if case .object(let co) = ca {
                switch co {
                case is PyFunction: return .object(PyBoundMethod(function: ca, receiver: v))
                case let n as PyNativeFunction:
                    // Only a built-in type's own methods bind; `out = print` in a class
                    // body (a free built-in, or a bound method) is used as is.
                    if n.isUnboundMethod { return .object(n.bound(to: v)) }
                case let s as PyStaticMethod: return s.function
                case let c as PyClassMethod: return .object(PyBoundMethod(function: c.function, receiver: .object(t)))
                case let d as PyInstance:
                    if let get = d.cls.lookup("__get__") {
                        return try withGetattrFallback(v, t, name) { try callMethod(get, self: ca, [v, .object(t)]) }
                    }
                default: break
                }
            }
            return ca
        }
        if let r = try nativeAttribute(v, name) { return r }
        // __getattr__'s own AttributeError propagates with its message (hasattr and
        // getattr with a default catch it).
        if !t.isBuiltin, let ga = t.lookup("__getattr__") { return try callMethod(ga, self: v, [Value(name)]) }
        return nil
    }

    func classAttribute(_ cls: PyType, _ name: String) throws -> Value? {
        if isOperatorMethodName(cls, name), let m = operatorMethod(cls, name) { return m }
        if let a = cls.lookup(name) {
            if case .object(let o) = a {
                if let s = o as? PyStaticMethod { return s.function }
                if let c = o as? PyClassMethod { return .object(PyBoundMethod(function: c.function, receiver: .object(cls))) }
                // A descriptor read through the class: `__get__(None, cls)`.
                if let d = o as? PyInstance, let get = d.cls.lookup("__get__") {
                    return try callMethod(get, self: a, [.none, .object(cls)])
                }
            }
            return a
        }
        switch name {
        case "__name__": return Value(cls.name)
        case "__qualname__": return Value(cls.qualname)
        case "__module__": return Value(cls.moduleName)
        case "__base__": return cls.base.map { .object($0) } ?? Value.none
        case "__bases__": return .object(PyTuple(cls.base.map { [.object($0)] } ?? []))
        case "__mro__": return .object(PyTuple(cls.mro.map { .object($0) }))
        case "__dict__": return .object(dictFrom(Array(cls.dict.map { ($0.key, $0.value) })))
        case "__doc__": return Value.none
        default: return nil
        }
    }

    func dictFrom(_ pairs: [(String, Value)]) -> PyDict {
        let d = PyDict()
        for (k, v) in pairs { try? dictSet(d, Value(k), v) }
        return d
    }

    func attributeMissing(_ v: Value, _ name: String) -> ScriptError {
        let msg: String
        if case .object(let o) = v, let m = o as? PyModule {
            msg = "module '\(m.name)' has no attribute '\(name)'"
        } else if case .object(let o) = v, let cls = o as? PyType {
            msg = "type object '\(cls.messageName)' has no attribute '\(name)'"
        } else {
            msg = "'\(typeOf(v).messageName)' object has no attribute '\(name)'"
        }
        let e = PyException(Types.attributeError, msg)
        e.attrs["name"] = Value(name)
        e.attrs["obj"] = v
        e.suggestionSource = .attributesOf(v)
        return ScriptError(e)
    }

    /// The "Did you mean" suffix the traceback printer adds to NameError/AttributeError.
    func suggestionSuffix(_ e: PyException) -> String? {
        guard let source = e.suggestionSource, case .object(let no)? = e.attrs["name"], let n = no as? PyStr else { return nil }
        let candidates: [String]
        switch source {
        case .names(let names): candidates = names.sorted()
        case .scopes(let groups):
            for group in groups.dropLast() {
                if let s = suggest(n.value, among: group) { return ". Did you mean: '\(s)'?" }
            }
            candidates = groups.last ?? []
        case .attributesOf(let v):
            // dir() order: sorted.
            if case .object(let o) = v, let m = o as? PyModule { candidates = m.globals.defined.map { $0.0 }.sorted() } else {
                candidates = attributeNames(v).sorted()
            }
        }
        return suggest(n.value, among: candidates).map { ". Did you mean: '\($0)'?" }
    }

    /// The attributes CPython's dir() also lists for instances and classes of user classes:
    /// object's own slots and what a class statement adds (`__dict__`, `__weakref__`,
    /// `__doc__`, `__module__`).
    func implicitAttributeNames(_ v: Value) -> [String] {
        let cls: PyType
        switch v {
        case .object(let o as PyInstance): cls = o.cls
        case .object(let o as PyType) where !o.isBuiltin: cls = o
        default: return []
        }
        var names = ["__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
                     "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__",
                     "__le__", "__lt__", "__module__", "__ne__", "__new__", "__reduce__", "__reduce_ex__",
                     "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__"]
        if cls.slotNames == nil { names += ["__dict__", "__weakref__"] }
        // Each class's declared slots are attributes of it (member descriptors in CPython).
        for t in cls.mro where !t.isBuiltin {
            guard let declared = t.dict["__slots__"] else { continue }
            names += (try? slotNameList(declared, inClass: t.name, self)) ?? []
        }
        return names
    }

    /// Names visible as attributes of `v`, for suggestions and `dir()`.
    func attributeNames(_ v: Value) -> [String] {
        var names: [String] = []
        if case .object(let o) = v, let d = o.instanceDict { names += d.keys }
        for t in typeOf(v).mro { names += t.dict.keys }
        if case .object(let o) = v, let cls = o as? PyType { for t in cls.mro { names += t.dict.keys } }
        return names
    }

    func setAttribute(_ v: Value, _ name: String, _ value: Value) throws {
        let t = typeOf(v)
        // A class's own __setattr__ sees every assignment, properties' and descriptors' too.
        if !t.isBuiltin, let sa = t.lookup("__setattr__"), case .object(let so) = sa, so is PyFunction {
            _ = try callMethod(sa, self: v, [Value(name), value])
            return
        }
        try genericSetAttribute(v, name, value)
    }

    /// `object.__setattr__`: a property's setter or a data descriptor's `__set__`, else
    /// the instance dictionary.
    func genericSetAttribute(_ v: Value, _ name: String, _ value: Value) throws {
        let t = typeOf(v)
        if let ca = t.lookup(name), case .object(let co) = ca {
            if let p = co as? PyProperty {
                if p.setter.isNone { throw attributeError("property '\(name)' of '\(t.name)' object has no setter") }
                _ = try call(p.setter, [v, value])
                return
            }
            if let d = co as? PyInstance, isDataDescriptor(d) {
                guard let set = d.cls.lookup("__set__") else { throw attributeError("__set__") }
                _ = try callMethod(set, self: ca, [v, value])
                return
            }
        }
        if case .object(let o) = v {
            switch o {
            case let inst as PyInstance:
                if !inst.cls.instancesHaveDict, !(inst.cls.slotNames?.contains(name) ?? false) {
                    throw attributeMissing(v, name)
                }
                inst.dict.set(name: name, value, self)
                return
            case let e as PyException:
                switch name {
                case "__cause__":
                    e.cause = value.asObject as? PyException
                    e.suppressContext = true
                case "__context__": e.context = value.asObject as? PyException
                case "args": e.args = try iterateToArray(value)
                default: e.attrs[name] = value
                }
                return
            case let fn as PyFunction:
                if name == "__name__", case .object(let so) = value, let s = so as? PyStr { fn.name = s.value; return }
                if name == "__qualname__", case .object(let so) = value, let s = so as? PyStr { fn.qualname = s.value; return }
                fn.attrs[name] = value
                return
            case let m as PyModule:
                m.globals[name] = value
                return
            case let cls as PyType:
                if cls.isBuiltin {
                    throw typeError("cannot set '\(name)' attribute of immutable type '\(cls.name)'")
                }
                cls.dict[name] = value
                classEpoch &+= 1
                return
            default:
                if try setNativeAttribute(v, name, value) { return }
            }
        }
        if typeOf(v).lookup(name) != nil {
            throw attributeError("'\(typeName(v))' object attribute '\(name)' is read-only")
        }
        throw attributeError("'\(typeName(v))' object has no attribute '\(name)'")
    }

    func deleteAttribute(_ v: Value, _ name: String) throws {
        let t = typeOf(v)
        if !t.isBuiltin, let da = t.lookup("__delattr__"), case .object(let d) = da, d is PyFunction {
            _ = try callMethod(da, self: v, [Value(name)])
            return
        }
        try genericDeleteAttribute(v, name)
    }

    /// `object.__delattr__`: properties and descriptors, then the instance dictionary.
    func genericDeleteAttribute(_ v: Value, _ name: String) throws {
        let t = typeOf(v)
        if let ca = t.lookup(name), case .object(let co) = ca {
            if let p = co as? PyProperty {
                if p.deleter.isNone { throw attributeError("property '\(name)' of '\(t.name)' object has no deleter") }
                _ = try call(p.deleter, [v])
                return
            }
            if let d = co as? PyInstance, let delete = d.cls.lookup("__delete__") {
                _ = try callMethod(delete, self: ca, [v])
                return
            }
        }
        if case .object(let o) = v {
            if let inst = o as? PyInstance {
                if inst.dict.remove(name: name, self) != nil { return }
                // An empty slot: CPython's message is just the name.
                if inst.cls.slotNames?.contains(name) ?? false { throw attributeError(name) }
            }
            if let e = o as? PyException, e.attrs.removeValue(forKey: name) != nil { return }
            if let m = o as? PyModule, m.globals[name] != nil { m.globals[name] = nil; return }
            if let cls = o as? PyType, !cls.isBuiltin, cls.dict.removeValue(forKey: name) != nil {
                classEpoch &+= 1
                return
            }
        }
        throw attributeMissing(v, name)
    }

    // MARK: suggestions

    /// CPython's "Did you mean" heuristic: the closest name by a weighted edit distance;
    /// of equally close names, the first in `candidates`.
    func suggest(_ name: String, among candidates: [String]) -> String? {
        if candidates.count > 750 || name.count > 40 { return nil }
        var best: String?
        var bestDistance = Int.max
        let a = Array(name.utf8)
        for c in candidates where c != name {
            let b = Array(c.utf8)
            if b.count > 40 { continue }
            let maxDistance = (a.count + b.count + 3) * 2 / 6
            let d = levenshtein(a, b, limit: maxDistance)
            if d <= maxDistance && d < bestDistance {
                best = c
                bestDistance = d
            }
        }
        return best
    }

    /// Edit distance with CPython's costs: a case-only substitution costs 1, others 2.
    private func levenshtein(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty { return b.count * 2 }
        if b.isEmpty { return a.count * 2 }
        var prev = (0...b.count).map { $0 * 2 }
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i * 2
            for j in 1...b.count {
                let x = a[i - 1], y = b[j - 1]
                let sub: Int
                if x == y { sub = 0 } else if x | 0x20 == y | 0x20 && (x | 0x20) >= 97 && (x | 0x20) <= 122 { sub = 1 } else { sub = 2 }
                cur[j] = min(prev[j] + 2, cur[j - 1] + 2, prev[j - 1] + sub)
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    func nameError(_ name: String, globals: Globals, frame: Frame? = nil) -> ScriptError {
        let e = PyException(Types.nameError, "name '\(name)' is not defined")
        e.attrs["name"] = Value(name)
        var locals: [String] = []
        if let f = frame, let code = f.code {
            for (i, local) in code.localNames.enumerated() where i < f.slotCount && f.slots[i] != nil { locals.append(local) }
        }
        // True, False and None live in CPython's builtins namespace too.
        e.suggestionSource = .scopes([locals, globals.defined.map { $0.0 },
                                      (builtins.defined.map { $0.0 } + ["True", "False", "None"]).sorted()])
        return ScriptError(e)
    }
}

/// What a call site remembers about how a name resolved on the classes of its recent
/// receivers (a small polymorphic inline cache).
struct AttributeCache {
    struct Entry {
        let type: PyType
        let classAttribute: Value?
        /// The class has no `__setattr__` override and the name is not a property.
        let plainStore: Bool
        /// The name is not a property: the instance's own attribute comes first.
        let instanceFirst: Bool
    }
    var entries: [Entry] = []
    var epoch = -1
    /// The entry used last (valid right after `cachedClassLookup`).
    var plainStore = false
    /// The class of the entry used last (alive: its entry holds it) and whether an
    /// instance's own attribute comes first there: `obj.name` on instances of one class
    /// is then a compare and a dictionary lookup.
    var lastClass: ObjectIdentifier?
    var lastInstanceFirst = false
}

extension Runtime {
    /// The class-level lookup of `name` on `t`, through the call site's cache.
    @inline(__always)
    func cachedClassLookup(_ t: PyType, _ name: String, _ cache: inout AttributeCache) -> Value? {
        if cache.epoch == classEpoch {
            for e in cache.entries where e.type === t {
                cache.plainStore = e.plainStore
                cache.lastClass = ObjectIdentifier(t)
                cache.lastInstanceFirst = e.instanceFirst
                return e.classAttribute
            }
        } else {
            cache.entries.removeAll()
            cache.epoch = classEpoch
        }
        return cacheClassLookup(t, name, &cache)
    }

    /// A cache miss of `cachedClassLookup`: looks the name up and adds an entry.
    @inline(never)
    private func cacheClassLookup(_ t: PyType, _ name: String, _ cache: inout AttributeCache) -> Value? {
        let ca = t.lookup(name)
        var plain = t.slotNames == nil && !(t.mro.contains { !$0.isBuiltin && $0.dict["__setattr__"] != nil })
        var instanceFirst = true
        if let ca {
            instanceFirst = !shadowsInstanceAttribute(ca)
            // A property or descriptor: reads and stores go through the general path.
            if !instanceFirst { plain = false }
            if case .object(let co) = ca, let d = co as? PyInstance, d.cls.lookup("__get__") != nil { plain = false }
        }
        if cache.entries.count >= 4 { cache.entries.removeFirst() }
        cache.entries.append(AttributeCache.Entry(type: t, classAttribute: ca, plainStore: plain,
                                                  instanceFirst: instanceFirst))
        cache.plainStore = plain
        cache.lastClass = ObjectIdentifier(t)
        cache.lastInstanceFirst = instanceFirst
        return ca
    }

    /// `obj.name` with the fast path for instances of user classes.
    @inline(__always)
    func loadAttribute(_ v: Value, _ key: PyStr, _ cache: inout AttributeCache) throws -> Value {
        let name = key.value
        guard case .object(let o) = v else { return try getAttribute(v, name) }
        guard let inst = o as? PyInstance else {
            // A method of a built-in object (`fut.set_result`): the cached class lookup,
            // when the object has no attributes of its own that could shadow it.
            let t = o.type
            if t.isBuiltin, o.instanceDict == nil, !(o is PyModule), !(o is PyType), !(o is PySuper),
               !isOperatorMethodName(t, name), let ca = cachedClassLookup(t, name, &cache), case .object(let co) = ca, let n = co as? PyNativeFunction {
                return .object(n.bound(to: v))
            }
            return try getAttribute(v, name)
        }
        // The same class as last time, and no property of that name: the instance's own
        // attribute, if it has one, without walking the cache.
        if cache.lastInstanceFirst, cache.lastClass == ObjectIdentifier(inst.cls), cache.epoch == classEpoch,
           let r = inst.dict.get(name: key) {
            return r
        }
        let ca = cachedClassLookup(inst.cls, name, &cache)
        if let ca, case .object(let co) = ca, co is PyProperty || !cache.lastInstanceFirst { return try getAttribute(v, name) }
        if let r = inst.dict.get(name: key) { return r }
        if let ca, case .object(let co) = ca {
            if co is PyFunction { return .object(PyBoundMethod(function: ca, receiver: v)) }
            return try getAttribute(v, name)
        }
        if let ca { return ca }
        return try getAttribute(v, name)
    }

    /// `obj.name = value` with the fast path for plain instances.
    @inline(__always)
    func storeAttribute(_ v: Value, _ key: PyStr, _ value: Value, _ cache: inout AttributeCache) throws {
        if case .object(let o) = v, let inst = o as? PyInstance {
            if cache.plainStore, cache.lastClass == ObjectIdentifier(inst.cls), cache.epoch == classEpoch {
                inst.dict.set(name: key, value)
                return
            }
            _ = cachedClassLookup(inst.cls, key.value, &cache)
            if cache.plainStore {
                inst.dict.set(name: key, value)
                return
            }
        }
        try setAttribute(v, key.value, value)
    }

    /// Runs a property's or descriptor's getter; its AttributeError gives `__getattr__` its
    /// turn, as any failed lookup does in CPython.
    func withGetattrFallback(_ v: Value, _ t: PyType, _ name: String, _ get: () throws -> Value) throws -> Value {
        do {
            return try get()
        } catch let e as ScriptError where e.exception.isInstance(of: Types.attributeError) {
            guard !t.isBuiltin, let ga = t.lookup("__getattr__") else { throw e }
            return try callMethod(ga, self: v, [Value(name)])
        }
    }

    /// Whether a class attribute that is an instance of a user class is a data
    /// descriptor: its class defines `__set__` or `__delete__`.
    func isDataDescriptor(_ d: PyInstance) -> Bool {
        d.cls.lookup("__set__") != nil || d.cls.lookup("__delete__") != nil
    }

    /// Whether class attribute `ca` comes before an instance's own attribute of the same
    /// name: a property or a data descriptor.
    func shadowsInstanceAttribute(_ ca: Value) -> Bool {
        guard case .object(let co) = ca else { return false }
        if co is PyProperty { return true }
        if let d = co as? PyInstance { return isDataDescriptor(d) }
        return false
    }

    /// The runtime's single str object for an identifier, so attribute dictionaries
    /// compare keys by identity.
    func intern(_ name: String) -> PyStr {
        if let s = internedNames[name] { return s }
        let s = PyStr(name)
        internedNames[name] = s
        return s
    }
}
