// `reprlib.repr` as asyncio uses it for a future's result in reprs: containers cut after a
// few items (`[1, 2, 3, 4, 5, 6, ...]`), long strings, numbers and other objects cut in
// the middle (`'aaaaaaaaaaaa...aaaaaaaaaaaaa'`), nesting limited to six levels.

extension Runtime {
    func reprlibRepr(_ v: Value, level: Int = 6) -> String {
        let maxString = 30, maxLong = 40, maxOther = 30
        func cut(_ s: String, _ limit: Int) -> String {
            guard s.count > limit else { return s }
            let i = max(0, (limit - 3) / 2)
            let j = max(0, limit - 3 - i)
            return String(s.prefix(i)) + "..." + String(s.suffix(j))
        }
        func plain(_ v: Value) -> String { (try? repr(v)) ?? "<?>" }
        func iterable(_ items: [Value], _ left: String, _ right: String, limit: Int, trail: String = "") -> String {
            let n = items.count
            let body: String
            if level <= 0 && n > 0 {
                body = "..."
            } else {
                var pieces = items.prefix(limit).map { reprlibRepr($0, level: level - 1) }
                if n > limit { pieces.append("...") }
                body = pieces.joined(separator: ", ")
            }
            return left + body + (n == 1 ? trail : "") + right
        }
        func possiblySorted(_ items: [Value]) -> [Value] {
            guard let sortedFunction = builtins["sorted"],
                  let result = try? call(sortedFunction, [.object(PyList(items))]),
                  let list = result.asObject as? PyList else { return items }
            return list.items
        }
        switch v {
        case .int:
            return cut(plain(v), maxLong)
        case .object(let o):
            switch o {
            case let s as PyStr:
                let r = plain(.object(PyStr(String(s.value.prefix(maxString)))))
                guard r.count > maxString else { return r }
                let i = max(0, (maxString - 3) / 2)
                let j = max(0, maxString - 3 - i)
                let inner = plain(.object(PyStr(String(s.value.prefix(i)) + String(s.value.suffix(j)))))
                return String(inner.prefix(i)) + "..." + String(inner.suffix(j))
            case is PyBigInt:
                return cut(plain(v), maxLong)
            case let t as PyTuple where type(of: o) == PyTuple.self:
                return iterable(t.items, "(", ")", limit: 6, trail: ",")
            case let l as PyList where type(of: o) == PyList.self:
                return iterable(l.items, "[", "]", limit: 6)
            case is PySet where typeOf(v) === Types.set:
                let elements = (try? iterateToArray(v)) ?? []
                if elements.isEmpty { return "set()" }
                return iterable(possiblySorted(elements), "{", "}", limit: 6)
            case is PyDict where typeOf(v) === Types.dict:
                let keys = (try? iterateToArray(v)) ?? []
                let n = keys.count
                if n == 0 { return "{}" }
                if level <= 0 { return "{...}" }
                var pieces: [String] = []
                for k in possiblySorted(keys).prefix(4) {
                    let value = (try? getItem(v, k)) ?? Value.none
                    pieces.append(reprlibRepr(k, level: level - 1) + ": " + reprlibRepr(value, level: level - 1))
                }
                if n > 4 { pieces.append("...") }
                return "{" + pieces.joined(separator: ", ") + "}"
            default:
                return cut(plain(v), maxOther)
            }
        default:
            return cut(plain(v), maxOther)
        }
    }
}
