"""A bullet with no space after it (``-[name](url)``), or a bullet with nothing after it.

CommonMark needs a space after the ``-`` or ``+`` of a list item: ``-[name](url)``
is a paragraph line, and right under an entry it is glued to that entry as
a continuation (the page shows ``… description. -name``).  Reported: ``-``
or ``+`` directly followed by a link, an image or ``**[``; ``-Word`` under a
list item of the same indent (a run of sub-items typed without the space);
and an empty item (``-`` alone on its line, where it cannot be a heading
underline), which shows as a stray bullet.  ``*`` is left alone: ``*[x]*``
is emphasis.  The fix inserts the space, or deletes the empty item's line.

Fails::

    - [FastChat](https://github.com/lm-sys/FastChat) - Serving platform.
    -[vLLM](https://github.com/vllm-project/vllm) - Inference engine.

Passes::

    - [FastChat](https://github.com/lm-sys/FastChat) - Serving platform.
    - [vLLM](https://github.com/vllm-project/vllm) - Inference engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import CODE, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Edit, Fix, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.syntax import ATX_HEADING, LIST_MARKER

ID = "AL031"
NAME = "list-item-marker"
SEVERITY: Severity = "error"
FIX: FixAvailability = "sometimes"
CONSUMES = frozenset({CODE})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}

_GLUED_LINK = re.compile(r"^([ \t]*)([-+])(?=!?\[|\*\*\[)")
_GLUED_WORD = re.compile(r"^([ \t]*)(-)(?=[A-Z][a-z])")
_EMPTY = re.compile(r"^([ \t]*)[-*+][ \t]*$")


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Look at each markdown line's start, with the line before it for context."""
    previous = ""
    glued_run = False
    for number, line in ctx.markdown_lines(blank_code=True):
        before, previous = previous, line
        if number > 1 and number - 1 in ctx.verbatim_lines:
            before = ""
        if not line or line[0] not in " \t-+*":
            glued_run = False
            continue
        link = _GLUED_LINK.match(line)
        word = None if link else _GLUED_WORD.match(line)
        if word is not None:
            after_item = LIST_MARKER.match(before) is not None or glued_run
            if not (after_item and _indent(before) == word.group(1)):
                word = None
        glued_run = word is not None
        found = link or word
        if found is not None:
            column = len(found.group(1)) + 1
            yield ctx.diagnostic(
                ID,
                options,
                number,
                column,
                f"no space after the list marker {found.group(2)!r}: this is not a list item",
                fix=Fix.replace(number, column, found.group(2), found.group(2) + " "),
            )
            continue
        empty = _EMPTY.match(line)
        if empty:
            context_ok = (
                not before.strip() or LIST_MARKER.match(before) or ATX_HEADING.match(before)
            )
            if not context_ok:
                continue  # "-" under a paragraph is a heading underline
            raw = ctx.raw_lines[number - 1]
            last = number == len(ctx.raw_lines) and not ctx.final_newline
            delete = len(raw) + (0 if last else 1)
            fix = None if last else Fix((Edit(number, 1, delete, ""),))
            yield ctx.diagnostic(
                ID,
                options,
                number,
                len(empty.group(1)) + 1,
                "empty list item: a bullet with nothing after it",
                fix=fix,
            )
