// The script-visible methods of StreamReader, StreamWriter and TransportSocket, and the
// native helpers the prelude's `open_connection`, `start_server` and `Server` call.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The socket a method or prelude helper was called on.
private func sock(_ v: Value) throws -> PyTransportSocket {
    guard let s = v.asObject as? PyTransportSocket else { throw typeError("expected a TransportSocket") }
    return s
}

extension Runtime {
    /// The methods of StreamReader, StreamWriter and TransportSocket (see
    /// `installAsyncioTypeMethods`).
    static func installStreamMethods() {
        func reader(_ v: Value) throws -> PyStreamReader {
            guard let r = v.asObject as? PyStreamReader else { throw typeError("expected a StreamReader") }
            return r
        }
        func writer(_ v: Value) throws -> PyStreamWriter {
            guard let w = v.asObject as? PyStreamWriter else { throw typeError("expected a StreamWriter") }
            return w
        }
        func keyword(_ a: Arguments, _ name: String, at index: Int) -> Value? {
            if index < a.positional.count { return a.positional[index] }
            return a.keywords.first { $0.0 == name }?.1
        }

        let r = Types.streamReader
        Types.method(r, "read", .general { rt, a in
            let n = try keyword(a, "n", at: 1).map { try rt.indexValue($0) } ?? -1
            return rt.read(try reader(a.positional[0]), n).returned(as: .read, rt)
        })
        Types.method(r, "readline", .a1 { rt, v in rt.readLine(try reader(v)).returned(as: .readline, rt) })
        Types.method(r, "readuntil", .general { rt, a in
            let separator = try keyword(a, "separator", at: 1).map { try rt.bytesArgument($0) } ?? [10]
            return try rt.readUntil(try reader(a.positional[0]), separator).returned(as: .readuntil, rt)
        })
        Types.method(r, "readexactly", .a2 { rt, v, n in try rt.readExactly(try reader(v), try rt.indexValue(n)).returned(as: .readexactly, rt) })
        Types.method(r, "at_eof", .a1 { _, v in .bool(try reader(v).atEOF) })
        Types.method(r, "exception", .a1 { _, v in try reader(v).exception.map { .object($0) } ?? Value.none })
        Types.method(r, "set_exception", .a2 { rt, v, e in try reader(v).setException(try rt.makeException(e)); return .none })
        Types.method(r, "feed_data", .a2 { rt, v, d in
            let x = try reader(v)
            if x.eof { throw ScriptError(Types.assertionError, "feed_data after feed_eof") }
            let bytes = try rt.bytesArgument(d)
            bytes.withUnsafeBytes { x.feed($0) }
            return .none
        })
        Types.method(r, "feed_eof", .a1 { _, v in try reader(v).feedEOF(); return .none })
        Types.method(r, "__aiter__", .a1 { _, v in v })
        Types.method(r, "__anext__", .a1 { rt, v in .object(rt.readLine(try reader(v), stopAtEOF: true)) })

        let w = Types.streamWriter
        Types.method(w, "write", .a2 { rt, v, d in
            let bytes = try rt.bytesArgument(d)
            try bytes.withUnsafeBytes { try writer(v).connection.write($0) }
            return .none
        })
        Types.method(w, "writelines", .a2 { rt, v, list in
            let c = try writer(v).connection
            var all: [UInt8] = []
            for item in try rt.iterateToArray(list) { all += try rt.bytesArgument(item) }
            try all.withUnsafeBytes { try c.write($0) }
            return .none
        })
        Types.method(w, "write_eof", .a1 { _, v in try writer(v).connection.writeEOF(); return .none })
        Types.method(w, "can_write_eof", .a1 { _, _ in .true })
        Types.method(w, "close", .a1 { _, v in try writer(v).connection.close(); return .none })
        Types.method(w, "is_closing", .a1 { _, v in .bool(try writer(v).connection.closing) })
        Types.method(w, "drain", .a1 { rt, v in DrainCoroutine(try writer(v).connection).returned(as: .drain, rt) })
        Types.method(w, "wait_closed", .a1 { rt, v in
            let c = try writer(v).connection
            return .object(WaitCoroutine("StreamWriter.wait_closed", start: { _ in
                if c.closedFuture.isDone {
                    if let e = c.closedFuture.exception { throw ScriptError(e) }
                    return .done(.none)
                }
                return .wait(c.closedFuture)
            }, resumed: { _, fut, thrown in
                if let thrown { throw ScriptError(thrown) }
                if let e = fut.exception { throw ScriptError(e) }
                return .done(.none)
            }))
        })
        Types.method(w, "get_extra_info", .general { rt, a in
            let c = try writer(a.positional.first ?? .none).connection
            let name = try rt.str(keyword(a, "name", at: 1) ?? .none)
            let fallback = keyword(a, "default", at: 2) ?? Value.none
            switch name {
            case "peername": return c.peername.isNone ? fallback : c.peername
            case "sockname": return c.sockname.isNone ? fallback : c.sockname
            case "socket": return .object(c.socket)
            default: return fallback
            }
        })

        let s = Types.transportSocket
        Types.method(s, "getsockname", .a1 { _, v in
            let x = try sock(v)
            guard x.fd >= 0, let a = Sockets.localAddress(x.fd) else { throw Sockets.osError(EBADF) }
            return a.pythonTuple
        })
        Types.method(s, "getpeername", .a1 { _, v in
            let x = try sock(v)
            guard x.fd >= 0, let a = Sockets.peerAddress(x.fd) else { throw Sockets.osError(ENOTCONN) }
            return a.pythonTuple
        })
        Types.method(s, "fileno", .a1 { _, v in .int(Int(try sock(v).fd)) })
    }

