# A statement spread over several lines: the traceback names the line of the part that
# failed (an argument, a list element, an awaited call), as CPython does.
import asyncio


def lookup(key):
    return {"a": 1}[key]


def collect():
    return [
        lookup("a"),
        lookup("b"),
    ]


async def fetch(key):
    await asyncio.sleep(0)
    return lookup(key)


async def main():
    try:
        collect()
    except KeyError as e:
        print("caught", e)
    values = [
        await fetch("a"),
        await fetch("c"),
    ]


asyncio.run(main())
