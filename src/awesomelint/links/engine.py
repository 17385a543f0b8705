"""The checking engine: one bounded stream from extracted links to one result per URL.

Links are consumed as they come.  Each distinct page (the URL without its
fragment) is requested once: malformed and excluded URLs are decided on the
spot, known ones come from the cache (looked up in batches), and the rest
flow into the lanes' bounded queues (``lanes``), so extraction and checking
overlap and memory does not grow with the list.  Same-file anchors and local
file links are decided offline.  httpx is imported only when something must
actually be requested, and a run the cache answers whole needs no event loop
(``Checking.offline``), so a warm re-run costs little more than reading the lists.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from awesomelint.errors import AwesomelintError
from awesomelint.links.cache import LinkCache
from awesomelint.links.fragments import has_fragment
from awesomelint.links.model import (
    HostStat,
    Job,
    LinkLike,
    Occurrence,
    Outcome,
    Report,
    Result,
    Settings,
    Verdict,
)
from awesomelint.links.urls import host_of, invalid_reason, is_local_anchor, is_web, split_fragment
from awesomelint.local_links import check_local, is_local, markdown_anchors

_BATCH = 256
_TICK = 0.5  # seconds between progress redraws while nothing finishes
_EXCLUDE_TIMEOUT = 0.5  # seconds one exclude pattern may spend on one URL

#: ``progress(done, total, waiting)``: ``waiting`` are the oldest URLs still in flight.
Progress = Callable[[int, int, Sequence[str]], None]


class PatternTimeout(AwesomelintError):
    """A user's exclude pattern backtracks without end on some URL."""


class _Excluder:
    """The user's exclude patterns, run with a time bound (``regex``'s ``timeout``).

    A pattern such as ``(a|aa)+$`` backtracks exponentially; a link checker
    must not hang on its own configuration.
    """

    def __init__(self, patterns: Sequence[str]) -> None:
        self._compiled: list[Any] = []
        self.active = bool(patterns)
        if patterns:
            import regex

            self._compiled = [regex.compile(p) for p in patterns]
            self._patterns = list(patterns)

    def __call__(self, url: str) -> bool:
        for index, pattern in enumerate(self._compiled):
            try:
                if pattern.search(url, timeout=_EXCLUDE_TIMEOUT):
                    return True
            except TimeoutError:
                raise PatternTimeout(
                    f"exclude pattern {self._patterns[index]!r} ran longer than "
                    f"{_EXCLUDE_TIMEOUT:g}s on {url}: simplify it (nested repetition backtracks)"
                ) from None
        return False


def _static(url: str, excluded: _Excluder) -> Outcome | None:
    """A verdict that needs no request (malformed or excluded), else None."""
    reason = invalid_reason(url)
    if reason:
        return Outcome(Verdict.INVALID, detail=reason)
    if excluded.active and excluded(url):
        return Outcome(Verdict.SKIPPED, detail="excluded")
    return None


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
        and not has_fragment(fragment, outcome.anchors)
        # only then the host, for GitHub's line anchors: taking URLs apart costs
        and not has_fragment(fragment, outcome.anchors, host_of(outcome.final_url or url))
    ):
        verdict, detail = Verdict.FRAGMENT_MISSING, f"missing fragment #{fragment}"
    if redirect_to and fragment and "#" not in redirect_to:
        redirect_to = f"{redirect_to}#{fragment}"
    return Result(  # positional: a warm run builds one per URL, keywords cost half again
        url,
        verdict,
        tuple(occurrences),
        outcome.status,
        redirect_to,
        detail,
        outcome.chain,
        outcome.cached,
    )


def network_down(answers: Iterable[tuple[str, Outcome]]) -> str:
    """Why no request got out at all, or "" when some server answered.

    ``answers`` are (URL, outcome) of the requests of a run.  One host that
    does not resolve is a dead link; every host failing, two or more of
    them, is a runner without network, and calling the whole list dead
    would be a lie.
    """
    answers = list(answers)
    if not answers:
        return ""
    from awesomelint.links.lanes import failure_kind  # lanes brings asyncio: only if asked

    kinds: set[str] = set()
    hosts: set[str] = set()
    for url, outcome in answers:
        kind = failure_kind(outcome)
        if not kind:
            if outcome.status is not None or outcome.verdict is Verdict.TIMEOUT:
                return ""
            continue
        kinds.add(kind)
        hosts.add(host_of(url))
    if len(hosts) < 2:
        return ""
    if kinds == {"dns"}:
        return f"none of {len(hosts)} host names resolved"
    if kinds == {"connect"}:
        return f"none of {len(hosts)} hosts could be reached"
    return f"none of {len(hosts)} hosts resolved or could be reached"


