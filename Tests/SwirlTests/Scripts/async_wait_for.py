# asyncio.wait_for: a result in time, a timeout that cancels the inner task.
import asyncio

async def job(delay, log):
    try:
        await asyncio.sleep(delay)
        log.append("job done")
        return "job result"
    except asyncio.CancelledError:
        log.append("job cancelled")
        raise

async def main():
    log = []
    print(await asyncio.wait_for(job(0.01, log), timeout=1))
    try:
        await asyncio.wait_for(job(10, log), timeout=0.05)
    except asyncio.TimeoutError as e:
        print("timed out:", type(e).__name__, asyncio.TimeoutError is TimeoutError)
    print(log)
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.01)
    except TimeoutError:
        print("second timeout")
    print(await asyncio.wait_for(asyncio.sleep(0, result="no timeout"), None))

asyncio.run(main())
