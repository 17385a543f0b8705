"""The checking engine: links in, one result per distinct URL out.

Links are grouped by URL (fragment stripped, so each page is requested once),
answered from the cache when it knows them, and otherwise handed to the
fetcher, which runs them concurrently under the host pool.  httpx is imported
only when something must actually be requested, so a warm-cache run stays fast.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable, Iterable, Mapping

from awesomelint.links.cache import LinkCache
from awesomelint.links.fragments import has_fragment
from awesomelint.links.model import (
    HostStat,
    LinkLike,
    Occurrence,
    Outcome,
    Report,
    Result,
    Settings,
    Verdict,
)
from awesomelint.links.urls import host_of, invalid_reason, is_local_anchor, is_web, split_fragment


def _group(links: Iterable[LinkLike]) -> dict[tuple[str, str], list[Occurrence]]:
    """Occurrences per result key: (file, url) for same-file anchors, ("", url) otherwise."""
    groups: dict[tuple[str, str], list[Occurrence]] = {}
    for link in links:
        url = link.url.strip()
        if is_local_anchor(url):
            key = (link.file, url)
        elif is_web(url):
            key = ("", url)
        else:
            continue  # relative paths, mailto: and the like are not this checker's business
        groups.setdefault(key, []).append(Occurrence(link.file, link.line))
    return groups


def _compose(
    url: str, occurrences: list[Occurrence], outcome: Outcome, fragment: str, settings: Settings
) -> Result:
    """The result for a URL as written, from the outcome of its fragment-less form."""
    verdict, detail, redirect_to = outcome.verdict, outcome.detail, outcome.redirect_to
    if (
        fragment
        and settings.check_fragments
        and verdict in (Verdict.OK, Verdict.REDIRECTED)
        and outcome.anchors is not None
        and not has_fragment(fragment, outcome.anchors, host_of(outcome.final_url or url))
    ):
        verdict, detail = Verdict.DEAD, f"missing fragment #{fragment}"
        redirect_to = None
    if redirect_to and fragment and "#" not in redirect_to:
        redirect_to = f"{redirect_to}#{fragment}"
    return Result(
        url=url,
        verdict=verdict,
        occurrences=tuple(occurrences),
        status=outcome.status,
        redirect_to=redirect_to,
        detail=detail,
        chain=outcome.chain,
        cached=outcome.cached,
    )


def _static(url: str, settings: Settings, excluded: list[re.Pattern[str]]) -> Outcome | None:
    """A verdict that needs no request (malformed or excluded), else None."""
    reason = invalid_reason(url)
    if reason:
        return Outcome(Verdict.INVALID, detail=reason)
    if any(p.search(url) for p in excluded):
        return Outcome(Verdict.SKIPPED, detail="excluded")
    return None


async def check(
    links: Iterable[LinkLike],
    settings: Settings,
    *,
    anchors: Mapping[str, frozenset[str]] | None = None,
    cache: LinkCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Check every http(s) link and same-file anchor of ``links``.

    ``anchors`` maps a file to the anchors its headings make; ``cache`` is read
    before and written during the run (the caller flushes and closes it).
    """
    began = time.monotonic()
    excluded = [re.compile(p) for p in settings.exclude]
    groups = _group(links)
    outcomes: dict[str, Outcome] = {}
    want_anchors: dict[str, bool] = {}
    for (file, url), _occ in groups.items():
        if file:
            continue
        base, fragment = split_fragment(url)
        if base in outcomes:
            want_anchors[base] = want_anchors.get(base, False) or bool(fragment)
            continue
        static = _static(url, settings, excluded)
        if static is not None:
            outcomes[url] = static  # keyed by the URL as written: its base may be fine
            continue
        want_anchors[base] = want_anchors.get(base, False) or bool(fragment)
    if not settings.check_fragments:
        want_anchors = dict.fromkeys(want_anchors, False)
    pending = [base for base in want_anchors if base not in outcomes]
    if cache is not None:
        cacheable = [base for base in pending if not want_anchors[base]]
        outcomes.update(cache.lookup(cacheable))
        pending = [base for base in pending if base not in outcomes]

    requests = 0
    hosts: tuple[HostStat, ...] = ()
    if pending:
        # httpx is imported only when something must actually be requested
        from awesomelint.links import fetch, transport

        resolver = fetch.Resolver(settings.allow_private, settings.timeout)
        async with transport.make_client(settings, resolver) as client:
            checker = fetch.Checker(settings, client, resolver)
            done = 0

            async def one(base: str) -> None:
                nonlocal done
                try:
                    outcome = await checker.outcome(base, want_anchors[base])
                except Exception as exc:  # one odd URL must not sink the whole run
                    outcome = Outcome(Verdict.DEAD, detail=f"checker error: {exc!r}")
                outcomes[base] = outcome
                if cache is not None:
                    cache.store(base, outcome)
                done += 1
                if progress is not None:
                    progress(done, len(pending))

            try:
                async with asyncio.TaskGroup() as group:
                    for base in pending:
                        group.create_task(one(base))
            finally:
                requests = checker.requests
                hosts = tuple(checker.pool.stats())

    results: list[Result] = []
    for (file, url), occurrences in groups.items():
        if file:
            known = (anchors or {}).get(file)
            fragment = url[1:]
            if known is None:
                outcome = Outcome(Verdict.SKIPPED, detail="headings of this file are unknown")
            elif has_fragment(fragment, known):
                outcome = Outcome(Verdict.OK)
            else:
                outcome = Outcome(Verdict.DEAD, detail=f"no heading or anchor #{fragment}")
            results.append(_compose(url, occurrences, outcome, "", settings))
            continue
        base, fragment = split_fragment(url)
        outcome = outcomes.get(url) or outcomes[base]
        results.append(_compose(url, occurrences, outcome, fragment, settings))
    return Report(tuple(results), hosts, time.monotonic() - began, requests)
