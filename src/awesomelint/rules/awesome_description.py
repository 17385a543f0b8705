"""A description that does not start with a capital letter or end with punctuation.

awesome-lint's description rule: ``- [Name](url) - Description.``.  A first
word in camelCase or with capitals inside (``iOS``, ``macOS``, ``npm`` is not)
counts as capitalised, as does one that starts with a digit, code or a link.

Fails::

    - [Inseq](https://github.com/inseq-team/inseq) - interpretability for sequence models

Passes::

    - [Inseq](https://github.com/inseq-team/inseq) - Interpretability for sequence models.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Severity
from awesomelint.lint.presets import AWESOME

ID = "AL021"
NAME = "awesome-description"
SEVERITY: Severity = "error"
FIXABLE = False
PRESETS = AWESOME
OPTIONS: dict[str, object] = {}

_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])[ \t]")
_LEADING_MARKUP = re.compile(r"^[*_~\s\"'“(]+")
_END = re.compile(r"[.!?…][\"'”’)*_]*$")


def _capitalised(text: str) -> bool:
    text = _LEADING_MARKUP.sub("", text)
    if not text or not text[0].isalpha():
        return True
    word = text.split()[0]
    return word[0].isupper() or any(char.isupper() for char in word[1:])


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Check the description of every entry that is a list item."""
    for item in ctx.located:
        entry = item.entry
        line = entry.source.line
        if not entry.description or not 1 <= line <= len(ctx.lines):
            continue
        if not _ITEM.match(ctx.lines[line - 1]):
            continue
        where = ctx.locate(entry.description[:30], line) or (line, ctx.indent_column(line))
        if not _capitalised(entry.description):
            yield ctx.diagnostic(
                ID, options, *where, "description should start with a capital letter"
            )
        if not _END.search(entry.description.rstrip()):
            yield ctx.diagnostic(
                ID, options, *where, "description should end with punctuation (. ! ?)"
            )
