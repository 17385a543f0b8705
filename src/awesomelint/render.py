"""The canonical writer: a Document to markdown in one consistent shape.

Deterministic and idempotent: rendering a parsed rendering gives the same
bytes.  Entries are one line each::

    - [Title](url) - Description. · [pdf](url) · [code](url) · EMNLP 2023 · 2023.5

The `` · `` separates metadata from the description unambiguously, so the
parser can read it back; the star marker leads (``- 🌟 [Title](url)``); an entry
without a link shows its title in bold; notes and nested entries are
sub-bullets.  Blocks the parser kept verbatim are written back as they were.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from awesomelint.canonical import label_is_implied
from awesomelint.model import Block, Document, Entry, Item, Section
from awesomelint.parse.inline import destination, escape
from awesomelint.slug import heading_text, unique_slugs
from awesomelint.syntax import (
    ATX_CLOSING,
    BLOCK_MARKER_AT_MARGIN,
    BULLET_AT_MARGIN,
    FRAGMENT_DESTINATION,
)

CONTENTS_SLUGS = frozenset({"contents", "table-of-contents"})


def render(document: Document, *, width: int | None = None) -> str:
    """The whole list in canonical form, with the document's newline style.

    ``width`` wraps entry and note lines longer than that at spaces (a soft
    break, which reads back as the same entry); None keeps every entry on one line.
    """
    text = "\n\n".join(_parts(document, width)) + "\n"
    if document.newline != "\n":
        text = text.replace("\n", document.newline)
    return text


def _parts(document: Document, width: int | None = None) -> Iterator[str]:
    if document.front_matter is not None:
        yield f"---\n{document.front_matter}\n---"
    yield from _items(document.prelude, document, width)
    if document.title is not None:
        yield f"# {document.title}"
    yield from _items(document.preamble, document, width)
    if not any(block.kind == "toc" for block in document.blocks()):
        toc = table_of_contents(document)
        if toc:
            yield "## Contents"
            yield toc
    for section in document.sections:
        yield from _section(section, 1, document, width)


def _section(
    section: Section, depth: int, document: Document, width: int | None = None
) -> Iterator[str]:
    yield "#" * min(depth + 1, 6) + " " + _atx_text(section.title)
    yield from _items(section.items, document, width)
    for child in section.children:
        yield from _section(child, depth + 1, document, width)


def _atx_text(title: str) -> str:
    """A heading's text safe after ``## ``: a trailing `` #`` would read as a closing sequence."""
    return ATX_CLOSING.sub(lambda m: m.group(1) + "\\" + m.group(2), title)


def _items(items: Sequence[Item], document: Document, width: int | None = None) -> Iterator[str]:
    """Runs of entries as one bullet list each, blocks as they are."""
    parts: list[str | list[Entry]] = []
    for item in items:
        if isinstance(item, Block):
            parts.append(_block(item, document))
        elif parts and isinstance(parts[-1], list):
            parts[-1].append(item)
        else:
            parts.append([item])
    for index, part in enumerate(parts):
        if isinstance(part, str):
            yield part
            continue
        neighbours = [parts[i] for i in (index - 1, index + 1) if 0 <= i < len(parts)]
        yield "\n".join(entry_lines(part, bullet=_free_bullet(neighbours), width=width))


def _free_bullet(neighbours: Sequence[str | list[Entry]]) -> str:
    """``-``, unless a verbatim list beside the entries uses it.

    Adjacent lists with the same bullet character are one list to a markdown
    parser, so the entries would swallow the verbatim list on the next read.
    """
    used = {
        text[0] for text in neighbours if isinstance(text, str) and BULLET_AT_MARGIN.match(text)
    }
    return next(bullet for bullet in "-*+" if bullet not in used)


def _block(block: Block, document: Document) -> str:
    """A block as written; a table of contents regenerated when that loses no link of it."""
    if block.kind == "toc":
        generated = table_of_contents(document)
        if generated and set(FRAGMENT_DESTINATION.findall(block.text)) <= set(
            FRAGMENT_DESTINATION.findall(generated)
        ):
            return generated
    return block.text


