# anext()/asend()/aclose() awaitables count as coroutines: create_task accepts them.
import asyncio
async def ticks():
    for i in range(3):
        await asyncio.sleep(0)
        yield i
async def main():
    g = ticks()
    print(await asyncio.wait_for(anext(g), timeout=1))
    nxt = g.__anext__()
    print(asyncio.iscoroutine(nxt), asyncio.iscoroutine(g), asyncio.iscoroutine(asyncio.sleep))
    print(await asyncio.create_task(nxt))
    print(await asyncio.gather(anext(g), return_exceptions=True))
    print(await asyncio.create_task(g.aclose()))
asyncio.run(main())
