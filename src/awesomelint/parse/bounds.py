"""What mistletoe is never given: blocks too deep or too dense to read in bounded time.

mistletoe recurses once per level of nesting (a ``>`` or a list marker) and
its inline tokenizer is quadratic in the brackets of one paragraph.  Real
lists nest a handful of levels and hold a few dozen links per paragraph, so a
block far beyond that is hostile or broken; it is kept verbatim (a ``Block``
of kind ``unread``) instead of costing a RecursionError or minutes.

The checks run on raw lines, in one pass, in linear time.
"""

from __future__ import annotations

import re

# levels of container (block quote or list) a line may open
MAX_DEPTH = 24
# columns of indentation a line may have (a 24-level list indents ~50-100)
MAX_INDENT = 160
# bracket, parenthesis and emphasis characters one paragraph may hold (a
# paragraph of 300 links holds about 1,500)
MAX_MARKUP = 2500
# a run of one emphasis delimiter inside text
MAX_DELIMITER_RUN = 48
# a run of spaces inside a line (mistletoe is quadratic in it; padded table cells
# of real lists run to about 150)
MAX_SPACE_RUN = 1000

_CONTAINER = re.compile(r"[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?")
_MARKUP = re.compile(r"[\[\]()*_`!<]")
_RUN = re.compile(rf"\*{{{MAX_DELIMITER_RUN},}}|_{{{MAX_DELIMITER_RUN},}}")
_SPACES = re.compile(r"[ \t]+")
# a thematic break; one class, not a repeated group, so a long run that fails at its
# end costs one pass (the group backtracked through a run of 800,000 stars in ~1 s)
_RULE = re.compile(r"[ \t]*[*_-][*_ \t-]*")
# a line that starts a new paragraph (an item, a heading, a table row, a quote
# break) or may be raw HTML or a link definition, which mistletoe does not read inline
_NEW_PARAGRAPH = re.compile(r"(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#|\||<|\[[^\]]{1,999}\]:|$)")


def _depth(line: str) -> int:
    """How many containers the line opens before its content (``> > - - x`` is 4)."""
    depth = position = 0
    while depth <= MAX_DEPTH:
        match = _CONTAINER.match(line, position)
        if match is None or match.end() == position:
            break
        depth += 1
        position = match.end()
    return depth


def _indent(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def unreadable(lines: list[str]) -> bool:
    """Would mistletoe recurse too deep or take too long on this block (lines without ends)?"""
    markup = 0
    for line in lines:
        if _indent(line) > MAX_INDENT or _depth(line) > MAX_DEPTH:
            return True
        if ("*" in line or "_" in line) and _RUN.search(line) and not _RULE.fullmatch(line):
            return True
        if (
            len(line) > MAX_SPACE_RUN
            and max(map(len, _SPACES.findall(line)), default=0) > MAX_SPACE_RUN
        ):
            return True
        if _NEW_PARAGRAPH.match(line.lstrip(" \t>")):
            markup = 0
        markup += len(_MARKUP.findall(line))
        if markup > MAX_MARKUP:
            return True
    return False


def blocks(lines: list[str]) -> list[tuple[int, int]]:
    """Runs of non-blank lines as [start, end) pairs (0-based)."""
    found: list[tuple[int, int]] = []
    start: int | None = None
    for index, line in enumerate(lines):
        if line.strip(" \t"):
            if start is None:
                start = index
        elif start is not None:
            found.append((start, index))
            start = None
    if start is not None:
        found.append((start, len(lines)))
    return found
