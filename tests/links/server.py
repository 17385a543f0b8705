"""A real HTTP/1.1 server on loopback for the link checker's tests.

It runs an asyncio loop in a background thread and serves any number of
loopback addresses (127.0.0.1, 127.0.0.2, ...).  Each path is configured with
a Route (status, headers, delay, redirect, streamed or dripped body...).
Hostile answers (a ``Location`` that breaks markdown, a ``Retry-After`` of
byte 0xB2, a ``gzip, gzip`` bomb from ``gzip_bomb``) are plain ``headers`` and
``body`` values: headers go out as latin-1 bytes.  The server records every
request and the peak number of requests in flight per host, so tests can assert
on what the checker actually sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import socket
import ssl
import struct
import sys
import threading
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field


@functools.cache
def gzip_bomb(megabytes: int, layers: int = 2) -> bytes:
    """A valid gzip stream of ``megabytes`` MiB of zeros, gzipped again ``layers - 1`` times.

    Built from one full-flushed block repeated, so a gigabyte costs a second, not
    a minute of compression: 1024 MiB is about 1 MiB once and 2 KB twice gzipped.
    """
    mib = bytes(1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    first = packer.compress(mib) + packer.flush(zlib.Z_FULL_FLUSH)  # with the gzip header
    repeat = packer.compress(mib) + packer.flush(zlib.Z_FULL_FLUSH)  # same bytes every MiB
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(mib, crc)
    final_block = zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    size = (megabytes << 20) & 0xFFFFFFFF
    data = first + repeat * (megabytes - 1) + final_block + struct.pack("<II", crc, size)
    for _ in range(layers - 1):
        data = zlib.compress(data, 9, wbits=31)
    return data


@dataclass(frozen=True)
class Route:
    """How a path answers.  ``statuses`` are served in turn (the last one repeats)."""

    status: int = 200
    statuses: tuple[int, ...] = ()
    head_status: int | None = None  # a different answer to HEAD (405, 404, ...)
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b"ok"
    content_type: str = "text/plain"
    location: str | None = None
    delay: float = 0.0
    hang: bool = False  # never answer
    stream: int = 0  # announce and trickle this many bytes
    drip: float = 0.0  # send the body one byte every this many seconds (a slow-loris server)


@dataclass(frozen=True)
class Seen:
    """One request as the server saw it."""

    method: str
    host: str
    path: str
    at: float


@dataclass
class _Stats:
    requests: list[Seen] = field(default_factory=list)
    in_flight: Counter[str] = field(default_factory=Counter)
    max_in_flight: Counter[str] = field(default_factory=Counter)
    streamed: int = 0
    served: Counter[str] = field(default_factory=Counter)
    connections: int = 0


class Server:
    """Serve ``routes`` on the given loopback addresses (one port each)."""

    def __init__(
        self, addresses: tuple[str, ...] = ("127.0.0.1",), tls: ssl.SSLContext | None = None
    ) -> None:
        self.routes: dict[str, Route] = {}
        self._tls = tls
        self.ports: dict[str, int] = {}
        self._addresses = addresses
        self._stats = _Stats()
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._servers: list[asyncio.base_events.Server] = []
        self._handlers: set[asyncio.Task[None]] = set()

    def start(self) -> Server:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    async def _start(self) -> None:
        for address in self._addresses:
            server = await asyncio.start_server(self._handle, address, 0, ssl=self._tls)
            self._servers.append(server)
            self.ports[address] = server.sockets[0].getsockname()[1]

    def stop(self) -> None:
        async def close() -> None:
            for server in self._servers:
                server.close()
            for task in list(self._handlers):
                task.cancel()
            await asyncio.sleep(0)

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        if not self._thread.is_alive():
            self._loop.close()  # closed here, not by the garbage collector at some later test

    def url(self, path: str, address: str = "127.0.0.1", name: str | None = None) -> str:
        """The URL of ``path`` on ``address`` (or on the host ``name`` at its port)."""
        scheme = "https" if self._tls else "http"
        return f"{scheme}://{name or address}:{self.ports[address]}{path}"

    def route(self, path: str, **kwargs: object) -> str:
        """Configure ``path`` on every address; returns its URL on the first one."""
        self.routes[path] = Route(**kwargs)  # type: ignore[arg-type]
        return self.url(path, self._addresses[0])

    # -- what the server saw ---------------------------------------------------------------

    @property
    def requests(self) -> list[Seen]:
        with self._lock:
            return list(self._stats.requests)

    def hits(self, path: str, method: str | None = None) -> int:
        return sum(1 for r in self.requests if r.path == path and method in (None, r.method))

    def max_in_flight(self, host: str) -> int:
        with self._lock:
            return self._stats.max_in_flight[host]

    @property
    def connections(self) -> int:
        """TCP connections accepted so far (keep-alive reuse shows as few)."""
        with self._lock:
            return self._stats.connections

    @property
    def streamed(self) -> int:
        with self._lock:
            return self._stats.streamed

    # -- protocol ------------------------------------------------------------------------------

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        with self._lock:
            self._stats.connections += 1
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError):
                    return
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                headers = {
                    k.strip().lower(): v.strip()
                    for k, _, v in (line.partition(":") for line in lines[1:] if line)
                }
                # "host." and "host" are one host, as in DNS
                host = headers.get("host", "").rsplit(":", 1)[0].rstrip(".")
                keep = await self._respond(method, target.split("?")[0], host, writer)
                if not keep:
                    return
        except (ConnectionError, asyncio.CancelledError):
            return
        finally:
            self._handlers.discard(task)
            writer.close()

    async def _respond(
        self, method: str, path: str, host: str, writer: asyncio.StreamWriter
    ) -> bool:
        route = self.routes.get(path, Route(status=404, body=b"not found"))
        with self._lock:
            self._stats.requests.append(Seen(method, host, path, time.monotonic()))
            self._stats.in_flight[host] += 1
            peak = max(self._stats.max_in_flight[host], self._stats.in_flight[host])
            self._stats.max_in_flight[host] = peak
            nth = self._stats.served[path]
            self._stats.served[path] += 1
        try:
            if route.hang:
                await asyncio.sleep(3600)
            if route.delay:
                await asyncio.sleep(route.delay)
            status = route.statuses[min(nth, len(route.statuses) - 1)] if route.statuses else None
            status = status or route.status
            if method == "HEAD" and route.head_status is not None:
                status = route.head_status
            body = route.body
            headers = [("Content-Type", route.content_type), *route.headers]
            if route.location is not None:
                headers.append(("Location", route.location))
            length = route.stream or len(body)
            headers.append(("Content-Length", str(length)))
            head = f"HTTP/1.1 {status} X\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
            writer.write(head.encode("latin-1") + b"\r\n")
            if method != "HEAD":
                if route.stream:
                    await self._trickle(writer, route.stream)
                    return False
                if route.drip:
                    await self._drip(writer, body, route.drip)
                    return False
                writer.write(body)
            await writer.drain()
            return True
        finally:
            with self._lock:
                self._stats.in_flight[host] -= 1

    async def _drip(self, writer: asyncio.StreamWriter, body: bytes, every: float) -> None:
        await writer.drain()  # the head goes out at once; then one byte at a time
        for i in range(len(body)):
            await asyncio.sleep(every)
            writer.write(body[i : i + 1])
            await writer.drain()
            with self._lock:
                self._stats.streamed += 1

    async def _trickle(self, writer: asyncio.StreamWriter, size: int) -> None:
        chunk = b"x" * 65536
        sent = 0
        while sent < size:
            writer.write(chunk)
            await writer.drain()  # raises once the client has hung up
            sent += len(chunk)
            with self._lock:
                self._stats.streamed += len(chunk)


# Linux's SO_TIMESTAMPNS (socket(7)); the socket module names it only on some builds.
_SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35 if sys.platform.startswith("linux") else 0)


class StampedServer:
    """A server that knows when each request reached the machine, not when it got to read it.

    For tests of timing between requests: it answers 200 ``ok`` to everything,
    in threads that block in ``recvmsg``, and on Linux stamps each request
    with the kernel's receive time of its bytes (``SO_TIMESTAMPNS``), so
    neither a loaded machine nor the checker's own thread holding the GIL
    delays the measurement.  Elsewhere it falls back to the time of reading.
    """

    def __init__(self, address: str = "127.0.0.1") -> None:
        self._listener = socket.create_server((address, 0))
        if _SO_TIMESTAMPNS:
            self._listener.setsockopt(socket.SOL_SOCKET, _SO_TIMESTAMPNS, 1)  # inherited
        self._address = address
        self.port = self._listener.getsockname()[1]
        self.stamped = bool(_SO_TIMESTAMPNS)  # False: times are those of reading
        self._seen: list[Seen] = []
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []

    def start(self) -> StampedServer:
        thread = threading.Thread(target=self._accept, daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    def url(self, path: str) -> str:
        return f"http://{self._address}:{self.port}{path}"

    @property
    def requests(self) -> list[Seen]:
        with self._lock:
            return list(self._seen)

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        buffer = b""
        arrived = 0.0
        with conn:
            while True:
                try:
                    data, ancillary, _, _ = conn.recvmsg(65536, 1024)
                except OSError:
                    return
                if not data:
                    return
                if not buffer:  # the first bytes of a request: when it reached the machine
                    arrived = time.time()
                    for level, kind, value in ancillary:
                        if level == socket.SOL_SOCKET and kind == _SO_TIMESTAMPNS:
                            seconds, nanoseconds = struct.unpack("qq", value[:16])
                            arrived = seconds + nanoseconds / 1e9
                buffer += data
                while b"\r\n\r\n" in buffer:
                    head, buffer = buffer.split(b"\r\n\r\n", 1)
                    method, target = head.decode("latin-1").split(" ", 2)[:2]
                    with self._lock:
                        self._seen.append(Seen(method, self._address, target, arrived))
                    body = b"" if method == "HEAD" else b"ok"
                    conn.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                        b"Content-Length: 2\r\n\r\n" + body
                    )
