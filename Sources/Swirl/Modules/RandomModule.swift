// The `random` module (not written yet).

extension Runtime {
    func makeRandomModule() throws -> PyModule {
        throw ScriptError(Types.moduleNotFoundError, "No module named 'random'")
    }
}
