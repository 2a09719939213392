# sys.exit() in the main coroutine: its status, and no report (run_until_complete
# consumes the main task's exception).
import asyncio, sys
async def main():
    print("hi")
    sys.exit(3)
asyncio.run(main())
