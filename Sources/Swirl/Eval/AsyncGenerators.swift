// Async generators: `__anext__`, `asend`, `athrow` and `aclose` return awaitables that
// drive the generator frame. A `yield` inside the generator completes the awaitable with
// the yielded value; a future passed up by an `await` inside it goes on up to the task.

/// The awaitable of one async-generator step, with CPython 3.11's state machine
/// (`async_gen_asend_send`/`_throw` and `async_gen_athrow_send`/`_throw` in genobject.c):
/// it may be awaited once; a step may not start while another is under way.
final class AsyncGenAwaitable: ResumableObject {
    enum Mode {
        /// `__anext__()` (sending None) or `asend(value)`.
        case asend(Value)
        case athrow(PyException)
        case aclose
    }
    enum Phase { case initial, iterating, closed }

    let generator: PyGenerator
    let mode: Mode
    private(set) var phase: Phase

    init(_ g: PyGenerator, _ mode: Mode, phase: Phase = .initial) {
        generator = g
        self.mode = mode
        self.phase = phase
    }

    override var type: PyType {
        if case .asend = mode { return Types.asyncGenAwaitable }
        return Types.asyncGenAThrow
    }

    override func resume(_ rt: Runtime, send: Value, throwing: PyException?) throws -> GenStep {
        switch mode {
        case .asend(let first): return try asendStep(rt, first, send: send, throwing: throwing)
        case .athrow(let e): return try athrowStep(rt, thrown: e, send: send, throwing: throwing)
        case .aclose: return try athrowStep(rt, thrown: nil, send: send, throwing: throwing)
        }
    }

    private func asendStep(_ rt: Runtime, _ first: Value, send: Value, throwing: PyException?) throws -> GenStep {
        guard phase != .closed else { throw runtimeError("cannot reuse already awaited __anext__()/asend()") }
        if let thrown = throwing {
            return try unwrapped(closingPhase: true) { try generator.resume(rt, send: .none, throwing: thrown) }
        }
        var value = send
        if phase == .initial {
            if generator.runningAsync { throw PyGenerator.alreadyRunning("anext") }
            if value.isNone { value = first }
            phase = .iterating
        }
        generator.runningAsync = true
        return try unwrapped(closingPhase: true) { try generator.resume(rt, send: value, throwing: nil) }
    }

    /// `athrow()` (`thrown` set) and `aclose()` (`thrown` nil).
    private func athrowStep(_ rt: Runtime, thrown: PyException?, send: Value, throwing: PyException?) throws -> GenStep {
        guard phase != .closed else { throw runtimeError("cannot reuse already awaited aclose()/athrow()") }
        if let exc = throwing {
            // CPython 3.11 throws straight in and leaves the phase and the running flag
            // alone: a task cancelled before its first step of `aclose()` delivers the
            // cancellation, and its next send still starts the close.
            if thrown != nil {
                return try unwrapped(closingPhase: false) { try generator.resume(rt, send: .none, throwing: exc) }
            }
            return try closeStep(settingPhase: false) { try generator.resume(rt, send: .none, throwing: exc) }
        }
        if generator.state == .finished {
            phase = .closed
            return .returned(.none)
        }
        guard phase == .initial else {
            if thrown != nil {
                return try unwrapped(closingPhase: false) { try generator.resume(rt, send: send, throwing: nil) }
            }
            return try closeStep(settingPhase: true) { try generator.resume(rt, send: send, throwing: nil) }
        }
        if generator.runningAsync {
            phase = .closed
            throw PyGenerator.alreadyRunning(thrown == nil ? "aclose" : "athrow")
        }
        if generator.closedForAthrow {
            phase = .closed
            throw ScriptError(PyException(Types.stopAsyncIteration, args: []))
        }
        if !send.isNone { throw runtimeError("can't send non-None value to a just-started coroutine") }
        phase = .iterating
        generator.runningAsync = true
        if let thrown {
            return try unwrapped(closingPhase: true) { try generator.resume(rt, send: .none, throwing: thrown) }
        }
        generator.closedForAthrow = true
        let exit = PyException(Types.generatorExit, args: [])
        return try closeStep(settingPhase: true) { try generator.resume(rt, send: .none, throwing: exit) }
    }

