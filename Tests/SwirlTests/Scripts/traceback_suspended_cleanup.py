# A `finally` or `__aexit__` that suspends before the exception goes on does not add a
# second traceback entry for its frame.
import asyncio


class CM:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await asyncio.sleep(0)
        return False


async def f():
    try:
        raise ValueError("x")
    finally:
        await asyncio.sleep(0)


async def g():
    try:
        await f()
    except KeyError:
        pass
    finally:
        await asyncio.sleep(0)


async def main():
    async with CM():
        await g()


print("start")
asyncio.run(main())
