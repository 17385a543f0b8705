"""Fetching upstream lists over HTTP, with a cache so a re-run works offline.

The fetch uses the link checker's network stack, so one policy holds for every
request the tool makes: each redirect hop is resolved and judged by
``links.netguard`` (a list URL must not make ``merge`` copy a cloud metadata
answer into the output), the connection goes only to the approved addresses,
the body is decoded under a bound whatever its ``Content-Encoding``, and
``timeout`` is a deadline on the whole fetch, not on each read.
"""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from awesomelint.errors import InputError
from awesomelint.fileio import TooLarge, atomic_write, read_limited
from awesomelint.links.urls import host_of, invalid_reason

if TYPE_CHECKING:
    import httpx

    from awesomelint.links.netguard import Resolver

MAX_LIST_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 10


class _Failed(Exception):
    """A fetch that did not produce a list; the cached copy may stand in."""


def _cache_file(url: str, cache_dir: Path) -> Path:
    return cache_dir / (hashlib.sha256(url.encode()).hexdigest()[:32] + ".md")


def fetch_list(
    url: str, cache_dir: Path, *, timeout: float = 30.0, allow_private: bool = False
) -> bytes:
    """The list at ``url``; the cached copy when the fetch fails; else ``InputError``.

    A URL refused by the address policy is an error even when a cached copy
    exists: the refusal is about what the user asked for, not about the network.
    """
    reason = invalid_reason(url)
    if reason:
        raise InputError(f"{url}: not a fetchable URL ({reason})")
    from awesomelint.links.netguard import PrivateAddressError

    cached = _cache_file(url, cache_dir)
    try:
        data = asyncio.run(_fetch(url, timeout, allow_private))
    except PrivateAddressError as exc:
        raise InputError(f"refused {url}: {exc} (see --allow-private)") from None
    except _Failed as exc:
        if cached.exists():
            import click

            data = _read_cached(cached, url, exc)
            click.echo(f"awesomelint: {url}: {exc}; using the cached copy {cached}", err=True)
            return data
        raise InputError(f"cannot fetch {url}: {exc}") from None
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(str(cached), data)
    except OSError:
        pass  # a cache we cannot write costs only the offline re-run
    return data


def _read_cached(cached: Path, url: str, failure: Exception) -> bytes:
    """The cached copy, under the same bound as a fetch: the cache directory is only a
    directory, and what was put there (a disk image, a device) must not be loaded whole."""
    if not cached.is_file():  # a FIFO would block the open, a device would never end
        raise InputError(
            f"cannot fetch {url}: {failure}, and the cached copy {cached} is not a regular file"
        )
    try:
        with cached.open("rb") as handle:
            return read_limited(handle, MAX_LIST_BYTES)
    except TooLarge:
        raise InputError(
            f"cannot fetch {url}: {failure}, and the cached copy {cached} is larger than "
            f"{MAX_LIST_BYTES} bytes, not a list"
        ) from None
    except OSError as exc:
        raise InputError(
            f"cannot fetch {url}: {failure}, and the cached copy {cached} cannot be read "
            f"({exc.strerror or exc})"
        ) from None


async def _fetch(url: str, timeout: float, allow_private: bool) -> bytes:
    """GET ``url`` following redirects by hand; every failure but a refusal is ``_Failed``."""
    import httpx

    from awesomelint.links.decoding import BodyError
    from awesomelint.links.model import Settings
    from awesomelint.links.netguard import DNSError, Resolver
    from awesomelint.links.transport import make_client

    settings = Settings(timeout=timeout, allow_private=allow_private, user_agent="awesomelint")
    resolver = Resolver(allow_private, timeout)
    try:
        async with asyncio.timeout(timeout), make_client(settings, resolver) as client:
            return await _follow(client, resolver, url)
    except TimeoutError:
        raise _Failed(f"no complete answer within {timeout:g}s") from None
    except DNSError as exc:
        raise _Failed(f"DNS failure: {exc}") from None
    except BodyError as exc:
        raise _Failed(str(exc)) from None
    except httpx.InvalidURL as exc:  # our URL passed invalid_reason: it is a Location
        raise _Failed(f"redirect to an unusable URL ({exc})") from None
    except httpx.HTTPError as exc:
        raise _Failed(f"{type(exc).__name__}: {exc}".rstrip(": ")) from None


async def _follow(client: httpx.AsyncClient, resolver: Resolver, url: str) -> bytes:
    from awesomelint.links.decoding import read_limited
    from awesomelint.links.fetch import REDIRECTS, redirect_target

    current, seen = url, {url}
    for _ in range(MAX_REDIRECTS + 1):
        await resolver.resolve(host_of(current))  # each hop: raises PrivateAddressError
        response = await client.send(client.build_request("GET", current), stream=True)
        try:
            status = response.status_code
            if status in REDIRECTS:
                location = (response.headers.get("location") or "").strip()
                target, reason = redirect_target(current, location)
                reason = reason if location else "no Location header"
                if reason:
                    raise _Failed(f"HTTP {status} redirect to an unusable URL ({reason})")
                if target in seen:
                    raise _Failed("redirect loop")
                seen.add(target)
                current = target
                continue
            if status != 200:
                raise _Failed(f"HTTP {status}")
            body = await read_limited(
                response.aiter_raw(), response.headers.get("content-encoding"), MAX_LIST_BYTES
            )
            if body.truncated:
                raise _Failed(f"larger than {MAX_LIST_BYTES} bytes decoded, not a list")
            return body.data
        finally:
            await response.aclose()
    raise _Failed(f"more than {MAX_REDIRECTS} redirects")
