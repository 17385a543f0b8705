"""``merge --metadata``: decide shared-id conflicts by what the id really is.

The dedupe engine keeps entries that share an id but have clearly different
titles apart, as a conflict.  With the resolved title of that id (and the
titles of its other versions: the title another id of the same entry has, or
the one an aggregator still knows) each side of the conflict is judged:
clusters whose titles match are one work and merge (a renamed paper merges),
the others are wrong links, kept apart and reported one by one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from awesomelint.dedupe import Candidate, Conflict, DedupeResult, Merge
from awesomelint.meta import ids as idmod
from awesomelint.meta.findings import known_titles, paper_title
from awesomelint.meta.match import DEFAULT_THRESHOLD, matches
from awesomelint.meta.model import Record

WRONG_LINK = "wrong-link"


@dataclass(frozen=True)
class Versions:
    """The titles one id is known by: the current one first."""

    key: str
    titles: tuple[str, ...]


def versions(
    key: str, candidates: Sequence[Candidate], records: Mapping[str, Sequence[Record]]
) -> Versions:
    """Titles of ``key``: its providers' titles, and those of the other ids its entries link
    when the entry's own title is that other id's title (the entry says both are one work)."""
    titles = list(known_titles(sorted(records.get(key, ()), key=_authority)))
    for candidate in candidates:
        for url in candidate.links:
            other = idmod.work_key(url)
            if other is None or other == key or idmod.kind(other) not in idmod.PAPER_KINDS:
                continue
            title = paper_title(records.get(other, ()))
            if title and matches(candidate.title, title):
                titles.append(title)
    return Versions(key, tuple(dict.fromkeys(titles)))


def _authority(record: Record) -> int:
    order = ("arxiv", "openreview", "crossref", "semanticscholar")
    return order.index(record.provider) if record.provider in order else len(order)


def decide(
    candidates: Sequence[Candidate],
    result: DedupeResult,
    records: Mapping[str, Sequence[Record]],
    threshold: float = DEFAULT_THRESHOLD,
) -> DedupeResult:
    """The dedupe result with its shared-id conflicts decided by the records."""
    by_index = {c.index: c for c in candidates}
    group_of = {index: n for n, group in enumerate(result.groups) for index in group}
    parent = list(range(len(result.groups)))

    def find(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    merges = list(result.merges)
    conflicts: list[Conflict] = []
    for conflict in result.conflicts:
        members = [by_index[i] for i in conflict.indices]
        known = versions(conflict.key, members, records)
        if not known.titles:
            conflicts.append(conflict)  # nothing known: as undecided as before
            continue
        right, wrong = [], []
        for cluster in conflict.clusters:
            titles = [by_index[i].title for i in cluster]
            fits = any(matches(t, k, threshold) for t in titles for k in known.titles)
            (right if fits else wrong).append(cluster)
        for cluster in right[1:]:
            a, b = find(group_of[right[0][0]]), find(group_of[cluster[0]])
            if a != b:
                parent[max(a, b)] = min(a, b)
                into, from_ = sorted((right[0][0], cluster[0]))
                merges.append(Merge(into, from_, f"same-{idmod.kind(conflict.key)}-id metadata"))
        for cluster in wrong:
            conflicts.append(
                Conflict(
                    indices=cluster,
                    url=conflict.url,
                    key=conflict.key,
                    clusters=(cluster,),
                    reason=f'{WRONG_LINK}: {conflict.key} is "{known.titles[0]}"',
                )
            )
    joined: dict[int, list[int]] = {}
    for n, group in enumerate(result.groups):
        joined.setdefault(find(n), []).extend(group)
    groups = tuple(sorted((tuple(sorted(g)) for g in joined.values()), key=lambda g: g[0]))
    return DedupeResult(
        groups=groups,
        merges=tuple(sorted(merges, key=lambda m: (m.into, m.from_))),
        conflicts=tuple(sorted(conflicts, key=lambda c: c.indices)),
    )


def conflict_keys(candidates: Sequence[Candidate], result: DedupeResult) -> list[str]:
    """The ids to resolve: each conflict's key and the other paper ids its entries link."""
    by_index = {c.index: c for c in candidates}
    keys: list[str] = []
    for conflict in result.conflicts:
        keys.append(conflict.key)
        for index in conflict.indices:
            for url in by_index[index].links:
                key = idmod.work_key(url)
                if key is not None and idmod.kind(key) in idmod.PAPER_KINDS:
                    keys.append(key)
    return list(dict.fromkeys(k for k in keys if idmod.kind(k) in idmod.PAPER_KINDS))


def metadata_decider(
    config_start: str, allow_private: bool, warn: Callable[[str], None]
) -> Callable[[Sequence[Candidate], DedupeResult], DedupeResult]:
    """The hook ``merge_documents`` calls: resolve the conflicts' ids (cache first), decide.

    Config (API roots, cache) is found from ``config_start`` like ``meta`` finds it.
    A provider that is down leaves its conflicts undecided, with one warning.
    """
    from awesomelint.config import find_config
    from awesomelint.meta.config import LABELS, meta_config

    conf = meta_config(find_config(config_start))

    def run(candidates: Sequence[Candidate], result: DedupeResult) -> DedupeResult:
        keys = conflict_keys(candidates, result)
        if not keys:
            return result
        from awesomelint.meta.cache import open_cache
        from awesomelint.meta.resolver import Session

        cache = open_cache(None, conf.cache, conf.max_cache_age, warn)

        async def resolve() -> Mapping[str, Sequence[Record]]:
            session = Session(conf, allow_private, cache)
            try:
                resolution = await session.resolve(keys)
            finally:
                await session.aclose()
            for provider, reason in sorted(resolution.down.items()):
                warn(f"{LABELS[provider]}: {reason}; its conflicts stay undecided")
            return resolution.records

        try:
            records = asyncio.run(resolve())
        finally:
            if cache is not None:
                cache.close()
        return decide(candidates, result, records, conf.title_threshold)

    return run
