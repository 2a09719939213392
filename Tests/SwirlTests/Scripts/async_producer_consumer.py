# A small producer/consumer pipeline with tasks sharing a list, and awaiting in loops.
import asyncio

async def producer(buffer, count):
    for i in range(count):
        await asyncio.sleep(0.01)
        buffer.append(i)
        print("produced", i)
    buffer.append(None)

async def consumer(buffer, results):
    while True:
        if not buffer:
            await asyncio.sleep(0.005)
            continue
        item = buffer.pop(0)
        if item is None:
            break
        results.append(item * 10)
        print("consumed", item)

async def main():
    buffer, results = [], []
    await asyncio.gather(producer(buffer, 3), consumer(buffer, results))
    print(results)

asyncio.run(main())
