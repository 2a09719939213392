# A forgotten await that then fails: the traceback first, then the never-awaited warning
# (the failing frame keeps the coroutine alive until the traceback is printed).
import asyncio
async def fetch():
    return 1
async def main():
    r = fetch()          # forgot await
    print(r + 1)
asyncio.run(main())
