# An echo server: every line a client sends comes straight back.
# usage: swirl examples/echo_server.py [PORT]   (default 8888; 0 picks a free port)
# Try it with: swirl examples/echo_clients.py PORT 100 10
import asyncio
import sys


async def handle(reader, writer):
    try:
        async for line in reader:
            writer.write(line)
            await writer.drain()
    except (ConnectionResetError, BrokenPipeError):
        pass  # the client vanished mid-conversation: forget it, keep serving the others
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except (ConnectionResetError, BrokenPipeError):
            pass


async def main(port):
    server = await asyncio.start_server(handle, "127.0.0.1", port)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"echo server listening on {host}:{port}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 8888))
    except KeyboardInterrupt:
        print("bye")
