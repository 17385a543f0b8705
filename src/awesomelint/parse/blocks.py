"""mistletoe's block tokens read into the model: lists item by item, tables, quotes, HTML.

mistletoe only tells where a block starts, so a block's extent is taken as
"up to the next block" (trailing blank lines trimmed), and every block we do
not turn into entries is kept as the exact source lines of that extent:
nothing is dropped, not even link definitions, which mistletoe consumes
without a token.

A list is read item by item: an item that is no entry (an empty ``-``, an
image, an item holding a code block or a quote) stays a verbatim block in its
place, and its neighbours are still entries.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from awesomelint.model import Block, Entry, Item, Span
from awesomelint.parse.builder import Builder
from awesomelint.parse.dialects import (
    entry_from_card,
    entry_from_paragraph,
    entry_from_row,
    is_group_label,
)
from awesomelint.parse.dialects.acronym import entry_from_acronym, is_acronym_led
from awesomelint.parse.dialects.html import items_from_html
from awesomelint.parse.dialects.lines import entries_from_lines
from awesomelint.parse.dialects.table import gfm_cells
from awesomelint.parse.entries import (
    entry_from_inline,
    has_link,
    is_blank_span,
    is_citation_led,
    is_field_label,
    is_title_led,
    title_link,
)
from awesomelint.parse.inline import to_markdown, to_plain
from awesomelint.parse.tokens import kind, raw_text
from awesomelint.syntax import (
    DEFINITION,
    DEFINITION_TITLE,
    FOOTNOTE_DEFINITION,
    SETEXT_UNDERLINE,
)

# what may lead a list item that is an entry: its paragraph, or a heading (``- ### Arrays``)
_HEADS = ("Paragraph", "Heading")


class BlockBuilder(Builder):
    """A builder that also reads mistletoe's block tokens (the regions the fast path leaves)."""

    def add_region(self, tokens: list[Any], start: int, end: int, *, in_list: bool = False) -> None:
        """mistletoe's tokens of lines [start, end) (0-based; 1-based ``start + 1``)."""
        self.offset = start
        starts = [token.line_number + start for token in tokens]
        # what mistletoe saw as blank but is not to us (a line of control characters)
        self.verbatim(start + 1, starts[0] if starts else end + 1)
        ends = [*starts[1:], end + 1] if starts else []
        for token, token_start, token_end in zip(tokens, starts, ends, strict=True):
            if in_list and kind(token) == "List":
                self._list(token, token_start, token_end, in_list=True)
            else:
                self.add(token, token_start, token_end)

    def add(self, token: Any, start: int, end: int) -> None:
        """One block token standing on lines [start, end) (1-based)."""
        name = kind(token)
        if name in ("Heading", "SetextHeading"):
            self._heading(token, start, end)
        elif name == "List":
            self._list(token, start, end)
        elif name == "Paragraph":
            self._paragraph(token, start, end)
        elif name == "Table":
            self._table(token, start, end)
        elif name == "Quote":
            self._quote(token, start, end)
        elif name == "HtmlBlock" and "<tr" in token.content.lower():
            self._html(start, end)
        else:
            self.verbatim(start, end)

    def _paragraph(self, token: Any, start: int, end: int) -> None:
        stop = self._definitions_start(start + 1, end) or end
        if self._continues_entry(token, start, stop):
            if stop < end:
                self.verbatim(stop, end)
            return
        span = self.span(start, stop, _first_column(self.bare[start - 1]))
        children = list(token.children)
        entry = entry_from_paragraph(children, span)
        if entry is not None:
            self._items().append(self._locate(entry))
        elif (lined := entries_from_lines(self.bare, self.path, start, stop)) is not None:
            self._items().extend(self._locate(entry) for entry in lined)
        else:
            card = entry_from_card(children, span)
            if card is None:
                self.verbatim(start, end)
                return
            self._items().append(self._locate(card))
        if stop < end:
            self.verbatim(stop, end)

    def _continues_entry(self, token: Any, start: int, stop: int) -> bool:
        """An indented paragraph under a list's last entry (dqxiu's numbered papers).

        ``15. **Title**.`` / blank / ``   *Authors*. [[pdf](url)]``: three spaces are
        too few to belong to the item for markdown, but the list means them as its
        second line; read as one entry, the canonical writer cannot move them into
        the item on the next read.
        """
        if self.last_head is None or self.bare[start - 1][:1] != " ":
            return False
        entry, head, column = self.last_head
        items = self._items()
        if not items or items[-1] is not entry:
            return False
        if entry.url or entry.links:
            return False  # the second line brings the links: an entry with its own is whole
        if any(self.bare[i - 1].strip(" \t") for i in range(entry.source.last_line + 1, start)):
            return False
        if kind(token) == "Paragraph":
            more = list(token.children)
        else:  # ``   *\tAuthors.* [[pdf](url)]``: a stray bullet on the second line
            subs = list(token.children or [])
            if not all(len(sub.children or []) == 1 for sub in subs):
                return False
            if not all(kind(sub.children[0]) == "Paragraph" for sub in subs):
                return False
            more = [t for sub in subs for t in (raw_text(" "), *sub.children[0].children)]
        children = [*head, raw_text(" "), *more]
        merged = entry_from_inline(
            children,
            self.span(entry.source.line, stop, column),
            notes=entry.notes,
            kids=entry.children,
        )
        if not merged.title:
            return False
        items[-1] = self._locate(merged)
        self.last_head = None
        return True

    def _html(self, start: int, end: int) -> None:
        """An HTML block holding a table whose rows are entries (``<tr><td><a><b>Name``)."""
        stop = self._definitions_start(start + 1, end) or end
        items = items_from_html(self.bare, self.path, start, stop)
        if items is None:
            self.verbatim(start, end)
            return
        self._items().extend(self._locate(i) if isinstance(i, Entry) else i for i in items)
        if stop < end:
            self.verbatim(stop, end)

    def _quote(self, token: Any, start: int, end: int) -> None:
        """``> **[Name](url)** <kbd>★ 5k</kbd><br>Desc.``: a quote of one entry (awesome-java)."""
        children = list(token.children or [])
        stop = self._definitions_start(start + 1, end) or end
        if len(children) == 1 and kind(children[0]) == "Paragraph":
            spans = list(children[0].children)
            if title_link(spans) is not None:
                entry = entry_from_inline(spans, self.span(start, stop))
                if entry.title:
                    self._items().append(self._locate(entry))
                    if stop < end:
                        self.verbatim(stop, end)
                    return
        self.verbatim(start, end)

    def _definitions_start(self, start: int, end: int) -> int | None:
        """The first of the link definitions mistletoe swallowed at the end of lines [start, end).

        Read upwards from the end of the block's extent: definitions, blank lines,
        and a title on the line below its definition; anything else is the block.
        """
        first = None
        title = False  # the line just below was a title line waiting for its definition
        for line in range(end - 1, start - 1, -1):
            text = self.lines[line - 1]
            if not text.strip(" \t\n"):
                if title:
                    break
                continue
            if DEFINITION.match(text) or FOOTNOTE_DEFINITION.match(text):
                first, title = line, False  # a footnote mistletoe reads as a definition too
                continue
            if not title and DEFINITION_TITLE.match(text):
                title = True
                continue
            break
        return first

    def _heading(self, token: Any, start: int, end: int) -> None:
        markdown = to_markdown(token.children).strip()
        own = 1
        if kind(token) == "SetextHeading":
            own = 2  # the underline is below the text: a first line of "=" is text
            while start + own - 1 < end and not SETEXT_UNDERLINE.match(self.lines[start + own - 2]):
                own += 1
        self._open_section(markdown, token.level, Span(self.path, start, 1, start + own - 1))
        if start + own < end:
            self.verbatim(start + own, end)

    def _list(self, token: Any, start: int, end: int, *, in_list: bool = False) -> None:
        """A list; ``in_list``: one item of a longer list whose other items are entries
        (which continues no entry above it: its list does not start with it)."""
        stop = self._definitions_start(start + 1, end) or end
        if not in_list and self._continues_entry(token, start, stop):
            if stop < end:
                self.verbatim(stop, end)
            return
        if _is_toc(token):
            self.verbatim(start, end, kind="toc")
            return
        stop = self._definitions_start(start + 1, end) or end
        self._paper_fields(token, start, stop)
        items = self._list_items(token, start, stop, in_list=in_list)
        if items is None:
            self.verbatim(start, end)
            return
        self._items().extend(items)
        if stop < end:
            self.verbatim(stop, end)

    def _paper_fields(self, token: Any, start: int, end: int) -> None:
        """``- **Metrics:** …`` bullets right under a paper heading: the paper's notes.

        Anything else under the heading (prose, a second list, nested bullets)
        makes it a plain section again.
        """
        section = self.stack[-1] if self.stack else None
        if section is None or section.paper is None:
            return
        notes = []
        for item in token.children or []:
            children = item.children or []
            if len(children) != 1 or kind(children[0]) != "Paragraph":
                section.paper = None
                return
            if not is_field_label(list(children[0].children)):
                section.paper = None
                return
            notes.append(to_markdown(children[0].children).strip())
        if section.items or section.paper.notes:
            section.paper = None
            return
        paper = section.paper
        span = Span(self.path, paper.source.line, 1, self.span(start, end).last_line, 0)
        section.paper = dataclasses.replace(paper, notes=tuple(notes), source=span)

    def _list_items(
        self, token: Any, start: int, end: int, *, in_list: bool = False
    ) -> list[Item] | None:
        """The list's items, each an entry or a verbatim block; None where the list is prose
        (never for ``in_list``: part of a list with entries)."""
        items = list(token.children or [])
        if not items or not (in_list or any(_readable(item) for item in items)):
            return None
        found: list[Item] = []
        for item, (a, b) in zip(items, self._extents(items, end), strict=True):
            column = self._marker_column(item, a, 1)
            span = self.span(a, b, column)
            entry = self._item_entry(item, a, b, column) if _simple_item(item) else None
            if entry is None or any(not e.title for e in entry.walk()):
                found.append(Block(span.text_of(self.bare), span))
                self.last_head = None
            else:
                found.append(entry)
                self.last_head = (entry, list(item.children[0].children), column)
        if not in_list and not any(isinstance(item, Entry) for item in found):
            return None
        return found

    def _extents(self, tokens: list[Any], end: int) -> list[tuple[int, int]]:
        """Lines [a, b) (1-based) of sibling tokens: each up to the next, the last to ``end``."""
        starts = [token.line_number + self.offset for token in tokens]
        return list(zip(starts, [*starts[1:], end][: len(starts)], strict=True))

    def _marker_column(self, item: Any, line: int, after: int) -> int:
        """The column of an item's list marker on its first line, at or after ``after``."""
        text = self.bare[line - 1] if 0 < line <= len(self.bare) else ""
        index = text.find(getattr(item, "leader", "") or "-", after - 1)
        return index + 1 if index >= 0 else after

    def _item_entry(self, item: Any, start: int, end: int, column: int) -> Entry:
        head, *more = item.children
        notes: list[str] = []
        kids: list[Entry] = []
        content = column + len(getattr(item, "leader", "") or "-")
        self._nested(more, notes, kids, end, content)
        read = entry_from_acronym if is_acronym_led(list(head.children)) else entry_from_inline
        entry = read(
            list(head.children),
            self.span(start, end, column),
            notes=tuple(notes),
            kids=tuple(kids),
        )
        return self._locate(entry)

    def _nested(
        self, blocks: list[Any], notes: list[str], kids: list[Entry], end: int, column: int
    ) -> None:
        """Sort what stands under an entry into nested entries and notes.

        A nested entry is led by its title and has a link; everything else is a
        note, whether a sub-bullet or a further paragraph.  Notes are written
        back as sub-bullets, so the same test must hold for both.
        """
        for block, (a, b) in zip(blocks, self._extents(blocks, end), strict=True):
            if kind(block) == "Paragraph":
                if _nested_entry(block.children):
                    span = self.span(a, b, _first_column(self.bare[a - 1]))
                    kids.append(self._locate(entry_from_inline(list(block.children), span)))
                else:
                    notes.append(to_markdown(block.children).strip())
                continue
            subs = list(block.children)
            for sub, (sa, sb) in zip(subs, self._extents(subs, b), strict=True):
                sub_head, *sub_more = sub.children
                sub_column = self._marker_column(sub, sa, column if sa == a else 1)
                field_label = is_field_label(list(sub_head.children))
                if not field_label and (_nested_entry(sub_head.children) or is_group_label(sub)):
                    kids.append(self._item_entry(sub, sa, sb, sub_column))
                else:
                    notes.append(to_markdown(sub_head.children).strip())
                    content = sub_column + len(getattr(sub, "leader", "") or "-")
                    self._nested(sub_more, notes, kids, sb, content)

    def _locate(self, entry: Entry) -> Entry:
        """The entry with the spans of its URLs, found as written in its own source text."""
        finder = _UrlFinder(self.bare, entry.source)
        links = tuple(dataclasses.replace(link, span=finder.find(link.url)) for link in entry.links)
        url_span = finder.find(entry.url) if entry.url else None
        return dataclasses.replace(entry, links=links, url_span=url_span)

    def _table(self, token: Any, start: int, end: int) -> None:
        if any(_link_targets(cell) or _has_image(cell) for cell in token.header.children):
            self.verbatim(start, end)  # a header of links or images is content, not names
            return
        header = [to_plain(cell.children).strip() for cell in token.header.children]
        entries = []
        for row in token.children:
            line = row.line_number + self.offset
            cells = [list(cell.children) for cell in row.children]
            if 1 <= line <= len(self.bare):
                cells = gfm_cells(self.bare[line - 1], cells, len(header))
            entry = entry_from_row(header, cells, Span(self.path, line, 1, line))
            if entry is None:
                self.verbatim(start, end)
                return
            entries.append(self._locate(entry))
        if not entries:
            self.verbatim(start, end)
            return
        stop = self._definitions_start(start + 1, end) or end
        self._items().extend(entries)
        if stop < end:
            self.verbatim(stop, end)


