// asyncio streams: StreamReader (buffer, EOF, the read/readline/readuntil/readexactly
// coroutines with CPython 3.11's exact semantics and errors), StreamWriter, the
// TransportSocket objects servers and writers expose, and the native halves of
// `open_connection` and `start_server` (the Server class itself is in the prelude).
// Connection set-up takes the same number of loop iterations as CPython's, so output of
// concurrent clients and servers interleaves the same way.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Types {
    nonisolated(unsafe) static let streamReader = PyType(name: "StreamReader", base: object, isBuiltin: true, layout: .builtin, module: "asyncio.streams")
    nonisolated(unsafe) static let streamWriter = PyType(name: "StreamWriter", base: object, isBuiltin: true, layout: .builtin, module: "asyncio.streams")
    nonisolated(unsafe) static let transportSocket = PyType(name: "TransportSocket", base: object, isBuiltin: true, layout: .builtin, module: "asyncio.trsock")
}

/// A socket as scripts see it: `server.sockets[i]`, `get_extra_info("socket")`.
final class PyTransportSocket: PyObject {
    var fd: Int32
    let family: Int32
    init(fd: Int32, family: Int32) {
        self.fd = fd
        self.family = family
    }
    override var type: PyType { Types.transportSocket }
}

final class PyStreamReader: PyObject {
    static let defaultLimit = 1 << 16
    let limit: Int
    private var buffer = ByteQueue()
    private(set) var eof = false
    private(set) var exception: PyException?
    /// The future a read coroutine waits on for more data.
    var waiter: PyFuture?
    weak var connection: StreamConnection?
    let loop: EventLoop

    init(limit: Int, loop: EventLoop) {
        self.limit = limit
        self.loop = loop
    }
    override var type: PyType { Types.streamReader }

    var buffered: Int { buffer.count }
    var atEOF: Bool { eof && buffered == 0 }

    func feed(_ bytes: UnsafeRawBufferPointer) {
        if bytes.isEmpty { return }
        buffer.append(bytes)
        wakeWaiter()
    }

    func feedEOF() {
        eof = true
        wakeWaiter()
    }

    func setException(_ e: PyException) {
        exception = e
        if let w = waiter {
            waiter = nil
            if !w.isCancelledState { try? w.setException(e) }
        }
    }

    private func wakeWaiter() {
        if let w = waiter {
            waiter = nil
            if !w.isCancelledState { try? w.setResult(.none) }
        }
    }

    /// Removes and returns the first `n` buffered bytes.
    func take(_ n: Int) -> [UInt8] {
        let chunk = buffer.take(n)
        connection?.readerConsumed()
        return chunk
    }

    /// Index (relative to the unread data) of `separator` at or after `offset`, or nil.
    func find(_ separator: [UInt8], from offset: Int) -> Int? { buffer.find(separator, from: offset) }

    func hasPrefix(_ separator: [UInt8], at offset: Int) -> Bool { buffer.hasPrefix(separator, at: offset) }

    func clear() {
        buffer.removeAll()
        connection?.readerConsumed()
    }

    /// `_wait_for_data`: the future to wait on for more bytes.
    func waitForData(_ function: String) throws -> PyFuture {
        if waiter != nil {
            throw runtimeError("\(function)() called while another coroutine is already waiting for incoming data")
        }
        let w = PyFuture(loop: loop)
        waiter = w
        return w
    }

    func describe() -> String {
        var info = ["StreamReader"]
        if buffered > 0 { info.append("\(buffered) bytes") }
        if eof { info.append("eof") }
        if limit != PyStreamReader.defaultLimit { info.append("limit=\(limit)") }
        if waiter != nil { info.append("waiter=<Future pending>") }
        if let c = connection { info.append("transport=\(c.describe)") }
        return "<" + info.joined(separator: " ") + ">"
    }
}

final class PyStreamWriter: PyObject {
    let connection: StreamConnection
    init(_ connection: StreamConnection) { self.connection = connection }
    override var type: PyType { Types.streamWriter }

    func describe() -> String {
        "<StreamWriter transport=\(connection.describe) reader=\(connection.reader.describe())>"
    }
}

// MARK: reading coroutines

