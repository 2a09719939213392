# Call sites and operators that take specialised paths once they have seen their operands
# (len of a local, list.append on a local list, int arithmetic on locals, one-statement
# loop bodies in generators) must keep Python's semantics when the operands change.
import asyncio


def lengths():
    out = []
    for x in [[1, 2], (1, 2, 3), "héllo", {"a": 1}, {1, 2, 3, 4}, b"bytes", range(7)]:
        out.append(len(x))
    print(out)

    class Sized:
        def __len__(self):
            return 42

    x = Sized()
    print(len(x))
    x = 5
    try:
        len(x)
    except TypeError as e:
        print("TypeError:", e)


def rebinding_len():
    global len
    items = [1, 2, 3]
    print(len(items))
    len = lambda v: "shadowed"
    print(len(items))
    del len
    print(len(items))


def appends():
    buf = []
    for x in range(12):
        buf.append(x)
    print(buf)

    class Collector:
        def __init__(self):
            self.seen = []

        def append(self, v):
            self.seen.append(v * 10)

    results = []
    for buf in [[], Collector(), []]:
        for x in (1, 2):
            buf.append(x)
        results.append(buf if isinstance(buf, list) else buf.seen)
    print(results)

    items = []
    items.append(items)
    print(items)


def unbound_argument():
    buf = []
    try:
        buf.append(later)
    except NameError as e:
        print(type(e).__name__, e)
    later = 1
    buf.append(later)
    print(buf)


def arithmetic():
    k = 3
    out = []
    for i in range(-4, 5):
        out.append((i % k, i // k, i * k + 1, i % 2 == 0, i - k < 0))
    print(out)
    big = 2 ** 62
    k = 4
    print(big * k + 1, big * k % 7 != 0)
    x, m = 7.5, 2
    print(x % m, x * m + 1, x % m != 0)
    m = 0
    try:
        print(x % m)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    i, m = 5, 0
    try:
        print(i % m == 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    i, m = 5, -3
    print(i % m, i // m, i % m != 0)
    s, t = "ab", 3
    print(s * t + "!")


async def source(n):
    for i in range(n):
        yield i


async def stage(items):
    async for x in items:
        yield 10 // x


async def failing_pipeline():
    try:
        async for v in stage(source(3)):
            print("got", v)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)


async def pipeline_with_local_rebinding():
    total = []
    async for x in source(5):
        total.append(x)
        if len(total) == 3:
            total = (total, "tuple now")
            print(total)
            total = []
    print(total)


lengths()
rebinding_len()
appends()
unbound_argument()
arithmetic()
asyncio.run(failing_pipeline())
asyncio.run(pipeline_with_local_rebinding())


def length_tests():
    global len
    seen = []
    for x in [[1, 2], "abc", (1,), {"k": 1}, [1, 2, 3, 4]]:
        if len(x) >= 2:
            seen.append(x)
        if len(x) == 3 and len(x) + 1 > 3:
            seen.append("three")
    print(seen)
    items = [1, 2, 3]
    for step in range(3):
        if step == 1:
            len = lambda v: 100
        if step == 2:
            del len
        print(step, len(items) > 50, len(items) * 2)
    x = 5
    try:
        if len(x) > 0:
            pass
    except TypeError as e:
        print("TypeError:", e)


length_tests()
