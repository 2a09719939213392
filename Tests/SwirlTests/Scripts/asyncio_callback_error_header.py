# A failing callback with no script frame is still reported with a traceback header, as
# CPython's (whose traceback holds the loop's own frame).
import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_result, 1)
    asyncio.get_running_loop().call_soon(fut.set_result, 2)
    await asyncio.sleep(0.01)

asyncio.run(main())

