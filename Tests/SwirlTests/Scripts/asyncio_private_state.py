# The private state attributes tutorials print: Semaphore._value, Lock._locked, Event._value,
# Queue._unfinished_tasks.
import asyncio
async def main():
    s = asyncio.Semaphore(2)
    async with s:
        print("inside", s._value, s.locked())
    print("after", s._value)
    b = asyncio.BoundedSemaphore(3)
    print(b._value, b._bound_value)
    lock = asyncio.Lock()
    async with lock:
        print(lock._locked)
    print(lock._locked)
    e = asyncio.Event()
    print(e._value); e.set(); print(e._value)
    q = asyncio.Queue(maxsize=3)
    await q.put(1)
    print(q._unfinished_tasks, q._maxsize)
    await q.get(); q.task_done()
    print(q._unfinished_tasks)
asyncio.run(main())
