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


# IPv6 ranges whose last 32 bits are an IPv4 address a packet ends up at.
_EMBEDS_IPV4 = tuple(
    ipaddress.IPv6Network(net)
    for net in (
        "::/96",  # IPv4-compatible (deprecated, RFC 4291): ::7f00:1 is 127.0.0.1
        "::ffff:0:0:0/96",  # IPv4-translated (SIIT, RFC 2765): ::ffff:0:7f00:1
        "64:ff9b::/96",  # NAT64 well-known prefix (RFC 6052): 64:ff9b::a00:1 is 10.0.0.1
    )
)
# Never public, whatever ipaddress's copy of the registry says on this Python.
_NEVER_PUBLIC = tuple(
    ipaddress.IPv6Network(net)
    for net in (
        "fec0::/10",  # site-local (deprecated, RFC 3879), still routed inside some sites
        "64:ff9b:1::/48",  # local-use NAT64 (RFC 8215): translates into private space
    )
)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, when it is one of the embedding forms."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if any(ip in net for net in _EMBEDS_IPV4):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def is_public(address: str) -> bool:
    """True when ``address`` is a globally routable unicast address.

    An IPv6 address that embeds an IPv4 one (mapped, compatible, translated,
    NAT64, 6to4, Teredo) is judged by the IPv4 address it reaches.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if any(ip in net for net in _NEVER_PUBLIC):
            return False
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            return is_public(str(embedded))
    return ip.is_global and not ip.is_multicast


def host_key(host: str) -> str:
    """One spelling per host: ``Example.org.`` and ``example.org`` are the same host.

    The per-host cap, interval and pools are keyed by this, so a trailing dot
    cannot double a host's share.
    """
    return host.lower().rstrip(".")


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
        host = host_key(host)
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
