// The transport under an asyncio stream pair: one connected non-blocking socket watched by
// the loop's poller. Incoming bytes go to the StreamReader (reading pauses while the
// reader holds more than twice its limit); outgoing bytes are sent at once when possible
// and otherwise buffered, with writing "paused" above a high-water mark so that
// `drain()` waits — the back-pressure of CPython's _SelectorSocketTransport. Closing and
// failures follow CPython: `connection_lost` runs one loop iteration later, wakes
// `wait_closed()`, and ends the reader with EOF or the error.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class StreamConnection {
    static let highWater = 64 * 1024
    static let lowWater = 16 * 1024

    unowned let rt: Runtime
    private(set) var fd: Int32
    let reader: PyStreamReader
    let socket: PyTransportSocket
    let sockname: Value
    let peername: Value
    /// `transport.close()` was called (or the connection failed).
    private(set) var closing = false
    /// connection_lost has run: the descriptor is closed.
    private(set) var lost = false
    private var lostWrites = 0
    private var outgoing = ByteQueue()
    private var eofAfterFlush = false
    private(set) var eofWritten = false
    private var readingPaused = false
    private(set) var writingPaused = false
    private var drainWaiters: [PyFuture] = []
    /// Completed by connection_lost (`wait_closed()` awaits it).
    let closedFuture: PyFuture
    /// Called once the connection is gone (a server counts its connections).
    var onLost: (() -> Void)?

    init(rt: Runtime, fd: Int32, reader: PyStreamReader) {
        self.rt = rt
        self.fd = fd
        self.reader = reader
        let local = Sockets.localAddress(fd)
        sockname = local?.pythonTuple ?? Value.none
        peername = Sockets.peerAddress(fd)?.pythonTuple ?? Value.none
        socket = PyTransportSocket(fd: fd, family: local?.family ?? AF_INET)
        closedFuture = PyFuture(loop: rt.loop)
        reader.connection = self
    }

    var bufferedBytes: Int { outgoing.count }

    // MARK: reading

    func startReading() {
        guard !closing, !lost else { return }
        rt.poller.setReader(fd, PyHandle(.native { [self] _ in readReady() }))
    }

    private func readReady() {
        guard !lost, fd >= 0 else { return }
        let scratch = rt.loop.readScratch
        let n = recv(fd, scratch.baseAddress, scratch.count, 0)
        if n > 0 {
            reader.feed(UnsafeRawBufferPointer(rebasing: scratch[0..<n]))
            if reader.buffered > 2 * reader.limit { pauseReading() }
        } else if n == 0 {
            // The peer will send no more. Like StreamReaderProtocol, keep the connection open
            // for writing: the script closes it.
            rt.poller.setReader(fd, nil)
            reader.feedEOF()
        } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
            fail(Sockets.osError(errno).exception)
        }
    }

    private func pauseReading() {
        guard !readingPaused, !lost else { return }
        readingPaused = true
        rt.poller.setReader(fd, nil)
    }

    /// The reader consumed data: resume reading once it holds at most `limit` bytes.
    func readerConsumed() {
        if readingPaused && reader.buffered <= reader.limit {
            readingPaused = false
            startReading()
        }
    }

    // MARK: writing

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if eofWritten || eofAfterFlush { throw runtimeError("Cannot call write() after write_eof()") }
        if bytes.isEmpty { return }
        if closing || lost {
            // CPython drops the data and warns after a few attempts.
            lostWrites += 1
            if lostWrites >= 5 { rt.output.stderr("socket.send() raised exception.\n") }
            return
        }
        var sent = 0
        if bufferedBytes == 0 {
            let n = send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if n < 0 {
                if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                    fail(Sockets.osError(errno).exception)
                    return
                }
            } else {
                sent = n
            }
            if sent == bytes.count { return }
            rt.poller.setWriter(fd, PyHandle(.native { [self] _ in writeReady() }))
        }
        outgoing.append(UnsafeRawBufferPointer(rebasing: bytes[sent...]))
        if bufferedBytes > StreamConnection.highWater { writingPaused = true }
    }

    private func writeReady() {
        guard !lost, fd >= 0 else { return }
        let remaining = bufferedBytes
        if remaining > 0 {
            let n = outgoing.withUnsafeBytes { send(fd, $0.baseAddress, remaining, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR { fail(Sockets.osError(errno).exception) }
                return
            }
            outgoing.consume(n)
        }
        if writingPaused && bufferedBytes <= StreamConnection.lowWater {
            writingPaused = false
            wakeDrainWaiters(nil)
        }
        if bufferedBytes == 0 {
            rt.poller.setWriter(fd, nil)
            if eofAfterFlush {
                eofAfterFlush = false
                eofWritten = true
                shutdown(fd, Int32(SHUT_WR))
            }
            if closing { scheduleConnectionLost(nil) }
        }
    }

    func writeEOF() {
        guard !closing, !lost, !eofWritten, !eofAfterFlush else { return }
        if bufferedBytes == 0 {
            eofWritten = true
            shutdown(fd, Int32(SHUT_WR))
        } else {
            eofAfterFlush = true
        }
    }

    /// Waits for the write buffer to drain below the low-water mark (nil: no need).
    func drainWaiter() -> PyFuture? {
        guard writingPaused else { return nil }
        let waiter = PyFuture(loop: rt.loop)
        drainWaiters.append(waiter)
        return waiter
    }

    private func wakeDrainWaiters(_ error: PyException?) {
        let waiters = drainWaiters
        drainWaiters.removeAll()
        for w in waiters where !w.isDone {
            if let error { try? w.setException(error) } else { try? w.setResult(.none) }
        }
    }

    // MARK: closing

    /// `writer.close()`: stop reading; close once the buffered data is sent.
    func close() {
        guard !closing, !lost else { return }
        closing = true
        rt.poller.setReader(fd, nil)
        if bufferedBytes == 0 {
            rt.poller.setWriter(fd, nil)
            scheduleConnectionLost(nil)
        }
    }

    /// A socket error: drop everything and end the connection with `error`.
    func fail(_ error: PyException) {
        guard !lost, !lostScheduled else { return }
        closing = true
        outgoing.removeAll()
        rt.poller.setReader(fd, nil)
        rt.poller.setWriter(fd, nil)
        scheduleConnectionLost(error)
    }

    private var lostScheduled = false

    private func scheduleConnectionLost(_ error: PyException?) {
        guard !lostScheduled else { return }
        lostScheduled = true
        rt.loop.callSoon(PyHandle(.native { [self] _ in connectionLost(error) }))
    }

    private func connectionLost(_ error: PyException?) {
        guard !lost else { return }
        lost = true
        closing = true
        rt.poller.setReader(fd, nil)
        rt.poller.setWriter(fd, nil)
        Glibc.close(fd)
        fd = -1
        socket.fd = -1
        if let error { reader.setException(error) } else { reader.feedEOF() }
        if !closedFuture.isDone {
            if let error {
                try? closedFuture.setException(error)
                closedFuture.logTraceback = false
            } else {
                try? closedFuture.setResult(.none)
            }
        }
        wakeDrainWaiters(error)
        let done = onLost
        onLost = nil
        done?()
    }

    var describe: String {
        if lost { return "<_SelectorSocketTransport closed fd=\(fd)>" }
        let state = closing ? "closing" : "fd=\(fd)"
        let read = readingPaused || closing ? "idle" : "polling"
        let write = bufferedBytes > 0 ? "polling" : "idle"
        return "<_SelectorSocketTransport \(state) read=\(read) write=<\(write), bufsize=\(bufferedBytes)>>"
    }
}
