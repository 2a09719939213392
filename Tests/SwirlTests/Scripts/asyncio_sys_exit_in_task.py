# sys.exit() in a task ends asyncio.run with its status; the finished task, never
# observed, is reported at exit with the SystemExit traceback (CPython's last line).
import asyncio, sys

async def child():
    sys.exit(4)

async def main():
    asyncio.create_task(child())
    await asyncio.sleep(1)

asyncio.run(main())
