"""Values of the link checker: what is checked, what it costs, what was found.

Frozen dataclasses only, so results can travel from the engine to the cache,
the reporters and ``--fix`` without anyone mutating them on the way.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Protocol

from awesomelint.model import Span


class Verdict(enum.StrEnum):
    """The one-word outcome of a link, ordered from good to bad in reports."""

    OK = "ok"
    REDIRECTED = "redirected"  # works, but moved permanently: switch to redirect_to
    SKIPPED = "skipped"  # excluded by config, or refused (private address)
    BLOCKED = "blocked"  # 401/403/429/999 that persist: bot walls, usually alive
    TIMEOUT = "timeout"
    FRAGMENT_MISSING = "fragment-missing"  # the page (or file) is there, its #anchor is not
    DEAD = "dead"
    INVALID = "invalid"  # malformed URL


#: Verdicts that make the run fail (exit 1); ``--strict`` adds STRICT_FAILING.
FAILING: frozenset[Verdict] = frozenset({Verdict.DEAD, Verdict.INVALID, Verdict.FRAGMENT_MISSING})
STRICT_FAILING: frozenset[Verdict] = frozenset({Verdict.BLOCKED, Verdict.TIMEOUT})
#: Verdicts worth a line in the report (ok and skipped only count in the summary).
REPORTED: frozenset[Verdict] = frozenset(
    {
        Verdict.REDIRECTED,
        Verdict.BLOCKED,
        Verdict.TIMEOUT,
        Verdict.FRAGMENT_MISSING,
        Verdict.DEAD,
        Verdict.INVALID,
    }
)


class LinkLike(Protocol):
    """What the checker needs of an extracted link (``awesomelint.extract.LinkRef``)."""

    @property
    def url(self) -> str: ...

    @property
    def file(self) -> str: ...

    @property
    def line(self) -> int: ...


@dataclass(frozen=True)
class Occurrence:
    """Where a URL was written: file as given and 1-based line."""

    file: str
    line: int

    @property
    def span(self) -> Span:
        """The same position as the one source-position type (a line, no end)."""
        return Span(self.file, self.line)


@dataclass(frozen=True)
class Hop:
    """One redirect: the status that answered ``url`` and where it pointed."""

    url: str
    status: int
    location: str


@dataclass(frozen=True)
class Outcome:
    """What the network said about one fragment-less URL (the unit that is requested once)."""

    verdict: Verdict
    status: int | None = None
    redirect_to: str | None = None
    detail: str = ""
    chain: tuple[Hop, ...] = ()
    final_url: str | None = None
    anchors: frozenset[str] | None = None  # ids/names of the page, when fragments are checked
    cached: bool = False
    elapsed: float = 0.0
    # "dns" or "connect" when no HTTP answer came at all: tells a dead host from a dead network
    failure: str = ""
    # a redirect to another host, left to the lane that owns it (worker processes only)
    hand_off: str = ""


@dataclass(frozen=True)
class Job:
    """One page to request: its URL without fragment, and whether its anchors are wanted.

    A job that goes on where another lane stopped (a redirect to a host that
    lane does not own) carries the hops so far and the page it answers for.
    """

    base: str
    anchors: bool
    chain: tuple[Hop, ...] = ()
    origin: str = ""  # the page this continuation answers for ("": ``base`` itself)


@dataclass(frozen=True)
class Result:
    """The verdict for one distinct URL as written, with every place it occurs."""

    url: str
    verdict: Verdict
    occurrences: tuple[Occurrence, ...]
    status: int | None = None
    redirect_to: str | None = None
    detail: str = ""
    chain: tuple[Hop, ...] = ()
    cached: bool = False
    archive: str | None = None  # a Wayback Machine snapshot of a dead link (--suggest-archive)

    @property
    def file(self) -> str:
        """The file of the first occurrence."""
        return self.occurrences[0].file

    @property
    def line(self) -> int:
        """The line of the first occurrence."""
        return self.occurrences[0].line


@dataclass(frozen=True)
class HostStat:
    """Summary line for one host: how many requests and how long they took on average."""

    host: str
    requests: int
    mean_seconds: float
    max_in_flight: int


@dataclass(frozen=True)
class Report:
    """Everything a run found: results in document order, host figures, counters."""

    results: tuple[Result, ...]
    hosts: tuple[HostStat, ...]
    elapsed: float
    requests: int
    # why no request could get out at all (every host failed DNS or connect), else ""
    network_down: str = ""


@dataclass(frozen=True)
class HostSettings:
    """Per-host overrides of politeness and headers (``[...links.hosts."example.org"]``)."""

    concurrency: int | None = None
    interval: float | None = None
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Settings:
    """Everything the engine needs to know, merged from defaults, config file and flags."""

    accept: frozenset[int] = frozenset(range(200, 300))
    exclude: tuple[str, ...] = ()
    timeout: float = 15.0
    retries: int = 2
    backoff_base: float = 0.5
    backoff_cap: float = 30.0
    retry_after_cap: float = 10.0  # longest honoured Retry-After; a host is never waited on longer
    block_after: int = 3  # refusals (429/503) after which a host's remaining URLs are blocked
    max_concurrency: int = 64
    host_concurrency: int = 4
    host_interval: float = 0.0
    max_redirects: int = 10
    user_agent: str = (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/124.0 Safari/537.36"
    )
    headers: tuple[tuple[str, str], ...] = ()
    hosts: tuple[tuple[str, HostSettings], ...] = ()
    get_only_hosts: frozenset[str] = frozenset()
    check_fragments: bool = True
    allow_private: bool = False
    github_token: str | None = field(default=None, repr=False)
    body_cap: int = 64 * 1024
    fragment_body_cap: int = 8 * 1024 * 1024
    root_dir: str | None = None  # where root-relative links (/docs/x.md) of local files point
    archive_api: str = "https://archive.org/wayback/available"

    def host(self, name: str) -> HostSettings:
        """The overrides for ``name`` (exact host, else its nearest configured parent domain)."""
        table = dict(self.hosts)
        parts = name.split(".")
        for i in range(len(parts)):
            found = table.get(".".join(parts[i:]))
            if found is not None:
                return found
        return HostSettings()
