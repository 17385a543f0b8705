"""More blank lines in a row than ``maximum``.

Markdown renders any number of blank lines as one break; extra ones only make
the source uneven.  Fenced code keeps its blank lines.  The fix deletes the
extra ones.

Options: ``maximum`` (``1``; at least 1, as no blank line would join paragraphs).

Fails::

    ## Papers


    - [Toy Models of Superposition](https://transformer-circuits.pub/2022/toy_model/index.html)

Passes::

    ## Papers

    - [Toy Models of Superposition](https://transformer-circuits.pub/2022/toy_model/index.html)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.context import CODE, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Edit, Fix, FixAvailability, Severity
from awesomelint.lint.presets import HYGIENE

ID = "AL027"
NAME = "blank-lines"
SEVERITY: Severity = "warning"
FIX: FixAvailability = "always"
CONSUMES = frozenset({CODE})
PRESETS = HYGIENE
OPTIONS = {"maximum": 1}


def _runs(ctx: LintContext) -> Iterator[tuple[int, int]]:
    """(first, last) 1-based line numbers of every run of blank lines outside code."""
    start = None
    for index, line in enumerate(ctx.raw_lines):
        blank = not line.strip(" \t") and index + 1 not in ctx.code_lines
        if blank and start is None:
            start = index + 1
        elif not blank and start is not None:
            yield start, index
            start = None
    if start is not None:
        yield start, len(ctx.raw_lines)


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report each run longer than ``maximum``; the fix deletes the lines beyond it."""
    maximum = max(1, int(options["maximum"]))  # type: ignore[call-overload]
    lines = ctx.raw_lines
    for first, last in _runs(ctx):
        count = last - first + 1
        if count <= maximum:
            continue
        doomed = range(first + maximum, last + 1)
        size = sum(len(lines[n - 1]) + 1 for n in doomed)
        if last < len(lines) or ctx.final_newline:
            edit = Edit(doomed[0], 1, size, "")
        elif doomed[0] > 1:  # the last line has no newline: take the one before the run
            edit = Edit(doomed[0] - 1, len(lines[doomed[0] - 2]) + 1, size, "")
        else:
            continue
        yield ctx.diagnostic(
            ID,
            options,
            doomed[0],
            1,
            f"{count} blank lines in a row (at most {maximum})",
            fix=Fix((edit,)),
        )
