# A coroutine driven by two parties: a task made from it and an `await` of it. The await
# finishes it, the task then fails with "cannot reuse already awaited coroutine"; awaiting
# a coroutine that a task is already running raises "being awaited already".
import asyncio
import functools


async def fetch(tag):
    print("fetch start", tag)
    await asyncio.sleep(0.01)
    print("fetch end", tag)
    return "data " + tag


async def main():
    coro = fetch("a")
    task = asyncio.create_task(coro)
    print("result", await coro)
    await asyncio.sleep(0.05)
    print(task.done(), repr(task.exception()))

    coro = fetch("b")
    task = asyncio.create_task(coro)
    await asyncio.sleep(0)
    try:
        await coro
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await task)

    coros = [fetch(str(i)) for i in range(2)]
    try:
        await asyncio.gather(coros)
    except TypeError as e:
        print("TypeError:", e)
    for c in coros:
        c.close()


class Service:
    async def handle(self):
        pass

    @classmethod
    async def create(cls):
        pass


print(asyncio.iscoroutinefunction(Service().handle), asyncio.iscoroutinefunction(Service.create),
      asyncio.iscoroutinefunction(functools.partial(fetch, "x")), asyncio.iscoroutinefunction(print))
# Built-in coroutine functions: asyncio.sleep and the awaitable methods, bound or not.
import time
print([asyncio.iscoroutinefunction(f) for f in (asyncio.sleep, time.sleep, asyncio.Queue.get,
       asyncio.Queue().put, asyncio.Queue.get_nowait, asyncio.BoundedSemaphore().acquire,
       asyncio.Lock.release, asyncio.Event().wait)])
asyncio.run(main())
