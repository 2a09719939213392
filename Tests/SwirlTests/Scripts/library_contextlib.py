# contextlib: (async)contextmanager, suppress, closing, aclosing, nullcontext.
import asyncio
from contextlib import asynccontextmanager, contextmanager, suppress, closing, aclosing, nullcontext
import contextlib

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

@asynccontextmanager
async def connection(host):
    print("connect", host)
    await asyncio.sleep(0.01)
    try:
        yield {"host": host}
    except KeyError as e:
        print("handled in cm:", repr(e))
    finally:
        await asyncio.sleep(0)
        print("disconnect", host)

@asynccontextmanager
async def broken():
    yield 1
    yield 2

@contextmanager
def never():
    if False:
        yield

async def agen():
    try:
        for i in range(5):
            yield i
    finally:
        print("agen closed")

class Res:
    def close(self):
        print("Res closed")

async def main():
    with tag("b") as t:
        print("inside", t)
    try:
        with tag("i"):
            raise ValueError("boom")
    except ValueError as e:
        print("caught", e)
    async with connection("db") as c:
        print("using", c)
    async with connection("db2") as c:
        raise KeyError("k")
    print("after suppressed")
    try:
        async with connection("db3"):
            raise ValueError("v")
    except ValueError as e:
        print("propagated", e)
    try:
        async with broken():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        with never():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
    with suppress(KeyError, IndexError):
        [][1]
    print("suppressed")
    with closing(Res()) as r:
        print("got", type(r).__name__)
    async with aclosing(agen()) as g:
        async for x in g:
            if x == 2:
                break
    with nullcontext(5) as n:
        print("null", n)
    print(tag.__name__, connection.__name__)
    print(contextlib.suppress)

asyncio.run(main())
