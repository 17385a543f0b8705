"""One URL used by entries with clearly different titles: a copy-paste link error.

Lists grow by copying the line above and editing it; when the URL is not
edited, two different works end up on one link, and one of them is wrong.
Titles that are the same work up to a fuzzy match, or where the shorter title
is mostly contained in the longer ("Concrete Open Problems" and "200 Concrete
Open Problems in Mechanistic Interpretability: Introduction"), are not
reported; that is a duplicate (``duplicate-entry``), if anything.  Only a URL
that names one paper (arXiv, OpenReview, DOI, ACL Anthology …) is checked: a
project page, a press release or a repository is shared by design by the parts
of one release (a library and its model, the 8B and 70B of one family).  Titles
of one or two words are names, not titles, and generic link texts ("Learn
more", "Link") are not titles, and two titles that share most of their
distinctive words are one paper renamed between versions.  The title most
entries give the URL is taken as its own; each entry under another title is
reported, naming it.

Options: ``threshold`` (``90``: the fuzzy title score, 0-100, above which two
titles are the same work).

Fails::

    - [Pythia: A Suite for Analyzing Large Language Models](https://arxiv.org/abs/2304.01373)
    - [Emergent and Predictable Memorization](https://arxiv.org/abs/2304.01373)

Passes::

    - [Pythia: A Suite for Analyzing Large Language Models](https://arxiv.org/abs/2304.01373)
    - [Emergent and Predictable Memorization](https://arxiv.org/abs/2304.11158)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.context import DUPLICATES, ENTRIES, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.titles import distinctive_words

ID = "AL002"
NAME = "shared-url"
SEVERITY: Severity = "error"
FIX: FixAvailability = "none"
CONSUMES = frozenset({DUPLICATES, ENTRIES})
PRESETS = EVERY
OPTIONS = {"threshold": 90}


def prefetch(ctx: LintContext, options: Options) -> None:
    """Start the dedupe engine early (in parallel on big lists)."""
    ctx.prefetch_duplicates(float(options["threshold"]))  # type: ignore[arg-type]


_PAPER_KINDS = frozenset(
    {"arxiv", "openreview", "doi", "acl", "neurips", "ieee", "pmlr", "lesswrong"}
)
_MIN_WORDS = 3


def _a_title(title: str) -> bool:
    return len(title.split()) >= _MIN_WORDS


def _renamed(a: str, b: str) -> bool:
    """Two titles of one paper (renamed between versions): most distinctive words shared."""
    wa, wb = distinctive_words(a), distinctive_words(b)
    small = min(len(wa), len(wb))
    return small > 0 and len(wa & wb) / small >= 0.6


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report the entries of every title cluster but the first on a shared paper URL."""
    if len(ctx.located) < 2:
        return
    from awesomelint.urls import key_kind

    result = ctx.duplicates(float(options["threshold"]))  # type: ignore[arg-type]
    for conflict in result.conflicts:
        if key_kind(conflict.key) not in _PAPER_KINDS:
            continue
        # the title most entries give the URL is taken as its own; the others are reported
        clusters = sorted(conflict.clusters, key=lambda c: (-len(c), min(c)))
        first = ctx.located[min(clusters[0])].entry
        if not _a_title(first.title):
            continue
        for cluster in clusters[1:]:
            for index in cluster:
                entry = ctx.located[index].entry
                if not _a_title(entry.title) or _renamed(first.title, entry.title):
                    continue
                url = entry.url or conflict.url
                where = ctx.locate(url, entry.source.line) if url else None
                line, column = where or (entry.source.line, ctx.indent_column(entry.source.line))
                yield ctx.diagnostic(
                    ID,
                    options,
                    line,
                    column,
                    f'{url} is also the link of "{first.title}" (line {first.source.line}), '
                    "a different title: one of the links is wrong, or one work is listed twice",
                )
