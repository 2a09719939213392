# Many echo clients at once: CLIENTS connections, each sending ROUNDS lines and checking
# that every line comes back unchanged.
# usage: swirl examples/echo_clients.py PORT [CLIENTS] [ROUNDS]
import asyncio
import sys


async def client(port, ident, rounds):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    echoed = 0
    for i in range(rounds):
        line = f"client {ident} says hello number {i}\n".encode()
        writer.write(line)
        await writer.drain()
        reply = await reader.readline()
        if reply != line:
            raise AssertionError(f"client {ident}: sent {line!r}, got {reply!r}")
        echoed += len(reply)
    writer.close()
    await writer.wait_closed()
    return echoed


async def main(port, clients, rounds):
    results = await asyncio.gather(*(client(port, c, rounds) for c in range(clients)),
                                   return_exceptions=True)
    failures = [r for r in results if isinstance(r, BaseException)]
    echoed = sum(r for r in results if not isinstance(r, BaseException))
    print(f"{clients - len(failures)} of {clients} clients done, {echoed} bytes echoed")
    for f in failures[:5]:
        print("failed:", type(f).__name__, f)
    return not failures


if __name__ == "__main__":
    port = int(sys.argv[1])
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    sys.exit(0 if asyncio.run(main(port, clients, rounds)) else 1)
