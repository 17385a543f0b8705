"""Refuse requests to non-public addresses, judged on the resolved address.

A pull request must not make CI probe its own network, so the URL text is not
enough (``http://intranet.corp`` or a name that resolves to 10.0.0.1): every
host is resolved here, every address is checked, and the HTTP client connects
to exactly the checked addresses (the backend below), which also defeats DNS
rebinding between the check and the connection.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket

_NEVER_RESOLVES = (".invalid",)  # RFC 6761: such names must not resolve
_LOOPBACK_NAMES = ("localhost",)


class DNSError(Exception):
    """The host name does not resolve."""


class PrivateAddressError(Exception):
    """The host resolves to an address requests are not allowed to reach."""

    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"{host} resolves to non-public address {address}")
        self.host = host
        self.address = address


def is_public(address: str) -> bool:
    """True when ``address`` is a globally routable unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            return is_public(str(mapped))
        if ip.teredo is not None:
            return is_public(str(ip.teredo[1]))
    return ip.is_global and not ip.is_multicast


def _literal(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


class Resolver:
    """Resolves each host once per run and enforces the address policy."""

    def __init__(self, allow_private: bool, timeout: float = 15.0) -> None:
        self.allow_private = allow_private
        self.timeout = timeout
        self._cache: dict[str, asyncio.Future[tuple[str, ...]]] = {}

    async def resolve(self, host: str) -> tuple[str, ...]:
        """Addresses of ``host``; raises DNSError, PrivateAddressError or TimeoutError."""
        host = host.lower().rstrip(".")
        future = self._cache.get(host)
        if future is not None and future.done():
            return future.result()  # the common case: a host seen before
        if future is None:
            future = asyncio.ensure_future(self._lookup(host))
            self._cache[host] = future
        return await asyncio.shield(future)

    async def _lookup(self, host: str) -> tuple[str, ...]:
        literal = _literal(host)
        if literal is not None:
            addresses: tuple[str, ...] = (literal,)
        elif host.endswith(_NEVER_RESOLVES) or host == "invalid":
            raise DNSError(f"{host}: name does not resolve (reserved .invalid domain)")
        else:
            loopback = host in _LOOPBACK_NAMES or host.endswith(".localhost")
            if loopback and not self.allow_private:
                raise PrivateAddressError(host, "127.0.0.1")
            try:
                async with asyncio.timeout(self.timeout):  # getaddrinfo has no deadline
                    infos = await asyncio.get_running_loop().getaddrinfo(
                        host, None, type=socket.SOCK_STREAM
                    )
            except (socket.gaierror, UnicodeError) as exc:
                raise DNSError(f"{host}: {exc}") from None
            addresses = tuple(dict.fromkeys(str(info[4][0]) for info in infos))
            if not addresses:
                raise DNSError(f"{host}: no address")
        if not self.allow_private:
            for address in addresses:
                if not is_public(address):
                    raise PrivateAddressError(host, address)
        return addresses
