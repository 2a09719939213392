# When an exception leaves an `async for`, the generator it drops is finalized before the
# enclosing `except`/`finally` runs (CPython drops it as the stack unwinds), and the
# closing tasks that asyncio.run's shutdown starts get the loop iterations CPython gives
# them (shutdown_asyncgens and shutdown_default_executor each run as a task).
import asyncio


class Suspend:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        got = yield self.v
        return got


async def numbers(tag):
    try:
        for i in range(4):
            print(tag, "yield", i)
            yield i
    finally:
        print(tag, "numbers finally")


async def consumer(tag):
    try:
        async for x in numbers(tag):
            if x % 2:
                print(tag, "resumed with", await Suspend((tag, x)))
    finally:
        print(tag, "consumer finally")


c = consumer("closed")
print("driver got", c.send(None))
c.close()
c = consumer("thrown")
print("driver got", c.send(None))
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("throw propagated", repr(e))


class Guard:
    def __init__(self, tag):
        self.tag = tag

    async def __aenter__(self):
        return self

    async def __aexit__(self, t, v, tb):
        await asyncio.sleep(0)
        print(self.tag, "guard exit", t.__name__ if t else None)


async def source():
    try:
        async with Guard("source"):
            for i in range(7):
                yield i
    finally:
        print("source finally")


async def stage(make):
    try:
        async for x in make():
            async with Guard("stage"):
                yield x
    finally:
        print("stage finally")


async def main():
    async for x in stage(source):
        if x == 1:
            break
    print("main end")


asyncio.run(main())
print("after run")