extension Runtime {
    fileprivate func incompleteRead(_ partial: [UInt8], expected: Int?) -> ScriptError {
        let e = (try? makeIncompleteReadError(partial: .object(PyBytes(partial)), expected: expected.map { .int($0) } ?? Value.none))
            ?? PyException(Types.incompleteReadError, args: [])
        return ScriptError(e)
    }

    /// `IncompleteReadError(partial, expected)` with CPython's message and attributes.
    func makeIncompleteReadError(partial: Value, expected: Value) throws -> PyException {
        let count = try len(partial)
        let expectedText = expected.isNone ? "undefined" : try repr(expected)
        let e = PyException(Types.incompleteReadError, "\(count) bytes read on a total of \(expectedText) expected bytes")
        e.attrs["partial"] = partial
        e.attrs["expected"] = expected
        return e
    }

    fileprivate func limitOverrun(_ message: String, consumed: Int) -> ScriptError {
        let e = PyException(Types.limitOverrunError, message)
        e.attrs["consumed"] = .int(consumed)
        return ScriptError(e)
    }

    /// One attempt of `readuntil`: the chunk, or nil after arranging to wait.
    fileprivate func readUntilAttempt(_ r: PyStreamReader, _ separator: [UInt8], _ offset: inout Int,
                                      function: String) throws -> (Value?, PyFuture?) {
        if let e = r.exception { throw ScriptError(e) }
        let seplen = separator.count
        var found: Int?
        while true {
            let buflen = r.buffered
            if buflen - offset >= seplen {
                if let i = r.find(separator, from: offset) {
                    found = i
                    break
                }
                offset = buflen + 1 - seplen
                if offset > r.limit {
                    throw limitOverrun("Separator is not found, and chunk exceed the limit", consumed: offset)
                }
            }
            if r.eof {
                let chunk = r.take(r.buffered)
                throw incompleteRead(chunk, expected: nil)
            }
            return (nil, try r.waitForData(function))
        }
        guard let isep = found else { return (nil, nil) }
        if isep > r.limit {
            throw limitOverrun("Separator is found, but chunk is longer than limit", consumed: isep)
        }
        return (.object(PyBytes(r.take(isep + seplen))), nil)
    }

    func readUntil(_ r: PyStreamReader, _ separator: [UInt8]) throws -> StreamReadCoroutine {
        if separator.isEmpty { throw valueError("Separator should be at least one-byte string") }
        return StreamReadCoroutine(self, r, .readUntil(separator))
    }

    /// `readline()`; as `__anext__` (`stopAtEOF`), the empty line at EOF ends the iteration.
    func readLine(_ r: PyStreamReader, stopAtEOF: Bool = false) -> StreamReadCoroutine {
        StreamReadCoroutine(self, r, .readLine(stopAtEOF: stopAtEOF))
    }

    func read(_ r: PyStreamReader, _ n: Int) -> StreamReadCoroutine {
        StreamReadCoroutine(self, r, .read(n))
    }

    func readExactly(_ r: PyStreamReader, _ n: Int) throws -> StreamReadCoroutine {
        if n < 0 { throw valueError("readexactly size can not be less than zero") }
        return StreamReadCoroutine(self, r, .readExactly(n))
    }

    /// One attempt of `readline`: the line, or nil after arranging to wait.
    fileprivate func readLineAttempt(_ r: PyStreamReader, _ offset: inout Int, stopAtEOF: Bool) throws -> (Value?, PyFuture?) {
        let separator: [UInt8] = [10]
        do {
            let (line, waiter) = try readUntilAttempt(r, separator, &offset, function: "readuntil")
            if stopAtEOF, let line { try Self.stopIfEmpty(line) }
            return (line, waiter)
        } catch let e as ScriptError where e.exception.isInstance(of: Types.incompleteReadError) {
            let partial = e.exception.attrs["partial"] ?? .object(PyBytes([]))
            if stopAtEOF { try Self.stopIfEmpty(partial) }
            return (partial, nil)
        } catch let e as ScriptError where e.exception.isInstance(of: Types.limitOverrunError) {
            let consumed: Int
            if case .int(let c)? = e.exception.attrs["consumed"] { consumed = c } else { consumed = 0 }
            if r.hasPrefix(separator, at: consumed) {
                _ = r.take(consumed + separator.count)
            } else {
                r.clear()
            }
            throw ScriptError(Types.valueError, (try? str(e.exception.args.first ?? .none)) ?? "")
        }
    }

