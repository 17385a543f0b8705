"""The main heading without the awesome badge.

An awesome list carries ``[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)``
in its main heading (awesome-lint's badge rule).  The fix adds it at the end of
the heading.  A badge whose image is not awesome.re's own (``badge.svg``,
``badge-flat.svg``, ``badge-flat2.svg``), such as the old
``cdn.rawgit.com/…/media/badge.svg``, is still the badge, but awesome-lint
rejects it: a warning, with no fix (the old image URL would be lost).

Fails::

    # Awesome LLM Interpretability

Passes::

    # Awesome LLM Interpretability [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import DOCUMENT, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Fix, FixAvailability, Severity
from awesomelint.lint.presets import AWESOME
from awesomelint.syntax import ATX_H1, BADGE_LINK

ID = "AL024"
NAME = "awesome-badge"
SEVERITY: Severity = "error"
FIX: FixAvailability = "sometimes"
CONSUMES = frozenset({DOCUMENT})
PRESETS = AWESOME
OPTIONS: dict[str, object] = {}

BADGE = "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"
_TARGETS = ("awesome.re", "github.com/sindresorhus/awesome")


def _words(markdown: str) -> list[str]:
    """The words of a heading line or title, markup and closing hashes aside."""
    return re.findall(r"\w+", markdown.lstrip(" #").rstrip(" #"))


_IMAGES = frozenset(
    f"awesome.re/{name}" for name in ("badge.svg", "badge-flat.svg", "badge-flat2.svg")
)


def badge_image(markdown: str) -> str | None:
    """The image URL of the badge in the heading (an image linked to the awesome list), or None."""
    for match in BADGE_LINK.finditer(markdown):
        image, target = match.group(1).lower(), match.group(2).lower().rstrip("/")
        if target.split("://", 1)[-1].removeprefix("www.") in _TARGETS and "badge" in image:
            return match.group(1)
    return None


def has_badge(markdown: str) -> bool:
    """Does the heading hold an image linked to the awesome list, showing its badge?"""
    return badge_image(markdown) is not None


def _awesome_image(url: str) -> bool:
    return url.lower().split("://", 1)[-1].removeprefix("www.").split("?", 1)[0] in _IMAGES


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Look for the badge in the main heading; the fix appends it."""
    title = ctx.document.title
    if title is None:
        return
    line = ctx.document.title_line or 1
    image = badge_image(title)
    if image is not None:
        if not _awesome_image(image):
            text = ctx.lines[line - 1] if 1 <= line <= len(ctx.lines) else ""
            column = text.find(image) + 1 or 1
            yield ctx.diagnostic(
                ID,
                options,
                line,
                column,
                f"the badge image is not awesome.re's: use https://awesome.re/badge.svg ({image})",
                severity="warning",
            )
        return
    text = ctx.lines[line - 1] if 1 <= line <= len(ctx.lines) else ""
    fix = None
    if ATX_H1.match(text) and _words(text) == _words(title):  # the title really stands there
        body = text.rstrip()
        closing = re.search(r"\s+#+$", body)
        end = closing.start() if closing else len(body)
        fix = Fix.replace(line, end + 1, text[end:], f" {BADGE}{text[end:]}")
    yield ctx.diagnostic(ID, options, line, 1, "the main heading has no awesome badge", fix=fix)
