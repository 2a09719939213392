# An async generator first iterated with no event loop running is closed as soon as it
# is dropped (CPython has no finalizer hook to hand it to); sys.exit() out of
# asyncio.run still closes the async generators the program holds.
import asyncio
import sys


async def numbers():
    try:
        yield 1
    finally:
        print("numbers finally")


async def drop_early():
    a = numbers()
    print(await anext(a))
    del a
    print("after del")


try:
    drop_early().send(None)
except StopIteration:
    print("coroutine done")


async def source():
    try:
        yield 1
        yield 2
    finally:
        print("source finally")


held = []


async def main():
    held.append(source())
    print(await anext(held[0]))
    sys.exit(3)


try:
    asyncio.run(main())
finally:
    print("after run")
