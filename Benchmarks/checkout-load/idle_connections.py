#!/usr/bin/env python3
"""How much memory a running server holds per idle keep-alive connection.

Opens N connections to 127.0.0.1:PORT; each sends one `GET PATH` (or nothing, with --no-request), reads the
answer and stays open. Prints the server's resident memory (VmRSS of PID) before and after, and the
difference per connection.

Usage: idle_connections.py PID PORT [--connections 10000] [--path /health | --no-request]
The open-file limits of this shell and of the server must allow N connections (`ulimit -n`).
Python 3.11 standard library only.
"""

import argparse
import asyncio
import resource


def resident_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    raise SystemExit(f"no VmRSS for process {pid}")


async def connect(port: int, path: str | None) -> tuple:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    if path is not None:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length:"))
        await reader.readexactly(length)
    return reader, writer


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pid", type=int)
    parser.add_argument("port", type=int)
    parser.add_argument("--connections", type=int, default=10_000)
    parser.add_argument("--path", default="/health")
    parser.add_argument("--no-request", action="store_true", help="connect only")
    arguments = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    path = None if arguments.no_request else arguments.path
    before = resident_mib(arguments.pid)
    connections = []
    for start in range(0, arguments.connections, 500):
        batch = min(500, arguments.connections - start)
        connections += await asyncio.gather(*(connect(arguments.port, path) for _ in range(batch)))
    await asyncio.sleep(3)
    after = resident_mib(arguments.pid)
    what = "no request" if path is None else f"one GET {path} each"
    print(f"{len(connections):,} idle connections ({what}): server {before:.0f} → {after:.0f} MiB, "
          f"{(after - before) * 1024 / len(connections):.1f} KiB a connection")


if __name__ == "__main__":
    asyncio.run(main())
