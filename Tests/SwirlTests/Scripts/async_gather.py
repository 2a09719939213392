# asyncio.gather: results in argument order, exception propagation, return_exceptions.
import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    print("fetched", name)
    return name.upper()

async def fail(message, delay):
    await asyncio.sleep(delay)
    raise ValueError(message)

async def main():
    results = await asyncio.gather(fetch("a", 0.03), fetch("b", 0.01), fetch("c", 0.02))
    print(results)
    mixed = await asyncio.gather(fetch("d", 0.01), fail("boom", 0.02), return_exceptions=True)
    print([repr(r) for r in mixed])
    try:
        await asyncio.gather(fail("first", 0.01), fetch("e", 0.02))
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep(0.05)
    print(await asyncio.gather())
    squares = await asyncio.gather(*(asyncio.sleep(0.01 * i, result=i * i) for i in range(4)))
    print(squares)

asyncio.run(main())
