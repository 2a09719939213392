# Virtual time runs with real time: polling loops see their deadlines pass, timers set
# from timers land after the nominal float sum, elapsed times round as in real runs.
import asyncio, time
done = False
async def setter():
    global done
    await asyncio.sleep(0.1); done = True
async def main():
    asyncio.create_task(setter())
    while not done:
        await asyncio.sleep(0)
    print("flag seen")
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.2)
    t0 = loop.time()
    await asyncio.sleep(0.5)
    while (e := loop.time() - t0) < 0.5:
        await asyncio.sleep(0.5 - e)
    print("done")
    s = time.perf_counter(); await asyncio.sleep(0.25)
    print(f"took {time.perf_counter() - s:.1f}s")
async def tick():
    for i in range(1, 100):
        await asyncio.sleep(0.1); print("tick", i)
async def main2():
    t = asyncio.create_task(tick())
    await asyncio.sleep(0.8); t.cancel()
asyncio.run(main())
asyncio.run(main2())
end = time.monotonic() + 0.01
while time.monotonic() < end: pass
print("busy done")
