"""A lean HTTP/1.1 path for HEAD requests, beside the httpx client.

Most of a link check is HEAD requests whose answer is one status line and a
few headers.  Through httpx each costs about 1 ms of CPU (request and
response models, hooks, httpcore's pool, h11), which makes a list of
thousands of links CPU-bound where lychee is latency-bound.  ``HeadClient``
sends a HEAD itself over keep-alive connections (a plain asyncio Protocol)
and hands everything else (GET, bodies, non-ASCII URLs) to the httpx client
unchanged, so fetch.Checker cannot tell the difference: same ``build_request``
and ``send``, same exceptions (``httpx.ConnectError``,
``httpx.RemoteProtocolError``).

A HEAD answer has no body, whatever its headers say, so there is nothing to
decode or bound here.  Connections go only to the addresses the Resolver
approved, as with the guarded httpx backend.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx

from awesomelint.links.netguard import DNSError, PrivateAddressError, Resolver

_MAX_HEAD = 64 * 1024
_IDLE_PER_ORIGIN = 8


class HeadRequest:
    """A HEAD request for the lean path (what ``build_request`` returns for HEAD)."""

    def __init__(self, url: str, headers: dict[str, str]) -> None:
        self.method = "HEAD"
        self.url = url
        self.headers = headers
        self.on_send: Callable[[], None] | None = None  # called as the bytes go out


class _Headers:
    """Case-insensitive ``get`` over the parsed header lines."""

    def __init__(self, items: dict[str, str]) -> None:
        self._items = items

    def get(self, name: str, default: str | None = None) -> str | None:
        return self._items.get(name.lower(), default)


class HeadResponse:
    """The parts of an httpx.Response that the checker reads from a HEAD answer."""

    def __init__(self, status: int, reason: str, headers: dict[str, str]) -> None:
        self.status_code = status
        self.reason_phrase = reason
        self.headers = _Headers(headers)
        self.encoding = None

    async def aiter_raw(self) -> AsyncIterator[bytes]:
        return
        yield b""  # an async generator with nothing in it

    async def aiter_bytes(self) -> AsyncIterator[bytes]:
        return
        yield b""

    async def aclose(self) -> None:
        return None


def _parse_head(data: bytes) -> tuple[int, str, dict[str, str], bool]:
    """Status, reason, headers and keep-alive of one response head (RemoteProtocolError)."""
    try:
        text = data.decode("latin-1")
        status_line, _, rest = text.partition("\r\n")
        version, _, tail = status_line.partition(" ")
        code, _, reason = tail.partition(" ")
        if not version.startswith("HTTP/1.") or len(code) != 3 or not code.isdigit():
            raise ValueError(status_line[:80])
        headers: dict[str, str] = {}
        for line in rest.split("\r\n"):
            if not line:
                continue
            name, colon, value = line.partition(":")
            if not colon or not name or name != name.strip():
                raise ValueError(line[:80])
            key = name.lower()
            value = value.strip()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
    except ValueError as exc:
        raise httpx.RemoteProtocolError(f"malformed response head: {exc}") from None
    connection = headers.get("connection", "").lower()
    keep = "close" not in connection and (version == "HTTP/1.1" or "keep-alive" in connection)
    return int(code), reason.strip(), headers, keep


class _Connection(asyncio.Protocol):
    """One keep-alive connection answering one HEAD at a time."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.closed = False
        self._buffer = bytearray()
        self._waiter: asyncio.Future[bytes] | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        while self._waiter is not None and not self._waiter.done():
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self._buffer) > _MAX_HEAD:
                    self._fail(httpx.RemoteProtocolError("response head too large"))
                return
            head = bytes(self._buffer[:end])
            del self._buffer[: end + 4]
            if head[9:10] == b"1" and head[:5] == b"HTTP/":  # 1xx: an interim answer
                continue
            self._waiter.set_result(head)
            return

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self._fail(httpx.RemoteProtocolError("server closed the connection"))

    def _fail(self, exc: Exception) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_exception(exc)
        self.close()

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()

    async def exchange(self, request: bytes) -> bytes:
        assert self.transport is not None
        self._buffer.clear()
        self._waiter = asyncio.get_running_loop().create_future()
        self.transport.write(request)
        try:
            return await self._waiter
        finally:
            self._waiter = None

    @property
    def clean(self) -> bool:
        """Reusable: open, and nothing left over (a body sent despite HEAD spoils it)."""
        return not self.closed and not self._buffer


