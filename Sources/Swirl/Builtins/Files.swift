// `open()` and file objects: text (UTF-8, universal newlines on reading) and binary
// modes, read/readline/readlines/iteration, write/writelines, and use as a context manager.
import Foundation

final class PyFile: PyObject {
    let name: String
    let mode: String
    let binary: Bool
    let readable: Bool
    let writable: Bool
    var closed = false
    /// Reading: the whole content, decoded once, and a cursor.
    private var bytes: [UInt8] = []
    private var text: [Unicode.Scalar] = []
    private var position = 0
    /// Writing: the open stream.
    private var handle: UnsafeMutablePointer<FILE>?

    init(name: String, mode: String, rt: Runtime) throws {
        self.name = name
        self.mode = mode
        binary = mode.contains("b")
        readable = mode.contains("r") || mode.contains("+")
        writable = mode.contains("w") || mode.contains("a") || mode.contains("x") || mode.contains("+")
        super.init()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory), isDirectory.boolValue {
            throw PyFile.osError(Types.isADirectoryError, 21, "Is a directory", name)
        }
        let update = mode.contains("r") && mode.contains("+")
        if writable && !update {
            let cmode = (mode.contains("a") ? "a" : (mode.contains("x") ? "wx" : "w")) + "b"
            guard let h = fopen(name, cmode) else { throw PyFile.errnoError(name) }
            handle = h
        } else {
            if update {
                // "r+": read and overwrite in place; the file is not truncated.
                guard let h = fopen(name, "r+b") else { throw PyFile.errnoError(name) }
                handle = h
            }
            // The read itself lets other work go on when this runs in asyncio.to_thread.
            guard let data = rt.blockingCall({ FileManager.default.contents(atPath: name) }) else {
                if !FileManager.default.fileExists(atPath: name) {
                    throw PyFile.osError(Types.fileNotFoundError, 2, "No such file or directory", name)
                }
                throw PyFile.osError(Types.permissionError, 13, "Permission denied", name)
            }
            bytes = [UInt8](data)
            if !binary {
                let decoded = String(decoding: bytes, as: UTF8.self)
                text = Array(decoded.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").unicodeScalars)
            }
        }
    }

    deinit { if let h = handle { fclose(h) } }
    override var type: PyType { Types.file }

    static func osError(_ cls: PyType, _ code: Int, _ message: String, _ path: String) -> ScriptError {
        ScriptError(PyException(cls, args: [.int(code), Value(message), Value(path)]))
    }

    static func errnoError(_ path: String) -> ScriptError {
        let code = Int(errno)
        let message = String(cString: strerror(errno))
        let cls: PyType
        switch code {
        case 2: cls = Types.fileNotFoundError
        case 13: cls = Types.permissionError
        case 17: cls = Types.fileExistsError
        case 21: cls = Types.isADirectoryError
        default: cls = Types.osError
        }
        return osError(cls, code, message, path)
    }

    func checkOpen() throws {
        if closed { throw valueError("I/O operation on closed file.") }
    }

    func read(_ n: Int) throws -> Value {
        // A closed binary file's own wording.
        if closed && binary { throw valueError("read of closed file") }
        try checkOpen()
        if !readable { throw ScriptError(Types.unsupportedOperation, "not readable") }
        if binary {
            let end = n < 0 ? bytes.count : min(bytes.count, position + n)
            defer { position = end }
            return .object(PyBytes(Array(bytes[min(position, end)..<end])))
        }
        let end = n < 0 ? text.count : min(text.count, position + n)
        defer { position = end }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: text[min(position, end)..<end])
        return Value(String(v))
    }

    func readline() throws -> Value {
        try checkOpen()
        if binary {
            var end = position
            while end < bytes.count && bytes[end] != 10 { end += 1 }
            if end < bytes.count { end += 1 }
            defer { position = end }
            return .object(PyBytes(Array(bytes[position..<end])))
        }
        var end = position
        while end < text.count && text[end] != "\n" { end += 1 }
        if end < text.count { end += 1 }
        defer { position = end }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: text[position..<end])
        return Value(String(v))
    }

    var atEnd: Bool { binary ? position >= bytes.count : position >= text.count }

    func write(_ v: Value, _ rt: Runtime) throws -> Int {
        try checkOpen()
        guard writable, let h = handle else { throw ScriptError(Types.unsupportedOperation, "not writable") }
        let data: [UInt8]
        var count: Int
        if binary {
            guard case .object(let o) = v, let b = o as? PyBytes else {
                throw typeError("a bytes-like object is required, not '\(rt.typeName(v))'")
            }
            data = b.bytes
            count = data.count
        } else {
            guard case .object(let o) = v, let s = o as? PyStr else {
                throw typeError("write() argument must be str, not \(rt.typeName(v))")
            }
            data = Array(s.value.utf8)
            count = s.count
        }
        if readable && mode.contains("r") {
            // "r+": the write goes where reading got to, and what is read next follows it.
            // In text mode CPython's reader has read ahead (the whole of a small file) by
            // the time anything was read, so a write after a read lands at the end.
            if !binary && position > 0 {
                position = text.count
                fseek(h, 0, SEEK_END)
            } else {
                fseek(h, position, SEEK_SET)
            }
            if binary {
                let end = min(bytes.count, position + data.count)
                bytes.replaceSubrange(position..<end, with: data)
                position += data.count
            } else {
                let written = Array(String(decoding: data, as: UTF8.self).unicodeScalars)
                let start = min(position, text.count), end = min(text.count, start + written.count)
                text.replaceSubrange(start..<end, with: written)
                position = start + written.count
            }
        }
        if !data.isEmpty { _ = data.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, h) } }
        if binary { count = data.count }
        return count
    }

    func close() {
        if let h = handle { fclose(h) }
        handle = nil
        closed = true
    }
}

