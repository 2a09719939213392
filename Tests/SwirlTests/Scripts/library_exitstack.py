# contextlib's ExitStack and AsyncExitStack: unwinding order, suppression, chaining.
import asyncio, contextlib
from contextlib import ExitStack, AsyncExitStack, contextmanager, asynccontextmanager

@contextmanager
def res(n, fail=False):
    print("enter", n)
    try:
        yield n
    finally:
        print("exit", n)
        if fail:
            raise KeyError(f"cleanup {n}")

@asynccontextmanager
async def ares(n):
    await asyncio.sleep(0)
    print("aenter", n)
    yield n * 10
    await asyncio.sleep(0)
    print("aexit", n)

class Sup:
    def __enter__(self): return self
    def __exit__(self, *exc):
        print("Sup sees", exc[0].__name__ if exc[0] else None)
        return True

with ExitStack() as st:
    vals = [st.enter_context(res(i)) for i in range(3)]
    st.callback(print, "callback ran", 1)
    print(vals)
try:
    with ExitStack() as st:
        st.enter_context(res("a", fail=True))
        st.enter_context(res("b"))
        raise ValueError("body")
except KeyError as e:
    print("KeyError", e, "context:", repr(e.__context__))
with ExitStack() as st:
    st.enter_context(Sup())
    raise IndexError("swallowed")
print("after swallow")
with ExitStack() as st:
    st.enter_context(res("p"))
    moved = st.pop_all()
print("popped")
moved.close()
try:
    with ExitStack() as st:
        st.enter_context(5)
except TypeError as e:
    print("TypeError:", e)

async def main():
    async with AsyncExitStack() as stack:
        vals = [await stack.enter_async_context(ares(i)) for i in range(3)]
        stack.enter_context(res("sync"))
        stack.push_async_callback(asyncio.sleep, 0)
        print(vals)
    try:
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(ares(9))
            raise RuntimeError("inner")
    except RuntimeError as e:
        print("propagated", e)
    try:
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(res(1))
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
