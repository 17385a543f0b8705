"""A table of contents out of sync with the headings.

A heading that the table of contents leaves out while it lists its siblings
(a ToC that lists no subsection of "API" chose its depth; one that lists three
of five subsections forgot two), or entries listed in another order than their
headings.  ToC links that lead
nowhere are ``broken-fragment``'s; a ToC entry counts as listing a heading when
its link or its text matches it.  A ToC split into groups under labels is one
ToC.  Only headings after the first it lists are expected in it; headings
before the table of contents, its own heading, and the customary
unlisted ones (Contributing, License, Footnotes, Acknowledgements, Citation) are
not.

Fails::

    ## Contents

    - [Papers](#papers)
    - [Tools](#tools)

    ## Papers

    ## Articles

    ## Tools

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

from awesomelint.lint.context import DOCUMENT, HEADINGS, Heading, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.model import Block, Section, Span
from awesomelint.slug import heading_text
from awesomelint.syntax import CONTENTS_ITEM, FRAGMENT_LINK, LIST_MARKER_AND_SPACE, THEMATIC_BREAK

ID = "AL014"
NAME = "toc-sync"
SEVERITY: Severity = "warning"
FIX: FixAvailability = "none"
CONSUMES = frozenset({DOCUMENT, HEADINGS})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}

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
    items = [line for line in block.text.split("\n") if LIST_MARKER_AND_SPACE.match(line)]
    return len(items) >= 2 and all(CONTENTS_ITEM.match(line) for line in items)


def _listed(block: Block, ctx: LintContext) -> list[tuple[int, str, Heading]]:
    """(line, link text, heading) for each ToC link that leads to a heading."""
    by_slug = {heading.slug.lower(): heading for heading in ctx.headings}
    by_text: dict[str, Heading] = {}
    for heading in ctx.headings:
        by_text.setdefault(heading.text.casefold(), heading)
    found = []
    for offset, line in enumerate(block.text.split("\n")):
        for match in FRAGMENT_LINK.finditer(line):
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


def _tables(ctx: LintContext) -> list[list[Block]]:
    """The tables of contents: lists of anchors, grouped when no heading stands between them.

    A ToC split into groups under labels ("*(More than Top 100)*", "**Tools**") is one
    ToC; each group alone would seem to miss the others' headings.
    """
    blocks = sorted((b for b in ctx.toc_blocks if _is_contents(b)), key=lambda b: b.source.line)
    heading_lines = [h.line for h in ctx.headings]
    tables: list[list[Block]] = []
    for block in blocks:
        if tables:
            last = tables[-1][-1]
            end = last.source.line + last.text.count("\n")
            if not any(end < line < block.source.line for line in heading_lines):
                tables[-1].append(block)
                continue
        tables.append([block])
    return tables


def _more_groups(last: Block, ctx: LintContext) -> list[tuple[int, str, Heading]]:
    """Anchor items after the ToC's last block and before the next heading: more groups.

    ("* [New Papers](#new-papers) : Less than 6 months" under a label is not read as a
    table of contents by itself, but it lists headings all the same.)
    """
    start = last.source.line + last.text.count("\n") + 1
    following = [h.line for h in ctx.headings if h.line >= start]
    stop = min(following, default=len(ctx.lines) + 1)
    lines = [
        ctx.lines[n - 1]
        for n in range(start, stop)
        if LIST_MARKER_AND_SPACE.match(ctx.lines[n - 1])
        and not THEMATIC_BREAK.match(ctx.lines[n - 1])
    ]
    if not lines or not all(CONTENTS_ITEM.match(line) for line in lines):
        return []
    text = "\n".join(ctx.lines[start - 1 : stop - 1])
    return _listed(Block(text, Span(ctx.path, start), "toc"), ctx)


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Per table of contents: the headings it misses, then the first one out of order."""
    for table in _tables(ctx):
        block = table[0]
        listed = [found for part in table for found in _listed(part, ctx)]
        listed.extend(_more_groups(table[-1], ctx))
        if not listed:
            continue
        last = table[-1]
        end = last.source.line + last.text.count("\n")
        taken = {heading.line for _, _, heading in listed}
        # only headings after the first it lists: a short list near the top ("Open
        # source", "Closed source") is not expected to name the promotion above them
        first_line = min(taken)
        parents = _parents(ctx)
        covered = {parents.get(heading.line) for _, _, heading in listed if heading.section}
        for heading in ctx.headings:
            if heading.line <= end or heading.line in taken or heading.section is None:
                continue
            if heading.line < first_line:
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
