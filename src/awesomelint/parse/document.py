"""Markdown text to a ``Document``: regions planned, blocks read, the model built.

The fast path (``parse.fast``) reads plain heading and entry lines itself;
every other region goes to mistletoe (``parse.tokens``), except blocks too
deep or dense for it (``parse.bounds``), which are kept verbatim.  The
builder (``parse.builder``) turns both into the model, its block reader
(``parse.blocks``) mistletoe's tokens.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from awesomelint.model import Document, Repair
from awesomelint.parse import bounds
from awesomelint.parse.builder import Builder
from awesomelint.parse.fast import Region, opaque_lines, plan
from awesomelint.parse.frontmatter import split_front_matter

if TYPE_CHECKING:
    from awesomelint.parse.blocks import BlockBuilder

__all__ = ["parse_text", "split_front_matter"]


def parse_text(
    text: str,
    path: str,
    newline: str = "\n",
    repairs: tuple[Repair, ...] = (),
    *,
    fast: bool = True,
) -> Document:
    """Parse decoded markdown (LF line ends) into a Document.

    ``fast=False`` reads everything with mistletoe; the default reads simple
    heading and entry lines directly (``parse.fast``), with the same result.
    """
    # only "\n" ends a line: str.splitlines would also break at \x0c, \x1e, \u2028 ...
    # and every line number after them would be off
    lines = [line + "\n" for line in text.split("\n")]
    if lines[-1] == "\n":
        lines.pop()
    else:
        lines[-1] = lines[-1][:-1]
    front_matter, body_start = split_front_matter(lines)
    body = [line.rstrip("\n") for line in lines[body_start:]]
    matches: dict[int, re.Match[str]] = {}  # the entry lines plan matched, by body index
    regions = plan(body, matches) if fast else [Region(0, len(body), False)]
    if all(region.fast for region in regions):
        builder = Builder(path=path, lines=lines, offset=body_start)
    else:  # mistletoe's tokens to read: the block reader, and the dialects it brings
        from awesomelint.parse.blocks import BlockBuilder

        builder = BlockBuilder(path=path, lines=lines, offset=body_start)
    for region in regions:
        start, end = region.start + body_start, region.end + body_start
        if region.verbatim:
            builder.verbatim(start + 1, end + 1, kind="toc" if region.verbatim == "toc" else "text")
        elif region.fast:
            builder.add_simple(start, end, matches, body_start)
        else:
            _read_slow(builder, lines, start, end, in_list=region.item)
    return Document(
        path=path,
        title=builder.title,
        title_line=builder.title_line,
        front_matter=front_matter,
        prelude=tuple(builder.prelude),
        preamble=tuple(builder.preamble),
        sections=tuple(section.freeze() for section in builder.sections),
        repairs=repairs,
        newline=newline,
    )


def _read_slow(
    builder: BlockBuilder, lines: list[str], start: int, end: int, *, in_list: bool = False
) -> None:
    """Lines [start, end) (0-based) through mistletoe, minus the blocks it cannot bear.

    ``in_list``: the lines are one item of a list whose other items are entries.
    """
    from awesomelint.parse.tokens import tokenize

    body = [line.rstrip("\n") for line in lines[start:end]]
    hostile = _unreadable_blocks(body)
    at = 0
    for a, b in [*hostile, (len(body), len(body))]:
        if a > at:
            tokens = tokenize(lines[start + at : start + a])
            builder.add_region(tokens, start + at, start + a, in_list=in_list)
        if b > a:
            builder.verbatim(start + a + 1, start + b + 1, kind="unread")
        at = b


def _unreadable_blocks(body: list[str]) -> list[tuple[int, int]]:
    """Blank-line separated blocks mistletoe must not be given (outside code and HTML)."""
    found = [(a, b) for a, b in bounds.blocks(body) if bounds.unreadable(body[a:b])]
    if not found:
        return []
    opaque = opaque_lines(body)
    return [(a, b) for a, b in found if not all(i in opaque for i in range(a, b))]
