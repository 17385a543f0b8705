"""A lint directive that names a rule no linter here has: it silences nothing.

A typo in ``<!-- awesomelint-disable-next-line duplicate-entyr -->`` or an
awesome-lint comment naming a rule that does not exist leaves the diagnostics
it was meant to silence in place, with nothing saying why.  Rules are known by
our ids and names, and in awesome-lint's ``<!--lint …-->`` comments by
awesome-lint's names too (``remark-lint:`` prefix allowed); awesome-lint rules
we have no counterpart of are known, not reported.

Fails::

    <!-- awesomelint-disable-next-line duplicate-entyr -->
    - [Luxon](https://github.com/moment/luxon) - Library for working with dates and times.

Passes::

    <!-- awesomelint-disable-next-line duplicate-entry -->
    - [Luxon](https://github.com/moment/luxon) - Library for working with dates and times.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.context import CODE, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.directives import unknown_rules
from awesomelint.lint.presets import EVERY

ID = "AL049"
NAME = "unknown-rule-in-directive"
SEVERITY: Severity = "warning"
FIX: FixAvailability = "none"
CONSUMES = frozenset({CODE})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Name every rule a directive mentions that is neither one of ours nor awesome-lint's."""
    if not ctx.directives:
        return
    from awesomelint.rules import RULES  # the registry imports this module: read it late

    known = {rule.ID.lower() for rule in RULES} | {rule.NAME for rule in RULES}
    for line, name in unknown_rules(ctx.directives, known):
        column = ctx.lines[line - 1].find(name) + 1 or 1
        yield ctx.diagnostic(
            ID, options, line, column, f'directive names unknown rule "{name}": it silences nothing'
        )
