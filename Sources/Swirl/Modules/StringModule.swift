// The `string` module (not written yet).

extension Runtime {
    func makeStringModule() throws -> PyModule {
        throw ScriptError(Types.moduleNotFoundError, "No module named 'string'")
    }
}
