// The `os` module (environ, getenv, getcwd, listdir, mkdir, makedirs, remove, rmdir,
// rename, ...) and its `os.path` submodule (`posixpath`: join, split, splitext, basename,
// dirname, normpath, abspath, exists, isfile, isdir, getsize, ...). Path text follows
// CPython's posixpath; file system errors become OSError subclasses with errno messages.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Runtime {
    func makeOSModule() throws -> PyModule {
        let m = PyModule(name: "os")
        let g = m.globals
        let environ = PyDict()
        for (k, v) in ProcessInfo.processInfo.environment.sorted(by: { $0.key < $1.key }) {
            try dictSet(environ, Value(k), Value(v))
        }
        g["environ"] = .object(environ)
        g["name"] = Value("posix")
        g["sep"] = Value("/")
        g["altsep"] = Value.none
        g["extsep"] = Value(".")
        g["pathsep"] = Value(":")
        g["linesep"] = Value("\n")
        g["curdir"] = Value(".")
        g["pardir"] = Value("..")
        g["devnull"] = Value("/dev/null")

        func def(_ name: String, _ body: @escaping (Runtime, Arguments) throws -> Value) {
            g[name] = .object(PyNativeFunction(name, .general(body)))
        }

        def("getenv") { rt, a in
            let v = try OSArgs.bind("getenv", a, ["key", "default"], required: 1)
            let key = v[0] ?? Value.none
            guard case .object(let ko) = key, ko is PyStr else { throw typeError("str expected, not \(rt.typeName(key))") }
            return try rt.dictGet(environ, key) ?? (v[1] ?? Value.none)
        }
        def("putenv") { rt, a in
            let v = try OSArgs.bind("putenv", a, ["name", "value"], required: 2)
            try rt.dictSet(environ, v[0] ?? Value.none, v[1] ?? Value.none)
            return .none
        }
        def("getcwd") { _, a in
            _ = try OSArgs.bind("getcwd", a, [], required: 0)
            return Value(FileManager.default.currentDirectoryPath)
        }
        def("getpid") { _, a in
            _ = try OSArgs.bind("getpid", a, [], required: 0)
            return .int(Int(ProcessInfo.processInfo.processIdentifier))
        }
        def("cpu_count") { _, _ in .int(ProcessInfo.processInfo.activeProcessorCount) }
        def("urandom") { rt, a in
            let v = try OSArgs.bind("urandom", a, ["size"], required: 1)
            let n = try rt.indexValue(v[0] ?? .int(0))
            if n < 0 { throw valueError("negative argument not allowed") }
            var sys = SystemRandomNumberGenerator()
            return .object(PyBytes((0..<n).map { _ in UInt8.random(in: 0...255, using: &sys) }))
        }
        def("fspath") { rt, a in
            let v = try OSArgs.bind("fspath", a, ["path"], required: 1)
            return Value(try rt.fsPath(v[0] ?? Value.none))
        }
        def("listdir") { rt, a in
            let v = try OSArgs.bind("listdir", a, ["path"], required: 0)
            let path = try v[0].map { $0.isNone ? "." : try rt.fsPath($0) } ?? "."
            guard let dir = opendir(path) else { throw OSArgs.error(errno, path) }
            defer { closedir(dir) }
            var names: [Value] = []
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { p in
                    p.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name != "." && name != ".." { names.append(Value(name)) }
            }
            return .object(PyList(names))
        }
        def("mkdir") { rt, a in
            let v = try OSArgs.bind("mkdir", a, ["path", "mode"], required: 1)
            let path = try rt.fsPath(v[0] ?? Value.none)
            let mode = try v[1].map { try rt.indexValue($0) } ?? 0o777
            if Glibc.mkdir(path, mode_t(truncatingIfNeeded: mode)) != 0 { throw OSArgs.error(errno, path) }
            return .none
        }
        def("makedirs") { rt, a in
            let v = try OSArgs.bind("makedirs", a, ["name", "mode", "exist_ok"], required: 1)
            let path = try rt.fsPath(v[0] ?? Value.none)
            let mode = try v[1].map { try rt.indexValue($0) } ?? 0o777
            let existOK = try v[2].map { try rt.truthy($0) } ?? false
            try OSArgs.makedirs(path, mode_t(truncatingIfNeeded: mode), existOK)
            return .none
        }
        for name in ["remove", "unlink"] {
            def(name) { rt, a in
                let v = try OSArgs.bind(name, a, ["path"], required: 1)
                let path = try rt.fsPath(v[0] ?? Value.none)
                if Glibc.unlink(path) != 0 { throw OSArgs.error(errno, path) }
                return .none
            }
        }
        def("rmdir") { rt, a in
            let v = try OSArgs.bind("rmdir", a, ["path"], required: 1)
            let path = try rt.fsPath(v[0] ?? Value.none)
            if Glibc.rmdir(path) != 0 { throw OSArgs.error(errno, path) }
            return .none
        }
        for name in ["rename", "replace"] {
            def(name) { rt, a in
                let v = try OSArgs.bind(name, a, ["src", "dst"], required: 2)
                let src = try rt.fsPath(v[0] ?? Value.none), dst = try rt.fsPath(v[1] ?? Value.none)
                if Glibc.rename(src, dst) != 0 { throw OSArgs.error(errno, src, dst) }
                return .none
            }
        }
        g["path"] = .object(try makePosixPathModule())
        return m
    }

    /// `os.path`, CPython's `posixpath`.
    func makePosixPathModule() throws -> PyModule {
        let m = PyModule(name: "posixpath")
        let g = m.globals
        g["sep"] = Value("/")
        func def(_ name: String, _ body: @escaping (Runtime, Arguments) throws -> Value) {
            g[name] = .object(PyNativeFunction(name, .general(body)))
        }
        /// A function of one path returning a value computed from its UTF-8 bytes.
        func def1(_ name: String, _ body: @escaping (Runtime, String) throws -> Value) {
            def(name) { rt, a in
                let v = try OSArgs.bind(name, a, ["p"], required: 1)
                return try body(rt, try rt.fsPath(v[0] ?? Value.none))
            }
        }

        def("join") { rt, a in
            guard a.keywords.isEmpty else {
                throw typeError("join() got an unexpected keyword argument '\(a.keywords[0].0)'")
            }
            guard let first = a.positional.first else {
                throw typeError("join() missing 1 required positional argument: 'a'")
            }
            var path = try rt.fsPath(first)
            for v in a.positional.dropFirst() {
                let b: String
                do {
                    b = try rt.fsPath(v)
                } catch {
                    throw typeError("join() argument must be str, bytes, or os.PathLike object, not '\(rt.typeName(v))'")
                }
                if b.hasPrefix("/") {
                    path = b
                } else if path.isEmpty || path.hasSuffix("/") {
                    path += b
                } else {
                    path += "/" + b
                }
            }
            return Value(path)
        }
        def1("split") { _, p in
            let (head, tail) = OSArgs.split(p)
            return .object(PyTuple([Value(head), Value(tail)]))
        }
        def1("basename") { _, p in Value(OSArgs.split(p, stripHead: false).1) }
        def1("dirname") { _, p in Value(OSArgs.split(p).0) }
        def1("splitext") { _, p in
            let (root, ext) = OSArgs.splitext(p)
            return .object(PyTuple([Value(root), Value(ext)]))
        }
        def1("normpath") { _, p in Value(OSArgs.normpath(p)) }
        def1("isabs") { _, p in .bool(p.hasPrefix("/")) }
        def1("abspath") { _, p in Value(OSArgs.abspath(p)) }
        def1("realpath") { _, p in
            let abs = OSArgs.abspath(p)
            guard let r = Glibc.realpath(abs, nil) else { return Value(abs) }
            defer { free(r) }
            return Value(String(cString: r))
        }
        def1("expanduser") { _, p in
            guard p == "~" || p.hasPrefix("~/") else { return Value(p) }
            let home = ProcessInfo.processInfo.environment["HOME"] ?? "/"
            var rest = String(p.dropFirst())
            if home.hasSuffix("/") && rest.hasPrefix("/") { rest.removeFirst() }
            let r = (home == "/" && rest.isEmpty) ? "/" : home + rest
            return Value(r.isEmpty ? "/" : r)
        }
        def1("exists") { _, p in .bool(OSArgs.statOf(p) != nil) }
        def1("lexists") { _, p in
            var st = Glibc.stat()
            return .bool(!p.isEmpty && lstat(p, &st) == 0)
        }
        def1("isfile") { _, p in .bool(OSArgs.statOf(p).map { $0.st_mode & S_IFMT == S_IFREG } ?? false) }
        def1("isdir") { _, p in .bool(OSArgs.statOf(p).map { $0.st_mode & S_IFMT == S_IFDIR } ?? false) }
        def1("islink") { _, p in
            var st = Glibc.stat()
            return .bool(!p.isEmpty && lstat(p, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK)
        }
        def1("getsize") { _, p in
            var st = Glibc.stat()
            if stat(p, &st) != 0 { throw OSArgs.error(errno, p) }
            return .int(Int(st.st_size))
        }
        return m
    }

    /// `os.fspath`: a str path (or the result of `__fspath__`).
    func fsPath(_ v: Value) throws -> String {
        if case .object(let o) = v {
            if let s = o as? PyStr { return s.value }
            if let m = special(v, "__fspath__") {
                let r = try callMethod(m, self: v, [])
                if case .object(let ro) = r, let s = ro as? PyStr { return s.value }
                throw typeError("expected \(typeName(v)).__fspath__() to return str or bytes, not \(typeName(r))")
            }
        }
        throw typeError("expected str, bytes or os.PathLike object, not \(typeName(v))")
    }
}

