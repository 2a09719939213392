# Misbehaving clients for the load test: while well-behaved clients run, these connect to
# the echo server and break the rules. The server must keep serving everyone else.
# usage: swirl scripts/load/faults.py PORT
import asyncio
import sys


async def half_line_then_close(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"this line never ends")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def disconnect_mid_message(port):
    # Sends lines and vanishes without reading the echoes.
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"first line\n" + b"x" * 50000 + b"\nsecond line, cut he")
    writer.close()
    await writer.wait_closed()


async def silent(port, hold):
    # Connects and never sends; leaves when told to.
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await hold.wait()
    writer.close()
    await writer.wait_closed()


async def check_still_served(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"are you still there?\n")
    await writer.drain()
    reply = await asyncio.wait_for(reader.readline(), 10)
    writer.close()
    await writer.wait_closed()
    return reply == b"are you still there?\n"


async def main(port):
    hold = asyncio.Event()
    silent_ones = [asyncio.create_task(silent(port, hold)) for _ in range(50)]
    for _ in range(5):
        await asyncio.gather(*(half_line_then_close(port) for _ in range(20)),
                             *(disconnect_mid_message(port) for _ in range(20)))
        if not await check_still_served(port):
            print("server stopped answering")
            return False
        await asyncio.sleep(0.05)
    hold.set()
    await asyncio.gather(*silent_ones)
    ok = await check_still_served(port)
    print("faulty clients done; server still serving:", ok)
    return ok


if __name__ == "__main__":
    sys.exit(0 if asyncio.run(main(int(sys.argv[1]))) else 1)
