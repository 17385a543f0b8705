"""Identifiers in, records out: the cache first, then each provider in batches.

Providers run concurrently; each one's batches go through the host pool,
which enforces its interval, concurrency and ``Retry-After``.  A provider
that fails (after retries) is marked down: its remaining batches are not
sent, and the caller reports it once with the number of entries left
unchecked.  Each finished batch is committed to the cache on its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from awesomelint.meta.cache import MetaCache
from awesomelint.meta.config import MetaConfig
from awesomelint.meta.http import ProviderError
from awesomelint.meta.model import Record
from awesomelint.meta.providers import make
from awesomelint.meta.providers.base import Provider

if TYPE_CHECKING:
    from awesomelint.meta.http import Api

SEARCH = "semanticscholar-search"


@dataclass
class Resolution:
    """Records per key (one per provider that knows it) and the providers that failed."""

    records: dict[str, list[Record]] = field(default_factory=dict)
    down: dict[str, str] = field(default_factory=dict)  # provider -> reason
    unanswered: dict[str, set[str]] = field(default_factory=dict)  # provider -> keys
    cached: int = 0

    def add(self, record: Record) -> None:
        self.records.setdefault(record.key, []).append(record)


class Session:
    """One run's providers, cache and (lazily opened) HTTP client."""

    def __init__(self, conf: MetaConfig, allow_private: bool, cache: MetaCache | None) -> None:
        self.conf = conf
        self.allow_private = allow_private
        self.cache = cache
        self.providers: list[Provider] = [make(name, conf.roots[name]) for name in conf.providers]
        self._api: Api | None = None
        self.resolution = Resolution()

    def api(self) -> Api:
        """The client, created on the first request: a warm run opens no connection."""
        if self._api is None:
            from awesomelint.meta.http import Api

            self._api = Api(self.conf, self.allow_private)
        return self._api

    @property
    def requests(self) -> dict[str, int]:
        return dict(self._api.requests) if self._api else {}

    @property
    def ids_sent(self) -> dict[str, int]:
        return dict(self._api.ids) if self._api else {}

    async def aclose(self) -> None:
        if self._api is not None:
            await self._api.aclose()

    async def resolve(self, keys: Iterable[str]) -> Resolution:
        """Ask every enabled provider about the keys it accepts."""
        wanted = list(dict.fromkeys(keys))
        jobs = []
        for provider in self.providers:
            mine = [k for k in wanted if provider.accepts(k)]
            if self.cache is not None and mine:
                known = self.cache.lookup(provider.name, mine)
                for record in known.values():
                    self.resolution.add(record)
                self.resolution.cached += len(known)
                mine = [k for k in mine if k not in known]
            if mine:
                jobs.append(self._run(provider, mine))
        await asyncio.gather(*jobs)
        return self.resolution

    async def _run(self, provider: Provider, keys: Sequence[str]) -> None:
        batches = [keys[i : i + provider.batch] for i in range(0, len(keys), provider.batch)]
        left = set(keys)

        async def one(batch: Sequence[str]) -> None:
            if provider.name in self.resolution.down:
                return
            try:
                records = await provider.fetch(self.api(), batch)
            except ProviderError as exc:
                self.resolution.down.setdefault(provider.name, str(exc))
                return
            except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
                reason = f"malformed response from the {provider.name} API ({exc!r})"
                self.resolution.down.setdefault(provider.name, reason)
                return
            if provider.name in self.resolution.down:
                return  # the provider failed meanwhile: keep the run's view consistent
            for record in records:
                self.resolution.add(record)
                left.discard(record.key)
            if self.cache is not None:
                self.cache.store(records)

        # As many workers as the provider allows requests in flight, each taking the next
        # batch only while the provider is up: a failure stops the rest from being sent.
        from awesomelint.meta.http import CONCURRENCY

        queue = list(reversed(batches))

        async def worker() -> None:
            while queue and provider.name not in self.resolution.down:
                await one(queue.pop())

        await asyncio.gather(*(worker() for _ in range(CONCURRENCY.get(provider.name, 1))))
        if left:
            self.resolution.unanswered[provider.name] = left

    async def search(self, titles: dict[str, str]) -> dict[str, Record]:
        """Title searches (key -> listed title) on Semantic Scholar, cached by title."""
        from awesomelint.titles import normalise_title

        provider = next((p for p in self.providers if p.name == "semanticscholar"), None)
        if provider is None or provider.name in self.resolution.down or not titles:
            return {}
        keys = {f"search:{normalise_title(t)}": t for t in titles.values()}
        found: dict[str, Record] = {}
        if self.cache is not None:
            found.update(self.cache.lookup(SEARCH, keys))
        for key, title in keys.items():
            if key in found or provider.name in self.resolution.down:
                continue
            try:
                record = await provider.search(self.api(), key, title)  # type: ignore[attr-defined]
            except ProviderError as exc:
                self.resolution.down.setdefault(provider.name, str(exc))
                break
            found[key] = record
            if self.cache is not None:
                self.cache.store([record])
        return {entry: found[k] for entry, t in titles.items() if (k := _search_key(t)) in found}


def _search_key(title: str) -> str:
    from awesomelint.titles import normalise_title

    return f"search:{normalise_title(title)}"
