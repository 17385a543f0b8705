"""From entries and provider records to findings: pure functions, no I/O.

==================  =======  ====================================================
rule                level    when
==================  =======  ====================================================
``wrong-paper``     error    the listed title is not the title of the linked paper
``withdrawn``       error    the paper was withdrawn
``repo-missing``    error    the repository is gone (deleted, or never existed)
``repo-moved``      warning  the repository answers under another owner/name (fixable)
``repo-archived``   warning  the repository is archived (read-only)
``title-drift``     warning  the paper was renamed: the listed title is the one another of
                             its ids has, or an earlier one a provider still knows
                             (review); ``info`` and opt-in when the list
                             only abbreviates (fix: the current title, ``--fix-titles``)
``published``       info     a preprint now has a venue the entry does not name
``repo-stale``      info     no push for ``stale-days`` (default 730)
==================  =======  ====================================================
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from awesomelint.meta import ids as idmod
from awesomelint.meta.match import compare, similarity
from awesomelint.meta.model import Finding, Fix, Level, Record
from awesomelint.model import Entry

RULES: dict[str, tuple[Level, str]] = {
    "wrong-paper": ("error", "The link points at another paper than the listed title."),
    "withdrawn": ("error", "The linked paper was withdrawn."),
    "repo-missing": ("error", "The linked repository does not exist (deleted or never made)."),
    "repo-moved": ("warning", "The repository moved to another owner or name: switch to it."),
    "repo-archived": ("warning", "The repository is archived: no longer maintained."),
    "title-drift": ("warning", "The listed title is not the paper's current title."),
    "published": ("info", "The preprint was published; the entry names no or another venue."),
    "repo-stale": ("info", "The repository has not been pushed to for a long time."),
}
FAILING: frozenset[str] = frozenset({"error", "warning"})
# Providers that know titles, most authoritative first (Semantic Scholar only as a fallback).
_TITLE_ORDER = ("arxiv", "openreview", "crossref", "semanticscholar")
_VENUE_ORDER = ("openreview", "crossref", "arxiv", "semanticscholar")
_NOT_VENUE = frozenset(
    {"arxiv", "pdf", "paper", "code", "github", "openreview", "preprint", "abs", "html", "blog"}
    | {"website", "project", "page", "video", "slides", "link"}
)
# Words venue names share that their acronyms leave out (EMNLP, not CEMNLP).
_GENERIC_VENUE_WORDS = frozenset(
    {"conference", "proceedings", "annual", "meeting", "international", "workshop", "journal"}
    | {"association", "symposium", "findings", "transactions"}
)
_WORD = re.compile(r"[^\W\d_]+")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


@dataclass(frozen=True)
class Options:
    """What the command asks for."""

    threshold: float = 90.0
    stale_days: int = 730
    title_drift: bool = False
    today: dt.date | None = None


def pick(records: Sequence[Record], order: Sequence[str], want: str) -> Record | None:
    """The first found record in provider ``order`` with a non-empty field ``want``."""
    by_provider = {r.provider: r for r in records if r.found}
    for name in order:
        record = by_provider.get(name)
        if record is not None and getattr(record, want):
            return record
    return None


def paper_title(records: Sequence[Record]) -> str:
    """The paper's title by the most authoritative provider, '' if none knows it."""
    record = pick(records, _TITLE_ORDER, "title")
    return record.title if record else ""


def known_titles(records: Sequence[Record]) -> tuple[str, ...]:
    """Every title providers give for one id (an aggregator may still know an older one)."""
    return tuple(dict.fromkeys(r.title for r in records if r.found and r.title))


def _venue_words(text: str) -> set[str]:
    words = {w.casefold() for w in _WORD.findall(text)} - _NOT_VENUE
    return {w for w in words if len(w) >= 3}


def _acronym(venue: str) -> str:
    from awesomelint.titles import STOPWORDS

    words = [
        w for w in _WORD.findall(venue) if w.casefold() not in STOPWORDS | _GENERIC_VENUE_WORDS
    ]
    return "".join(w[0] for w in words if w[0].isupper()).casefold()


