# Forgetting `await` on asyncio's own coroutine methods warns as CPython does.
import asyncio


async def main():
    q = asyncio.Queue()
    q.put(1)
    lock = asyncio.Lock()
    lock.acquire()
    asyncio.Event().wait()
    asyncio.Semaphore().acquire()
    print(q.qsize(), lock.locked())


asyncio.run(main())
