# A forgotten `await` is reported at the line where CPython drops the coroutine: an if or
# while test, a statement that then fails (before its handler runs).
import asyncio


async def is_ready():
    return False


async def fetch():
    return 1


async def main():
    if is_ready():
        print("if body")
    n = 0
    while is_ready():
        n += 1
        if n == 2:
            break
    try:
        x = fetch() + 1
    except TypeError as e:
        print("TypeError:", e)
    try:
        for item in fetch():
            print(item)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
