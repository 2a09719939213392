// The sandbox: which capabilities reach outside the interpreter (files, network,
// environment, subprocesses, process exit). An embedded interpreter starts with none; the
// command line grants all. Denied functions stay defined and raise PermissionError naming
// the missing capability; `os.environ` is absent without `.environment`.

/// What a script may touch outside the interpreter.
///
/// ``Interpreter/init(configuration:)`` grants nothing unless ``Configuration/capabilities``
/// says so; the `swirl` command line grants ``all``.
public struct Capabilities: OptionSet, Sendable, Hashable {
    /// The capability bits.
    public let rawValue: Int
    /// Creates a capability set from its raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `open()`, the file functions of `os` and `os.path` (listdir, mkdir, remove, exists, ...).
    public static let fileSystem = Capabilities(rawValue: 1 << 0)
    /// Sockets and asyncio streams (`asyncio.open_connection`, `asyncio.start_server`).
    public static let network = Capabilities(rawValue: 1 << 1)
    /// `os.environ`, `os.getenv`, `os.putenv`.
    public static let environment = Capabilities(rawValue: 1 << 2)
    /// Starting other programs (`subprocess`, `asyncio.create_subprocess_exec`).
    public static let subprocess = Capabilities(rawValue: 1 << 3)
    /// `sys.exit()` ending the script with an exit status.
    public static let processExit = Capabilities(rawValue: 1 << 4)

    /// Every capability (what the command line uses).
    public static let all: Capabilities = [.fileSystem, .network, .environment, .subprocess, .processExit]

    /// The name used in PermissionError messages.
    var displayName: String {
        switch self {
        case .fileSystem: return "file system"
        case .network: return "network"
        case .environment: return "environment"
        case .subprocess: return "subprocess"
        case .processExit: return "process exit"
        default: return "requested"
        }
    }
}

extension Runtime {
    /// Raises PermissionError unless the host granted `capability`; `what` names the
    /// operation (`"open"`, `"open_connection"`). For native functions that reach outside
    /// the interpreter (streams, subprocesses) to call first.
    func require(_ capability: Capabilities, _ what: String) throws {
        if !capabilities.contains(capability) { throw permissionDenied(capability, what) }
    }

    /// The PermissionError for `what`: a function name (`open`) or a statement (`import socket`).
    func permissionDenied(_ capability: Capabilities, _ what: String) -> ScriptError {
        let subject = what.contains(" ") ? what : what + "()"
        return ScriptError(Types.permissionError,
                           "\(subject) is not allowed: the host did not grant the \(capability.displayName) capability")
    }

    /// A function that only raises the PermissionError for `what`.
    func deniedFunction(_ capability: Capabilities, _ what: String) -> Value {
        .object(PyNativeFunction(what, .general { rt, _ in throw rt.permissionDenied(capability, what) }))
    }

    /// Applies the sandbox to the builtins namespace (called once the configuration is known).
    func applySandboxToBuiltins() {
        if !capabilities.contains(.fileSystem) { builtins["open"] = deniedFunction(.fileSystem, "open") }
    }

    /// Module names that need a capability before they can be imported.
    func checkImportAllowed(_ name: String) throws {
        let root = name.split(separator: ".").first.map(String.init) ?? name
        switch root {
        case "subprocess": try require(.subprocess, "import subprocess")
        case "socket", "ssl", "http", "urllib", "selectors": try require(.network, "import \(root)")
        default: break
        }
    }

    /// Replaces what a freshly made built-in module offers beyond the granted capabilities.
    func applySandbox(to module: PyModule) {
        let g = module.globals
        func deny(_ names: [String], _ capability: Capabilities, prefix: String) {
            guard !capabilities.contains(capability) else { return }
            for n in names where g[n] != nil { g[n] = deniedFunction(capability, prefix + n) }
        }
        switch module.name {
        case "os":
            if !capabilities.contains(.environment) { g["environ"] = nil }
            if case .object(let o)? = g["path"], let path = o as? PyModule { applySandbox(to: path) }
            deny(["getenv", "putenv", "unsetenv"], .environment, prefix: "os.")
            deny(["getcwd", "listdir", "mkdir", "makedirs", "remove", "unlink", "rmdir", "rename", "replace",
                  "chdir", "stat", "scandir", "walk"], .fileSystem, prefix: "os.")
            deny(["system", "popen", "execv", "execvp", "fork", "kill"], .subprocess, prefix: "os.")
            deny(["_exit", "abort"], .processExit, prefix: "os.")
        case "posixpath":
            deny(["abspath", "realpath", "exists", "lexists", "isfile", "isdir", "islink", "getsize",
                  "getmtime", "expanduser"], .fileSystem, prefix: "os.path.")
        case "sys":
            deny(["exit"], .processExit, prefix: "sys.")
        case "asyncio":
            deny(["open_connection", "start_server", "open_unix_connection", "start_unix_server"],
                 .network, prefix: "asyncio.")
            deny(["create_subprocess_exec", "create_subprocess_shell"], .subprocess, prefix: "asyncio.")
            if !capabilities.contains(.network) {
                for n in ["open_connection", "start_server"] where g[n] == nil {
                    g[n] = deniedFunction(.network, "asyncio." + n)
                }
            }
        default:
            break
        }
    }
}