class HeadClient:
    """``build_request``/``send`` like httpx.AsyncClient; HEAD lean, the rest through httpx."""

    def __init__(
        self, client: httpx.AsyncClient, resolver: Resolver, headers: Mapping[str, str]
    ) -> None:
        self._client = client
        self._resolver = resolver
        self._defaults = {key.lower(): value for key, value in headers.items()}
        self._ssl: ssl.SSLContext | None = None
        self._idle: dict[tuple[str, str, int], list[_Connection]] = {}

    def build_request(self, method: str, url: str, headers: Mapping[str, str] | None = None) -> Any:
        if method == "HEAD" and url.isascii():
            merged = dict(self._defaults)
            for key, value in (headers or {}).items():
                merged[key.lower()] = value
            return HeadRequest(url, merged)
        return self._client.build_request(method, url, headers=headers)

    async def send(self, request: Any, stream: bool = False) -> Any:
        if not isinstance(request, HeadRequest):
            return await self._client.send(request, stream=stream)
        parts = urlsplit(request.url)
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").lower()
        if scheme not in ("http", "https") or not host:
            raise httpx.UnsupportedProtocol(f"cannot request {request.url}")
        try:
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError as exc:
            raise httpx.InvalidURL(str(exc)) from None
        default_port = port == (443 if scheme == "https" else 80)
        name = f"[{host}]" if ":" in host else host
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        lines = [f"HEAD {target} HTTP/1.1", f"Host: {name if default_port else f'{name}:{port}'}"]
        lines += [f"{key}: {value}" for key, value in request.headers.items()]
        payload = ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")
        origin = (scheme, host, port)
        idle = self._idle.setdefault(origin, [])
        while idle:
            connection = idle.pop()
            if not connection.clean:
                connection.close()
                continue
            if request.on_send is not None:
                request.on_send()
            try:
                head = await connection.exchange(payload)
            except httpx.RemoteProtocolError:
                continue  # an idle connection the server had closed: try a fresh one
            except BaseException:
                connection.close()
                raise
            return self._answer(head, connection, idle)
        connection = await self._connect(scheme, host, port)
        if request.on_send is not None:  # after connecting: the interval counts from here
            request.on_send()
        try:
            head = await connection.exchange(payload)
        except BaseException:
            connection.close()
            raise
        return self._answer(head, connection, idle)

    def _answer(self, head: bytes, connection: _Connection, idle: list[_Connection]) -> Any:
        try:
            status, reason, headers, keep = _parse_head(head)
        except httpx.RemoteProtocolError:
            connection.close()
            raise
        if keep and connection.clean and len(idle) < _IDLE_PER_ORIGIN:
            idle.append(connection)
        else:
            connection.close()
        return HeadResponse(status, reason, headers)

    async def _connect(self, scheme: str, host: str, port: int) -> _Connection:
        try:
            addresses = await self._resolver.resolve(host)
        except (DNSError, PrivateAddressError) as exc:
            raise httpx.ConnectError(str(exc)) from None
        loop = asyncio.get_running_loop()
        context = None
        if scheme == "https":
            if self._ssl is None:
                self._ssl = httpx.create_ssl_context()
                self._ssl.set_alpn_protocols(["http/1.1"])
            context = self._ssl
        error: Exception = httpx.ConnectError(f"{host}: no address")
        for address in addresses:
            try:
                _, protocol = await loop.create_connection(
                    _Connection,
                    address,
                    port,
                    ssl=context,
                    server_hostname=host if context is not None else None,
                )
            except ssl.SSLError as exc:
                error = httpx.ConnectError(f"TLS: {exc}")
                continue
            except OSError as exc:
                error = httpx.ConnectError(f"{address}:{port}: {exc.strerror or exc}")
                continue
            return protocol
        raise error

    async def __aenter__(self) -> HeadClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        for connections in self._idle.values():
            for connection in connections:
                connection.close()
        self._idle.clear()
        await self._client.aclose()
