# asyncio API edges: argument errors with CPython's wording, debug=True holding for one
# run only, stop() before run_forever(), the loop repr, sleep(nan), re-entering a timeout,
# and time's calendar functions (strftime, localtime, gmtime).
import asyncio
import time


async def probe():
    f = asyncio.get_running_loop().create_future()
    coro = asyncio.sleep(0)
    for call in (lambda: f.add_done_callback(), lambda: f.add_done_callback(foo=1),
                 lambda: f.add_done_callback(print, 1), lambda: asyncio.Event(loop=None),
                 lambda: asyncio.Queue(max_size=2), lambda: asyncio.Lock(1), lambda: asyncio.sleep(1, 2, 3),
                 lambda: asyncio.Semaphore(1, 2), lambda: f.cancel(1, 2), lambda: asyncio.gather(return_exception=True),
                 lambda: asyncio.create_task(coro, nmae="x"), lambda: asyncio.sleep()):
        try:
            call()
            print("ok")
        except TypeError as e:
            print(e)
    coro.close()
    await asyncio.sleep(float("nan"))
    t = asyncio.timeout(1)
    async with t:
        pass
    try:
        async with t:
            pass
    except RuntimeError as e:
        print(e)
    return asyncio.get_running_loop().get_debug()


print(asyncio.run(probe(), debug=True), asyncio.run(probe()))
loop = asyncio.new_event_loop()
loop.call_soon(print, "cb")
loop.stop()
loop.run_forever()
print("run_forever returned", repr(loop))
loop.close()
print(repr(loop))
g = time.gmtime(1700000000)
print(g, g.tm_year, g[1], len(g))
print(time.strftime("%Y-%m-%d %H:%M:%S", g), time.asctime(g), len(time.strftime("%X")))
print(type(time.time_ns()), type(time.monotonic_ns()), time.localtime(0).tm_year in (1969, 1970))
import asyncio
async def main():
    c = asyncio.sleep(None)
    try:
        await c
    except TypeError as e:
        print("at await:", e)
asyncio.run(main())