class _UrlFinder:
    """Finds each URL of an entry in its source text, in order, each occurrence once."""

    def __init__(self, lines: list[str], span: Span) -> None:
        self.span = span
        self.lines = lines[span.line - 1 : span.last_line]
        self.used: dict[str, tuple[int, int]] = {}

    def find(self, url: str) -> Span | None:
        if not url:
            return None
        row, col = self.used.get(url, (0, self.span.column - 1))
        while row < len(self.lines):
            index = self.lines[row].find(url, col)
            if index >= 0:
                self.used[url] = (row, index + len(url))
                line = self.span.line + row
                return Span(self.span.file, line, index + 1, line, index + len(url) + 1)
            row, col = row + 1, 0
        return None


def _first_column(line: str) -> int:
    return len(line) - len(line.lstrip(" \t")) + 1


def _readable(item: Any) -> bool:
    """Could the item be an entry: led by a title, or a label over nested entries?"""
    children = item.children or []
    if not children or kind(children[0]) not in _HEADS:
        return False
    head = list(children[0].children)
    if is_title_led(head) or is_citation_led(head) or is_acronym_led(head):
        return True
    return is_group_label(item)


def _nested_entry(children: Any) -> bool:
    spans = list(children)
    return is_title_led(spans) and any(has_link(span) for span in spans)


