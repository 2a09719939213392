// Substring search over UTF-8 bytes, for the str methods (find, count, split, replace,
// `in`): much faster than going through Foundation, and exact because a UTF-8 needle can
// only match at character boundaries.

enum ByteSearch {
    /// Offset of the first occurrence of `needle` in `hay` at or after `from`.
    static func first(_ needle: [UInt8], in hay: [UInt8], from: Int = 0) -> Int? {
        let n = needle.count, h = hay.count
        if n == 0 { return from <= h ? from : nil }
        if n > h - from { return nil }
        return hay.withUnsafeBufferPointer { hp in
            needle.withUnsafeBufferPointer { np in
                let first = np[0]
                var i = from
                let last = h - n
                while i <= last {
                    if hp[i] == first {
                        var j = 1
                        while j < n && hp[i + j] == np[j] { j += 1 }
                        if j == n { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    /// Offset of the last occurrence of a non-empty `needle` in `hay`.
    static func last(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        let n = needle.count, h = hay.count
        if n == 0 || n > h { return n == 0 ? h : nil }
        var i = h - n
        while i >= 0 {
            if hay[i] == needle[0] && hay[i..<(i + n)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }

    /// Offsets of the non-overlapping occurrences of a non-empty `needle`, left to right.
    static func all(_ needle: [UInt8], in hay: [UInt8], limit: Int = Int.max) -> [Int] {
        var out: [Int] = []
        var from = 0
        while out.count < limit, let i = first(needle, in: hay, from: from) {
            out.append(i)
            from = i + needle.count
        }
        return out
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}

extension PyStr {
    /// The UTF-8 bytes (cached for repeated searches on the same string).
    var utf8Bytes: [UInt8] {
        if let b = byteCache { return b }
        let b = Array(value.utf8)
        byteCache = b
        return b
    }
}