    /// CPython's `async_gen_unwrap_value`: a value the generator yields completes the step
    /// with that value; a yield of an `await` inside it goes on up; the generator's end
    /// completes the step with StopAsyncIteration (or its exception).
    private func unwrapped(closingPhase: Bool, _ step: () throws -> GenStep) throws -> GenStep {
        let result: GenStep
        do {
            result = try step()
        } catch let e as ScriptError {
            endStep(closingPhase, endsGenerator: e.exception.isInstance(of: Types.stopAsyncIteration)
                                                 || e.exception.isInstance(of: Types.generatorExit))
            throw e
        }
        switch result {
        case .yielded(let v):
            guard generator.yieldedFromAsyncGen else { return .yielded(v) }
            endStep(closingPhase, endsGenerator: false)
            return .returned(v)
        case .returned:
            endStep(closingPhase, endsGenerator: true)
            throw ScriptError(PyException(Types.stopAsyncIteration, args: []))
        }
    }

    private func endStep(_ closingPhase: Bool, endsGenerator: Bool) {
        generator.runningAsync = false
        if endsGenerator { generator.closedForAthrow = true }
        if closingPhase { phase = .closed }
    }

    /// An `aclose()` step: the generator's end (GeneratorExit or StopAsyncIteration out of
    /// it) completes the close with None; a value yielded instead is an error.
    private func closeStep(settingPhase: Bool, _ step: () throws -> GenStep) throws -> GenStep {
        let result: GenStep
        do {
            result = try step()
        } catch let e as ScriptError {
            if settingPhase { endStep(true, endsGenerator: false) }
            if e.exception.isInstance(of: Types.generatorExit) || e.exception.isInstance(of: Types.stopAsyncIteration) {
                return .returned(.none)
            }
            throw e
        }
        switch result {
        case .yielded(let v):
            guard generator.yieldedFromAsyncGen else { return .yielded(v) }
            if settingPhase { endStep(true, endsGenerator: false) }
            throw runtimeError("async generator ignored GeneratorExit")
        case .returned:
            if settingPhase { endStep(true, endsGenerator: false) }
            return .returned(.none)
        }
    }
}

extension EventLoop {
    /// A task running `g.aclose()`: asyncio's finalizer hook and `shutdown_asyncgens()`.
    func acloseTask(_ g: PyGenerator) -> PyTask {
        let closing = AsyncGenAwaitable(g, .aclose)
        return PyTask(loop: self, coro: closing, coroValue: .object(closing), name: nil)
    }
}

extension Types {
    nonisolated(unsafe) static let asyncGenAwaitable = builtin("async_generator_asend")
    nonisolated(unsafe) static let asyncGenAThrow = builtin("async_generator_athrow")

    static func installAsyncGeneratorMethods() {
        let t = asyncGenerator
        func gen(_ v: Value) throws -> PyGenerator {
            guard let g = v.asObject as? PyGenerator else { throw Swirl.typeError("expected an async generator") }
            return g
        }
        method(t, "__aiter__", .a1 { _, v in v })
        method(t, "__anext__", .a1 { _, v in .object(AsyncGenAwaitable(try gen(v), .asend(.none))) })
        method(t, "asend", .a2 { _, v, x in .object(AsyncGenAwaitable(try gen(v), .asend(x))) })
        method(t, "athrow", .general { rt, a in
            guard a.positional.count >= 2 else { throw Swirl.typeError("athrow expected at least 1 argument, got 0") }
            return .object(AsyncGenAwaitable(try gen(a.positional[0]), .athrow(try rt.thrownException(a))))
        })
        method(t, "aclose", .a1 { _, v in
            .object(AsyncGenAwaitable(try gen(v), .aclose))
        })
    }
}

/// `anext(iterator, default)`: the default instead of StopAsyncIteration.
final class AnextWithDefault: ResumableObject {
    let inner: ResumableObject
    let defaultValue: Value
    init(_ inner: ResumableObject, _ defaultValue: Value) {
        self.inner = inner
        self.defaultValue = defaultValue
    }
    override var type: PyType { Types.asyncGenAwaitable }
    override func resume(_ rt: Runtime, send: Value, throwing: PyException?) throws -> GenStep {
        do {
            return try inner.resume(rt, send: send, throwing: throwing)
        } catch let e as ScriptError where e.exception.isInstance(of: Types.stopAsyncIteration) {
            return .returned(defaultValue)
        }
    }
}
