// The sandbox: by default no file, network, environment, subprocess or process-exit
// access; each capability, once granted, turns its part back on.
import Foundation
import Swirl
import Testing

/// The failure of running `code` in `interp`, as "Type: message".
func denial(_ interp: Interpreter, _ code: String) -> String? {
    failure { try interp.run(code) }.map { "\($0.typeName): \($0.message)" }
}

@Test func fileSystemIsDeniedByDefault() throws {
    let (interp, _, _) = makeInterpreter()
    #expect(denial(interp, "open('/etc/hostname')")
        == "PermissionError: open() is not allowed: the host did not grant the file system capability")
    #expect(denial(interp, "import os\nos.listdir('/')")?.hasPrefix("PermissionError: os.listdir()") == true)
    #expect(denial(interp, "import os\nos.remove('/tmp/x')")?.hasPrefix("PermissionError: os.remove()") == true)
    #expect(denial(interp, "import os.path\nos.path.exists('/')")?.hasPrefix("PermissionError: os.path.exists()") == true)
    // Pure path arithmetic stays available.
    try interp.run("import os")
    #expect(try interp.evaluate("os.path.join('a', 'b')") == "a/b")
}

@Test func fileSystemWhenGranted() throws {
    let (interp, _, _) = makeInterpreter(capabilities: .fileSystem)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("swirl-\(UUID().uuidString).txt").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try interp.setGlobal("path", .string(path))
    try interp.run("with open(path, 'w') as f:\n    f.write('granted')\nimport os\nexists = os.path.exists(path)")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "granted")
    #expect(interp.global("exists") == true)
}

@Test func environmentIsDeniedByDefault() throws {
    let (interp, _, _) = makeInterpreter()
    #expect(denial(interp, "import os\nos.environ")?.hasPrefix("AttributeError") == true)
    #expect(denial(interp, "import os\nos.getenv('HOME')")
        == "PermissionError: os.getenv() is not allowed: the host did not grant the environment capability")
    let (granted, _, _) = makeInterpreter(capabilities: .environment)
    try granted.run("import os")
    #expect(try granted.evaluate("os.getenv('PATH')") == .string(ProcessInfo.processInfo.environment["PATH"] ?? ""))
    #expect(try granted.evaluate("len(os.environ) > 0") == true)
}

@Test func processExitIsDeniedByDefault() throws {
    let (interp, _, _) = makeInterpreter()
    #expect(denial(interp, "import sys\nsys.exit(3)")
        == "PermissionError: sys.exit() is not allowed: the host did not grant the process exit capability")
    let (granted, _, _) = makeInterpreter(capabilities: .processExit)
    let f = try #require(failure { try granted.run("import sys\nsys.exit(3)") })
    #expect(f.typeName == "SystemExit")
    // Either way the host process is still here, and so is the interpreter.
    #expect(try granted.evaluate("2 + 2") == 4)
}

@Test func networkIsDeniedByDefault() throws {
    let (interp, _, _) = makeInterpreter()
    let code = "import asyncio\nasync def main():\n    await asyncio.open_connection('example.com', 80)\nasyncio.run(main())"
    #expect(denial(interp, code)?.hasPrefix("PermissionError: asyncio.open_connection() is not allowed") == true)
    #expect(denial(interp, "import socket")?.hasPrefix("PermissionError: import socket is not allowed") == true)
    #expect(denial(interp, "import asyncio\nasyncio.start_server(None, 'localhost', 0)")?.hasPrefix("PermissionError") == true)
}

@Test func subprocessIsDeniedByDefault() throws {
    let (interp, _, _) = makeInterpreter()
    #expect(denial(interp, "import subprocess")?.hasPrefix("PermissionError: import subprocess is not allowed") == true)
    #expect(denial(interp, "import os\nos.system('true')")?.hasPrefix("AttributeError") == true)
    let (granted, _, _) = makeInterpreter(capabilities: .subprocess)
    // Granted, the module is simply not part of Swirl: no PermissionError any more.
    #expect(denial(granted, "import subprocess")?.hasPrefix("ModuleNotFoundError") == true)
}

@Test func allCapabilitiesAsTheCommandLineGrantsThem() throws {
    let (interp, _, _) = makeInterpreter(capabilities: .all)
    try interp.run("""
    import os, sys, asyncio
    cwd = os.getcwd()
    has_env = 'PATH' in os.environ
    can_open = callable(open) and os.path.exists('/')
    """)
    #expect(interp.global("cwd") == .string(FileManager.default.currentDirectoryPath))
    #expect(interp.global("has_env") == true)
    #expect(interp.global("can_open") == true)
    #expect(failure { try interp.run("sys.exit(4)") }?.typeName == "SystemExit")
}
