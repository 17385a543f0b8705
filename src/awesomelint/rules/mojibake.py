"""Mojibake: UTF-8 text that was once decoded as Windows-1252 (``â€™`` for ``’``).

It happens when a list passes through a tool that guessed the wrong encoding,
and every reader sees the garbage.  The damage is recognised by ftfy's
encoding repair when the file is read (only that repair: quotes and HTML
entities are left alone); the fix writes the repaired line.

Fails::

    - [Sirenâ€™s Song in the AI Ocean](https://arxiv.org/abs/2309.01219)

Passes::

    - [Siren’s Song in the AI Ocean](https://arxiv.org/abs/2309.01219)

A URL is never repaired, by this fix or by ``fmt``: damage inside one
(``https://a.com/cafÃ©``) is reported without a fix, since the repaired form
is another address and only a person can tell which one is live.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.context import LINES, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Fix, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.syntax import URL_TEXT

ID = "AL013"
NAME = "mojibake"
SEVERITY: Severity = "error"
FIX: FixAvailability = "sometimes"
CONSUMES = frozenset({LINES})
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
    for repair in ctx.repairs:
        start, wrong, right = _difference(repair.before, repair.after)
        yield ctx.diagnostic(
            ID,
            options,
            repair.line,
            start + 1,
            f'mojibake "{_short(wrong)}" should read "{_short(right)}"',
            fix=Fix.replace(repair.line, 1, repair.before, repair.after),
        )
    yield from _in_urls(ctx, options)


def _in_urls(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Mojibake inside URLs: reported, never fixed (the decoder keeps URLs as written)."""
    fix_encoding = None
    for number, line in enumerate(ctx.lines, start=1):
        if line.isascii():
            continue
        for match in URL_TEXT.finditer(line):
            url = match.group(0)
            if url.isascii():
                continue
            if fix_encoding is None:
                from ftfy import fix_encoding
            right = fix_encoding(url)
            if right != url:
                start, wrong, fixed = _difference(url, right)
                yield ctx.diagnostic(
                    ID,
                    options,
                    number,
                    match.start() + start + 1,
                    f'mojibake "{_short(wrong)}" in a URL should probably read "{_short(fixed)}"'
                    " (not fixed: check the address by hand)",
                )
