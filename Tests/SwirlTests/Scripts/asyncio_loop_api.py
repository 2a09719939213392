# The classic loop API (new_event_loop, run_until_complete, run_forever/stop, close,
# shutdown_asyncgens) and loop exception handlers, as in pre-asyncio.run tutorials.
import asyncio

async def ticker(loop, n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0.01)
    loop.stop()

async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("agen closed")

async def use_agen():
    g = agen()
    print(await g.__anext__())
    return g

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)
loop.create_task(ticker(loop, 3))
loop.run_forever()
g = loop.run_until_complete(use_agen())
loop.run_until_complete(loop.shutdown_asyncgens())
try:
    loop.run_until_complete(asyncio.sleep(0.1, "x")) if False else None
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 5)
    print(loop.run_until_complete(fut))
    async def boom():
        raise ValueError("bad")
    loop.run_until_complete(boom())
except ValueError as e:
    print("caught", e)
loop.close()
try:
    loop.run_until_complete(asyncio.sleep(0))
except RuntimeError as e:
    print("RuntimeError:", e)
async def main():
    l = asyncio.get_running_loop()
    try:
        l.run_until_complete(asyncio.sleep(0))
    except RuntimeError as e:
        print("RuntimeError:", e)
    return l
l = asyncio.run(main())
print(l is loop, l.is_closed())


def handler(loop, context):
    print("handler got:", sorted(context.keys()))
    print("message:", context["message"].replace(__file__, "FILE"))
    print("exception:", repr(context.get("exception")))


def bad_cb():
    raise RuntimeError("cb failed")


async def failing():
    raise KeyError("lost")


async def with_handler():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    loop.set_exception_handler(handler)
    loop.call_soon(bad_cb)
    await asyncio.sleep(0.01)
    loop.call_exception_handler({"message": "custom"})
    print(loop.get_exception_handler() is handler)
    t = asyncio.create_task(failing())
    await asyncio.sleep(0.01)
    del t
    await asyncio.sleep(0.01)
    try:
        loop.set_exception_handler(5)
    except TypeError as e:
        print("TypeError:", e)
    loop.set_exception_handler(None)
    loop.call_exception_handler({"message": "to the default handler", "extra": [1, 2]})
    print("end")


asyncio.run(with_handler())
