# Calls through a module (`math.sqrt(x)`, `asyncio.sleep(0)`) follow what the module's
# namespace holds at the time of each call: rebinding and deleting take effect at once.
import asyncio
import math
import json

results = []
for i in range(3):
    results.append(math.sqrt(16 * (i + 1)))
print(results)

original = math.sqrt
for i in range(4):
    if i == 1:
        math.sqrt = lambda x: "patched"
    if i == 2:
        del math.sqrt
    if i == 3:
        math.sqrt = original
    try:
        print(i, math.sqrt(9))
    except AttributeError as e:
        print(i, "AttributeError:", e)

for m in (math, json, math):
    try:
        print(m.dumps([1]))
    except AttributeError as e:
        print("AttributeError:", e)


async def main():
    calls = []
    real_sleep = asyncio.sleep

    async def counting_sleep(delay, result=None):
        calls.append(delay)
        return await real_sleep(delay, result)

    for i in range(3):
        if i == 1:
            asyncio.sleep = counting_sleep
        print(await asyncio.sleep(0, i))
    asyncio.sleep = real_sleep
    print(calls)


asyncio.run(main())
