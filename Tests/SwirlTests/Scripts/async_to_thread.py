# to_thread / run_in_executor: blocking calls in threads while tasks keep running,
# errors and recursion inside the thread, results in order.
import asyncio
import time


def blocking(label, seconds):
    time.sleep(seconds)
    return f"{label} slept {seconds}"


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


def fails(n):
    if n == 0:
        raise KeyError("from the thread")
    return fails(n - 1)


def steps(n):
    total = 0
    for i in range(n):
        time.sleep(0.001)
        total += i
    return total


async def ticker(log, n, gap):
    for i in range(n):
        log.append(f"tick {i}")
        await asyncio.sleep(gap)


async def main():
    log = []
    result, _ = await asyncio.gather(asyncio.to_thread(blocking, "worker", 0.05), ticker(log, 3, 0.02))
    print(result, log)
    print(await asyncio.to_thread(deep, 300))
    try:
        await asyncio.to_thread(deep, 100000)
    except RecursionError as e:
        print("RecursionError:", e)
    try:
        await asyncio.to_thread(fails, 5)
    except KeyError as e:
        print("KeyError:", e)
    print(await asyncio.gather(*[asyncio.to_thread(steps, 10) for _ in range(8)]))
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, sorted, [3, 1, 2]))
    print(await asyncio.to_thread(sorted, [3, 1, 2], reverse=True))
    task = asyncio.create_task(asyncio.to_thread(blocking, "cancelled", 0.05))
    await asyncio.sleep(0.01)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled while the thread sleeps")


asyncio.run(main())
print(asyncio.run(asyncio.to_thread(lambda: "second run")))
