// What the resolver learns about one scope (module, class body, function, lambda or
// comprehension): which names live in frame slots, which are shared with inner functions
// through cells, which come from enclosing functions, and which are global.
import SwirlSyntax

public enum ScopeKind: Sendable, Equatable {
    case module
    case classBody
    case function
    case lambda
    case comprehension
}

/// Where a name lives at run time, as seen from one scope.
public enum Binding: Sendable, Equatable {
    /// A plain local in frame slot `slot`.
    case fast(Int)
    /// Frame slot `slot` holds a cell: a local captured by an inner function, or a free
    /// variable of this function taken from the closure.
    case cell(Int)
    /// A module global (falling back to built-ins when reading).
    case global
    /// A name in a class body (or at module level of a REPL/`exec`-like namespace): looked
    /// up in the namespace dictionary first, then globals and built-ins.
    case classLocal
    /// A name read in a class body that is a free variable of an enclosing function: the
    /// class namespace first, then the cell in `slot`.
    case classDeref(Int)
}

public final class Scope {
    public let id: Int
    public let kind: ScopeKind
    public let name: String
    public weak var parent: Scope?
    public var children: [Scope] = []

    /// `async def` (or an async comprehension).
    public var isAsync = false
    /// The body contains `yield` or `yield from`.
    public var isGenerator = false
    /// Local variable names in slot order: parameters first.
    public private(set) var localNames: [String] = []
    /// Free variables (from enclosing functions) in the order of their slots, which
    /// follow the locals.
    public private(set) var freeNames: [String] = []
    /// Locals that inner scopes capture: their slots hold cells.
    public private(set) var cellNames: Set<String> = []
    /// Names declared `global`.
    public internal(set) var globalNames: Set<String> = []
    /// Names declared `nonlocal`.
    public internal(set) var nonlocalNames: Set<String> = []

    /// Names bound in this scope (assigned, imported, defined, parameters, targets).
    var assigned: [String] = []
    var assignedSet: Set<String> = []
    /// Names read in this scope.
    var used: Set<String> = []
    /// Parameter names, in order.
    var parameters: [String] = []
    /// Names a walrus inside this comprehension binds in an enclosing scope.
    var forcedFree: Set<String> = []
    /// Where each `nonlocal` name was declared, for error positions.
    var nonlocalRanges: [String: SourceRange] = [:]
    /// The source range of a comprehension, for errors about it.
    var comprehensionRange: SourceRange?

    private var slotOf: [String: Int] = [:]
    /// Slots of free variables are numbered once all inner scopes have been resolved.
    private var freeSlotsAssigned = false

    init(id: Int, kind: ScopeKind, name: String, parent: Scope?) {
        self.id = id
        self.kind = kind
        self.name = name
        self.parent = parent
    }

    /// Number of frame slots: locals then free variables.
    public var slotCount: Int { localNames.count + freeNames.count }

    /// True for scopes whose locals live in frame slots.
    public var isFunctionLike: Bool { kind == .function || kind == .lambda || kind == .comprehension }

    func noteAssigned(_ name: String) {
        if assignedSet.insert(name).inserted { assigned.append(name) }
    }

    func addLocal(_ name: String) {
        guard slotOf[name] == nil else { return }
        slotOf[name] = localNames.count
        localNames.append(name)
    }

    func addFree(_ name: String) {
        guard !freeNames.contains(name), slotOf[name] == nil else { return }
        freeNames.append(name)
    }

    func markCell(_ name: String) { cellNames.insert(name) }

    func finishSlots() {
        for (i, name) in freeNames.enumerated() { slotOf[name] = localNames.count + i }
    }

    /// The slot of a local or free variable, if it has one.
    public func slot(of name: String) -> Int? { slotOf[name] }

    /// How `name` is reached from code in this scope.
    public func binding(for name: String) -> Binding {
        switch kind {
        case .module:
            return .global
        case .classBody:
            if globalNames.contains(name) { return .global }
            if let slot = slotOf[name], freeNames.contains(name), !assignedSet.contains(name) {
                return .classDeref(slot)
            }
            return .classLocal
        case .function, .lambda, .comprehension:
            if globalNames.contains(name) { return .global }
            guard let slot = slotOf[name] else { return .global }
            if cellNames.contains(name) || freeNames.contains(name) { return .cell(slot) }
            return .fast(slot)
        }
    }
}

/// The resolver's result for one parsed module.
public struct ResolvedModule {
    public let module: Module
    public let moduleScope: Scope
    /// Every scope by the `scopeID` the parser gave its node.
    public let scopes: [Int: Scope]

    public func scope(_ id: Int) -> Scope? { scopes[id] }
}
