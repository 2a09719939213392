# Loop edges: a closed loop refuses callbacks, each Runner starts without an earlier one's
# debug flag, gather() of nothing is a plain finished future, all_tasks(loop) outside the
# loop, and a dropped failed gather reports as _GatheringFuture.
import asyncio


async def debug_flag():
    return asyncio.get_running_loop().get_debug()


with asyncio.Runner(debug=True) as r:
    print(r.run(debug_flag()))
with asyncio.Runner() as r:
    print(r.run(debug_flag()))
print(asyncio.run(debug_flag()))

loop = asyncio.new_event_loop()


async def sleeper():
    await asyncio.sleep(10)


t = loop.create_task(sleeper())
loop.run_until_complete(asyncio.sleep(0))
print(len(asyncio.all_tasks(loop)), asyncio.current_task(loop))
t.cancel()
loop.run_until_complete(asyncio.gather(t, return_exceptions=True))
print(len(asyncio.all_tasks(loop)))
loop.close()
for name, fn in [("call_soon", lambda: loop.call_soon(print)),
                 ("call_later", lambda: loop.call_later(1, print)),
                 ("call_at", lambda: loop.call_at(1, print))]:
    try:
        fn()
    except RuntimeError as e:
        print(name, e)


async def bad():
    raise ValueError("x")


async def main():
    print(asyncio.gather())
    g = asyncio.gather(bad())
    await asyncio.sleep(0.01)
    del g
    await asyncio.sleep(0.01)


asyncio.run(main())
