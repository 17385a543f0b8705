"""Link markdown with unbalanced brackets or an unclosed destination.

``[[arxiv 2303](url)`` or ``[Title](https://example.org/paper`` do not render as
the author meant: part of the markup shows as text, or the link swallows the
rest of the line.  Checked per list item or paragraph (a link text may wrap),
and only where the text holds a link; escaped brackets (``\\[``) and code
spans are not markup and do not count.

Fails::

    - [[arxiv 2303](https://arxiv.org/abs/2303.08112) Tuned lens.
    - [Tracr](https://arxiv.org/abs/2301.05062 - Compiled transformers.

Passes::

    - [[arxiv 2303]](https://arxiv.org/abs/2303.08112) Tuned lens.
    - [Tracr](https://arxiv.org/abs/2301.05062) - Compiled transformers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import CODE, LintContext, Options, mask_code_spans
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.syntax import UNIT_START

ID = "AL007"
NAME = "link-syntax"
SEVERITY: Severity = "error"
FIX: FixAvailability = "none"
CONSUMES = frozenset({CODE})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}

_ESCAPED = re.compile(r"\\.")
_PAIR = re.compile(r"\[[^\[\]]*\]")


def _units(ctx: LintContext) -> Iterator[list[tuple[int, str]]]:
    """Paragraphs and list items: runs of markdown lines a link may wrap within."""
    unit: list[tuple[int, str]] = []
    expected = 1
    for number, line in ctx.markdown_lines(blank_code=True):
        if number != expected or not line.strip(" \t") or UNIT_START.match(line):
            if unit:
                yield unit
            unit = []
        expected = number + 1
        if line.strip(" \t"):
            unit.append((number, line))
    if unit:
        yield unit


def _blank(line: str) -> str:
    """Escapes and code spans as spaces: they are text, not markup."""
    line = mask_code_spans(line)
    return _ESCAPED.sub("  ", line) if "\\" in line else line


def _balanced(text: str) -> bool:
    """Do the brackets pair up?  Innermost pairs are removed until none is left.

    Regular expressions run in C: the common balanced unit costs a pass or two,
    and only an unbalanced one is scanned character by character for the place.
    """
    if "[" not in text and "]" not in text:
        return True
    while True:
        reduced = _PAIR.sub("", text)
        if reduced == text:
            return "[" not in text and "]" not in text
        text = reduced


def _unbalanced(unit: list[tuple[int, str]]) -> tuple[int, int, str] | None:
    """(line, column, message) of the first bracket without a partner, or None."""
    opened: list[tuple[int, int]] = []
    for number, line in unit:
        for index, char in enumerate(line):
            if char == "[":
                opened.append((number, index + 1))
            elif char == "]":
                if not opened:
                    return number, index + 1, 'unbalanced brackets: "]" without "["'
                opened.pop()
    if opened:
        number, column = opened[-1]
        return number, column, 'unbalanced brackets: "[" without "]"'
    return None


def _unclosed(number: int, line: str) -> tuple[int, int, str] | None:
    """A ``](`` whose destination runs to the end of the line without ``)``."""
    start = line.find("](")
    while start != -1:
        depth = 1
        index = start + 2
        while index < len(line) and depth:
            if line[index] == "(":
                depth += 1
            elif line[index] == ")":
                depth -= 1
            index += 1
        if depth:
            return number, start + 2, 'link destination "(" is never closed'
        start = line.find("](", index)
    return None


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Balance brackets per unit that holds a link, then check each destination closes."""
    for unit in _units(ctx):
        if not any("](" in line or "][" in line for _, line in unit):
            continue
        blanked = [(number, _blank(line)) for number, line in unit]
        text = "\n".join(line for _, line in blanked)
        problem = None if _balanced(text) else _unbalanced(blanked)
        if problem is None:
            problem = next(
                (found for number, line in blanked if (found := _unclosed(number, line))), None
            )
        if problem is not None:
            line, column, message = problem
            yield ctx.diagnostic(ID, options, line, column, message)
