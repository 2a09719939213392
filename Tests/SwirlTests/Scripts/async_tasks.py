# create_task: tasks run concurrently, interleaving at each await, in timer order.
import asyncio

async def worker(name, delay, steps):
    for step in range(steps):
        await asyncio.sleep(delay)
        print(f"{name} step {step}")
    return f"{name} finished"

async def main():
    fast = asyncio.create_task(worker("fast", 0.1, 3))
    slow = asyncio.create_task(worker("slow", 0.25, 2))
    print("tasks created", fast.done(), slow.done())
    await asyncio.sleep(0)
    print("after first yield")
    print(await slow)
    print(fast.done(), fast.result())
    t = asyncio.create_task(asyncio.sleep(0.01, result=7), name="sleeper")
    print(t.get_name(), await t, t.done(), t.cancelled())

    order = []
    async def record(tag):
        order.append(tag)
    tasks = [asyncio.create_task(record(i)) for i in range(4)]
    order.append("spawned")
    for task in tasks:
        await task
    print(order)

asyncio.run(main())
