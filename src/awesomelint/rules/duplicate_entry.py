"""An entry listed twice in one list.

Two entries are the same work when their URLs are (arXiv ``abs``/``pdf``/versions,
OpenReview, DOI, ``http``/``https``, ``www.``, trailing slash, tracking parameters
...) or their titles are, up to a fuzzy match that does not take a title for a
longer one containing it.  This is the dedupe engine of ``awesomelint merge``.
The later copy is reported.  A copy in the same section is an error; an entry
that stands in two sections is often deliberate, so it is reported at
``cross-section-severity``.

Options: ``cross-section-severity`` (``warning``; ``off`` allows such copies),
``threshold`` (``90``: the lowest fuzzy title score, 0-100, that makes a copy).

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

from awesomelint.lint.context import LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Severity
from awesomelint.lint.presets import EVERY

ID = "AL001"
NAME = "duplicate-entry"
SEVERITY: Severity = "error"
FIXABLE = False
PRESETS = EVERY
OPTIONS = {"cross-section-severity": "warning", "threshold": 90}
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


def _why(reasons: dict[tuple[int, int], str], original: int, index: int) -> str:
    """Why the engine joined ``index`` to its group: its edge to ``original`` if direct."""
    direct = reasons.get((min(original, index), max(original, index)))
    if direct:
        return direct
    return next((r for (a, b), r in reasons.items() if index in (a, b)), "same-title")


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
    for group in result.duplicate_groups():
        for position, index in enumerate(group[1:], start=1):
            item = ctx.located[index]
            earlier = group[:position]
            same = [i for i in earlier if ctx.located[i].section is item.section]
            if same:
                original, severity = same[-1], options.severity
            elif cross == "off":
                continue
            else:
                original, severity = earlier[0], cross
            why = _why(reasons, original, index)
            first = ctx.located[original].entry
            where = "" if same else " in another section"
            yield ctx.diagnostic(
                ID,
                options,
                item.entry.source.line,
                ctx.indent_column(item.entry.source.line),
                f'duplicate of "{first.title}" (line {first.source.line}{where}): {_reason(why)}',
                severity=severity,  # type: ignore[arg-type]
            )
