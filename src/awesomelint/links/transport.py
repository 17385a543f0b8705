"""The client's plumbing: guarded connections on plain asyncio, one small pool per origin.

Why not httpx's defaults:

- Connections go through ``GuardedBackend``, which connects only to addresses
  the Resolver approved (see netguard), so the address check cannot be
  sidestepped by a second DNS answer.
- The backend speaks asyncio directly instead of through anyio: a link checker
  makes thousands of tiny requests, and the extra layer cost a third of the
  CPU per request.  Per-operation timeouts are left to the engine, which puts a
  total deadline on every request.
- httpcore's pool scans all its connections for every request it assigns; one
  pool per origin, sized to the host's cap, keeps that scan short.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

from awesomelint.links.decoding import ACCEPT_ENCODING
from awesomelint.links.model import Settings
from awesomelint.links.netguard import DNSError, PrivateAddressError, Resolver, host_key

_READ_LIMIT = 256 * 1024


class AsyncioStream(httpcore.AsyncNetworkStream):
    """An httpcore stream over an asyncio StreamReader/StreamWriter pair."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            return await self._reader.read(max_bytes)
        except OSError as exc:
            raise httpcore.ReadError(str(exc)) from exc

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        try:
            self._writer.write(buffer)
            await self._writer.drain()
        except OSError as exc:
            raise httpcore.WriteError(str(exc)) from exc

    async def aclose(self) -> None:
        self._writer.close()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            await self._writer.start_tls(ssl_context, server_hostname=server_hostname)
        except (OSError, ssl.SSLError) as exc:
            self._writer.close()
            raise httpcore.ConnectError(f"TLS: {exc}") from exc
        return self

    def get_extra_info(self, info: str) -> Any:
        if info == "ssl_object":
            return self._writer.get_extra_info("ssl_object")
        if info == "client_addr":
            return self._writer.get_extra_info("sockname")
        if info == "server_addr":
            return self._writer.get_extra_info("peername")
        if info == "socket":
            return self._writer.get_extra_info("socket")
        if info == "is_readable":
            # asyncio reads eagerly: a server's close or stray bytes show up here
            return self._reader.at_eof() or self._writer.is_closing()
        return None


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Connects only to the addresses the Resolver approved for a host."""

    def __init__(self, resolver: Resolver) -> None:
        self._resolver = resolver

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await self._resolver.resolve(host)
        except (DNSError, PrivateAddressError) as exc:
            raise httpcore.ConnectError(str(exc)) from None
        error: Exception = httpcore.ConnectError(f"{host}: no address")
        for address in addresses:
            try:
                reader, writer = await asyncio.open_connection(address, port, limit=_READ_LIMIT)
            except OSError as exc:
                error = httpcore.ConnectError(f"{address}:{port}: {exc.strerror or exc}")
                continue
            return AsyncioStream(reader, writer)
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are never link targets")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class HostTransport(httpx.AsyncBaseTransport):
    """Routes each origin to its own small, guarded connection pool."""

    def __init__(self, settings: Settings, resolver: Resolver) -> None:
        self._settings = settings
        self._backend = GuardedBackend(resolver)
        self._ssl: ssl.SSLContext | None = None  # CA certificates loaded once, on first https
        self._pools: dict[tuple[bytes, bytes, int | None], httpx.AsyncHTTPTransport] = {}

    def _pool(self, url: httpx.URL) -> httpx.AsyncHTTPTransport:
        key = (url.raw_scheme, url.raw_host.lower().rstrip(b"."), url.port)  # as host_key
        transport = self._pools.get(key)
        if transport is None:
            cap = (
                self._settings.host(host_key(url.host)).concurrency
                or self._settings.host_concurrency
            )
            limits = httpx.Limits(
                max_connections=None, max_keepalive_connections=cap, keepalive_expiry=10.0
            )
            if url.scheme == "https" and self._ssl is None:
                self._ssl = httpx.create_ssl_context()  # a quarter second: only when needed
            verify = self._ssl if url.scheme == "https" else False  # plain http: no TLS at all
            transport = httpx.AsyncHTTPTransport(
                verify=verify, http2=True, limits=limits, retries=0
            )
            pool = transport._pool  # httpx has no network_backend option; httpcore's pool has
            if not hasattr(pool, "_network_backend"):
                raise RuntimeError("unsupported httpcore version: cannot guard connections")
            pool._network_backend = self._backend
            self._pools[key] = transport
        return transport

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._pool(request.url).handle_async_request(request)

    async def aclose(self) -> None:
        for transport in self._pools.values():
            await transport.aclose()


def default_headers(settings: Settings) -> dict[str, str]:
    """The headers of every request (the lean HEAD path of headclient.py sends them too)."""
    return {
        "User-Agent": settings.user_agent,
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "Accept-Language": "en-US,en;q=0.9",
        "Accept-Encoding": ACCEPT_ENCODING,  # only what decoding.py inflates under a bound
    }


def make_client(settings: Settings, resolver: Resolver) -> httpx.AsyncClient:
    """The run's only client: HTTP/1.1 and HTTP/2, no env proxies, guarded connections."""
    return httpx.AsyncClient(
        transport=HostTransport(settings, resolver),
        headers=default_headers(settings),
        timeout=httpx.Timeout(settings.timeout),
        follow_redirects=False,
        trust_env=False,
    )
