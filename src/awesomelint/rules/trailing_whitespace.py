"""Spaces or tabs at the end of a line.

Invisible, they make noisy diffs and, as two spaces, a hard line break the
author may not have meant.  Exactly two spaces inside a paragraph (a line
break on purpose) are allowed while ``allow-line-break`` is true.  Fenced code
is not checked.  The fix deletes them.

Options: ``allow-line-break`` (``true``).

Fails::

    - [Inseq](https://github.com/inseq-team/inseq) - Interpretability for sequence generation.␠

Passes::

    - [Inseq](https://github.com/inseq-team/inseq) - Interpretability for sequence generation.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.context import CODE, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Fix, FixAvailability, Severity
from awesomelint.lint.presets import HYGIENE

ID = "AL025"
NAME = "trailing-whitespace"
SEVERITY: Severity = "warning"
FIX: FixAvailability = "always"
CONSUMES = frozenset({CODE})
PRESETS = HYGIENE
OPTIONS = {"allow-line-break": True}


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report and delete trailing blanks, keeping intended two-space line breaks."""
    allow_break = options["allow-line-break"]
    lines = ctx.lines
    for index, line in enumerate(lines):
        if not line or line[-1] not in " \t" or index + 1 in ctx.code_lines:
            continue
        stripped = line.rstrip(" \t")
        trailing = line[len(stripped) :]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if allow_break and trailing == "  " and stripped.strip() and following.strip():
            continue
        yield ctx.diagnostic(
            ID,
            options,
            index + 1,
            len(stripped) + 1,
            "trailing whitespace",
            fix=Fix.replace(index + 1, len(stripped) + 1, trailing, ""),
        )
