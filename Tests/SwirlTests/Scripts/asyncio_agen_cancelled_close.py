# An async generator left by 'break' is closed by a task that asyncio.run cancels before it
# starts: CancelledError goes in first, then GeneratorExit at its next await (CPython's order).
import asyncio
async def stream():
    try:
        yield 1
        yield 2
    except BaseException as e:
        print("got", type(e).__name__)
        raise
    finally:
        print("closing")
        await asyncio.sleep(0)
        print("closed")
async def main():
    async for x in stream():
        break
    print("main done")
asyncio.run(main())
print("after run")
