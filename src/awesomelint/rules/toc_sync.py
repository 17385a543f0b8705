"""A table of contents out of sync with the headings.

A heading that the table of contents leaves out while it lists its siblings
(a ToC that lists no subsection of "API" chose its depth; one that lists three
of five subsections forgot two), or entries listed in another order than their
headings.  ToC links that lead
nowhere are ``broken-fragment``'s; a ToC entry counts as listing a heading when
its link or its text matches it.  Headings before the table of contents, its
own heading, and the customary unlisted ones (Contributing, License, Footnotes,
Acknowledgements, Citation) are not expected in it.

Fails::

    ## Contents

    - [Tools](#tools)
    - [Papers](#papers)

    ## Papers

    ## Tools

    ## Articles

Passes::

    ## Contents

    - [Papers](#papers)
    - [Tools](#tools)

    ## Papers

    ## Tools

    ## Contributing
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import Heading, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.model import Block, Section
from awesomelint.slug import heading_text

ID = "AL014"
NAME = "toc-sync"
SEVERITY: Severity = "warning"
FIXABLE = False
PRESETS = EVERY
OPTIONS: dict[str, object] = {}

_LINK = re.compile(r"\[((?:\\.|[^\[\]\\])*)\]\((#[^)\s]*)\)")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")
_CONTENTS_ITEM = re.compile(
    r"^\s*(?:[-*+]|\d{1,9}[.)])\s+\[(?:\\.|[^\[\]\\])*\](?:\(#[^)\s]*\)|\[#[^\]]*\])\s*$"
)
_CUSTOMARY = re.compile(
    r"^(?:table of )?contents?$|^contribut|^licen[cs]e|^footnotes?$|^acknowledg|^credits?$"
    r"|^citation|^how to cite|^cite\b|^code of conduct",
    re.IGNORECASE,
)


def _is_contents(block: Block) -> bool:
    """A list of at least two items that are each nothing but an anchor link.

    The parser calls any list whose links are all anchors a table of contents;
    a list of notes with one "see [Why](#why)" in it is not one.
    """
    items = [line for line in block.text.split("\n") if _ITEM.match(line)]
    return len(items) >= 2 and all(_CONTENTS_ITEM.match(line) for line in items)


def _listed(block: Block, ctx: LintContext) -> list[tuple[int, str, Heading]]:
    """(line, link text, heading) for each ToC link that leads to a heading."""
    by_slug = {heading.slug.lower(): heading for heading in ctx.headings}
    by_text: dict[str, Heading] = {}
    for heading in ctx.headings:
        by_text.setdefault(heading.text.casefold(), heading)
    found = []
    for offset, line in enumerate(block.text.split("\n")):
        for match in _LINK.finditer(line):
            text = heading_text(match.group(1))
            heading = by_slug.get(match.group(2)[1:].lower()) or by_text.get(text.casefold())
            if heading is not None:
                found.append((block.source.line + offset, text, heading))
    return found


def _parents(ctx: LintContext) -> dict[int, int | None]:
    """Heading line -> line of the enclosing section's heading (None at the top)."""
    found: dict[int, int | None] = {}

    def visit(section: Section, parent: int | None) -> None:
        found[section.source.line] = parent
        for child in section.children:
            visit(child, section.source.line)

    for section in ctx.document.sections:
        visit(section, None)
    return found


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Per table of contents: the headings it misses, then the first one out of order."""
    for block in ctx.toc_blocks:
        if not _is_contents(block):
            continue
        listed = _listed(block, ctx)
        if not listed:
            continue
        end = block.source.line + block.text.count("\n")
        taken = {heading.line for _, _, heading in listed}
        parents = _parents(ctx)
        covered = {parents.get(heading.line) for _, _, heading in listed if heading.section}
        for heading in ctx.headings:
            if heading.line <= end or heading.line in taken or heading.section is None:
                continue
            if parents.get(heading.line) not in covered or _CUSTOMARY.match(heading.text):
                continue
            yield ctx.diagnostic(
                ID,
                options,
                heading.line,
                1,
                f'heading "{heading.text}" is missing from the table of contents '
                f"(line {block.source.line})",
            )
        for (_, before_text, before), (line, text, heading) in zip(
            listed, listed[1:], strict=False
        ):
            if heading.line < before.line:
                yield ctx.diagnostic(
                    ID,
                    options,
                    line,
                    ctx.indent_column(line),
                    f'table of contents lists "{text}" after "{before_text}", '
                    "but its heading comes first",
                )
                break
