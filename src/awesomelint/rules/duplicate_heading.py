"""The same heading twice under one parent.

Two "### Tools" side by side split one section in two and get the anchors
``#tools`` and ``#tools-1``, so a link meant for the second leads to the first.
The same heading under different parents ("General" under each topic) is a
normal outline and is not reported unless ``siblings-only`` is false.  A heading
that is only a link into the page (``### [Companies](#companies-1)``, a menu
above the section it names) repeats its target on purpose and is not compared.

Options: ``siblings-only`` (``true``).

Fails::

    ## Tools

    - [Inseq](https://github.com/inseq-team/inseq)

    ## Tools

    - [Pythia](https://github.com/EleutherAI/pythia)

Passes::

    ## Tools

    - [Inseq](https://github.com/inseq-team/inseq)
    - [Pythia](https://github.com/EleutherAI/pythia)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from awesomelint.lint.context import DOCUMENT, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.model import Section
from awesomelint.slug import heading_text

ID = "AL017"
NAME = "duplicate-heading"
SEVERITY: Severity = "warning"
FIX: FixAvailability = "none"
CONSUMES = frozenset({DOCUMENT})
PRESETS = EVERY
OPTIONS = {"siblings-only": True}

_NAVIGATION = re.compile(r"^\s*\[[^\]]*\]\(#[^()\s]*\)\s*$")


def _repeats(sections: Sequence[Section]) -> Iterator[tuple[Section, Section]]:
    """(repeat, first) for every section whose text an earlier one in ``sections`` has."""
    seen: dict[str, Section] = {}
    for section in sections:
        if _NAVIGATION.match(section.title):
            continue  # a link to the heading it repeats
        key = " ".join(heading_text(section.title).casefold().split())
        if key in seen:
            yield section, seen[key]
        else:
            seen[key] = section


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Compare sibling headings (or all headings when ``siblings-only`` is false)."""
    if options["siblings-only"]:
        groups: list[Sequence[Section]] = [ctx.document.sections]
        groups.extend(section.children for section in ctx.document.all_sections())
    else:
        groups = [list(ctx.document.all_sections())]
    for group in groups:
        for repeat, first in _repeats(group):
            yield ctx.diagnostic(
                ID,
                options,
                repeat.source.line,
                1,
                f'heading "{heading_text(repeat.title)}" repeats the heading at line '
                f"{first.source.line}",
            )
