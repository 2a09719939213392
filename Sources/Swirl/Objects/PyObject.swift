// The root of the object model: `PyObject` (every heap value) and `PyType` (classes,
// built-in and user-defined), with attribute namespaces and the method resolution order.
import Collections

/// Every script value that is not an immediate is a `PyObject` subclass. Built-in kinds
/// (str, list, dict, function, ...) are final Swift subclasses and report their built-in
/// type; instances of user classes carry their class.
class PyObject {
    /// The object's Python type.
    var type: PyType { Types.object }
    /// The instance attribute dictionary, for objects that have one.
    var instanceDict: AttributeDict? { nil }
    /// Whether every object of this Swift class has the same Python type and no attributes
    /// of its own: then the Swift class alone identifies where its methods come from (the
    /// method-call inline cache keys on it).
    class var isPlainBuiltin: Bool { false }
}

/// An attribute namespace (class or instance `__dict__`), insertion ordered.
typealias AttributeDict = OrderedDictionary<String, Value>

/// How the instances of a class are laid out in Swift: which built-in base provides the
/// storage. User classes inherit the layout of their nearest built-in base.
enum InstanceLayout {
    /// `PyInstance`: a plain object with a `__dict__`.
    case object
    /// `PyException`: exception state plus a `__dict__`.
    case exception
    /// A built-in type that scripts cannot subclass (yet): str, int, list, ...
    case builtin
}

final class PyType: PyObject {
    let name: String
    var qualname: String
    let base: PyType?
    /// The method resolution order: this class first, `object` last.
    private(set) var mro: [PyType] = []
    var dict: AttributeDict = [:]
    let isBuiltin: Bool
    let layout: InstanceLayout
    var moduleName: String
    /// Set for a class with a script `__del__`: where its dying instances are finalized
    /// (see `PyInstance.deinit`).
    var finalizerReports: DeathReports?
    /// The attribute names instances may have when the class (and every user class it
    /// derives from) declares `__slots__`; nil when instances have a `__dict__`.
    var slotNames: Set<String>?
    /// Whether instances have a `__dict__`: no `__slots__`, or `'__dict__'` among them.
    var instancesHaveDict: Bool { slotNames?.contains("__dict__") ?? true }
    /// CPython's `tp_name`, the name error messages use: `__name__` (never the qualified
    /// name), prefixed with the module for the types of C modules (`_asyncio.Task`).
    var messageName: String { isBuiltin && moduleName.hasPrefix("_") ? "\(moduleName).\(name)" : name }

    init(name: String, base: PyType?, isBuiltin: Bool, layout: InstanceLayout, module: String = "builtins",
         extraBase: PyType? = nil) {
        self.name = name
        self.qualname = name
        self.base = base
        self.isBuiltin = isBuiltin
        self.layout = layout
        self.moduleName = module
        super.init()
        var order = [self] + (base?.mro ?? [])
        // A second built-in base (ExceptionGroup's Exception) joins the MRO before the
        // first base's own bases, as C3 linearisation puts it.
        if let extra = extraBase {
            order.removeAll { t in extra.mro.contains { $0 === t } }
            order += extra.mro
        }
        self.mro = order
    }

    override var type: PyType { Types.type }
    override var instanceDict: AttributeDict? { dict }

    /// Looks `name` up along the MRO (class attributes and methods).
    @inline(__always) func lookup(_ name: String) -> Value? {
        for t in mro {
            if let v = t.dict[name] { return v }
        }
        return nil
    }

    func isSubtype(of other: PyType) -> Bool {
        if self === other { return true }
        for t in mro where t === other { return true }
        return false
    }

    /// The name CPython prints in messages and reprs: `mod.Name` except for builtins.
    var displayName: String {
        (moduleName == "builtins" || moduleName == "__main__") ? qualname : "\(moduleName).\(qualname)"
    }
}

/// An instance of a user-defined class with an ordinary (object) layout.
final class PyInstance: PyObject {
    let cls: PyType
    /// The instance's `__dict__`, a real dict object (`vars(obj) is obj.__dict__`).
    let dict: PyDict
    /// Its `__del__` has run (or it is the stand-in that runs it): it runs once (PEP 442).
    var finalized = false
    init(cls: PyType) {
        self.cls = cls
        dict = PyDict()
    }
    private init(cls: PyType, dict: PyDict) {
        self.cls = cls
        self.dict = dict
    }

    deinit {
        // A class with `__del__`: a dying object cannot be kept alive, so a stand-in with
        // the same class and attributes runs `__del__` at the next safe point.
        guard !finalized, let rt = cls.finalizerReports?.runtime, rt.isOnScriptThread else { return }
        let standIn = PyInstance(cls: cls, dict: dict)
        standIn.finalized = true
        rt.queueFinalizer(instance: standIn, identity: ObjectIdentifier(self))
    }
    override var type: PyType { cls }
    override var instanceDict: AttributeDict? {
        var d = AttributeDict()
        for e in dict.table.liveEntries { if let k = e.key.asObject as? PyStr { d[k.value] = e.value } }
        return d
    }
}

/// A cell: the shared box of a variable captured by an inner function.
final class PyCell: PyObject {
    var value: Value?
    init(_ value: Value? = nil) { self.value = value }
    override var type: PyType { Types.cell }
}

/// Singletons without state of their own: `...` and `NotImplemented`.
final class PySingleton: PyObject {
    let name: String
    let kind: PyType
    init(_ name: String, _ kind: PyType) {
        self.name = name
        self.kind = kind
    }
    override var type: PyType { kind }
}
