# asyncio.Barrier: parties meet, the barrier drains and refills; abort and reset break it.
import asyncio


async def party(b, i, rounds=1):
    for r in range(rounds):
        print("arrive", i, "round", r)
        pos = await b.wait()
        print("passed", i, pos)


async def main():
    b = asyncio.Barrier(3)
    print(b.parties, b.n_waiting, b.broken)
    await asyncio.gather(*(party(b, i, 2) for i in range(3)))
    print(repr(b).split(" at ")[0], repr(b).split("[")[1])
    async with asyncio.Barrier(1) as index:
        print("alone", index)
    waiter = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    print(b.n_waiting)
    await b.reset()
    try:
        await waiter
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError", repr(e))
    await b.abort()
    print(b.broken, repr(b).split("[")[1])
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError", repr(e), isinstance(e, RuntimeError))
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError", e)


asyncio.run(main())