def entry_venue(entry: Entry) -> str:
    """What venue the entry names, from its tags and link labels ('' if none)."""
    parts = [t.text for t in entry.tags if t.kind == "venue"]
    parts.append(entry.url_label)
    parts.extend(link.label for link in entry.links)
    return " ".join(p for p in parts if _venue_words(p))


def same_venue(listed: str, resolved: str) -> bool:
    """Do the listed and resolved venues share a word or an acronym?"""
    words = _venue_words(listed)
    return bool(words & (_venue_words(resolved) | {_acronym(resolved)}))


def escape_title(title: str) -> str:
    """A title safe inside link text or bold markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", title)


def _where(entry: Entry) -> tuple[str, int]:
    return entry.source.file, entry.source.line


def paper_findings(
    entry: Entry,
    idents: Sequence[idmod.Ident],
    records: Mapping[str, Sequence[Record]],
    options: Options,
) -> list[Finding]:
    """wrong-paper, title-drift, withdrawn, published for one entry."""
    papers = [i for i in idents if idmod.kind(i.key) in idmod.PAPER_KINDS]
    if not papers:
        return []
    file, line = _where(entry)
    found: list[Finding] = []
    verdicts: dict[str, str] = {}
    titles: dict[str, str] = {}
    earlier: dict[str, str] = {}  # key -> the older title, known to another provider
    for ident in papers:
        known = records.get(ident.key, ())
        title = paper_title(known)
        if title:
            titles[ident.key] = title
            verdicts[ident.key] = compare(entry.title, title, options.threshold)
            if verdicts[ident.key] == "different":
                older = [t for t in known_titles(known) if t != title]
                hit = next((t for t in older if compare(entry.title, t) == "same"), None)
                if hit is not None:
                    earlier[ident.key] = hit
    head = papers[0]
    if head.key in earlier:
        found.append(
            Finding(
                "title-drift",
                "warning",
                file,
                line,
                f'renamed? "{entry.title}" is an earlier title of {head.key}; it is now'
                f' "{titles[head.key]}" (review)',
                url=head.url,
                key=head.key,
                fix=Fix(file, line, entry.title, escape_title(titles[head.key]), kind="title"),
            )
        )
    elif verdicts:
        matching = [k for k, v in verdicts.items() if v in ("same", "abbreviated")]
        matching += [k for k in earlier if k not in matching]
        if not matching and all(v != "unknown" for v in verdicts.values()):
            key = head.key if head.key in titles else next(iter(titles))
            ident = next(i for i in papers if i.key == key)
            found.append(
                Finding(
                    "wrong-paper",
                    "error",
                    file,
                    line,
                    f'{key} is "{titles[key]}", not "{entry.title}"',
                    url=ident.url,
                    key=key,
                )
            )
        elif head.key in verdicts and verdicts[head.key] == "different" and matching:
            other = matching[0]
            found.append(
                Finding(
                    "title-drift",
                    "warning",
                    file,
                    line,
                    f'renamed? "{entry.title}" is the title of {other}; {head.key} is now'
                    f' "{titles[head.key]}" (review)',
                    url=head.url,
                    key=head.key,
                )
            )
        elif options.title_drift and verdicts.get(head.key) == "abbreviated":
            current = titles[head.key]
            found.append(
                Finding(
                    "title-drift",
                    "info",
                    file,
                    line,
                    f'{head.key} is titled "{current}"',
                    url=head.url,
                    key=head.key,
                    fix=Fix(file, line, entry.title, escape_title(current), kind="title"),
                )
            )
        for ident in papers[1:]:
            if verdicts.get(ident.key) == "different" and verdicts.get(head.key) == "same":
                found.append(
                    Finding(
                        "wrong-paper",
                        "error",
                        file,
                        line,
                        f'the link {ident.url} is "{titles[ident.key]}", not "{entry.title}"',
                        url=ident.url,
                        key=ident.key,
                    )
                )
    for ident in papers:
        withdrawn = next((r for r in records.get(ident.key, ()) if r.found and r.withdrawn), None)
        if withdrawn is not None:
            found.append(
                Finding(
                    "withdrawn",
                    "error",
                    file,
                    line,
                    f"{ident.key} was withdrawn ({withdrawn.provider})",
                    url=ident.url,
                    key=ident.key,
                )
            )
    if idmod.kind(head.key) in ("arxiv", "openreview") and verdicts.get(head.key) != "different":
        venue_record = pick(records.get(head.key, ()), _VENUE_ORDER, "venue")
        if venue_record is not None:
            listed = entry_venue(entry)
            resolved = venue_record.venue
            year = f" {venue_record.year}" if venue_record.year else ""
            if not listed:
                message = f"{head.key} is published: {resolved}{year}"
            elif not same_venue(listed, resolved):
                message = f'{head.key} is published in {resolved}{year}, listed as "{listed}"'
            else:
                message = ""
            if message:
                found.append(
                    Finding("published", "info", file, line, message, url=head.url, key=head.key)
                )
    return found


def _days_since(stamp: str, today: dt.date) -> int | None:
    try:
        when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).date()
    except ValueError:
        return None
    return (today - when).days


def repo_findings(
    entry: Entry,
    idents: Sequence[idmod.Ident],
    records: Mapping[str, Sequence[Record]],
    options: Options,
) -> list[Finding]:
    """repo-missing, repo-moved, repo-archived, repo-stale for one entry."""
    file, line = _where(entry)
    today = options.today or dt.date.today()
    found: list[Finding] = []
    for ident in idents:
        if idmod.kind(ident.key) not in idmod.REPO_KINDS:
            continue
        record = next((r for r in records.get(ident.key, ()) if r.provider == "github"), None)
        if record is None:
            continue
        name = idmod.value(ident.key)
        if not record.found:
            found.append(
                Finding(
                    "repo-missing",
                    "error",
                    file,
                    line,
                    f"{name} does not exist",
                    url=ident.url,
                    key=ident.key,
                )
            )
            continue
        if record.name.casefold() != name.casefold():
            new = f"https://github.com/{record.name}"
            found.append(
                Finding(
                    "repo-moved",
                    "warning",
                    file,
                    line,
                    f"{name} moved to {record.name}",
                    url=ident.url,
                    key=ident.key,
                    fix=Fix(file, line, ident.url, new),
                )
            )
        if record.archived:
            found.append(
                Finding(
                    "repo-archived",
                    "warning",
                    file,
                    line,
                    f"{record.name} is archived",
                    url=ident.url,
                    key=ident.key,
                )
            )
        elif record.pushed_at:
            days = _days_since(record.pushed_at, today)
            if days is not None and days > options.stale_days:
                found.append(
                    Finding(
                        "repo-stale",
                        "info",
                        file,
                        line,
                        f"{record.name}: no push for {days} days (since {record.pushed_at[:10]})",
                        url=ident.url,
                        key=ident.key,
                    )
                )
    return found


def with_suggestion(finding: Finding, hit: Record, listed: str, threshold: float) -> Finding:
    """A wrong-paper finding with the id a title search found for the listed title.

    Only a near-exact title match under another id of the same kind counts.
    """
    if not hit.found or similarity(listed, hit.title) < max(threshold, 95.0):
        return finding
    same_kind = [k for k in hit.ids if idmod.kind(k) == idmod.kind(finding.key)]
    target = next((k for k in same_kind if k != finding.key), None)
    if target is None:
        return finding
    url = idmod.landing_url(target)
    return Finding(
        finding.rule,
        finding.level,
        finding.file,
        finding.line,
        f"{finding.message}; the listed title is {target}",
        url=finding.url,
        key=finding.key,
        fix=Fix(finding.file, finding.line, finding.url, url, kind="paper"),
        suggestion=target,
    )


def all_findings(
    entries: Iterable[tuple[Entry, Sequence[idmod.Ident]]],
    records: Mapping[str, Sequence[Record]],
    options: Options,
) -> list[Finding]:
    """Findings of every entry, in document order."""
    found: list[Finding] = []
    for entry, idents in entries:
        found.extend(paper_findings(entry, idents, records, options))
        found.extend(repo_findings(entry, idents, records, options))
    return found
