"""A table of contents nested deeper than two levels.

awesome-lint's ``awesome-toc`` allows a contents list and one level of
sub-items: a third level makes the top of the list a page of its own.
Reported once per table of contents, at its first item on a third level
(levels counted from the item indents of the list, tabs as four columns).
There is no fix: which headings to leave out is the author's choice.

Fails::

    ## Contents

    - [Tools](#tools)
      - [Linters](#linters)
        - [Python](#python)

Passes::

    ## Contents

    - [Tools](#tools)
      - [Linters](#linters)
      - [Python](#python)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import HEADINGS, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import AWESOME

ID = "AL039"
NAME = "awesome-toc-depth"
SEVERITY: Severity = "warning"
FIX: FixAvailability = "none"
CONSUMES = frozenset({HEADINGS})
PRESETS = AWESOME
OPTIONS: dict[str, object] = {}

_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_MAX_LEVELS = 2


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Count the nesting levels of each table of contents."""
    for block in ctx.toc_blocks:
        levels: list[int] = []  # the indents of the open levels, outermost first
        for offset, line in enumerate(block.text.split("\n")):
            item = _ITEM.match(line)
            if item is None:
                continue
            indent = len(item.group(1).expandtabs(4))
            while levels and indent < levels[-1]:
                levels.pop()
            if not levels or indent > levels[-1]:
                levels.append(indent)
            if len(levels) > _MAX_LEVELS:
                number = block.source.line + offset
                yield ctx.diagnostic(
                    ID,
                    options,
                    number,
                    len(item.group(1)) + 1,
                    f"the table of contents goes {len(levels)} levels deep; "
                    f"awesome lists keep it to {_MAX_LEVELS}",
                )
                break