    private static func stopIfEmpty(_ line: Value) throws {
        if case .object(let o) = line, let b = o as? PyBytes, b.bytes.isEmpty {
            throw ScriptError(PyException(Types.stopAsyncIteration, args: []))
        }
    }

    /// One attempt of `read(n)`; `blocks` gathers `read()`'s data across waits.
    fileprivate func readAttempt(_ r: PyStreamReader, _ n: Int, _ blocks: inout [UInt8]) throws -> (Value?, PyFuture?) {
        if let e = r.exception { throw ScriptError(e) }
        if n == 0 { return (.object(PyBytes([])), nil) }
        if n < 0 {
            // read(): everything until EOF.
            while true {
                if r.buffered > 0 {
                    blocks.append(contentsOf: r.take(r.limit))
                    continue
                }
                if r.eof { return (.object(PyBytes(blocks)), nil) }
                return (nil, try r.waitForData("read"))
            }
        }
        if r.buffered == 0 && !r.eof { return (nil, try r.waitForData("read")) }
        return (.object(PyBytes(r.take(n))), nil)
    }

    fileprivate func readExactlyAttempt(_ r: PyStreamReader, _ n: Int) throws -> (Value?, PyFuture?) {
        if let e = r.exception { throw ScriptError(e) }
        if n == 0 { return (.object(PyBytes([])), nil) }
        if r.buffered < n {
            if r.eof { throw incompleteRead(r.take(r.buffered), expected: n) }
            return (nil, try r.waitForData("readexactly"))
        }
        return (.object(PyBytes(r.take(n))), nil)
    }


}

// MARK: connecting and serving

extension Runtime {
    /// The (reader, writer) pair of a connected socket, with reading started one loop
    /// iteration later (as CPython's transport does).
    fileprivate func makeStreams(fd: Int32, limit: Int) -> (PyStreamReader, PyStreamWriter, StreamConnection) {
        let reader = PyStreamReader(limit: limit, loop: loop)
        let connection = StreamConnection(rt: self, fd: fd, reader: reader)
        return (reader, PyStreamWriter(connection), connection)
    }

    /// `open_connection(host, port, limit=...)`: a coroutine connecting to each resolved
    /// address in turn.
    func openConnection(to addresses: [SocketAddress], limit: Int) throws -> WaitCoroutine {
        var index = 0
        var fd: Int32 = -1
        var errors: [PyException] = []
        var connected: (PyStreamReader, PyStreamWriter)?
        let loop = self.loop

        func established() -> WaitCoroutine.Outcome {
            let (reader, writer, connection) = makeStreams(fd: fd, limit: limit)
            connected = (reader, writer)
            let ready = PyFuture(loop: loop)
            loop.callSoon(PyHandle(.native { _ in connection.startReading() }))
            loop.callSoon(PyHandle(.native { _ in if !ready.isDone { try ready.setResult(.none) } }))
            return .wait(ready)
        }

        func tryNext() throws -> WaitCoroutine.Outcome {
            while index < addresses.count {
                let address = addresses[index]
                fd = Sockets.newSocket(address.family)
                if fd < 0 {
                    errors.append(Sockets.osError(errno).exception)
                    index += 1
                    continue
                }
                let rc = address.withPointer { connect(fd, $0, $1) }
                if rc == 0 { return established() }
                if errno == EINPROGRESS || errno == EINTR {
                    let writable = PyFuture(loop: loop)
                    let socketFd = fd
                    poller.setWriter(fd, PyHandle(.native { rt in
                        rt.poller.setWriter(socketFd, nil)
                        if !writable.isDone { try writable.setResult(.none) }
                    }))
                    return .wait(writable)
                }
                errors.append(Sockets.osError(errno, message: "Connect call failed \(address.reprForMessage)").exception)
                close(fd)
                fd = -1
                index += 1
            }
            if errors.isEmpty { throw ScriptError(Types.osError, "getaddrinfo() returned empty list") }
            if errors.count == 1 { throw ScriptError(errors[0]) }
            let texts = errors.map { (try? exceptionStr($0)) ?? "" }
            if Set(texts).count == 1 { throw ScriptError(errors[0]) }
            throw ScriptError(Types.osError, "Multiple exceptions: " + texts.joined(separator: ", "))
        }

        return WaitCoroutine("open_connection", start: { _ in try tryNext() }, resumed: { rt, _, thrown in
            if let pair = connected {
                if let thrown { throw ScriptError(thrown) }
                return .done(.object(PyTuple([.object(pair.0), .object(pair.1)])))
            }
            if let thrown {
                rt.poller.setWriter(fd, nil)
                close(fd)
                fd = -1
                throw ScriptError(thrown)
            }
            let code = Sockets.pendingError(fd)
            if code == 0 { return established() }
            errors.append(Sockets.osError(code, message: "Connect call failed \(addresses[index].reprForMessage)").exception)
            close(fd)
            fd = -1
            index += 1
            return try tryNext()
        })
    }