    func installStreams(_ g: Globals) {
        nativeConstructors[ObjectIdentifier(Types.streamReader)] = { rt, a in
            let given = a.positional.first ?? a.keywords.first { $0.0 == "limit" }?.1
            let limit = try given.map { try rt.indexValue($0) } ?? PyStreamReader.defaultLimit
            if limit <= 0 { throw valueError("Limit cannot be <= 0") }
            return .object(PyStreamReader(limit: limit, loop: rt.loop))
        }
        // Native halves of the prelude's streams API.
        let define = { (name: String, impl: NativeImpl) in g[name] = .object(PyNativeFunction(name, impl)) }
        // Addresses travel between these helpers as (ip_literal, port) tuples.
        define("_ip_literal", .a1 { rt, host in
            if host.isNone { return .false }
            return .bool(Sockets.literalAddress(try rt.str(host), 0) != nil)
        })
        define("_getaddrinfo", .general { rt, a in
            try rt.require(.network, "asyncio.open_connection")
            // Runs on a worker thread (asyncio.to_thread): the lookup itself releases the loop.
            guard a.positional.count >= 3 else { throw typeError("_getaddrinfo() takes 3 arguments") }
            var host: String? = a.positional[0].isNone ? nil : try rt.str(a.positional[0])
            if host == "" { host = nil }
            let port = try rt.portNumber(a.positional[1])
            let passive = try rt.truthy(a.positional[2])
            switch rt.blockingCall({ Sockets.resolve(host, port, passive: passive) }) {
            case .success(let list):
                return .object(PyList(list.map { address in
                    let (h, p) = address.hostAndPort
                    return .object(PyTuple([Value(h), .int(p)]))
                }))
            case .failure(let f):
                throw ScriptError(PyException(Types.gaierror, args: [.int(f.code), Value(f.message)]))
            }
        })
        define("_open_connection", .general { rt, a in
            try rt.require(.network, "asyncio.open_connection")
            guard a.positional.count >= 2 else { throw typeError("_open_connection() takes 2 arguments") }
            return .object(try rt.openConnection(to: try rt.addressList(a.positional[0], for: "connect"),
                                                 limit: try rt.indexValue(a.positional[1])))
        })
        define("_listen", .general { rt, a in
            try rt.require(.network, "asyncio.start_server")
            guard a.positional.count >= 4 else { throw typeError("_listen() takes 4 arguments") }
            let sockets = try rt.listenSockets(on: try rt.addressList(a.positional[0], for: "bind"),
                                               backlog: try rt.indexValue(a.positional[1]),
                                               reuseAddress: a.positional[2].isNone ? true : try rt.truthy(a.positional[2]),
                                               reusePort: try rt.truthy(a.positional[3]))
            return .object(PyList(sockets.map { .object($0) }))
        })
        define("_start_accepting", .general { rt, a in
            guard a.positional.count >= 5 else { throw typeError("_start_accepting() takes 5 arguments") }
            rt.startAccepting(try sock(a.positional[0]), server: a.positional[1], callback: a.positional[2],
                              limit: try rt.indexValue(a.positional[3]), backlog: try rt.indexValue(a.positional[4]))
            return .none
        })
        define("_stop_accepting", .a1 { rt, v in rt.stopAccepting(try sock(v)); return .none })
    }

    fileprivate func bytesArgument(_ v: Value) throws -> [UInt8] {
        if case .object(let o) = v, let b = o as? PyBytes { return b.bytes }
        throw typeError("data argument must be a bytes-like object, not '\(typeName(v))'")
    }

    fileprivate func addressList(_ v: Value, for function: String) throws -> [SocketAddress] {
        try iterateToArray(v).map { item in
            let pair = try iterateToArray(item)
            guard pair.count >= 2,
                  let address = Sockets.literalAddress(try str(pair[0]), try portNumber(pair[1], for: function)) else {
                throw valueError("bad address \((try? repr(item)) ?? "")")
            }
            return address
        }
    }

    fileprivate func portNumber(_ v: Value, for function: String = "getsockaddrarg") throws -> Int {
        if v.isNone { return 0 }
        if case .object(let o) = v, o is PyStr, let p = Int(try str(v)) { return p }
        let p = try indexValue(v)
        if p < 0 || p > 65535 { throw ScriptError(Types.overflowError, "\(function)(): port must be 0-65535.") }
        return p
    }
}

extension Types {
    nonisolated(unsafe) static let gaierror = PyType(name: "gaierror", base: osError, isBuiltin: true, layout: .exception, module: "socket")
}
