// The `math` module (not written yet).

extension Runtime {
    func makeMathModule() throws -> PyModule {
        throw ScriptError(Types.moduleNotFoundError, "No module named 'math'")
    }
}
