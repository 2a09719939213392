# Reprs and details of asyncio objects as CPython 3.11 shows them: handles, callback
# descriptions, class modules, Timeout states; custom awaitables in gather/wait_for;
# an exception in a callback and a forgotten `await asyncio.sleep` are reported on stderr.
import asyncio


class K:
    def m(self, *args):
        pass


def plain(*args):
    pass


def bad(x):
    raise ValueError("oops")


class Delay:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return 42


class Ready:
    def __await__(self):
        return iter([])


def show(*items):
    # Handle reprs name the script file; print it the same way under every runner.
    print(*(str(x).replace(__file__, "FILE") for x in items))


async def agen():
    yield 1


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(K().m)
    f.add_done_callback(plain)
    f.add_done_callback(print)
    print(repr(f).split(" cb=")[1])
    h = loop.call_soon(plain, 1, "a" * 50, [1, 2])
    show(h)
    h.cancel()
    print(h, h.cancelled())
    show(loop.call_soon(K().m, 1))
    print(loop.call_soon(print, "x"))
    t = loop.call_later(10, plain)
    show(repr(t).split(" ")[0], repr(t).split(" ", 2)[2])
    t.cancel()
    print(repr(t).split(" when=")[0])
    try:
        loop.call_later(None, print)
    except TypeError as e:
        print("TypeError:", e)
    async with asyncio.TaskGroup() as tg:
        task = tg.create_task(asyncio.sleep(0))
        print(repr(task).split("cb=")[1])
    print(type(task), task.__class__.__name__, type(f), f.__class__)
    for cls in (asyncio.QueueEmpty, asyncio.QueueFull, asyncio.Condition, asyncio.TaskGroup,
                asyncio.Timeout, asyncio.Lock, asyncio.CancelledError):
        print(cls, cls.__module__)
    async with asyncio.timeout(5) as cm:
        print(repr(cm).split(" when")[0])
    print(cm)
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        asyncio.timeout(1).reschedule(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await Delay(), await Ready())
    print(await asyncio.gather(Delay(), Ready()))
    print(await asyncio.wait_for(Delay(), 1))
    try:
        await agen().asend(1)
    except TypeError as e:
        print("TypeError:", e)
    c = agen()
    print(c.__class__, asyncio.sleep(0).__class__)
    loop.call_soon(bad, 1)
    await asyncio.sleep(0.01)
    print("done")


asyncio.run(main())
