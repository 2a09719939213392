// The `json` module (not written yet).

extension Runtime {
    func makeJSONModule() throws -> PyModule {
        throw ScriptError(Types.moduleNotFoundError, "No module named 'json'")
    }
}
