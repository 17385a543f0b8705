"""A file that does not end with a newline.

POSIX tools read a last line without a newline as incomplete: ``cat`` glues
the next file to it and every edit of the last line shows in diffs as two.
The fix adds the newline.

Fails::

    - [Inseq](https://github.com/inseq-team/inseq) - Interpretability for sequence generation.␄

Passes::

    - [Inseq](https://github.com/inseq-team/inseq) - Interpretability for sequence generation.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.context import LINES, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Fix, FixAvailability, Severity
from awesomelint.lint.presets import HYGIENE

ID = "AL026"
NAME = "final-newline"
SEVERITY: Severity = "warning"
FIX: FixAvailability = "always"
CONSUMES = frozenset({LINES})
PRESETS = HYGIENE
OPTIONS: dict[str, object] = {}


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report a missing final newline, with the fix that adds it."""
    if ctx.final_newline or not ctx.raw_lines:
        return
    line = len(ctx.raw_lines)
    column = len(ctx.raw_lines[-1]) + 1
    yield ctx.diagnostic(
        ID,
        options,
        line,
        column,
        "no newline at the end of the file",
        fix=Fix.replace(line, column, "", "\n"),
    )
