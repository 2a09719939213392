// Descriptor readiness for the event loop (epoll on Linux, poll(2) elsewhere: see
// CSwirlSupport), plus a wake-up other threads use so a loop blocked in its wait returns at
// once (worker threads handing results back, `Interpreter.interrupt()`).
import CSwirlSupport

final class Poller {
    /// The callbacks waiting on one descriptor.
    private struct Watch {
        var reader: PyHandle?
        var writer: PyHandle?
        var isEmpty: Bool { reader == nil && writer == nil }
        var events: Int32 {
            (reader != nil ? Int32(SWIRL_READABLE) : 0) | (writer != nil ? Int32(SWIRL_WRITABLE) : 0)
        }
    }

    private var watches: [Int32: Watch] = [:]
    /// Descriptors with a reader or writer: the loop only needs to poll when this is > 0.
    var watchCount: Int { watches.count }
    private let native: OpaquePointer?
    private var readyFds = [Int32](repeating: 0, count: 256)
    private var readyEvents = [Int32](repeating: 0, count: 256)

    /// Whether a routed SIGINT writes to this poller's wake-up (see `wakeOnInterruptSignal`).
    private var wakesOnInterrupt = false

    init() {
        native = swirl_poller_create()
    }

    deinit {
        if wakesOnInterrupt { swirl_sigint_wakes(nil) }
        swirl_poller_destroy(native)
    }

    /// Makes a routed SIGINT (Ctrl-C) end a wait in progress: the signal may go to another
    /// thread, or arrive between the loop's interrupt check and the start of the wait.
    func wakeOnInterruptSignal() {
        guard let native else { return }
        swirl_sigint_wakes(native)
        wakesOnInterrupt = true
    }

    // MARK: registration

    /// Calls `handle` (through the ready queue) whenever `fd` is readable; nil stops watching.
    func setReader(_ fd: Int32, _ handle: PyHandle?) {
        update(fd) { $0.reader = handle }
    }

    /// Calls `handle` whenever `fd` is writable; nil stops watching.
    func setWriter(_ fd: Int32, _ handle: PyHandle?) {
        update(fd) { $0.writer = handle }
    }

    private func update(_ fd: Int32, _ change: (inout Watch) -> Void) {
        let old = watches[fd] ?? Watch()
        var new = old
        change(&new)
        watches[fd] = new.isEmpty ? nil : new
        if old.events != new.events, let native { _ = swirl_poller_set(native, fd, new.events) }
    }

    // MARK: waiting

    /// Waits up to `timeout` seconds (nil: until something happens) and passes the handles
    /// of the descriptors that became ready to `ready`. A wake-up or a signal ends the wait
    /// early with nothing ready.
    func wait(timeout: Double?, _ ready: (PyHandle) -> Void) {
        guard let native else { return }
        let ms: Int32
        if let t = timeout {
            ms = t <= 0 ? 0 : Int32(min((t * 1000).rounded(.up), 86_400_000))
        } else {
            ms = -1
        }
        let n = readyFds.withUnsafeMutableBufferPointer { fds in
            readyEvents.withUnsafeMutableBufferPointer { events in
                swirl_poller_wait(native, ms, fds.baseAddress, events.baseAddress, Int32(fds.count))
            }
        }
        for i in 0..<Int(max(n, 0)) {
            guard let w = watches[readyFds[i]] else { continue }
            let e = readyEvents[i]
            let failed = e & Int32(SWIRL_FAILED) != 0
            if let r = w.reader, failed || e & Int32(SWIRL_READABLE) != 0 { ready(r) }
            if let x = w.writer, failed || e & Int32(SWIRL_WRITABLE) != 0 { ready(x) }
        }
    }

    /// Makes a current or the next `wait` return. Safe from any thread.
    func wakeup() {
        if let native { swirl_poller_wakeup(native) }
    }
}