def entry_lines(
    entries: Sequence[Entry], indent: str = "", bullet: str = "-", width: int | None = None
) -> Iterator[str]:
    """Entries as bullet lines, notes and nested entries indented beneath."""
    for entry in entries:
        yield _wrap(f"{indent}{bullet} {entry_line(entry)}", indent + "  ", width)
        for note in entry.notes:
            yield _wrap(f"{indent}  - {_note(note)}", indent + "    ", width)
        if entry.children:  # most entries have none: no generator for them
            yield from entry_lines(entry.children, indent + "  ", width=width)


# where a soft break may go: a space outside link destinations and code spans, not
# before what would start a block on the next line (a bullet, a number, a heading ...)
_NO_LINE_START = re.compile(r"(?:[-+*>#|=<]|\d{1,9}[.)])(?:\s|$)|[`]")


def _wrap(line: str, indent: str, width: int | None) -> str:
    """``line`` broken at spaces into lines of at most ``width`` (continued at ``indent``)."""
    if width is None or len(line) <= width:
        return line
    breaks, depth, code = [], 0, False
    for at, char in enumerate(line):
        if char == "`":
            code = not code
        elif code:
            continue
        elif char == "(" and at and line[at - 1] == "]":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif char == " " and not depth and at > len(indent) + 2:
            rest = line[at + 1 :]
            if rest and not rest[0].isspace() and not _NO_LINE_START.match(rest):
                breaks.append(at)
    pieces = [line[i + 1 : j] for i, j in zip([-1, *breaks], [*breaks, len(line)], strict=True)]
    out: list[str] = []
    current, split = pieces[0], -1  # split: where in current the last " · " starts
    for piece in pieces[1:]:
        room = width - (len(indent) if out else 0)
        if len(current) + 1 + len(piece) > room:
            if split > 0:  # break before the separator: the next line starts "· …"
                out.append(current[:split])
                current = current[split + 1 :]
            else:
                out.append(current)
                current = ""
            split = -1
        if not current:
            current = piece
            continue
        if piece.startswith("\u00b7"):
            split = len(current)
        current += " " + piece
    out.append(current)
    return ("\n" + indent).join(out)


def entry_line(entry: Entry) -> str:
    """One entry's bullet text (without the ``- `` marker)."""
    stars = [tag.text for tag in entry.tags if tag.kind == "star"] if entry.tags else ()
    head = " ".join(stars) + " " if stars else ""
    title = escape(entry.title.strip())
    if entry.url is not None:
        head += f"[{title}]({destination(entry.url)})"
    else:
        head += f"**{title}**" if title else ""
    if entry.description:
        head += " - " + entry.description
    meta = [f"[{escape(link.label)}]({destination(link.url)})" for link in entry.links]
    if entry.url_label and not (entry.url and label_is_implied(entry.url_label, entry.url)):
        meta.append(_tag(entry.url_label))
    if entry.tags:
        meta.extend(_tag(tag.text) for tag in entry.tags if tag.kind != "star")
    if meta:
        head += " \u00b7 " + " \u00b7 ".join(meta)
    return head


def _tag(text: str) -> str:
    # the separator inside a tag would split it on the next read
    return escape(text.replace("\u00b7", "\u2022"))


def _note(note: str) -> str:
    return "\\" + note if BLOCK_MARKER_AT_MARGIN.match(note) else note


def _all_headings(document: Document) -> list[tuple[Section | None, str]]:
    headings: list[tuple[Section | None, str]] = []
    if document.title is not None:
        headings.append((None, document.title))
    headings.extend((section, section.title) for section in document.all_sections())
    return headings


def _heading_slugs(document: Document) -> list[str]:
    return unique_slugs(title for _, title in _all_headings(document))


def table_of_contents(document: Document) -> str:
    """A nested list of links to every section; empty for fewer than two sections.

    Sections named "Contents" or "Table of Contents" are left out (their
    subsections are listed in their place), as awesome-lint expects.
    """
    headings = _all_headings(document)
    slug_of = {
        id(section): slug
        for (section, _), slug in zip(headings, _heading_slugs(document), strict=True)
        if section is not None
    }
    lines: list[str] = []

    def walk(sections: Sequence[Section], depth: int) -> None:
        for section in sections:
            slug = slug_of[id(section)]
            if slug in CONTENTS_SLUGS:
                walk(section.children, depth)
                continue
            text = escape(heading_text(section.title))
            lines.append(f"{'  ' * depth}- [{text}](#{slug})")
            walk(section.children, depth + 1)

    walk(document.sections, 0)
    return "\n".join(lines) if len(lines) >= 2 else ""
