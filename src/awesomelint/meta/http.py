"""Requests to the providers' APIs over the link checker's plumbing.

The client (``links.transport``: guarded connections, no env proxies), the
address guard (``links.netguard``: API roots are checked like any link, so a
loopback root needs ``--allow-private``) and the host pool
(``links.hostpool``: concurrency, minimum interval, ``Retry-After``) are the
link checker's own.  The pool is keyed by provider rather than by host:
rate limits are per API, and tests run every fake on one loopback host.
Bodies are read up to a cap; a failure that survives the retries raises
:class:`ProviderError`, which the resolver reports once per provider.
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from awesomelint import __version__
from awesomelint.links.decoding import BodyError, read_limited
from awesomelint.links.hostpool import HostPool, parse_retry_after
from awesomelint.links.model import HostSettings, Settings
from awesomelint.links.netguard import DNSError, PrivateAddressError, Resolver
from awesomelint.links.transport import make_client
from awesomelint.meta.config import PROVIDERS, MetaConfig

BODY_CAP = 16 * 1024 * 1024  # a batch of 100 arXiv abstracts is ~300 kB
_BACKOFF = frozenset({429, 503})
_TRANSIENT = frozenset({408, 429, 500, 502, 503, 504})
# Requests in flight per provider: arXiv asks for one connection at a time.
CONCURRENCY: dict[str, int] = {
    "arxiv": 1,
    "openreview": 2,
    "crossref": 1,
    "semanticscholar": 1,
    "github": 2,
}


class ProviderError(Exception):
    """A provider cannot be asked (down, refused, rate-limited, malformed answers)."""


@dataclass(frozen=True)
class ApiResponse:
    """A complete, bounded HTTP answer."""

    status: int
    headers: Mapping[str, str]
    body: bytes
    url: str

    def json(self) -> Any:
        """The body as JSON; ProviderError when it is not (a truncated answer, an HTML page)."""
        import json

        try:
            return json.loads(self.body)
        except ValueError as exc:
            raise ProviderError(f"malformed response from {self.url}: not JSON ({exc})") from None


class Api:
    """One run's client, resolver and pool, with per-provider request and id counters."""

    def __init__(self, conf: MetaConfig, allow_private: bool) -> None:
        hosts = tuple(
            (name, HostSettings(concurrency=CONCURRENCY[name], interval=conf.intervals[name]))
            for name in PROVIDERS
        )
        self.settings = Settings(
            timeout=conf.timeout,
            retries=conf.retries,
            allow_private=allow_private,
            user_agent=f"awesomelint/{__version__} (metadata check of an awesome list)",
            hosts=hosts,
            host_concurrency=2,
        )
        self.resolver = Resolver(allow_private, conf.timeout)
        self.client: httpx.AsyncClient = make_client(self.settings, self.resolver)
        self.pool = HostPool(self.settings)
        self.requests: Counter[str] = Counter()
        self.ids: Counter[str] = Counter()

    async def aclose(self) -> None:
        await self.client.aclose()

    async def _guard(self, provider: str, url: str) -> None:
        host = urlsplit(url).hostname or ""
        try:
            await self.resolver.resolve(host)
        except PrivateAddressError as exc:
            raise ProviderError(f"refused: {exc} (see --allow-private)") from None
        except DNSError as exc:
            raise ProviderError(f"unreachable: {exc}") from None
        except TimeoutError:
            raise ProviderError(f"unreachable: DNS lookup of {host} timed out") from None

    async def request(
        self,
        provider: str,
        method: str,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        ids: int = 0,
    ) -> ApiResponse:
        """One API call with retries on transient failures; redirects are the caller's."""
        await self._guard(provider, url)
        attempt = 0
        while True:
            answer = await self._attempt(provider, method, url, params, json, headers)
            if isinstance(answer, ApiResponse):
                self.ids[provider] += ids
                if answer.status in _BACKOFF:
                    self.pool.back_off(
                        provider, parse_retry_after(answer.headers.get("retry-after"))
                    )
                elif answer.status < 400:
                    self.pool.relax(provider)
                if answer.status not in _TRANSIENT:
                    return answer
                problem = f"HTTP {answer.status}"
            else:
                problem = answer
            if attempt >= self.settings.retries:
                if isinstance(answer, ApiResponse) and answer.status in _BACKOFF:
                    raise ProviderError(f"rate limited ({problem}) after {attempt + 1} tries")
                raise ProviderError(f"unreachable: {problem}")
            attempt += 1
            if not (isinstance(answer, ApiResponse) and answer.status in _BACKOFF):
                ceiling = min(self.settings.backoff_cap, self.settings.backoff_base * 2**attempt)
                await asyncio.sleep(random.uniform(ceiling / 2, ceiling))

    async def _attempt(
        self,
        provider: str,
        method: str,
        url: str,
        params: Mapping[str, str] | None,
        json: Any,
        headers: Mapping[str, str] | None,
    ) -> ApiResponse | str:
        """One exchange inside the provider's slot: the response, or what went wrong."""
        async with self.pool.slot(provider):
            self.requests[provider] += 1
            try:
                async with asyncio.timeout(self.settings.timeout):
                    request = self.client.build_request(
                        method, url, params=params, json=json, headers=headers
                    )
                    response = await self.client.send(request, stream=True)
                    try:
                        body = await _read(response)
                    finally:
                        await response.aclose()
            except (TimeoutError, httpx.TimeoutException):
                return f"no answer within {self.settings.timeout:g}s"
            except httpx.ConnectError as exc:
                return f"cannot connect: {exc}".rstrip(": ")
            except httpx.HTTPError as exc:
                return f"{type(exc).__name__}: {exc}"
        return ApiResponse(response.status_code, response.headers, body, str(request.url))


async def _read(response: httpx.Response) -> bytes:
    """The decoded body, bounded on the *decoded* bytes (httpx inflates a chunk whole: a
    2 KB ``gzip, gzip`` answer became 2 GB before any size check saw it)."""
    try:
        body = await read_limited(
            response.aiter_raw(), response.headers.get("content-encoding"), BODY_CAP
        )
    except BodyError as exc:  # not retried: the next answer would be as broken
        raise ProviderError(f"unreadable response from {response.url}: {exc}") from None
    if body.truncated:  # not retried: the next answer would be as large
        raise ProviderError(f"response from {response.url} larger than {BODY_CAP:,} bytes")
    return body.data
