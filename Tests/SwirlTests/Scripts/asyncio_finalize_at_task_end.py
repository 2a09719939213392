# What a task's coroutine drops when it ends (a local async generator, the generator of
# an `async for` left by an exception, an object with __del__) is finalized before the
# task's waiters and done-callbacks run, as in CPython where the frame dies as the
# coroutine returns. shutdown_asyncgens() awaits the aclose() of finished generators too.
import asyncio


async def source(tag):
    try:
        yield 1
        yield 2
    finally:
        print(tag, "source finally")


async def returns_holding_generator():
    g = source("returned")
    await anext(g)
    return "r"


async def raises_inside_async_for():
    async for x in source("raised"):
        raise KeyError("k")


class Noisy:
    def __del__(self):
        print("Noisy del")
        asyncio.get_running_loop().call_soon(print, "callback from del")


async def returns_holding_noisy():
    keep = Noisy()
    await asyncio.sleep(0)
    return "noisy"


async def one():
    yield 1


async def ticks(label):
    for i in range(2):
        await asyncio.sleep(0)
        print(label, "tick", i)


async def main():
    print(await asyncio.create_task(returns_holding_generator()))
    await ticks("a")
    try:
        await asyncio.create_task(raises_inside_async_for())
    except KeyError:
        print("KeyError")
    await ticks("b")
    t = asyncio.create_task(returns_holding_noisy())
    t.add_done_callback(lambda f: print("done callback"))
    print(await t)
    await ticks("c")
    loop = asyncio.get_running_loop()
    finished = one()
    async for x in finished:
        pass
    loop.call_soon(print, "callback before shutdown_asyncgens ends")
    await loop.shutdown_asyncgens()
    print("after shutdown_asyncgens")


asyncio.run(main())
