# The awaitables of async-generator steps follow CPython 3.11's state machine: each may be
# awaited once, a step may not start while another is under way, a task cancelled before
# its first step of aclose() delivers the cancellation and still closes the generator, and
# an async generator that drops out of `async for` at the end of main is closed at shutdown.
import asyncio


async def counter():
    yield 1
    yield 2


async def reuse():
    a = counter()
    step = a.__anext__()
    print("first", await step)
    try:
        await step
    except RuntimeError as e:
        print("reused anext:", e)
    closing = a.aclose()
    await closing
    try:
        await closing
    except RuntimeError as e:
        print("reused aclose:", e)
    late = a.athrow(ValueError("x"))
    print("athrow on finished:", await late)
    try:
        await late
    except RuntimeError as e:
        print("reused athrow:", e)
    try:
        await a.__anext__()
    except StopAsyncIteration:
        print("anext on finished: StopAsyncIteration")
    b = counter()
    failing = b.athrow(ValueError("boom"))
    try:
        await failing
    except ValueError as e:
        print("athrow raised", e)
    try:
        await failing
    except RuntimeError as e:
        print("reused failed athrow:", e)


async def raises_stop():
    yield 1
    raise StopIteration("done")


async def stop_iteration_message():
    g = raises_stop()
    print(await g.__anext__())
    try:
        await g.__anext__()
    except RuntimeError as e:
        print("RuntimeError:", e, "| cause:", repr(e.__cause__))


async def slow_cleanup():
    try:
        yield 1
    finally:
        try:
            await asyncio.sleep(0)
        except BaseException as e:
            print("cleanup sleep raised", type(e).__name__)
            raise
        print("cleanup done")


async def cancelled_aclose():
    a = slow_cleanup()
    await anext(a)
    t = asyncio.create_task(a.aclose())
    t.cancel()
    await asyncio.sleep(0)
    try:
        await a.aclose()
        print("second aclose ok")
    except BaseException as e:
        print("second aclose raised", type(e).__name__, e)
    await asyncio.sleep(0)
    print("task cancelled:", t.cancelled(), "result:", None if t.cancelled() else t.result())


async def busy():
    try:
        yield "a"
        await asyncio.sleep(0.01)
        yield "b"
    finally:
        print("busy finally")


async def concurrent_steps():
    g = busy()
    print(await anext(g))
    first = asyncio.create_task(anext(g))
    await asyncio.sleep(0)
    for name, make in (("anext", lambda: anext(g)), ("athrow", lambda: g.athrow(KeyError)),
                       ("aclose", lambda: g.aclose())):
        try:
            await make()
        except RuntimeError as e:
            print(name, "while running:", e)
    print("first step:", await first)
    await g.aclose()


async def source():
    try:
        yield 1
        yield 2
    finally:
        try:
            await asyncio.sleep(0)
        finally:
            print("source finally")


async def main():
    await reuse()
    await stop_iteration_message()
    await cancelled_aclose()
    await concurrent_steps()
    async for x in source():
        print("got", x)
        break
    print("main end")


asyncio.run(main())
