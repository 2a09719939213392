# Cancel-request bookkeeping of asyncio.timeout and TaskGroup (CPython 3.11.7), objects
# bound to the loop they first wait in, and get_event_loop() after asyncio.run.
import asyncio


async def fail():
    await asyncio.sleep(0.01)
    raise ValueError("boom")


async def timeout_after_swallowed_cancel():
    asyncio.current_task().cancel()
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("caught cancel; cancelling =", asyncio.current_task().cancelling())
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("TimeoutError despite the earlier request")


async def group_takes_back_its_cancel():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                raise KeyError("body turned the cancel into another error")
    except ExceptionGroup as eg:
        print("group:", [repr(e) for e in eg.exceptions])
    print("cancelling after the group:", asyncio.current_task().cancelling())
    async with asyncio.timeout(0.01) as t:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("timeout still works:", t.expired())
            raise


async def reentered_group():
    tg = asyncio.TaskGroup()
    async with tg:
        try:
            async with tg:
                pass
        except RuntimeError as e:
            print(e)


asyncio.run(timeout_after_swallowed_cancel())
try:
    asyncio.run(group_takes_back_its_cancel())
except TimeoutError:
    print("TimeoutError out of the second run")
asyncio.run(reentered_group())

ev = asyncio.Event()
q = asyncio.Queue()


async def wait_briefly():
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except TimeoutError:
        print("event wait timed out")
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except TimeoutError:
        print("queue get timed out")


async def set_then_wait():
    ev.set()
    print("a set event needs no loop:", await ev.wait())
    q.put_nowait(1)
    print("neither does a non-empty queue:", await q.get())


asyncio.run(wait_briefly())
try:
    asyncio.run(wait_briefly())
except RuntimeError as e:
    print("second run:", type(e).__name__, str(e).split(">")[-1])
asyncio.run(set_then_wait())

try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print(e)
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)
loop.close()


async def agen():
    yield 1


async def coro():
    return 2

for obj in (agen(), coro()):
    try:
        next(obj)
    except TypeError as e:
        print(e)