    /// The listening sockets for `start_server(host, port)`.
    func listenSockets(on addresses: [SocketAddress], backlog: Int, reuseAddress: Bool, reusePort: Bool) throws -> [PyTransportSocket] {
        var sockets: [PyTransportSocket] = []
        for address in addresses {
            let queue = backlog > 0 ? Int32(clamping: backlog) : Int32(SOMAXCONN)
            switch Sockets.listen(on: address, backlog: queue, reuseAddress: reuseAddress, reusePort: reusePort) {
            case .success(let fd):
                sockets.append(PyTransportSocket(fd: fd, family: address.family))
            case .failure(let e):
                for s in sockets { close(s.fd) }
                throw e
            }
        }
        return sockets
    }

    /// Starts accepting on a listening socket: each connection gets a reader/writer pair
    /// and `callback(reader, writer)`; a coroutine result becomes a task.
    func startAccepting(_ sock: PyTransportSocket, server: Value, callback: Value, limit: Int, backlog: Int) {
        let fd = sock.fd
        guard fd >= 0 else { return }
        poller.setReader(fd, PyHandle(.native { rt in
            rt.acceptConnections(sock, server: server, callback: callback, limit: limit, backlog: backlog)
        }))
    }

    func stopAccepting(_ sock: PyTransportSocket) {
        guard sock.fd >= 0 else { return }
        poller.setReader(sock.fd, nil)
        close(sock.fd)
        sock.fd = -1
    }

    private func acceptConnections(_ sock: PyTransportSocket, server: Value, callback: Value, limit: Int, backlog: Int) {
        for _ in 0..<(backlog > 0 ? backlog : Int(SOMAXCONN)) {
            let conn = accept(sock.fd, nil, nil)
            if conn < 0 {
                if errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM {
                    // Out of descriptors: stop accepting for a second, like CPython.
                    output.stderr("socket.accept() out of system resource\nOSError: [Errno \(errno)] \(String(cString: strerror(errno)))\n")
                    poller.setReader(sock.fd, nil)
                    loop.callAt(loop.time() + 1, PyHandle(.native { rt in
                        rt.startAccepting(sock, server: server, callback: callback, limit: limit, backlog: backlog)
                    }))
                }
                return
            }
            Sockets.setNonBlocking(conn)
            var on: Int32 = 1
            _ = setsockopt(conn, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
            // CPython runs the rest in an _accept_connection2 task, then connection_made is
            // called soon: two loop iterations before the client callback.
            loop.taskCounter += 1
            loop.callSoon(PyHandle(.native { rt in
                rt.loop.callSoon(PyHandle(.native { rt in
                    try rt.connectionMade(conn, server: server, callback: callback, limit: limit)
                }))
            }))
        }
    }

    private func connectionMade(_ fd: Int32, server: Value, callback: Value, limit: Int) throws {
        let (reader, writer, connection) = makeStreams(fd: fd, limit: limit)
        connection.startReading()
        if !server.isNone {
            _ = try? call(try getAttribute(server, "_attach"), [])
            connection.onLost = { [unowned self] in _ = try? self.call(try self.getAttribute(server, "_detach"), []) }
        }
        do {
            let result = try call(callback, [.object(reader), .object(writer)])
            if isCoroutine(result) {
                // As CPython's StreamReaderProtocol: a handler that fails is reported and
                // its connection closed, so that the peer sees end of file.
                let task = try createTask(result, name: nil)
                _ = task.addCallback(.native { [unowned self] fut in
                    guard fut.state == .finished, let e = fut.exception else { return }
                    fut.logTraceback = false
                    self.reportLoopException("Unhandled exception in client_connected_cb", e, [])
                    connection.close()
                })
            }
        } catch let e as ScriptError {
            if e.exception.isInstance(of: Types.keyboardInterrupt) || e.exception.isInstance(of: Types.systemExit) { throw e }
            reportLoopException("Exception in callback \(describeCallback(callback, [.object(reader), .object(writer)]))", e.exception, [])
            connection.close()
        }
    }
}

/// The coroutine of a StreamReader read (`read`, `readline`, `readuntil`, `readexactly`,
/// `__anext__`): each resume tries to satisfy the read from the buffer, and otherwise waits
/// on the reader's data future. One object per call, no closures.
final class StreamReadCoroutine: ReportingNativeCoroutine {
    enum Operation {
        case read(Int)
        case readExactly(Int)
        case readUntil([UInt8])
        case readLine(stopAtEOF: Bool)
    }
    unowned(unsafe) let rt: Runtime
    let reader: PyStreamReader
    let operation: Operation
    /// Where the separator search resumes (readuntil/readline), and read()'s data so far.
    private var offset = 0
    private var blocks: [UInt8] = []
    private var waiting: PyFuture?

