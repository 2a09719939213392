# A chat server: the first line a client sends is its name; every later line goes to all
# the other clients. Joins and leaves are announced. "/quit" leaves, "/who" lists names.
# usage: swirl examples/chat_server.py [PORT]   (default 8888)
# Try it with several terminals running: nc 127.0.0.1 8888
import asyncio
import sys

clients = {}  # name -> StreamWriter


async def send(writer, text):
    try:
        writer.write(text.encode() + b"\n")
        await writer.drain()
    except (ConnectionResetError, BrokenPipeError):
        pass  # that client is gone; its own handler cleans up


async def broadcast(text, skip=None):
    for name, writer in list(clients.items()):
        if name != skip:
            await send(writer, text)


async def handle(reader, writer):
    name = None
    try:
        writer.write(b"your name? ")
        await writer.drain()
        name = (await reader.readline()).decode(errors="replace").strip()
        if not name or name in clients:
            await send(writer, "name taken or empty, bye")
            return
        clients[name] = writer
        await send(writer, f"welcome {name}, {len(clients)} online")
        await broadcast(f"* {name} joined", skip=name)
        async for line in reader:
            text = line.decode(errors="replace").strip()
            if text == "/quit":
                break
            if text == "/who":
                await send(writer, "online: " + ", ".join(sorted(clients)))
            elif text:
                await broadcast(f"<{name}> {text}", skip=name)
    except (ConnectionResetError, BrokenPipeError):
        pass
    finally:
        if name is not None and clients.get(name) is writer:
            del clients[name]
            await broadcast(f"* {name} left")
        writer.close()


async def main(port):
    server = await asyncio.start_server(handle, "127.0.0.1", port)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"chat server on {host}:{port}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 8888))
    except KeyboardInterrupt:
        print("bye")
