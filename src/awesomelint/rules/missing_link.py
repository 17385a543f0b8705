"""An entry without any link.

An awesome list points somewhere; an entry with no link is usually a link
lost in an edit (``* **Title**`` with its ``[[venue]](url)`` gone).  An entry
with nested entries is a group heading and is not reported.

Fails::

    - **In-context Learning and Induction Heads**

Passes::

    - **In-context Learning and Induction Heads** [[blog]](https://transformer-circuits.pub/2022/in-context-learning-and-induction-heads/index.html)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.extract import links_in_markdown
from awesomelint.lint.context import LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Severity
from awesomelint.lint.presets import EVERY

ID = "AL003"
NAME = "missing-link"
SEVERITY: Severity = "error"
FIXABLE = False
PRESETS = EVERY
OPTIONS: dict[str, object] = {}


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report entries with no URL, no labelled link and no link in their text."""
    for item in ctx.located:
        entry = item.entry
        if entry.url or entry.links or entry.children:
            continue
        texts = (entry.description, *entry.notes)
        if any(next(links_in_markdown(text, ctx.path, 1), None) for text in texts if text):
            continue
        line = entry.source.line
        yield ctx.diagnostic(
            ID, options, line, ctx.indent_column(line), f'entry "{entry.title}" has no link'
        )