    init(_ rt: Runtime, _ reader: PyStreamReader, _ operation: Operation) {
        self.rt = rt
        self.reader = reader
        self.operation = operation
    }

    var name: String {
        switch operation {
        case .read: return "StreamReader.read"
        case .readExactly: return "StreamReader.readexactly"
        case .readUntil: return "StreamReader.readuntil"
        case .readLine(let stop): return stop ? "StreamReader.__anext__" : "StreamReader.readline"
        }
    }

    override func step(_ rt: Runtime, throwing: PyException?) throws -> GenStep {
        if let fut = waiting {
            waiting = nil
            if reader.waiter === fut { reader.waiter = nil }
            if let e = throwing { throw ScriptError(e) }
            if let e = fut.exception { throw ScriptError(e) }
        } else if let e = throwing {
            throw ScriptError(e)
        }
        let (value, waiter): (Value?, PyFuture?)
        switch operation {
        case .read(let n): (value, waiter) = try rt.readAttempt(reader, n, &blocks)
        case .readExactly(let n): (value, waiter) = try rt.readExactlyAttempt(reader, n)
        case .readUntil(let separator): (value, waiter) = try rt.readUntilAttempt(reader, separator, &offset, function: "readuntil")
        case .readLine(let stop): (value, waiter) = try rt.readLineAttempt(reader, &offset, stopAtEOF: stop)
        }
        if let value { return .returned(value) }
        guard let waiter else { return .returned(.none) }
        waiting = waiter
        return .yielded(.object(waiter))
    }

    override func close(_ rt: Runtime) throws {
        try super.close(rt)
        if let fut = waiting, reader.waiter === fut { reader.waiter = nil }
        waiting = nil
    }
}

/// `writer.drain()`: returns at once unless the write buffer is above its high-water mark
/// (then waits for it to drain), raises once the connection is lost, and lets a closing
/// connection finish first (CPython awaits `sleep(0)` there).
final class DrainCoroutine: ReportingNativeCoroutine {
    let connection: StreamConnection
    private var yieldedForClose = false
    private var waiting: PyFuture?

    init(_ connection: StreamConnection) { self.connection = connection }

    override func step(_ rt: Runtime, throwing: PyException?) throws -> GenStep {
        if let fut = waiting {
            waiting = nil
            if let e = throwing { throw ScriptError(e) }
            if let e = fut.exception { throw ScriptError(e) }
            return .returned(.none)
        }
        if let e = throwing { throw ScriptError(e) }
        let c = connection
        if !yieldedForClose {
            if let e = c.reader.exception { throw ScriptError(e) }
            if c.closing {
                yieldedForClose = true
                return .yielded(.none)
            }
        }
        if c.lost { throw ScriptError(Types.connectionResetError, "Connection lost") }
        guard let waiter = c.drainWaiter() else { return .returned(.none) }
        waiting = waiter
        return .yielded(.object(waiter))
    }
}
