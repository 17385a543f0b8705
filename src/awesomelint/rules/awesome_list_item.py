"""A list item not in the awesome shape ``- [Name](url) - Description.``

awesome-lint's list rule: an item starts with its link, and a description is
separated from it by a space, a hyphen and a space.  One shape makes a list
easy to scan and lets tools (this one included) read every entry the same way.

What a list does everywhere is its own shape, not a defect: a separator that
nearly every item of the list uses (`` — ``, `` – ``) is accepted like `` - ``.
Also accepted: a marker before the link (``- 👍 [foo](url)``, ``:star:``), a
reference link (``- [name][ref] - …``), and badges, emoji codes and extra
links between the link and the separator (``[[crate](url)]``, ``:zap:``, a
second name ``/ [xlrd](url)``, a short ``(a.k.a. …)``) and a link title.  A
group label with nested entries and an item with no link at all (that is
``missing-link``'s) are not reported.

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

from awesomelint.lint.context import ENTRIES, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import AWESOME
from awesomelint.syntax import LEADING_LINK, LEADING_REFERENCE_LINK, LIST_ITEM_TEXT

ID = "AL020"
NAME = "awesome-list-item"
SEVERITY: Severity = "error"
FIX: FixAvailability = "none"
CONSUMES = frozenset({ENTRIES})
PRESETS = AWESOME
OPTIONS: dict[str, object] = {}


_MARKER = re.compile(r"^(?:(?::[\w+-]+:|[^\w\s\[\]*_`<(])\s*)+")
_EXTRAS = re.compile(
    r"^(?:\s*(?:\[\[[^\]]*\]\([^)]*\)\]|\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)"
    r"|!\[[^\]]*\]\([^)]*\)|:[\w+-]+:|\[[^\]]*\]\([^)]*\)|<kbd>[^<]*</kbd>"
    r"|[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]+|\([^()]{1,40}\)"
    r"|/\s*\[[^\]]*\]\([^)]*\)))+"
)
_SEPARATORS = (" - ", " \u2013 ", " \u2014 ", ": ")
_HOUSE_SHARE = 0.9  # a separator this share of items uses is the list's own
_HABIT_MIN = 5


def _parts(body: str) -> tuple[int, int] | None:
    """Where the leading link ends and its trailing extras end, or None: no leading link."""
    marker = _MARKER.match(body)
    start = marker.end() if marker else 0
    link = LEADING_LINK.match(body[start:]) or LEADING_REFERENCE_LINK.match(body[start:])
    if link is None:
        return None
    end = start + link.end()
    extras = _EXTRAS.match(body[end:])
    return end, end + (extras.end() if extras else 0)


def _separator(rest: str) -> str | None:
    return next((sep for sep in _SEPARATORS if rest.startswith(sep)), None)


def _house_separators(ctx: LintContext) -> set[str]:
    """`` - `` and any separator nearly every linked item of this list uses."""
    seen: list[str | None] = []
    for item in ctx.located:
        line = item.entry.source.line
        match = LIST_ITEM_TEXT.match(ctx.lines[line - 1]) if 1 <= line <= len(ctx.lines) else None
        parts = _parts(match.group(2)) if match else None
        if match and parts and match.group(2)[parts[1] :].strip():
            seen.append(_separator(match.group(2)[parts[1] :]))
    accepted = {" - "}
    if len(seen) < _HABIT_MIN:
        return accepted  # too few items to have a habit: awesome-lint's rule
    for sep in set(s for s in seen if s):
        if seen.count(sep) / len(seen) >= _HOUSE_SHARE:
            accepted.add(sep)
    return accepted


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Check the first line of every entry that is a list item."""
    house = _house_separators(ctx)
    for item in ctx.located:
        entry = item.entry
        line = entry.source.line
        if not 1 <= line <= len(ctx.lines) or entry.children:
            continue
        if not (entry.url or entry.links):
            continue  # a label, or missing-link's to report
        match = LIST_ITEM_TEXT.match(ctx.lines[line - 1])
        if match is None:
            continue
        body = match.group(2)
        column = len(match.group(1)) + 1
        parts = _parts(body)
        if parts is None:
            yield ctx.diagnostic(
                ID, options, line, column, "list item should start with a link: - [Name](url)"
            )
            continue
        rest = body[parts[1] :]
        if rest.strip() and _separator(rest) not in house:
            yield ctx.diagnostic(
                ID,
                options,
                line,
                column + parts[1],
                'link and description should be separated by " - "',
            )