extension Types {
    nonisolated(unsafe) static let file = PyType(name: "TextIOWrapper", base: object, isBuiltin: true, layout: .builtin, module: "_io")
    nonisolated(unsafe) static let unsupportedOperation = PyType(name: "UnsupportedOperation", base: osError, isBuiltin: true,
                                                                 layout: .exception, module: "io")

    static func installFileMethods() {
        let t = file
        func f(_ v: Value) throws -> PyFile {
            guard let x = v.asObject as? PyFile else { throw Swirl.typeError("expected a file") }
            return x
        }
        method(t, "read", .general { rt, a in
            try f(a.positional[0]).read(a.positional.count > 1 && !a.positional[1].isNone ? try rt.indexValue(a.positional[1]) : -1)
        })
        method(t, "readline", .general { _, a in try f(a.positional[0]).readline() })
        method(t, "readlines", .a1 { _, v in
            let file = try f(v)
            var lines: [Value] = []
            while !file.atEnd { lines.append(try file.readline()) }
            return .object(PyList(lines))
        })
        method(t, "write", .a2 { rt, v, s in .int(try f(v).write(s, rt)) })
        method(t, "writelines", .a2 { rt, v, items in
            let file = try f(v)
            for item in try rt.iterateToArray(items) { _ = try file.write(item, rt) }
            return .none
        })
        method(t, "close", .a1 { _, v in try f(v).close(); return .none })
        method(t, "flush", .a1 { _, _ in .none })
        method(t, "__enter__", .a1 { _, v in
            try f(v).checkOpen()
            return v
        })
        method(t, "__exit__", .general { _, a in
            try f(a.positional[0]).close()
            return .false
        })
        method(t, "__iter__", .a1 { _, v in
            try f(v).checkOpen()
            return v
        })
        method(t, "__next__", .a1 { _, v in
            let file = try f(v)
            try file.checkOpen()
            if file.atEnd { throw ScriptError(PyException(Types.stopIteration, args: [])) }
            return try file.readline()
        })
    }
}

extension Runtime {
    func builtinOpen(_ a: Arguments) throws -> Value {
        guard let p = a.positional.first else { throw typeError("open() missing required argument 'file' (pos 1)") }
        let path = try str(p)
        var mode = a.positional.count > 1 ? try str(a.positional[1]) : "r"
        if let m = a.keywords.first(where: { $0.0 == "mode" })?.1 { mode = try str(m) }
        // CPython's checks: known letters, none twice, one of r/w/x/a, not both b and t.
        let valid = Set("rwxabt+")
        if mode.isEmpty || !mode.allSatisfy({ valid.contains($0) }) || Set(mode).count != mode.count {
            throw valueError("invalid mode: '\(mode)'")
        }
        if mode.contains("b") && mode.contains("t") { throw valueError("can't have text and binary mode at once") }
        if mode.filter({ "rwxa".contains($0) }).count != 1 {
            throw valueError("must have exactly one of create/read/write/append mode")
        }
        if let e = a.keywords.first(where: { $0.0 == "encoding" })?.1, !e.isNone {
            let enc = try str(e).lowercased()
            if mode.contains("b") { throw valueError("binary mode doesn't take an encoding argument") }
            if !["utf-8", "utf8"].contains(enc) { throw notImplemented("encoding '\(enc)' is not supported") }
        }
        return .object(try PyFile(name: path, mode: mode, rt: self))
    }

    /// A file object's iterator for `for line in f` (the object is its own iterator).
    func fileIterator(_ file: PyFile) -> PyIteratorObject {
        FileLineIterator(file)
    }
}

final class FileLineIterator: PyIteratorObject {
    let file: PyFile
    init(_ f: PyFile) { file = f }
    override func next(_ rt: Runtime) throws -> Value? {
        try file.checkOpen()
        if file.atEnd { return nil }
        return try file.readline()
    }
}
