"""``--suggest-archive``: a Wayback Machine snapshot for each dead link.

The availability API (``GET {api}?url=...`` answering
``{"archived_snapshots": {"closest": {"available": true, "url": ...}}}``) is
asked through the checker's own client, so the address guard, the per-host
cap and interval, and the cache apply to it like to any link.  Answers are
cached under ``wayback <url>``; a lookup that fails is simply not suggested.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable

from awesomelint.links.cache import LinkCache
from awesomelint.links.model import Outcome, Settings, Verdict
from awesomelint.links.urls import host_of

_BODY_CAP = 64 * 1024
_KEY = "wayback "


def _snapshot(data: object) -> str | None:
    """The snapshot URL of an availability answer, if it offers an http(s) one."""
    if not isinstance(data, dict):
        return None
    closest = (data.get("archived_snapshots") or {}).get("closest") or {}
    url = closest.get("url") if isinstance(closest, dict) else None
    if (
        closest.get("available")
        and isinstance(url, str)
        and url.startswith(("http://", "https://"))
    ):
        return url
    return None


async def snapshots(
    urls: Iterable[str], settings: Settings, cache: LinkCache | None = None
) -> dict[str, str]:
    """Snapshot URL per dead URL, for those the archive has."""
    wanted = list(dict.fromkeys(urls))
    found: dict[str, str] = {}
    if cache is not None:
        for key, outcome in cache.lookup(_KEY + url for url in wanted).items():
            if outcome.redirect_to:
                found[key.removeprefix(_KEY)] = outcome.redirect_to
            wanted.remove(key.removeprefix(_KEY))
    if not wanted:
        return found

    import httpx

    from awesomelint.links import transport
    from awesomelint.links.hostpool import HostPool
    from awesomelint.links.netguard import DNSError, PrivateAddressError, Resolver

    api = settings.archive_api
    host = host_of(api)
    resolver = Resolver(settings.allow_private, settings.timeout)
    pool = HostPool(settings)
    gate = asyncio.Semaphore(settings.max_concurrency)
    async with transport.make_client(settings, resolver) as client:

        async def ask(url: str) -> None:
            try:
                await resolver.resolve(host)
                async with pool.slot(host, gate), asyncio.timeout(settings.timeout):
                    request = client.build_request("GET", api, params={"url": url})
                    response = await client.send(request, stream=True)
                    try:
                        body = b""
                        async for chunk in response.aiter_bytes():
                            body += chunk
                            if len(body) > _BODY_CAP:
                                return
                        status = response.status_code
                    finally:
                        await response.aclose()
            except (httpx.HTTPError, TimeoutError, DNSError, PrivateAddressError, OSError):
                return
            if status != 200:
                return
            try:
                snapshot = _snapshot(json.loads(body))
            except ValueError:
                return
            if snapshot:
                found[url] = snapshot
            if cache is not None:
                cache.store(_KEY + url, Outcome(Verdict.OK, 200, redirect_to=snapshot))

        await asyncio.gather(*(ask(url) for url in wanted))
    return found
