# A suspended generator that is dropped is closed on the spot (its finally blocks and
# with-exits run, last list element first); a dropped async generator is closed by a task
# of the running loop, as asyncio's finalizer hook does.
import asyncio


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, kind, value, tb):
        print("close", self.name, kind.__name__ if kind else None)
        return False


def read_lines(name):
    with Resource(name):
        try:
            for i in range(10):
                yield i
        finally:
            print("cleanup", name)


for x in read_lines("a"):
    if x == 2:
        break
print("after loop")


def first(it):
    for x in it:
        return x


print(first(read_lines("b")))
print("after first")

never_started = read_lines("c")
del never_started
print("not started: nothing to clean")

gens = [read_lines("list%d" % i) for i in range(4)]
for g in gens[:3]:
    next(g)
g = None
del gens
print("list dropped")


def counter():
    n = 0
    try:
        while True:
            n = yield n
    except GeneratorExit:
        print("counter closed at", n)
        raise


c = counter()
next(c)
c.send(41)
c = None


async def ticker(name):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print("cleanup", name)


async def main():
    async for x in ticker("t1"):
        if x == 1:
            break
    print("after async for")
    for _ in range(3):
        await asyncio.sleep(0)
    print("after sleeps")
    async for x in ticker("t2"):
        if x == 0:
            break
    print("leaving main")


asyncio.run(main())
print("after run")


# What a finalizer drops is finalized right after it, before the next one.
def inner(name):
    try:
        yield 1
    finally:
        print("inner cleanup", name)


def outer(name):
    g = inner(name)
    next(g)
    try:
        yield 1
    finally:
        print("outer cleanup", name)


items = []
for i in range(3):
    o = outer(i)
    next(o)
    items.append(o)
o = None
items = None
print("nested dropped")


# Still suspended when the script ends: finalized as the main namespace is cleared.
last = read_lines("exit")
next(last)
_hidden = read_lines("exit-underscore")
next(_hidden)
print("end of script")

# An async generator still alive when asyncio.run ends is closed by its shutdown
# (shutdown_asyncgens). With several, CPython's order follows a set: one is shown.
async def keep_ticker():
    global running_ticker
    running_ticker = ticker("global at shutdown")
    await running_ticker.__anext__()
    print("keep_ticker done")


asyncio.run(keep_ticker())
print("after second run")
