// Lookup of Unicode character names for `\N{...}` escapes. The table is built lazily on the
// first `\N` escape from the standard library's scalar properties (CJK ideograph names
// are algorithmic and handled without the table).

enum UnicodeNames {
    /// Upper-cased name or alias → code point.
    private static let table: [String: UInt32] = {
        var table: [String: UInt32] = [:]
        table.reserveCapacity(60_000)
        func add(_ range: ClosedRange<UInt32>) {
            for v in range {
                guard let s = Unicode.Scalar(v) else { continue }
                let properties = s.properties
                if let name = properties.name { table[name] = v }
                if let alias = properties.nameAlias { table[alias] = v }
            }
        }
        // Skip the CJK ideograph blocks (their names are computed below) and the planes
        // without named characters.
        add(0...0x33FF)
        add(0x4DC0...0x4DFF)
        add(0xA000...0x1FFFF)
        add(0xE0000...0xE01EF)
        return table
    }()

    /// The code point named `name` (case-insensitive), or nil.
    static func lookup(_ name: String) -> UInt32? {
        let key = name.uppercased()
        let prefix = "CJK UNIFIED IDEOGRAPH-"
        if key.hasPrefix(prefix), let v = UInt32(key.dropFirst(prefix.count), radix: 16),
           let s = Unicode.Scalar(v), s.properties.name == key {
            return v
        }
        return table[key]
    }
}
