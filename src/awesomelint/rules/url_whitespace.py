"""Whitespace inside a URL.

A space breaks a markdown link outright (``[Title](https://example.org/a b)`` is
not a link), and a no-break or zero-width space pasted from a web page makes
a URL that looks right and leads nowhere.  Encode a real space as ``%20``.

Fails::

    - [Attention Analysis](https://github.com/clarkkev/attention analysis) - Attention maps of BERT.

Passes::

    - [Attention Analysis](https://github.com/clarkkev/attention-analysis) - Attention maps of BERT.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import CODE, LINKS, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.syntax import SPACED_DESTINATION

ID = "AL012"
NAME = "url-whitespace"
SEVERITY: Severity = "error"
FIX: FixAvailability = "none"
CONSUMES = frozenset({CODE, LINKS})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}

_INVISIBLE = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]")


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Links whose URL holds whitespace, then inline links broken by a space."""
    seen: set[tuple[int, int]] = set()
    for site in ctx.url_sites:
        url = site.ref.url
        match = _INVISIBLE.search(url.strip())
        if match is None:
            continue
        line, column = site.line or site.ref.line, site.column or 1
        seen.add((line, column))
        name = "space" if match.group(0) == " " else f"U+{ord(match.group(0)):04X}"
        yield ctx.diagnostic(ID, options, line, column, f"{name} inside URL {url.strip()!r}")
    for number, code_free in ctx.markdown_lines(blank_code=True):
        if "](" not in code_free:
            continue
        line = ctx.lines[number - 1]
        for match in SPACED_DESTINATION.finditer(code_free):
            column = match.start(1) + 1
            if (number, column) in seen:
                continue
            yield ctx.diagnostic(
                ID,
                options,
                number,
                column,
                f"space inside URL {line[match.start(1) : match.end(0) - 1]!r}: the link is broken",
            )
