# The await protocol beneath `await`: coroutine.__await__() is an iterator whose
# StopIteration carries the result, `yield from` a future or such an iterator inside a
# custom __await__ evaluates to its result, coroutines are not iterable, and the loop's
# scheduling methods take no keyword arguments for the callback.
import asyncio


async def value():
    return "v"


class Doubled:
    def __init__(self, fut):
        self.fut = fut

    def __await__(self):
        r = yield from self.fut
        return r * 2


class Exclaim:
    def __init__(self, coro):
        self.coro = coro

    def __await__(self):
        r = yield from self.coro.__await__()
        return r + "!"


class Countdown:
    # A hand-written iterator: its StopIteration value is the await's result.
    def __init__(self, n):
        self.n = n

    def __await__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration("liftoff")
        self.n -= 1
        return None


async def main():
    w = value().__await__()
    print(type(w).__name__)
    try:
        next(w)
    except StopIteration as e:
        print("StopIteration value:", e.value)
    w = value().__await__()
    try:
        w.send(None)
    except StopIteration as e:
        print("send ->", e.value)

    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 21)
    print(await Doubled(fut))
    done = loop.create_future()
    done.set_result(5)
    print(await Doubled(done))
    print(await Doubled(asyncio.ensure_future(value())))
    print(await Exclaim(value()))
    print(await Countdown(3))

    it = done.__await__()
    print(type(it).__name__)
    try:
        next(it)
    except StopIteration as e:
        print("future iterator:", e.value)

    sleeper = asyncio.sleep(0)
    try:
        for x in sleeper:
            print("iterated", x)
    except TypeError as e:
        print("TypeError:", e)
    try:
        next(sleeper)
    except TypeError as e:
        print("TypeError:", e)
    await sleeper

    for call in (lambda: loop.call_soon(print, "x", sep="+"),
                 lambda: loop.call_later(0, print, "y", end="!"),
                 lambda: loop.call_at(loop.time(), print, "z", flush=True)):
        try:
            call()
        except TypeError as e:
            print("TypeError:", e)
    loop.call_soon(print, "context is accepted", context=None)
    await asyncio.sleep(0)


async def agen():
    yield 1
    await asyncio.sleep(0)
    yield 2


async def running_flag():
    g = agen()
    print("ag_running before:", g.ag_running)
    print(await anext(g))
    step = asyncio.ensure_future(anext(g))
    await asyncio.sleep(0)
    print("ag_running during an await:", g.ag_running)
    print(await step)
    print("ag_running after:", g.ag_running)


async def stops_the_loop():
    asyncio.get_running_loop().stop()
    try:
        await asyncio.sleep(0.001)
    finally:
        print("main cleaned up")


asyncio.run(main())
asyncio.run(running_flag())
try:
    asyncio.run(stops_the_loop())
except RuntimeError as e:
    print("RuntimeError:", e)
