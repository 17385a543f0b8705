"""A reference link to a label that no link definition defines.

``[Text][label]`` needs a ``[label]: url`` somewhere in the file; without it
the brackets are shown as they are.  A label that is an ``#anchor``
(``[Knowledge Editing][#knowledge-editing]``) is an inline anchor link typed
with the wrong brackets: the fix turns it into ``[Knowledge Editing](#knowledge-editing)``.

Fails::

    - [Knowledge Editing][#knowledge-editing]
    - [TransformerLens][tl]

Passes::

    - [Knowledge Editing](#knowledge-editing)
    - [TransformerLens][tl]

    [tl]: https://github.com/TransformerLensOrg/TransformerLens
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.context import CODE, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Fix, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.syntax import DEFINITION_LABEL, REFERENCE_LINK

ID = "AL006"
NAME = "undefined-reference"
SEVERITY: Severity = "error"
FIX: FixAvailability = "sometimes"
CONSUMES = frozenset({CODE})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}


def normalise_label(label: str) -> str:
    """Labels match case-insensitively, with runs of whitespace as one space."""
    return " ".join(label.split()).casefold()


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Collect the definitions, then report full and collapsed references to others."""
    lines = list(ctx.markdown_lines())
    defined = {
        normalise_label(match.group(1))
        for _, line in lines
        if "]:" in line and (match := DEFINITION_LABEL.match(line))
    }
    for number, code_free in ctx.markdown_lines(blank_code=True):
        if "][" not in code_free:
            continue
        line = ctx.lines[number - 1]
        for match in REFERENCE_LINK.finditer(code_free):
            text, label = line[match.start(1) : match.end(1)], line[match.start(2) : match.end(2)]
            key = normalise_label(label or text)
            if not key or key.startswith("^") or key in defined:
                continue
            column = match.start() + 1
            if label.startswith("#") and label == label.strip():
                start = match.end(1)
                old = line[start : match.end()]
                yield ctx.diagnostic(
                    ID,
                    options,
                    number,
                    column,
                    f"[{text}][{label}] is a reference link to the undefined label "
                    f'"{label}"; an anchor link is written [{text}]({label})',
                    fix=Fix.replace(number, start + 1, old, f"]({label})"),
                )
            else:
                yield ctx.diagnostic(
                    ID,
                    options,
                    number,
                    column,
                    f'reference link [{text}][{label}] uses the undefined label "{label or text}"',
                )
