# Two downloads run concurrently: the shorter one finishes first.
import asyncio


async def download(name, seconds):
    print(f"Starting {name}")
    await asyncio.sleep(seconds)
    print(f"Finished {name}")
    return name


async def main():
    results = await asyncio.gather(download("report.pdf", 2), download("photo.png", 1))
    print(results)


asyncio.run(main())
