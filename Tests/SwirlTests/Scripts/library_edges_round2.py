# Unpacking dict views, itertools.islice stopping at its stop, groupby invalidating old
# groups, dataclasses astuple/replace/recursive repr, old-style loop code at module level,
# a second cancel() keeping the first message, and a failing stream handler closing its
# connection.
import asyncio
import itertools
from dataclasses import dataclass, field, astuple, replace

d = {"x": 1, "y": 2}
lo, hi = d.values()
(k1, v1), (k2, v2) = d.items()
a, b = d
print(lo, hi, k1, v1, k2, v2, a, b)
it = iter(range(10))
print(list(itertools.islice(it, 3)), next(it), list(itertools.islice("abcdefg", 1, 6, 2)))
groups = itertools.groupby("aabbbc")
g1k, g1 = next(groups)
g2k, g2 = next(groups)
print(g1k, list(g1), g2k, list(g2), [(k, len(list(g))) for k, g in itertools.groupby("aabbbcaa")])


@dataclass
class Point:
    x: int
    y: int


@dataclass
class Line:
    a: Point
    b: Point
    tags: list = field(default_factory=list)
    length: int = field(init=False, default=0)


line = Line(Point(0, 0), Point(1, 2), [Point(3, 4)])
print(astuple(line))
try:
    replace(line, length=5)
except ValueError as e:
    print(e)
line.tags.append(line)
print(line)


async def hello(n):
    await asyncio.sleep(0)
    return n

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(asyncio.gather(hello(1), hello(2))))
print(loop.run_until_complete(asyncio.ensure_future(hello(3))))
loop.close()


async def handle(reader, writer):
    await reader.readline()
    raise RuntimeError("handler crashed")


async def main():
    t = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t.cancel("first")
    t.cancel("second")
    try:
        await t
    except asyncio.CancelledError as e:
        print(e.args)
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection("127.0.0.1", port)
    w.write(b"hi\n")
    print(await r.read())
    w.close()
    server.close()
    await server.wait_closed()

asyncio.run(main())
