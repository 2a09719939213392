// Push-mode `async for` over a script async generator.
//
// Pulling an item from an async generator suspends the generator at its `yield` (every
// statement on the way out pushes its resume state) and resumes it for the next item
// (every statement on the way in pops it again). When the loop is the only holder of
// the generator, nothing else can observe the generator between two items, so the loop
// can instead hand its body to the generator: the `yield` runs the loop's target
// assignment and body in place, in the consumer's frame, and carries on with the next
// item when the body finishes normally. Anything else the body does — `break`, `return`,
// an exception, a suspension at an `await` — makes the generator suspend at that `yield`
// exactly as in pull mode, and the loop then acts on what its body did. A pipeline of
// generators (`async for x in f(g(h()))`) then runs each item through every stage without
// unwinding any of them.

import CSwirlSupport

/// One `async for` lending its body to the async generator it drives (see the file header).
struct AsyncForSink {
    enum Outcome {
        /// The generator suspended on its own: a plain item (or an await) for the loop.
        case none
        /// The body ran on a yielded item and ended with this flow (never `.normal`).
        case flow(Flow)
        /// The body (or the target assignment) raised.
        case raised(any Error)
    }

    /// The loop and its frame; both outlive the generator step the sink is lent for, so
    /// they are held without reference counting.
    let loop: Unmanaged<AsyncForStmt>
    let consumer: Unmanaged<Frame>
    /// `rt.handledExceptions.count` and `rt.depth` at the loop: the body may only run in
    /// place when the generator is not inside an `except` of its own (the body must not
    /// see the generator's handled exception), and it runs at the loop's depth.
    let handledCount: Int
    let depth: Int
    var outcome = Outcome.none
}

/// The sinks lent out at the moment, innermost last: a generator's `yield` finds its own by
/// the index in its frame (`Frame.sinkIndex`). A plain buffer: a lend, a look-up and a
/// take-back happen for every item of every stage of a pipeline.
final class AsyncForSinkStack {
    private var items: UnsafeMutablePointer<AsyncForSink>
    private var capacity = 8
    private(set) var count = 0

    init() { items = .allocate(capacity: capacity) }
    deinit {
        items.deinitialize(count: count)
        items.deallocate()
    }

    @inline(__always) func push(_ sink: AsyncForSink) {
        if count == capacity { grow() }
        (items + count).initialize(to: sink)
        count += 1
    }

    @inline(__always) func pop() -> AsyncForSink {
        count -= 1
        return (items + count).move()
    }

    /// The sink at `index` (< count), in place.
    @inline(__always) func at(_ index: Int) -> UnsafeMutablePointer<AsyncForSink> { items + index }

    private func grow() {
        let bigger = UnsafeMutablePointer<AsyncForSink>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: items, count: count)
        items.deallocate()
        items = bigger
        capacity *= 2
    }
}

extension Runtime {
    /// Lends the body of `loop` to generator frame `g` for one step (the caller resumes the
    /// generator, then takes the sink back).
    @inline(__always) func lendSink(_ loop: AsyncForStmt, consumer: Frame, to g: Frame) {
        asyncForSinks.push(AsyncForSink(loop: borrow(loop), consumer: borrow(consumer),
                                        handledCount: handledExceptions.count, depth: depth))
        let n = asyncForSinks.count
        g.sinkIndex = n <= Int(Int16.max) ? Int16(truncatingIfNeeded: n) : 0
    }

    /// Takes back the sink lent to `g`: what its body did during the step.
    @inline(__always) func takeSink(from g: Frame) -> AsyncForSink.Outcome {
        g.sinkIndex = 0
        return asyncForSinks.pop().outcome
    }

    /// Called by a `yield` in frame `f`, which has a sink: runs the consumer's body on
    /// `value`. True when the body finished normally and the generator carries on; false
    /// when it must suspend at the `yield` (the outcome is then recorded, unless the body
    /// could not run in place and the value goes out as a plain item).
    @inline(__always) func yieldToSink(_ value: Value, from f: Frame) -> Bool {
        let i = Int(f.sinkIndex) - 1
        guard i >= 0 && i < asyncForSinks.count else { return false }
        let sink = asyncForSinks.at(i)
        // Running the body in place nests it above the generator on the native stack:
        // when that stack runs low the item goes out the ordinary way.
        guard handledExceptions.count == sink.pointee.handledCount,
              nativeStackLimit == 0 || swirl_stack_pointer() > nativeStackLimit + Self.sinkStackMargin
        else { return false }
        let generatorDepth = depth
        depth = sink.pointee.depth
        defer { depth = generatorDepth }
        let flow: Flow
        do {
            let (loop, consumer) = (sink.pointee.loop, sink.pointee.consumer)
            flow = try loop._withUnsafeGuaranteedRef { l in
                try consumer._withUnsafeGuaranteedRef { try l.runBody(on: value, in: $0) }
            }
        } catch {
            // The stack may have grown meanwhile: look the sink up again.
            asyncForSinks.at(i).pointee.outcome = .raised(error)
            return false
        }
        bodiesRunInPlace &+= 1
        if flow == .normal || flow == .continueLoop { return true }
        asyncForSinks.at(i).pointee.outcome = .flow(flow)
        return false
    }

    /// Native stack kept free below a body run in place (each runs at most a body and a
    /// generator step further down before the next check).
    static let sinkStackMargin: UInt = 256 * 1024
}