/// Path arithmetic and error helpers of the os module.
private enum OSArgs {
    /// Binds positional and keyword arguments to `names`; missing optional ones are nil.
    static func bind(_ fn: String, _ a: Arguments, _ names: [String], required: Int) throws -> [Value?] {
        if a.positional.count > names.count {
            throw typeError("\(fn)() takes at most \(names.count) argument\(names.count == 1 ? "" : "s") (\(a.positional.count) given)")
        }
        var vals = [Value?](repeating: nil, count: names.count)
        for (i, v) in a.positional.enumerated() { vals[i] = v }
        for (k, v) in a.keywords {
            guard let i = names.firstIndex(of: k) else {
                throw typeError("\(fn)() got an unexpected keyword argument '\(k)'")
            }
            if vals[i] != nil { throw typeError("argument for \(fn)() given by name ('\(k)') and position (\(i + 1))") }
            vals[i] = v
        }
        for i in 0..<required where vals[i] == nil {
            throw typeError("\(fn)() missing required argument '\(names[i])' (pos \(i + 1))")
        }
        return vals
    }

    /// An OSError subclass for `code`, formatted like CPython's `[Errno N] text: 'path'`.
    static func error(_ code: Int32, _ path: String, _ path2: String? = nil) -> ScriptError {
        let cls: PyType
        switch code {
        case ENOENT: cls = Types.fileNotFoundError
        case EEXIST: cls = Types.fileExistsError
        case EACCES, EPERM: cls = Types.permissionError
        case EISDIR: cls = Types.isADirectoryError
        default: cls = Types.osError
        }
        let text = String(cString: strerror(code))
        var msg = "[Errno \(code)] \(text): \(strRepr(path))"
        if let p2 = path2 { msg += " -> \(strRepr(p2))" }
        let e = PyException(cls, msg)
        e.attrs["errno"] = .int(Int(code))
        e.attrs["strerror"] = Value(text)
        e.attrs["filename"] = Value(path)
        e.attrs["filename2"] = path2.map { Value($0) } ?? Value.none
        return ScriptError(e)
    }

