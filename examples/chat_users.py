# Many chat users at once against examples/chat_server.py: USERS clients join, each says
# one line once everybody is in, and every user checks that it heard all the others.
# usage: swirl examples/chat_users.py PORT [USERS]
import asyncio
import sys


class Room:
    """Counts joined users; `everyone_in` is set when the last one arrives."""

    def __init__(self, size):
        self.size = size
        self.joined = 0
        self.everyone_in = asyncio.Event()

    def join(self):
        self.joined += 1
        if self.joined == self.size:
            self.everyone_in.set()


async def user(port, name, room):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await reader.readuntil(b"? ")
    writer.write(name.encode() + b"\n")
    await writer.drain()
    welcome = await reader.readline()
    if not welcome.startswith(b"welcome"):
        raise RuntimeError(f"{name} was not welcomed: {welcome!r}")
    room.join()
    await room.everyone_in.wait()
    writer.write(f"hello from {name}\n".encode())
    await writer.drain()
    heard = set()
    while len(heard) < room.size - 1:
        line = (await asyncio.wait_for(reader.readline(), 10)).decode()
        if line.startswith("<"):
            heard.add(line[1:line.index(">")])
    writer.write(b"/quit\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    return len(heard)


async def main(port, count):
    room = Room(count)
    heard = await asyncio.gather(*(user(port, f"user{i}", room) for i in range(count)))
    print(f"{count} users, each heard all {min(heard)} others")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 50))
