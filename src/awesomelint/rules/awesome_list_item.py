"""A list item not in the awesome shape ``- [Name](url) - Description.``

awesome-lint's list rule: an item starts with its link, and a description is
separated from it by a space, a hyphen and a space.  One shape makes a list
easy to scan and lets tools (this one included) read every entry the same way.

Fails::

    - **TransformerLens** [[github]](https://github.com/TransformerLensOrg/TransformerLens)
    - [CircuitsVis](https://github.com/TransformerLensOrg/CircuitsVis): Visualizations.

Passes::

    - [TransformerLens](https://github.com/TransformerLensOrg/TransformerLens) - A library.
    - [CircuitsVis](https://github.com/TransformerLensOrg/CircuitsVis) - Visualizations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Severity
from awesomelint.lint.presets import AWESOME

ID = "AL020"
NAME = "awesome-list-item"
SEVERITY: Severity = "error"
FIXABLE = False
PRESETS = AWESOME
OPTIONS: dict[str, object] = {}

_ITEM = re.compile(r"^(\s*(?:[-*+]|\d{1,9}[.)])[ \t]+)(.*)$")
_LEAD_LINK = re.compile(
    r"^\[(?:\\.|[^\[\]\\]|\[[^\]]*\])+\]\((?:<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)"
)


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Check the first line of every entry that is a list item."""
    for item in ctx.located:
        line = item.entry.source.line
        if not 1 <= line <= len(ctx.lines):
            continue
        match = _ITEM.match(ctx.lines[line - 1])
        if match is None:
            continue
        body = match.group(2)
        column = len(match.group(1)) + 1
        link = _LEAD_LINK.match(body)
        if link is None:
            yield ctx.diagnostic(
                ID, options, line, column, "list item should start with a link: - [Name](url)"
            )
            continue
        rest = body[link.end() :]
        if rest.strip() and not rest.startswith(" - "):
            yield ctx.diagnostic(
                ID,
                options,
                line,
                column + link.end(),
                'link and description should be separated by " - "',
            )