def _simple_item(item: Any) -> bool:
    """The item starts with a paragraph (or a heading with text) and holds only
    paragraphs and simple lists."""
    children = item.children or []
    if not children or kind(children[0]) not in _HEADS:
        return False
    if kind(children[0]) == "Heading" and not to_plain(children[0].children).strip():
        return False  # ``- #``: an empty heading would be an empty note
    for block in children[1:]:
        name = kind(block)
        if name == "List":
            if not all(_simple_item(sub) for sub in block.children or []):
                return False
        elif name != "Paragraph":
            return False
    return True


def _is_toc(token: Any) -> bool:
    """A table of contents: every link an ``#anchor``, no image, and most items just a link."""
    anchors = False

    def disqualifies(node: Any) -> bool:  # the walk stops at the first link elsewhere
        nonlocal anchors
        name = kind(node)
        if name == "Link":
            if not node.target.startswith("#"):
                return True
            anchors = True
        return name == "Image"

    if _walk(token, disqualifies) or not anchors:
        return False
    items = _all_items(token)
    bare = sum(1 for item in items if _bare_link(item))
    return 2 * bare >= len(items)


def _all_items(token: Any) -> list[Any]:
    found: list[Any] = []
    stack = list(reversed(token.children or []))
    while stack:
        item = stack.pop()
        found.append(item)
        for block in reversed(item.children or []):
            if kind(block) == "List":
                stack.extend(reversed(block.children or []))
    return found


def _bare_link(item: Any) -> bool:
    """Is the item's first paragraph nothing but one link?"""
    children = item.children or []
    if not children or kind(children[0]) != "Paragraph":
        return False
    spans = [t for t in children[0].children if not is_blank_span(t)]
    return len(spans) == 1 and kind(spans[0]) == "Link"


def _walk(token: Any, visit: Callable[[Any], bool]) -> bool:
    """Does ``visit`` hold for the token or any token under it (iteratively)?"""
    stack = [token]
    while stack:
        node = stack.pop()
        if visit(node):
            return True
        stack.extend(getattr(node, "children", None) or [])
    return False


def _has_image(token: Any) -> bool:
    return _walk(token, lambda node: kind(node) == "Image")


def _link_targets(token: Any) -> list[str]:
    found: list[str] = []

    def visit(node: Any) -> bool:
        if kind(node) == "Link":
            found.append(node.target)
        return False

    _walk(token, visit)
    return found


__all__ = ["BlockBuilder"]
