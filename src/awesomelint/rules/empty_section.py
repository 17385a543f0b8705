"""A section with nothing in it.

A heading with no entries, no text and no subsections is a placeholder left
from a plan ("### Evaluation" with the papers still to come): readers follow
the table of contents to an empty page.  Only the innermost empty headings
are reported; a parent whose subsections are all empty is not, again.

Fails::

    ## Paper Collection

    ### Techniques

    ### Evaluation

    - [Evaluating the Ripple Effects of Knowledge Editing](https://arxiv.org/abs/2307.12976)

Passes::

    ## Paper Collection

    ### Evaluation

    - [Evaluating the Ripple Effects of Knowledge Editing](https://arxiv.org/abs/2307.12976)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.context import DOCUMENT, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.slug import heading_text

ID = "AL016"
NAME = "empty-section"
SEVERITY: Severity = "warning"
FIX: FixAvailability = "none"
CONSUMES = frozenset({DOCUMENT})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}


_CONTENTS = frozenset({"contents", "table of contents", "toc"})


def _not_a_section(title: str) -> bool:
    """A heading used as a note (``#### *Thanks!*``), a ToC's own heading, or a link to one."""
    text = title.strip()
    if text.startswith(("*", "_")) and text.endswith(("*", "_")):
        return True
    if text.startswith("[") and "](#" in text and text.endswith(")"):
        return True
    plain = heading_text(text).strip().rstrip(".").casefold()
    return plain in _CONTENTS or plain.endswith("...") or plain.startswith("continue")


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report sections with neither items nor subsections."""
    for section in ctx.document.all_sections():
        if section.items or section.children or _not_a_section(section.title):
            continue
        yield ctx.diagnostic(
            ID,
            options,
            section.source.line,
            1,
            f'section "{heading_text(section.title)}" is empty',
        )