    static func statOf(_ p: String) -> Glibc.stat? {
        if p.isEmpty { return nil }
        var st = Glibc.stat()
        return stat(p, &st) == 0 ? st : nil
    }

    static func makedirs(_ path: String, _ mode: mode_t, _ existOK: Bool) throws {
        let (head, tail) = split(path)
        var parent = head
        if tail.isEmpty { parent = split(head).0 }
        if !parent.isEmpty && tail != "" && statOf(parent) == nil {
            try makedirs(parent, mode, true)
        }
        if Glibc.mkdir(path, mode) != 0 {
            let code = errno
            if existOK, code == EEXIST, let st = statOf(path), st.st_mode & S_IFMT == S_IFDIR { return }
            throw error(code, path)
        }
    }

    /// `posixpath.split` (`stripHead: false` gives the raw head for basename).
    static func split(_ p: String, stripHead: Bool = true) -> (String, String) {
        let b = Array(p.utf8)
        let i = (b.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        var head = Array(b[0..<i])
        let tail = Array(b[i...])
        if stripHead && !head.isEmpty && head.contains(where: { $0 != UInt8(ascii: "/") }) {
            while head.last == UInt8(ascii: "/") { head.removeLast() }
        }
        return (String(decoding: head, as: UTF8.self), String(decoding: tail, as: UTF8.self))
    }

    static func splitext(_ p: String) -> (String, String) {
        let b = Array(p.utf8)
        let sepIndex = b.lastIndex(of: UInt8(ascii: "/")) ?? -1
        let dotIndex = b.lastIndex(of: UInt8(ascii: ".")) ?? -1
        if dotIndex > sepIndex {
            var f = sepIndex + 1
            while f < dotIndex {
                if b[f] != UInt8(ascii: ".") {
                    return (String(decoding: b[0..<dotIndex], as: UTF8.self), String(decoding: b[dotIndex...], as: UTF8.self))
                }
                f += 1
            }
        }
        return (p, "")
    }

    static func normpath(_ path: String) -> String {
        if path.isEmpty { return "." }
        var initial = path.hasPrefix("/") ? 1 : 0
        if path.hasPrefix("//") && !path.hasPrefix("///") { initial = 2 }
        var comps: [Substring] = []
        for comp in path.split(separator: "/", omittingEmptySubsequences: false) {
            if comp.isEmpty || comp == "." { continue }
            if comp != ".." || (initial == 0 && comps.isEmpty) || (comps.last == "..") {
                comps.append(comp)
            } else if !comps.isEmpty {
                comps.removeLast()
            }
        }
        let r = String(repeating: "/", count: initial) + comps.joined(separator: "/")
        return r.isEmpty ? "." : r
    }

    static func abspath(_ p: String) -> String {
        if p.hasPrefix("/") { return normpath(p) }
        let cwd = FileManager.default.currentDirectoryPath
        return normpath(p.isEmpty ? cwd : (cwd.hasSuffix("/") ? cwd + p : cwd + "/" + p))
    }
}
