# An exception escaping the main coroutine propagates out of asyncio.run: exit status 1.
import asyncio

async def step(n):
    await asyncio.sleep(0.01)
    if n == 2:
        raise RuntimeError(f"step {n} failed")
    print("step", n, "ok")

async def main():
    for n in range(4):
        await step(n)

asyncio.run(main())
