// Runs the parser on a dedicated thread with a large stack. Recursive descent over deeply
// nested (but legal, e.g. 199 brackets) input needs several MB of stack in debug builds,
// more than the 512 KB threads of Swift's cooperative pool provide; a private thread makes
// parsing safe whatever thread the caller is on.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The work item handed through pthread_create's opaque pointer.
private final class StackJob {
    let work: () -> Void
    init(_ work: @escaping () -> Void) { self.work = work }
}

/// Calls `body` on a new thread with `stackSize` bytes of stack and waits for it; falls
/// back to calling it directly if the thread cannot be created.
func withLargeStack<T>(stackSize: Int = 64 << 20, _ body: () -> T) -> T {
    var result: T?
    withoutActuallyEscaping(body) { body in
        let job = StackJob { result = body() }
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else {
            job.work()
            return
        }
        defer { pthread_attr_destroy(&attributes) }
        _ = pthread_attr_setstacksize(&attributes, stackSize)
        let argument = Unmanaged.passRetained(job).toOpaque()
        let entry: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = { pointer in
            guard let pointer else { return nil }
            Unmanaged<StackJob>.fromOpaque(pointer).takeRetainedValue().work()
            return nil
        }
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        guard pthread_create(&thread, &attributes, entry, argument) == 0 else {
            Unmanaged<StackJob>.fromOpaque(argument).release()
            job.work()
            return
        }
        #if canImport(Darwin)
        if let thread { pthread_join(thread, nil) }
        #else
        pthread_join(thread, nil)
        #endif
    }
    // `result` is always set: the job ran either on the thread or inline.
    guard let result else { return body() }
    return result
}
