// Module loading: the built-in modules (sys, time, asyncio, ...) created on first import,
// and the user's own `.py` files from the script's folder.
import Foundation
import SwirlResolve
import SwirlSyntax

extension Runtime {
    func importModule(_ name: String) throws -> PyModule {
        if let m = modules[name] { return m }
        try checkImportAllowed(name)
        let m: PyModule
        switch name {
        case "sys": m = try makeSysModule()
        case "time": m = try makeTimeModule()
        case "math": m = try makeMathModule()
        case "json": m = try makeJSONModule()
        case "os": m = try makeOSModule()
        case "os.path":
            // The same posixpath module object `os.path` refers to.
            if case .object(let o)? = try importModule("os").globals["path"], let path = o as? PyModule {
                modules[name] = path
                return path
            }
            throw moduleNotFound(name)
        case "random": m = try makeRandomModule()
        case "string": m = try makeStringModule()
        case "asyncio":
            // Register first so that the prelude's own imports see it.
            m = try makeAsyncioModule()
        case "contextlib": m = try makeSourceModule(name, contextlibModuleSource)
        case "functools": m = try makeSourceModule(name, functoolsModuleSource)
        case "itertools": m = try makeSourceModule(name, itertoolsModuleSource)
        case "dataclasses": m = try makeSourceModule(name, dataclassesModuleSource)
        case "typing": m = try makeSourceModule(name, typingModuleSource)
        case "__future__": m = try makeSourceModule(name, futureModuleSource)
        case "threading", "multiprocessing":
            throw ScriptError(Types.moduleNotFoundError, "the '\(name)' module is not supported in Swirl")
        default:
            guard let dir = scriptDirectory else {
                throw moduleNotFound(name)
            }
            let path = (dir as NSString).appendingPathComponent(name.replacingOccurrences(of: ".", with: "/") + ".py")
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw moduleNotFound(name) }
            let mod = PyModule(name: name)
            mod.globals["__file__"] = Value(path)
            modules[name] = mod
            try? dictSet(sysModules, Value(name), .object(mod))
            do {
                try runSource(text, filename: path, in: mod.globals)
            } catch {
                modules[name] = nil
                throw error
            }
            return mod
        }
        applySandbox(to: m)
        modules[name] = m
        try? dictSet(sysModules, Value(name), .object(m))
        return m
    }

    private func moduleNotFound(_ name: String) -> ScriptError {
        let e = PyException(Types.moduleNotFoundError, "No module named '\(name)'")
        e.attrs["name"] = Value(name)
        return ScriptError(e)
    }

    /// Parses, resolves, compiles and runs `source` in the namespace `globals`.
    func runSource(_ source: String, filename: String, in globals: Globals) throws {
        let code = try compile(source, filename: filename, globals: globals)
        try runModuleCode(code)
    }

    func compile(_ source: String, filename: String, globals: Globals, topLevelAwait: Bool = false) throws -> CodeObject {
        do {
            let module = try parseModule(source, filename: filename)
            let resolved = try resolve(module, source: source, filename: filename,
                                       options: ResolveOptions(allowTopLevelAwait: topLevelAwait))
            let file = SourceFile(filename: filename, text: source)
            // A module's docstring is its `__doc__` (None without one); REPL lines leave it.
            if !topLevelAwait {
                if case .expr(let e)? = module.body.first?.kind, case .constant(.string(let doc)) = e.kind {
                    globals["__doc__"] = Value(doc)
                } else if globals["__doc__"] == nil {
                    globals["__doc__"] = Value.none
                }
            }
            return try Compiler(rt: self, source: file, resolved: resolved, globals: globals).compileModule()
        } catch let e as SyntaxError {
            throw ScriptError(syntaxException(e))
        } catch let e as CompileError {
            throw ScriptError(syntaxException(e.error))
        }
    }

    func syntaxException(_ e: SyntaxError) -> PyException {
        let cls: PyType
        switch e.kind {
        case .syntaxError: cls = Types.syntaxError
        case .indentationError: cls = Types.indentationError
        case .tabError: cls = Types.tabError
        }
        let exc = PyException(cls, e.message)
        exc.attrs["msg"] = Value(e.message)
        exc.attrs["filename"] = Value(e.filename)
        exc.attrs["lineno"] = .int(e.line)
        exc.attrs["offset"] = .int(e.column + 1)
        exc.attrs["text"] = Value(e.lineText)
        exc.attrs["end_offset"] = e.endColumn.map { .int($0 + 1) } ?? Value.none
        syntaxErrors[ObjectIdentifier(exc)] = e
        return exc
    }

    func runModuleCode(_ code: CodeObject) throws {
        let frame = Frame(rt: self, ownedSlots: code.slotCount)
        frame.code = code
        try enterNested()
        frame.activation = activationCounter
        defer { leaveNested() }
        _ = try code.body.exec(frame)
    }

    /// A library module written in Python (contextlib, functools, itertools).
    private func makeSourceModule(_ name: String, _ source: String) throws -> PyModule {
        let m = PyModule(name: name)
        try runPrelude(source, into: m, name: name)
        return m
    }

    func runPrelude(_ source: String, into module: PyModule, name: String) throws {
        modules[name] = module
        defer { modules[name] = nil }
        try runSource(source, filename: "<\(name)>", in: module.globals)
    }

    // MARK: sys

    func makeSysModule() throws -> PyModule {
        let m = PyModule(name: "sys")
        let g = m.globals
        g["argv"] = .object(PyList(argv.map { Value($0) }))
        g["stdout"] = .object(PyStream(stdout: true))
        g["stderr"] = .object(PyStream(stdout: false))
        g["version"] = Value("3.11.7 (Swirl \(swirlVersion))")
        g["platform"] = Value("linux")
        g["maxsize"] = .int(Int.max)
        g["modules"] = .object(sysModules)
        g["exit"] = .object(PyNativeFunction("exit", .general { _, a in
            // sys.exit(None) raises SystemExit() with no arguments.
            let args = a.positional.count == 1 && a.positional[0].isNone ? [] : a.positional
            throw ScriptError(PyException(Types.systemExit, args: args))
        }))
        // The exception being handled (`except` block, `finally` while one propagates).
        g["exc_info"] = .object(PyNativeFunction("exc_info", .a0 { rt in
            guard let e = rt.handledExceptions.last else { return .object(PyTuple([Value.none, Value.none, Value.none])) }
            return .object(PyTuple([.object(e.cls), .object(e), e.tracebackValue]))
        }))
        g["exception"] = .object(PyNativeFunction("exception", .a0 { rt in
            rt.handledExceptions.last.map { .object($0) } ?? Value.none
        }))
        g["getrecursionlimit"] = .object(PyNativeFunction("getrecursionlimit", .a0 { rt in .int(rt.recursionLimit) }))
        g["setrecursionlimit"] = .object(PyNativeFunction("setrecursionlimit", .a1 { rt, v in
            let n = try rt.indexValue(v)
            if n < 1 { throw valueError("recursion limit must be greater or equal than 1") }
            if n > Int(Int32.max) { throw overflowError("Python int too large to convert to C int") }
            // Deep recursion is still stopped by the native stack guard.
            rt.recursionLimit = n
            return .none
        }))
        // One raw line of standard input, its newline kept ('' at the end), for sys.stdin.
        g["_readline"] = .object(PyNativeFunction("_readline", .a0 { rt in
            Value(rt.blockingCall({ Swift.readLine(strippingNewline: false) }) ?? "")
        }))
        try runPrelude(sysModuleSource, into: m, name: "sys")
        return m
    }
}

