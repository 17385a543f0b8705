"""Mojibake: UTF-8 text that was once decoded as Windows-1252 (``â€™`` for ``’``).

It happens when a list passes through a tool that guessed the wrong encoding,
and every reader sees the garbage.  The damage is recognised by ftfy's
encoding repair when the file is read (only that repair: quotes and HTML
entities are left alone); the fix writes the repaired line.

Fails::

    - [Sirenâ€™s Song in the AI Ocean](https://arxiv.org/abs/2309.01219)

Passes::

    - [Siren’s Song in the AI Ocean](https://arxiv.org/abs/2309.01219)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.context import LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Fix, Severity
from awesomelint.lint.presets import EVERY

ID = "AL013"
NAME = "mojibake"
SEVERITY: Severity = "error"
FIXABLE = True
PRESETS = EVERY
OPTIONS: dict[str, object] = {}

_SHOWN = 24


def _difference(before: str, after: str) -> tuple[int, str, str]:
    """Where the two lines start to differ, and the differing middles."""
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    end = 0
    while end < limit - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return start, before[start : len(before) - end], after[start : len(after) - end]


def _short(text: str) -> str:
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "…"


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """One diagnostic per damaged line, fixed by writing the repaired line."""
    for repair in ctx.document.repairs:
        start, wrong, right = _difference(repair.before, repair.after)
        yield ctx.diagnostic(
            ID,
            options,
            repair.line,
            start + 1,
            f'mojibake "{_short(wrong)}" should read "{_short(right)}"',
            fix=Fix.replace(repair.line, 1, repair.before, repair.after),
        )