class _Stream:
    """The bookkeeping of one run: links in, jobs out (``outbox``), answers in, results out.

    It never waits: whoever drives it sends the jobs it leaves in ``outbox``,
    so a run that the cache answers whole needs no event loop at all.
    """

    def __init__(
        self,
        settings: Settings,
        anchors: Mapping[str, frozenset[str]],
        cache: LinkCache | None,
    ) -> None:
        self.settings = settings
        self.anchors = anchors
        self.cache = cache
        self.progress: Progress | None = None
        self.excluded = _Excluder(settings.exclude)
        self.groups: dict[tuple[str, str], list[Occurrence]] = {}
        self.outcomes: dict[str, Outcome] = {}  # by URL as written (static) or by page
        self.with_anchors: dict[str, Outcome] = {}  # pages read for their anchors
        self.sent: dict[str, bool] = {}  # page -> anchors asked for
        self.local: dict[tuple[str, str], Outcome] = {}
        self.fetched: list[tuple[str, Outcome]] = []
        self.waiting: dict[str, float] = {}  # page -> when it was handed to a lane
        self.batched: dict[str, None] = {}  # pages not yet looked up, in order
        self.outbox: list[Job] = []  # pages the cache could not answer, to request
        self._file_anchors: dict[str, frozenset[str] | None] = {}
        self.done = 0
        self.total = 0
        self.network_seen = False

    # -- feeding -----------------------------------------------------------------------------

    def feed(self, link: LinkLike) -> None:
        # the hot loop of a warm run: web links (nearly all) are told apart first
        url = link.url.strip()
        file = link.file
        if is_web(url):
            key = ("", url)
        elif is_local_anchor(url):
            key = (file, url)
        elif is_local(url):
            key = (file, url)
            if key not in self.local:
                self.local[key] = self._check_local(url, file)
        else:
            return  # mailto:, ftp: and the like are not this checker's business
        occurrence = Occurrence(file, link.line)
        occurrences = self.groups.get(key)
        if occurrences is None:
            self.groups[key] = [occurrence]
        else:
            occurrences.append(occurrence)
        if not key[0]:
            self._want(url)

    def _want(self, url: str) -> None:
        """Make sure the page of ``url`` is (being) checked, with anchors if it has a fragment.

        New pages wait in a small batch: the batch is looked up in the cache
        at once, and a fragment seen meanwhile turns the page's request into
        one that reads its ids, not a second request.
        """
        base, fragment = split_fragment(url)
        anchors = bool(fragment) and self.settings.check_fragments
        asked = self.sent.get(base)
        if asked is not None:
            if anchors and not asked:  # first seen bare; a fragment needs the page's ids
                self.sent[base] = True
                self._batch(base)  # the cache may hold them; else one request reads them
            return
        if url not in self.outcomes:
            static = _static(url, self.excluded)
            if static is not None:
                self.outcomes[url] = static  # keyed by the URL as written: its base may be fine
                return
        self.sent[base] = anchors
        self._batch(base)

    def _batch(self, base: str) -> None:
        self.batched[base] = None
        if len(self.batched) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        """Answer the batch from the cache where it can; the rest goes to ``outbox``."""
        if not self.batched:
            return
        batch = list(self.batched)
        self.batched.clear()
        found: dict[str, Outcome] = {}
        if self.cache is not None:
            found = self.cache.lookup(batch, {base for base in batch if self.sent[base]})
        for base in batch:
            hit = found.get(base)
            if hit is None:
                self.outbox.append(Job(base, self.sent[base]))
            else:
                self._keep(base, self.sent[base], hit)

    def take(self) -> list[Job]:
        """The jobs to send now; each is counted as pending until its answer comes."""
        jobs, self.outbox = self.outbox, []
        now = time.monotonic()
        for job in jobs:
            self.total += 1
            self.waiting[job.base] = now
        if jobs:
            self._show()
        return jobs

    def _check_local(self, url: str, file: str) -> Outcome:
        found = check_local(url, file, self.settings.root_dir, self._anchors_of)
        verdict = Verdict(found.verdict)
        return Outcome(verdict, detail=found.detail)

    def _anchors_of(self, path: str) -> frozenset[str] | None:
        if path not in self._file_anchors:
            known = {str(k): v for k, v in self.anchors.items()}
            self._file_anchors[path] = known.get(path) or markdown_anchors(path)
        return self._file_anchors[path]

    # -- answers -----------------------------------------------------------------------------

    def _keep(self, base: str, anchors: bool, outcome: Outcome) -> None:
        if anchors:
            self.with_anchors[base] = outcome
        if not anchors or base not in self.outcomes:
            self.outcomes[base] = outcome

    def answer(self, job: Job, outcome: Outcome) -> None:
        """One finished request, in whichever lane it ran."""
        self._keep(job.base, job.anchors, outcome)
        if not self.network_seen:  # once one server answered, the network is up
            self.fetched.append((job.base, outcome))
            self.network_seen = outcome.status is not None
        self.waiting.pop(job.base, None)
        if self.cache is not None:
            self.cache.store(job.base, outcome, read=job.anchors)
        self.done += 1
        self._show()

    def _show(self) -> None:
        if self.progress is not None:
            oldest = list(itertools.islice(self.waiting, 3))  # dicts keep insertion order
            self.progress(self.done, self.total, oldest)

    async def tick(self) -> None:
        """Redraw now and then, so a stalled run shows which URLs it waits for."""
        import asyncio

        while True:
            await asyncio.sleep(_TICK)
            self._show()

    # -- results -----------------------------------------------------------------------------

    def results(self) -> list[Result]:
        results: list[Result] = []
        for (file, url), occurrences in self.groups.items():
            if file and url.startswith("#"):
                known = self.anchors.get(file)
                if known is None:
                    outcome = Outcome(Verdict.SKIPPED, detail="headings of this file are unknown")
                elif has_fragment(url[1:], known):
                    outcome = Outcome(Verdict.OK)
                else:
                    outcome = Outcome(Verdict.DEAD, detail=f"no heading or anchor {url}")
                results.append(_compose(url, occurrences, outcome, "", self.settings))
                continue
            if file:
                results.append(
                    _compose(url, occurrences, self.local[(file, url)], "", self.settings)
                )
                continue
            base, fragment = split_fragment(url)
            outcome = self.outcomes.get(url) or self.outcomes[base]
            if fragment and base in self.with_anchors and url not in self.outcomes:
                outcome = self.with_anchors[base]
            results.append(_compose(url, occurrences, outcome, fragment, self.settings))
        return results


