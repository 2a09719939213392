// Async generators: `__anext__`, `asend`, `athrow` and `aclose` return awaitables that
// drive the generator frame. A `yield` inside the generator completes the awaitable with
// the yielded value; a future passed up by an `await` inside it goes on up to the task.

final class AsyncGenAwaitable: ResumableObject {
    let generator: PyGenerator
    let firstSend: Value
    let firstThrow: PyException?
    let closing: Bool
    var started: Bool

    init(_ g: PyGenerator, send: Value, throwing: PyException?, closing: Bool = false, started: Bool = false) {
        generator = g
        firstSend = send
        firstThrow = throwing
        self.closing = closing
        self.started = started
    }
    override var type: PyType { Types.asyncGenAwaitable }

    override func resume(_ rt: Runtime, send: Value, throwing: PyException?) throws -> GenStep {
        let step: GenStep
        do {
            if !started, let thrown = throwing, generator.state == .suspended {
                // As in CPython, throw() before the first send goes straight into the
                // generator and leaves this awaitable unstarted: the next send still
                // delivers its own value or exception (a task cancelled before it ran
                // `aclose()` gets GeneratorExit at the generator's next await).
                step = try generator.resume(rt, send: .none, throwing: thrown)
            } else if !started {
                if generator.isSuspendedInAwait {
                    throw PyGenerator.alreadyRunning(firstThrow == nil ? "anext" : closing ? "aclose" : "athrow")
                }
                started = true
                if closing && generator.state != .suspended {
                    generator.state = .finished
                    return .returned(.none)
                }
                // CPython 3.11: athrow() on a finished async generator completes with None.
                if firstThrow != nil && generator.state == .finished { return .returned(.none) }
                step = try generator.resume(rt, send: firstSend, throwing: firstThrow)
            } else {
                step = try generator.resume(rt, send: send, throwing: throwing)
            }
        } catch let e as ScriptError where closing && (e.exception.isInstance(of: Types.generatorExit)
                                                        || e.exception.isInstance(of: Types.stopAsyncIteration)) {
            return .returned(.none)
        }
        switch step {
        case .yielded(let v):
            if generator.yieldedFromAsyncGen {
                if closing { throw runtimeError("async generator ignored GeneratorExit") }
                return .returned(v)
            }
            return .yielded(v)
        case .returned:
            if closing { return .returned(.none) }
            throw ScriptError(PyException(Types.stopAsyncIteration, args: []))
        }
    }
}

extension AsyncGenAwaitable {
    /// `agen.aclose()`: GeneratorExit thrown in at the suspension point.
    static func aclose(_ g: PyGenerator) -> AsyncGenAwaitable {
        AsyncGenAwaitable(g, send: .none, throwing: PyException(Types.generatorExit, args: []), closing: true)
    }
}

extension EventLoop {
    /// A task running `g.aclose()`: asyncio's finalizer hook and `shutdown_asyncgens()`.
    func acloseTask(_ g: PyGenerator) -> PyTask {
        let closing = AsyncGenAwaitable.aclose(g)
        return PyTask(loop: self, coro: closing, coroValue: .object(closing), name: nil)
    }
}

extension Types {
    nonisolated(unsafe) static let asyncGenAwaitable = builtin("async_generator_asend")

    static func installAsyncGeneratorMethods() {
        let t = asyncGenerator
        func gen(_ v: Value) throws -> PyGenerator {
            guard let g = v.asObject as? PyGenerator else { throw Swirl.typeError("expected an async generator") }
            return g
        }
        method(t, "__aiter__", .a1 { _, v in v })
        method(t, "__anext__", .a1 { _, v in .object(AsyncGenAwaitable(try gen(v), send: .none, throwing: nil)) })
        method(t, "asend", .a2 { _, v, x in .object(AsyncGenAwaitable(try gen(v), send: x, throwing: nil)) })
        method(t, "athrow", .general { rt, a in
            guard a.positional.count >= 2 else { throw Swirl.typeError("athrow expected at least 1 argument, got 0") }
            return .object(AsyncGenAwaitable(try gen(a.positional[0]), send: .none,
                                             throwing: try rt.thrownException(a)))
        })
        method(t, "aclose", .a1 { _, v in
            .object(AsyncGenAwaitable.aclose(try gen(v)))
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
