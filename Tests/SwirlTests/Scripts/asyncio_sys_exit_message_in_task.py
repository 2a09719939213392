# sys.exit("message") in a task: the message, then (at exit, after it) the report of the
# task nobody observed, whose last line is SystemExit: message.
import asyncio, sys
async def w():
    await asyncio.sleep(0.1); sys.exit("fatal: config missing")
async def main():
    asyncio.create_task(w())
    try: await asyncio.sleep(1)
    finally: print("main finally")
asyncio.run(main())
