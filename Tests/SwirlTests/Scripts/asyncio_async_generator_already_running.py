# An async generator suspended at an await of its own belongs to the step under way: a
# second anext/asend/athrow/aclose (or async for) raises 'already running', as in CPython.
import asyncio

async def ticker():
    for i in range(3):
        await asyncio.sleep(0.1)
        yield i

async def consumer(name, gen):
    async for x in gen:
        print(name, x)

async def main():
    g = ticker()
    r = await asyncio.gather(consumer("a", g), consumer("b", g), return_exceptions=True)
    print(r)

asyncio.run(main())


async def gen():
    await asyncio.sleep(0.05)
    yield 1

async def main2():
    for op in ("asend", "athrow", "aclose"):
        g = gen()
        t = asyncio.create_task(anext(g))
        await asyncio.sleep(0)
        try:
            if op == "asend": await g.asend(None)
            elif op == "athrow": await g.athrow(ValueError("v"))
            else: await g.aclose()
        except BaseException as e:
            print(op, type(e).__name__, e)
        print(await t)

asyncio.run(main2())
