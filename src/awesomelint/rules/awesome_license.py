"""A "License" section in the list: awesome lists keep the licence in a LICENSE file.

awesome-lint's ``awesome-license`` forbids the section: GitHub shows the
licence of the repository (its LICENSE file) at the top of the page, so a
section repeating it in the readme is clutter.  A heading that reads
``License`` or ``Licence`` (any level, markup and emoji aside) is reported.
There is no fix: the section's text may hold links the author keeps.

Fails::

    # Awesome Mechanistic Interpretability

    ## License

    CC0

Passes::

    # Awesome Mechanistic Interpretability

    ## Contributing

    See the contribution guide.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import HEADINGS, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import AWESOME

ID = "AL037"
NAME = "awesome-license"
SEVERITY: Severity = "error"
FIX: FixAvailability = "none"
CONSUMES = frozenset({HEADINGS})
PRESETS = AWESOME
OPTIONS: dict[str, object] = {}

_LICENSE = re.compile(r"^\W*licen[cs]e\W*$", re.IGNORECASE)


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report each heading that is just "License"."""
    for heading in ctx.headings:
        if heading.section is None or not _LICENSE.match(heading.text):
            continue
        yield ctx.diagnostic(
            ID,
            options,
            heading.line,
            ctx.indent_column(heading.line),
            f'a "{heading.text.strip()}" section: the licence goes in a LICENSE file, '
            "which GitHub shows at the top of the repository",
        )
