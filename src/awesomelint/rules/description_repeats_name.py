"""A description that starts by repeating the entry's name.

``- [Pythia](url) - Pythia is a suite ...`` tells the reader the name twice;
awesome-lint asks for a description that says what the thing is.

Fails::

    - [Pythia](https://github.com/EleutherAI/pythia) - Pythia is a suite of models.

Passes::

    - [Pythia](https://github.com/EleutherAI/pythia) - A suite of models.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import ENTRIES, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import AWESOME

ID = "AL022"
NAME = "description-repeats-name"
SEVERITY: Severity = "error"
FIX: FixAvailability = "none"
CONSUMES = frozenset({ENTRIES})
PRESETS = AWESOME
OPTIONS: dict[str, object] = {}

_MARKUP = re.compile(r"[*_`~]")


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Compare the start of each description with the entry's title."""
    for item in ctx.located:
        entry = item.entry
        if not entry.description or not entry.title:
            continue
        description = _MARKUP.sub("", entry.description).strip().casefold()
        name = entry.title.strip().casefold()
        if not description.startswith(name):
            continue
        after = description[len(name) : len(name) + 1]
        if after and not (after.isspace() or after in ".,!?:;-"):
            continue
        line = entry.source.line
        where = ctx.locate(entry.description[:30], line) or (line, ctx.indent_column(line))
        yield ctx.diagnostic(
            ID, options, *where, f'description starts with the name "{entry.title}"'
        )