class Checking:
    """One run of the checker over ``links`` (which may be a generator).

    ``offline()`` consumes links for as long as no request is needed (local
    links, anchors, cache hits): when that covers every link the report
    comes without an event loop, an HTTP client or even the import of
    httpx, which is what a warm re-run is.  Otherwise ``run()`` goes on
    where ``offline()`` stopped, with requests.
    """

    def __init__(
        self,
        links: Iterable[LinkLike],
        settings: Settings,
        *,
        anchors: Mapping[str, frozenset[str]] | None = None,
        cache: LinkCache | None = None,
    ) -> None:
        self._began = time.monotonic()
        self._links: Iterator[LinkLike] = iter(links)
        self._settings = settings
        self._stream = _Stream(settings, anchors if anchors is not None else {}, cache)

    def offline(self) -> Report | None:
        """The report when no link needs a request, else None (``run()`` then goes on)."""
        stream = self._stream
        for link in self._links:
            stream.feed(link)
            if stream.outbox:
                return None
        stream.flush()
        if stream.outbox:
            return None
        return self._report((), 0)

    async def run(self, progress: Progress | None = None, processes: int = 1) -> Report:
        """Check what ``offline()`` left, requesting pages through the lanes."""
        import asyncio

        from awesomelint.links.lanes import Lanes

        stream = self._stream
        stream.progress = progress
        lanes = Lanes(self._settings, stream.answer, processes)
        ticker = asyncio.ensure_future(stream.tick()) if progress is not None else None
        try:
            await lanes.start()
            for job in stream.take():
                await lanes.submit(job)
            for count, link in enumerate(self._links):
                stream.feed(link)
                for job in stream.take():
                    await lanes.submit(job)
                if count % 512 == 511:
                    await asyncio.sleep(0)  # let answers in while a long list is read
            stream.flush()
            for job in stream.take():
                await lanes.submit(job)
            await lanes.finish()
        except BaseException:
            await lanes.cancel()
            raise
        finally:
            if ticker is not None:
                ticker.cancel()
        return self._report(lanes.hosts, lanes.requests)

    def _report(self, hosts: tuple[HostStat, ...], requests: int) -> Report:
        stream = self._stream
        return Report(
            tuple(stream.results()),
            hosts,
            time.monotonic() - self._began,
            requests,
            network_down(stream.fetched),
        )


async def check(
    links: Iterable[LinkLike],
    settings: Settings,
    *,
    anchors: Mapping[str, frozenset[str]] | None = None,
    cache: LinkCache | None = None,
    progress: Progress | None = None,
    processes: int = 1,
) -> Report:
    """Check every http(s) link, same-file anchor and local file link of ``links``.

    ``links`` may be a generator: it is consumed while requests run.
    ``anchors`` maps a file to its anchors (``awesomelint.anchors``); ``cache``
    is read before and written during the run (the caller flushes and closes
    it); ``processes`` > 1 spreads the hosts over that many worker processes.
    """
    checking = Checking(links, settings, anchors=anchors, cache=cache)
    report = checking.offline()
    if report is not None:
        return report
    return await checking.run(progress, processes)
