# Iterators carry CPython's type names; asyncio.Task(coro) and Future() construct; a plain
# future dropped with an unretrieved exception is reported.
import asyncio
m = map(str, [1, 2])
for call in (lambda: m[0], lambda: len(m), lambda: filter(None, [])[0], lambda: zip()[0], lambda: enumerate([])[1], lambda: iter([])[0], lambda: len(iter(range(3)))):
    try:
        call()
    except TypeError as e:
        print(e)
print(type(iter([])).__name__, type(iter(())).__name__, type(iter("ab")).__name__, type(iter("é")).__name__, type(iter(range(2))).__name__,
      type(iter({})).__name__, type(iter({}.values())).__name__, type(iter({}.items())).__name__, type(iter({1})).__name__, type(m).__name__)
print(next(m), m.__next__(), list(enumerate("ab")), hasattr(m, '__next__'), iter(m) is m)
async def c():
    return 5
async def main():
    t = asyncio.Task(c(), name="T")
    print(await t, t.get_name())
    f = asyncio.Future()
    f.set_result(1)
    print(await f)
asyncio.run(main())
async def lost():
    f = asyncio.get_running_loop().create_future()
    f.set_exception(RuntimeError("lost"))
asyncio.run(lost())
print("end")
