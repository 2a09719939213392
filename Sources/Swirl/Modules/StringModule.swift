// The `string` module: its character-class constants (ascii_letters, digits, ...).

extension Runtime {
    func makeStringModule() throws -> PyModule {
        let m = PyModule(name: "string")
        let lower = "abcdefghijklmnopqrstuvwxyz"
        let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        let digits = "0123456789"
        let punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
        let whitespace = " \t\n\r\u{0B}\u{0C}"
        let constants: [(String, String)] = [
            ("ascii_lowercase", lower),
            ("ascii_uppercase", upper),
            ("ascii_letters", lower + upper),
            ("digits", digits),
            ("hexdigits", digits + "abcdefABCDEF"),
            ("octdigits", "01234567"),
            ("punctuation", punctuation),
            ("whitespace", whitespace),
            ("printable", digits + lower + upper + punctuation + whitespace),
        ]
        for (name, value) in constants { m.globals[name] = Value(value) }
        m.globals["capwords"] = .object(PyNativeFunction("capwords", .general { rt, a in
            guard a.keywords.isEmpty || (a.keywords.count == 1 && a.keywords[0].0 == "sep") else {
                throw typeError("capwords() got an unexpected keyword argument '\(a.keywords[0].0)'")
            }
            guard a.positional.count >= 1 && a.positional.count + a.keywords.count <= 2 else {
                throw typeError("capwords() takes from 1 to 2 positional arguments but \(a.positional.count) were given")
            }
            let s = a.positional[0]
            let sep: Value = a.positional.count > 1 ? a.positional[1] : (a.keywords.first?.1 ?? Value.none)
            let parts = try rt.call(try rt.getAttribute(s, "split"), [sep])
            var words: [Value] = []
            for w in try rt.iterateToArray(parts) { words.append(try rt.call(try rt.getAttribute(w, "capitalize"), [])) }
            let joiner: Value = sep.isNone ? Value(" ") : sep
            return try rt.call(try rt.getAttribute(joiner, "join"), [.object(PyList(words))])
        }))
        return m
    }
}
