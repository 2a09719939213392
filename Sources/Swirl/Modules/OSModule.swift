// The `os` module (not written yet).

extension Runtime {
    func makeOSModule() throws -> PyModule {
        throw ScriptError(Types.moduleNotFoundError, "No module named 'os'")
    }
}
