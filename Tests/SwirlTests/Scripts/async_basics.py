# asyncio.run, awaiting coroutines, asyncio.sleep and coroutine return values.
import asyncio

async def add(a, b):
    await asyncio.sleep(0)
    return a + b

async def slow_double(x):
    await asyncio.sleep(0.05)
    return x * 2

async def main():
    print("main started")
    total = await add(2, 3)
    print("sum", total)
    doubled = await slow_double(total)
    print("doubled", doubled)
    results = []
    for i in range(3):
        results.append(await add(i, i))
    print(results)
    value = await asyncio.sleep(0.01, result="sleep result")
    print(value)
    return "main result"

coro = main()
print(type(coro).__name__)
print(asyncio.run(coro))
print(asyncio.run(add(20, 22)))
