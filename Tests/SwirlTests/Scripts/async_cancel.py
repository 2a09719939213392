# Task cancellation: CancelledError at the await, finally blocks clean up, cancelled() state.
import asyncio

async def service(name, log):
    log.append(f"{name} start")
    try:
        while True:
            await asyncio.sleep(0.02)
            log.append(f"{name} tick")
    finally:
        log.append(f"{name} cleanup")

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn caught cancel, returning normally")
        return "survived"

async def main():
    log = []
    task = asyncio.create_task(service("svc", log))
    await asyncio.sleep(0.05)
    print("cancel requested:", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("awaiting the task raised CancelledError")
    print(task.cancelled(), task.done())
    print(log)

    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print(await s, s.cancelled())

    early = asyncio.create_task(service("early", log))
    early.cancel()
    try:
        await early
    except asyncio.CancelledError:
        print("cancelled before it started:", "early start" in log)

    finished = asyncio.create_task(asyncio.sleep(0))
    await finished
    print("cancel after done:", finished.cancel())

asyncio.run(main())
