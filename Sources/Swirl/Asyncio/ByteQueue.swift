// A FIFO of bytes: appended at the end, consumed from the front without moving the rest
// (a start index; the array is compacted once most of it has been consumed). The
// StreamReader's incoming data and a connection's unsent data are both kept in one.

struct ByteQueue {
    private var bytes: [UInt8] = []
    private var start = 0

    /// Bytes not yet consumed.
    var count: Int { bytes.count - start }
    var isEmpty: Bool { count == 0 }

    mutating func append(_ data: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: data)
    }

    /// Drops the first `n` bytes.
    mutating func consume(_ n: Int) {
        start += min(n, count)
        if start == bytes.count {
            bytes.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 4096 && start * 2 > bytes.count {
            bytes.removeFirst(start)
            start = 0
        }
    }

    /// Removes and returns the first `n` bytes (fewer when fewer are queued).
    mutating func take(_ n: Int) -> [UInt8] {
        let chunk = Array(bytes[start..<(start + min(n, count))])
        consume(chunk.count)
        return chunk
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        start = 0
    }

    /// The unconsumed bytes, for a system call.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start...])) }
    }

    /// Index (relative to the unconsumed bytes) of `pattern` at or after `offset`, or nil.
    func find(_ pattern: [UInt8], from offset: Int) -> Int? {
        guard let first = pattern.first, count - offset >= pattern.count else { return nil }
        var i = start + offset
        let last = bytes.count - pattern.count
        while i <= last {
            if bytes[i] == first {
                var j = 1
                while j < pattern.count && bytes[i + j] == pattern[j] { j += 1 }
                if j == pattern.count { return i - start }
            }
            i += 1
        }
        return nil
    }

    /// Whether `pattern` stands at `offset` (relative to the unconsumed bytes).
    func hasPrefix(_ pattern: [UInt8], at offset: Int) -> Bool {
        let i = start + offset
        guard i >= start, i + pattern.count <= bytes.count else { return false }
        return bytes[i..<(i + pattern.count)].elementsEqual(pattern)
    }
}