/// The Python half of `sys`: `version_info` (a named tuple that compares with tuples) and
/// `stdin` (lines read through the same blocking path as `input()`).
let sysModuleSource = #"""
class _VersionInfo:
    _fields = ('major', 'minor', 'micro', 'releaselevel', 'serial')

    def __init__(self, values):
        self._values = values
        self.major, self.minor, self.micro, self.releaselevel, self.serial = values

    def __getitem__(self, i):
        return self._values[i]

    def __len__(self):
        return 5

    def __iter__(self):
        return iter(self._values)

    def __hash__(self):
        return hash(self._values)

    def __eq__(self, other):
        return self._values == (other._values if isinstance(other, _VersionInfo) else other)

    def __lt__(self, other):
        return self._values < (other._values if isinstance(other, _VersionInfo) else other)

    def __le__(self, other):
        return self._values <= (other._values if isinstance(other, _VersionInfo) else other)

    def __gt__(self, other):
        return self._values > (other._values if isinstance(other, _VersionInfo) else other)

    def __ge__(self, other):
        return self._values >= (other._values if isinstance(other, _VersionInfo) else other)

    def __repr__(self):
        return ('sys.version_info(major=%d, minor=%d, micro=%d, releaselevel=%r, serial=%d)'
                % self._values)


version_info = _VersionInfo((3, 11, 7, 'final', 0))


class _Stdin:
    def readline(self):
        return _readline()

    def read(self):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return ''.join(lines)
            lines.append(line)

    def readlines(self):
        return list(self)

    def __iter__(self):
        while True:
            line = self.readline()
            if not line:
                return
            yield line

    def isatty(self):
        return False

    def fileno(self):
        return 0

    def __repr__(self):
        return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>"


stdin = _Stdin()
"""#

/// The Swirl release, printed by `--version` and in `sys.version`.
public let swirlVersion = "0.1.0"
