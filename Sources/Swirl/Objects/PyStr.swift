// `str` objects: a Swift String plus cached facts (length in code points, ASCII-ness,
// hash) so that `len` and indexing are O(1) as in Python.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Python's string equality: the same code points. (Swift's `==` also equates canonically
/// equivalent text, such as "é" and "e" + U+0301, which Python keeps apart.)
func sameCodePoints(_ a: String, _ b: String) -> Bool {
    let n = a.utf8.count
    guard n == b.utf8.count else { return false }
    if n == 0 { return true }
    let fast = a.utf8.withContiguousStorageIfAvailable { pa in
        b.utf8.withContiguousStorageIfAvailable { pb -> Bool in
            guard let x = pa.baseAddress, let y = pb.baseAddress else { return false }
            return memcmp(x, y, n) == 0
        }
    }
    if let fast, let result = fast { return result }
    return a.utf8.elementsEqual(b.utf8)
}

final class PyStr: PyObject {
    let value: String
    private var cachedCount = -1
    private var cachedHash: Int?
    private var scalarCache: [Unicode.Scalar]?
    private var asciiState: Int8 = -1  // -1 unknown, 0 no, 1 yes
    /// See `utf8Bytes`.
    var byteCache: [UInt8]?
    /// Bytes charged to the memory limit for this string (Embedding/MemoryAccount.swift).
    var memoryCharge: MemoryCharge?

    init(_ value: String) { self.value = value }

    override var type: PyType { Types.str }
    override class var isPlainBuiltin: Bool { true }

    var isASCII: Bool {
        if asciiState < 0 {
            // OR-ing the bytes of the contiguous UTF-8 (native strings, small ones included)
            // vectorises; a byte-by-byte walk of the view is several times slower.
            let ascii = value.utf8.withContiguousStorageIfAvailable { bytes in
                var all: UInt8 = 0
                for b in bytes { all |= b }
                return all < 0x80
            } ?? value.utf8.allSatisfy { $0 < 0x80 }
            asciiState = ascii ? 1 : 0
        }
        return asciiState == 1
    }

    /// Length in Unicode code points.
    var count: Int {
        if cachedCount < 0 {
            cachedCount = isASCII ? value.utf8.count : value.unicodeScalars.count
        }
        return cachedCount
    }

    /// The code points, materialised once for indexing non-ASCII strings.
    var scalars: [Unicode.Scalar] {
        if let s = scalarCache { return s }
        let s = Array(value.unicodeScalars)
        scalarCache = s
        return s
    }

    /// The code point at `i` (0 ≤ i < count) as a one-character string.
    func character(at i: Int) -> String {
        if isASCII {
            let u = value.utf8
            let b = u[u.index(u.startIndex, offsetBy: i)]
            return String(UnicodeScalar(b))
        }
        return String(Character(scalars[i]))
    }

    /// The substring of code points `start..<end` (already clamped).
    func substring(_ start: Int, _ end: Int) -> String {
        if start >= end { return "" }
        if isASCII {
            let u = value.utf8
            let a = u.index(u.startIndex, offsetBy: start)
            let b = u.index(a, offsetBy: end - start)
            return String(value[a..<b])
        }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<end])
        return String(s)
    }

    var hash: Int {
        if let h = cachedHash { return h }
        let h = PyStr.hash(of: value)
        cachedHash = h
        return h
    }

    /// The hash of a str with this text (the same for a Swift String and its PyStr).
    static func hash(of text: String) -> Int {
        // FNV-1a over the UTF-8 bytes: cheap for the short names attribute access hashes.
        var h: UInt64 = 0xcbf29ce484222325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100000001b3
        }
        let r = Int(bitPattern: UInt(h))
        return r == -1 ? -2 : r
    }
}
