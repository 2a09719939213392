// Thin wrappers over BSD sockets for the event loop: address resolution, non-blocking
// listening and connecting sockets, socket names as Python tuples, and errno values
// turned into the OSError subclasses CPython raises.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One resolved IPv4 or IPv6 address.
struct SocketAddress {
    var storage = sockaddr_storage()
    var length: socklen_t = 0
    var family: Int32 { Int32(storage.ss_family) }

    func withPointer<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        withUnsafePointer(to: storage) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }

    /// `(host, port)` for IPv4, `(host, port, flowinfo, scope_id)` for IPv6, as Python shows it.
    var pythonTuple: Value {
        let (host, port) = hostAndPort
        if family == AF_INET6 {
            let (flow, scope) = withUnsafePointer(to: storage) { p in
                p.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { (Int(UInt32(bigEndian: $0.pointee.sin6_flowinfo)), Int($0.pointee.sin6_scope_id)) }
            }
            return .object(PyTuple([Value(host), .int(port), .int(flow), .int(scope)]))
        }
        return .object(PyTuple([Value(host), .int(port)]))
    }

    /// The Python repr of the address tuple, for error messages.
    var reprForMessage: String {
        let (host, port) = hostAndPort
        if family == AF_INET6 { return "('\(host)', \(port), 0, 0)" }
        return "('\(host)', \(port))"
    }

    var hostAndPort: (String, Int) {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        var port = 0
        withUnsafePointer(to: storage) { p in
            if family == AF_INET6 {
                p.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { a in
                    var addr = a.pointee.sin6_addr
                    _ = inet_ntop(AF_INET6, &addr, &buffer, socklen_t(buffer.count))
                    port = Int(UInt16(bigEndian: a.pointee.sin6_port))
                }
            } else {
                p.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { a in
                    var addr = a.pointee.sin_addr
                    _ = inet_ntop(AF_INET, &addr, &buffer, socklen_t(buffer.count))
                    port = Int(UInt16(bigEndian: a.pointee.sin_port))
                }
            }
        }
        let text = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return (String(decoding: text, as: UTF8.self), port)
    }
}

enum Sockets {
    /// IP literal addresses (no lookup needed), or nil when `host` is a name.
    static func literalAddress(_ host: String, _ port: Int) -> SocketAddress? {
        var address = SocketAddress()
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            withUnsafeMutablePointer(to: &address.storage) { p in
                p.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { a in
                    a.pointee.sin_family = sa_family_t(AF_INET)
                    a.pointee.sin_port = UInt16(truncatingIfNeeded: port).bigEndian
                    a.pointee.sin_addr = v4
                }
            }
            address.length = socklen_t(MemoryLayout<sockaddr_in>.size)
            return address
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            withUnsafeMutablePointer(to: &address.storage) { p in
                p.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { a in
                    a.pointee.sin6_family = sa_family_t(AF_INET6)
                    a.pointee.sin6_port = UInt16(truncatingIfNeeded: port).bigEndian
                    a.pointee.sin6_addr = v6
                }
            }
            address.length = socklen_t(MemoryLayout<sockaddr_in6>.size)
            return address
        }
        return nil
    }

    /// getaddrinfo for TCP; `host` nil means every local interface (for servers).
    /// Blocking: call it through `Runtime.blockingCall` when the host is a name.
    static func resolve(_ host: String?, _ port: Int, passive: Bool) -> Result<[SocketAddress], ResolveFailure> {
        if let host, let literal = literalAddress(host, port) { return .success([literal]) }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = passive ? AI_PASSIVE : 0
        hints.ai_family = AF_UNSPEC
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &list)
        if rc != 0 {
            return .failure(ResolveFailure(code: Int(rc), message: String(cString: gai_strerror(rc))))
        }
        defer { freeaddrinfo(list) }
        var result: [SocketAddress] = []
        var node = list
        while let n = node {
            if let a = n.pointee.ai_addr, n.pointee.ai_family == AF_INET || n.pointee.ai_family == AF_INET6 {
                var address = SocketAddress()
                withUnsafeMutablePointer(to: &address.storage) { p in
                    UnsafeMutableRawPointer(p).copyMemory(from: a, byteCount: Int(n.pointee.ai_addrlen))
                }
                address.length = n.pointee.ai_addrlen
                if !result.contains(where: { $0.reprForMessage == address.reprForMessage }) { result.append(address) }
            }
            node = n.pointee.ai_next
        }
        return .success(result)
    }

    struct ResolveFailure: Error {
        let code: Int
        let message: String
    }

    static func setNonBlocking(_ fd: Int32) {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }

    static func newSocket(_ family: Int32) -> Int32 {
        let fd = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        if fd >= 0 {
            setNonBlocking(fd)
            var on: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        }
        return fd
    }

    /// A bound, listening, non-blocking socket, or the OSError CPython raises.
    static func listen(on address: SocketAddress, backlog: Int32, reuseAddress: Bool, reusePort: Bool) -> Result<Int32, ScriptError> {
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue), 0)
        if fd < 0 { return .failure(osError(errno)) }
        setNonBlocking(fd)
        var on: Int32 = 1
        if reuseAddress { _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size)) }
        if reusePort { _ = setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, socklen_t(MemoryLayout<Int32>.size)) }
        if address.family == AF_INET6 {
            _ = setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &on, socklen_t(MemoryLayout<Int32>.size))
        }
        let bound = address.withPointer { bind(fd, $0, $1) }
        if bound != 0 {
            let code = errno
            close(fd)
            let text = String(cString: strerror(code)).lowercased()
            return .failure(ScriptError(PyException(osErrorClass(code), args: [
                .int(Int(code)), Value("error while attempting to bind on address \(address.reprForMessage): \(text)")])))
        }
        if Glibc.listen(fd, backlog) != 0 {
            let code = errno
            close(fd)
            return .failure(osError(code))
        }
        return .success(fd)
    }

    static func localAddress(_ fd: Int32) -> SocketAddress? {
        var address = SocketAddress()
        address.length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let rc = withUnsafeMutablePointer(to: &address.storage) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &address.length) }
        }
        return rc == 0 ? address : nil
    }

    static func peerAddress(_ fd: Int32) -> SocketAddress? {
        var address = SocketAddress()
        address.length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let rc = withUnsafeMutablePointer(to: &address.storage) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &address.length) }
        }
        return rc == 0 ? address : nil
    }

    /// The pending error of a socket whose non-blocking connect finished (0 for success).
    static func pendingError(_ fd: Int32) -> Int32 {
        var code: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        if getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length) != 0 { return errno }
        return code
    }

    static func osErrorClass(_ code: Int32) -> PyType {
        switch code {
        case ECONNREFUSED: return Types.connectionRefusedError
        case ECONNRESET: return Types.connectionResetError
        case ECONNABORTED: return Types.connectionAbortedError
        case EPIPE, ESHUTDOWN: return Types.brokenPipeError
        case ETIMEDOUT: return Types.timeoutError
        default: return Types.osError
        }
    }

    /// OSError(errno, strerror) of the right subclass.
    static func osError(_ code: Int32, message: String? = nil) -> ScriptError {
        ScriptError(PyException(osErrorClass(code), args: [.int(Int(code)), Value(message ?? String(cString: strerror(code)))]))
    }
}
