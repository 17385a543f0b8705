"""The main heading without the awesome badge.

An awesome list carries ``[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)``
in its main heading (awesome-lint's badge rule).  The fix adds it at the end of
the heading.

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


def has_badge(markdown: str) -> bool:
    """Does the heading hold an image linked to the awesome list, showing its badge?"""
    for match in BADGE_LINK.finditer(markdown):
        image, target = match.group(1).lower(), match.group(2).lower().rstrip("/")
        if target.split("://", 1)[-1].removeprefix("www.") in _TARGETS and "badge" in image:
            return True
    return False


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Look for the badge in the main heading; the fix appends it."""
    title = ctx.document.title
    if title is None or has_badge(title):
        return
    line = ctx.document.title_line or 1
    text = ctx.lines[line - 1] if 1 <= line <= len(ctx.lines) else ""
    fix = None
    if ATX_H1.match(text) and _words(text) == _words(title):  # the title really stands there
        body = text.rstrip()
        closing = re.search(r"\s+#+$", body)
        end = closing.start() if closing else len(body)
        fix = Fix.replace(line, end + 1, text[end:], f" {BADGE}{text[end:]}")
    yield ctx.diagnostic(ID, options, line, 1, "the main heading has no awesome badge", fix=fix)
