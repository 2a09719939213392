# async for bodies run in place by the generator they drive (Eval/AsyncForSink.swift), and
# every case where they must not: break, return, exceptions, awaits in the body, aliases of
# the generator, yields inside except, unpacking errors, comprehensions, deep recursion.
import asyncio
import sys

async def gen(n, tag="g"):
    try:
        for i in range(n):
            try:
                yield i
            except ValueError:
                print(tag, "caught ValueError at", i)
                raise
    finally:
        print(tag, "finally")

async def stage(items, k):
    async for x in items:
        yield x * k

async def breaker():
    async for x in gen(5, "b"):
        print("b got", x)
        if x == 2:
            break
    print("after break")

async def returner():
    async for x in stage(gen(5, "r"), 10):
        if x == 20:
            return x
    return None

async def raiser():
    try:
        async for x in stage(gen(5, "e"), 3):
            if x == 6:
                raise ValueError("boom")
    except ValueError as e:
        print("consumer caught", e, e.__context__)

async def continuer():
    out = []
    async for x in gen(6, "c"):
        if x % 2:
            continue
        out.append(x)
    print("evens", out)

async def pairs():
    g = gen(6, "p")
    async for x in g:
        y = await anext(g)
        print("pair", x, y)

async def aliased_list():
    g = gen(4, "l")
    keep = [g]
    async for x in g:
        print("l", x, keep[0] is g)

async def awaiting_body(name, n):
    async for x in gen(n, name):
        await asyncio.sleep(0)
        print(name, x)

async def in_except():
    async def g2():
        try:
            raise KeyError("inner")
        except KeyError:
            yield 1
            yield 2
    try:
        async for x in g2():
            raise RuntimeError("outer %d" % x)
    except RuntimeError as e:
        print("ctx", repr(e.__context__))

async def unpack():
    async def g3():
        yield (1, 2)
        yield 3
    try:
        async for a, b in g3():
            print("ab", a, b)
    except TypeError as e:
        print("TypeError", e)

async def stop_in_body():
    try:
        async for x in gen(3, "s"):
            raise StopAsyncIteration("body")
    except StopAsyncIteration as e:
        print("SAI", e)

async def comp():
    print([x async for x in stage(gen(4, "k"), 2)])
    print({x: x async for x in gen(3, "k2") if x})

async def gen_raises_later():
    async def bad():
        yield 1
        yield 2
        raise LookupError("late")
    try:
        async for x in stage(bad(), 5):
            print("late", x)
    except LookupError as e:
        print("late caught", e)

async def deep(n):
    if n == 0:
        yield 0
        yield 1
        return
    async for x in deep(n - 1):
        yield x + 1

async def main():
    await breaker()
    print("returner", await returner())
    await raiser()
    await continuer()
    await pairs()
    await aliased_list()
    await asyncio.gather(awaiting_body("A", 3), awaiting_body("B", 2))
    await in_except()
    await unpack()
    await stop_in_body()
    await comp()
    await gen_raises_later()
    print([x async for x in deep(150)])
    await asyncio.sleep(0)
    print("done")

asyncio.run(main())
