"""An entry listed twice in one list.

Two entries are the same work when their URLs are (arXiv ``abs``/``pdf``/versions,
OpenReview, DOI, ``http``/``https``, ``www.``, trailing slash, tracking parameters
...), or, when one has no link, when they carry the same title of five words or more.  This is the
dedupe engine of ``awesomelint merge``, held to what a list maintainer agrees is
a copy: a title alone that is short ("Essential C") or only similar (``go-joe``
and ``go-jose``) names different things too often to report.  The later copy is
reported.  An entry that stands in two sections is usually deliberate (a paper
under two topics, a library under each language it supports), so such copies
are not reported unless ``cross-section-severity`` asks; two group labels of
one section (``* HTTP Client`` and ``* HTTP Server``) and HTML headings count
as sections too.

Options: ``cross-section-severity`` (``off``; ``warning`` or ``error`` reports
copies in other sections), ``threshold`` (``90``: the engine's fuzzy title
score, 0-100).

Fails::

    ## Papers

    - [Toy Models of Superposition](https://arxiv.org/abs/2209.10652)
    - [Toy models of superposition](http://arxiv.org/pdf/2209.10652v1.pdf)

Passes::

    ## Papers

    - [Toy Models of Superposition](https://arxiv.org/abs/2209.10652)
    - [Softmax Linear Units](https://transformer-circuits.pub/2022/solu/index.html)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.context import DUPLICATES, ENTRIES, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.model import Entry
from awesomelint.syntax import HTML_HEADING_START
from awesomelint.titles import normalise_title
from awesomelint.urls import identity_key, key_kind

ID = "AL001"
NAME = "duplicate-entry"
SEVERITY: Severity = "error"
FIX: FixAvailability = "none"
CONSUMES = frozenset({DUPLICATES, ENTRIES})
PRESETS = EVERY
OPTIONS = {"cross-section-severity": "off", "threshold": 90}
_MIN_TITLE_WORDS = 5  # a shared title this long names one work
CHOICES = {"cross-section-severity": ("error", "warning", "off")}

_REASONS = {
    "same-url": "same URL",
    "same-title": "same title",
}


def _reason(reason: str) -> str:
    if reason in _REASONS:
        return _REASONS[reason]
    if reason.startswith("fuzzy-title"):
        return f"similar title (score {reason.split()[-1]})"
    kind = reason.removeprefix("same-").removesuffix("-id")
    names = {"arxiv": "arXiv", "openreview": "OpenReview", "doi": "DOI", "acl": "ACL Anthology"}
    return f"same {names.get(kind, kind)} id"


def _first_reasons(reasons: dict[tuple[int, int], str]) -> dict[int, str]:
    """For each index, the reason of the first merge that touches it."""
    first: dict[int, str] = {}
    for (a, b), reason in reasons.items():
        first.setdefault(a, reason)
        first.setdefault(b, reason)
    return first


def _certain(first: Entry, copy: Entry) -> bool:
    """A copy a maintainer agrees with: one link twice, or one long title twice (one unlinked).

    Checked on the pair itself, not on the chain the engine joined them by.  Two titles
    on one project page or repository are parts of one release unless the titles are
    the same; the same title on two links (two playlists "Curso de PHP para
    Iniciantes", two books "Essential C") is two works.
    """
    if first.url and copy.url:
        key = identity_key(first.url)
        if key != identity_key(copy.url):
            return False
        if key_kind(key) in ("url", "github"):
            return normalise_title(first.title) == normalise_title(copy.title)
        return True
    same = normalise_title(first.title) == normalise_title(copy.title)
    return same and len(first.title.split()) >= _MIN_TITLE_WORDS


def _places(ctx: LintContext) -> list[tuple[int, int]]:
    """Where each entry stands: its section, and the group label it is nested under."""
    parents: list[int] = []  # located index of the last item at each depth
    places = []
    for index, item in enumerate(ctx.located):
        del parents[item.depth :]
        parent = parents[item.depth - 1] if item.depth and len(parents) >= item.depth else -1
        places.append((id(item.section), parent))
        parents.append(index)
    return places


def _html_headings_before(ctx: LintContext) -> list[int]:
    """How many HTML headings stand before each line (0-based index; lists that head
    their sections in HTML): two entries have one between them where the counts differ."""
    counts = [0]
    for line in ctx.lines:
        counts.append(counts[-1] + (1 if HTML_HEADING_START.match(line) else 0))
    return counts


def prefetch(ctx: LintContext, options: Options) -> None:
    """Start the dedupe engine early (in parallel on big lists)."""
    ctx.prefetch_duplicates(float(options["threshold"]))  # type: ignore[arg-type]


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report every entry after the first of its group of copies."""
    if len(ctx.located) < 2:
        return
    result = ctx.duplicates(float(options["threshold"]))  # type: ignore[arg-type]
    reasons: dict[tuple[int, int], str] = {}
    for merge in result.merges:
        reasons[(merge.into, merge.from_)] = merge.reason
    cross = options["cross-section-severity"]
    places = _places(ctx)
    first_reasons = _first_reasons(reasons)
    groups = result.duplicate_groups()
    headings = _html_headings_before(ctx) if groups else []

    def heading_between(first: int, later: int) -> bool:
        start = ctx.located[first].entry.source.line
        end = min(ctx.located[later].entry.source.line, len(ctx.lines))
        return start < end and headings[end] > headings[start]

    for group in groups:
        # the latest earlier copy in the same place; an HTML heading between it and a
        # later copy stands between every earlier one too (entries are in line order)
        last_in_place: dict[tuple[int, int], int] = {}
        for index in group:
            item = ctx.located[index]
            previous = last_in_place.get(places[index])
            last_in_place[places[index]] = index
            if index == group[0]:
                continue
            if previous is not None and not heading_between(previous, index):
                original, severity, same = previous, options.severity, True
            elif cross == "off":
                continue
            else:
                original, severity, same = group[0], cross, False
            direct = reasons.get((min(original, index), max(original, index)))
            why = direct or first_reasons.get(index, "same-title")
            first = ctx.located[original].entry
            if not _certain(first, item.entry):
                continue
            where = "" if same else " in another section"
            yield ctx.diagnostic(
                ID,
                options,
                item.entry.source.line,
                ctx.indent_column(item.entry.source.line),
                f'duplicate of "{first.title}" (line {first.source.line}{where}): {_reason(why)}',
                severity=severity,  # type: ignore[arg-type]
            )
