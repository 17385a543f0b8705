"""Ordered-list numbers that jump (1, 8, 9).

Markdown renders ``1. 8. 9.`` as 1, 2, 3, so the source says something the
page does not: usually entries were deleted or moved and the numbers were
not.  A list may count up from its first number (``1. 2. 3.``) or repeat one
number (``1. 1. 1.``); the first item that breaks its list's pattern is
reported, and the fix renumbers from there on.

Fails::

    1. [Alignment Lab AI](https://discord.com/invite/ad27GQgc7K) - AI alignment.
    8. [Nous Research](https://discord.com/invite/AVB9jkHZ) - Interpretability.
    9. [EleutherAI](https://discord.com/invite/4pEBpVTN) - Open research.

Passes::

    1. [Alignment Lab AI](https://discord.com/invite/ad27GQgc7K) - AI alignment.
    2. [Nous Research](https://discord.com/invite/AVB9jkHZ) - Interpretability.
    3. [EleutherAI](https://discord.com/invite/4pEBpVTN) - Open research.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from awesomelint.lint.context import CODE, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Edit, Fix, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.syntax import BULLET_ITEM, LIST_BREAK, ORDERED_ITEM

ID = "AL018"
NAME = "list-numbering"
SEVERITY: Severity = "warning"
FIX: FixAvailability = "always"
CONSUMES = frozenset({CODE})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}


@dataclass
class _List:
    """An ordered list being read: its marker indent and delimiter, and its items."""

    indent: int
    delimiter: str
    content: int
    items: list[tuple[int, int, str]] = field(default_factory=list)  # line, column, number


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _lists(ctx: LintContext) -> Iterator[_List]:
    """Every ordered list, nested ones included, as it closes."""
    stack: list[_List] = []
    blank_before = False
    previous = 0
    for number, line in ctx.markdown_lines():
        if any(skipped in ctx.code_lines for skipped in range(previous + 1, number)):
            yield from reversed(stack)  # a fenced block or front matter ends every list
            stack = []
        previous = number
        if not line.strip(" \t"):
            blank_before = True
            continue
        indent = _indent(line)
        ordered = ORDERED_ITEM.match(line)
        if LIST_BREAK.match(line):
            yield from reversed(stack)
            stack = []
        elif ordered:
            delimiter = ordered.group(3)
            while stack and (
                stack[-1].indent > indent
                or (stack[-1].indent == indent and stack[-1].delimiter != delimiter)
            ):
                yield stack.pop()
            # nested only from the item's content column on: ``8.`` then `` 9.`` (one
            # space in) is still one list, as CommonMark reads it
            if not stack or indent >= stack[-1].content:
                content = ordered.end() if ordered.end() < len(line) else ordered.end() + 1
                stack.append(_List(indent, delimiter, content))
            stack[-1].items.append((number, len(ordered.group(1)) + 1, ordered.group(2)))
        else:
            bullet = BULLET_ITEM.match(line)
            while stack and (
                (bullet and indent <= stack[-1].indent)
                or (blank_before and indent < stack[-1].content)
            ):
                yield stack.pop()
        blank_before = False
    yield from reversed(stack)


def _expected(numbers: list[int]) -> list[int]:
    """The numbers the list's own pattern asks for: one repeated, or counting up."""
    first = numbers[0]
    if len(numbers) > 1 and numbers[1] == first:
        return [first] * len(numbers)
    return [first + offset for offset in range(len(numbers))]


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report the first item of each list that breaks its numbering, fixing the rest."""
    for found in _lists(ctx):
        if len(found.items) < 2:
            continue
        numbers = [int(text) for _, _, text in found.items]
        expected = _expected(numbers)
        wrong = [
            i for i, (have, want) in enumerate(zip(numbers, expected, strict=True)) if have != want
        ]
        if not wrong:
            continue
        first = wrong[0]
        line, column, text = found.items[first]
        edits = tuple(
            Edit(found.items[i][0], found.items[i][1], len(found.items[i][2]), str(expected[i]))
            for i in wrong
        )
        yield ctx.diagnostic(
            ID,
            options,
            line,
            column,
            f"ordered list goes from {numbers[first - 1]} to {text} (expected {expected[first]})",
            fix=Fix(edits),
        )
