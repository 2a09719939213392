# asyncio.Runner: several run() calls on one loop, leftovers cancelled at close().
import asyncio

async def job(n):
    await asyncio.sleep(0.01)
    t = asyncio.current_task()
    print("job", n, t.get_name())
    return n * 10

async def forever():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("forever cancelled")
        raise

async def starter():
    asyncio.create_task(forever())
    await asyncio.sleep(0)
    return "started"

with asyncio.Runner() as runner:
    print(runner.run(job(1)))
    print(runner.run(job(2)))
    print(runner.run(starter()))
    loop = runner.get_loop()
    print(loop.is_closed())
print(loop.is_closed())
try:
    runner.run(job(3))
except RuntimeError as e:
    print("RuntimeError:", e)
r = asyncio.Runner(debug=False)
try:
    r.run(5)
except ValueError as e:
    print("ValueError:", e)
print(r.run(job(4)))
r.close()

async def main():
    print(asyncio.current_task().get_name())
asyncio.run(main())
