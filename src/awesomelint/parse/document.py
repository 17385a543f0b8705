"""Markdown text to a ``Document``: block structure from mistletoe, text from the source.

mistletoe only tells where a block starts, so a block's extent is taken as
"up to the next block", and every block we do not turn into entries is kept
as the exact source lines of that extent: nothing is dropped, not even link
definitions, which mistletoe consumes without a token.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from awesomelint.model import Block, Document, Entry, Item, Repair, Section, Source
from awesomelint.parse.entries import (
    entry_from_inline,
    entry_from_paragraph,
    entry_from_row,
    has_link,
    is_blank_span,
    is_title_led,
    strip_quotes,
)
from awesomelint.parse.fast import DEFINITION, SIMPLE_ENTRY, SIMPLE_HEADING, Region, plan
from awesomelint.parse.inline import escape, to_markdown, to_plain
from awesomelint.parse.mistletoe_import import import_mistletoe

_DEFINITION_TITLE = re.compile(r"""^\s*("[^"]*"|'[^']*'|\([^)]*\))\s*$""")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_YAML_LINE = re.compile(r"^(\s*#.*|\s*[\w\-. ]+\s*:.*|\s+.*|\s*-\s.*|\s*)$")


@dataclass
class _SectionBuilder:
    title: str
    level: int
    source: Source
    items: list[Item] = field(default_factory=list)
    children: list[_SectionBuilder] = field(default_factory=list)

    def freeze(self) -> Section:
        return Section(
            title=self.title,
            level=self.level,
            source=self.source,
            items=tuple(self.items),
            children=tuple(child.freeze() for child in self.children),
        )


def split_front_matter(lines: list[str]) -> tuple[str | None, int]:
    """YAML front matter (without fences) and the index of the first body line."""
    if not lines or lines[0].rstrip() != "---":
        return None, 0
    for index in range(1, min(len(lines), 500)):
        stripped = lines[index].rstrip()
        if stripped in ("---", "..."):
            body = lines[1:index]
            if body and all(_YAML_LINE.match(line.rstrip("\n")) for line in body):
                return "".join(body).rstrip("\n"), index + 1
            return None, 0
    return None, 0


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
    builder = _Builder(path=path, lines=lines, offset=body_start)
    body = [line.rstrip("\n") for line in lines[body_start:]]
    regions = plan(body) if fast else [Region(0, len(body), False)]
    for region in regions:
        start, end = region.start + body_start, region.end + body_start
        if region.verbatim:
            builder.verbatim(start + 1, end + 1, kind="toc" if region.verbatim == "toc" else "text")
        elif region.fast:
            builder.add_simple(start, end)
        else:
            builder.add_region(_tokenize(lines[start:end]), start, end)
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


@functools.cache
def _html_aware() -> Any:
    """A mistletoe renderer class that registers the HTML tokens for a ``with`` block.

    mistletoe keeps its token registry in module globals; a renderer used as a
    context manager adds tokens and restores the registry on exit.  We never
    render with it.  Built on first use, so a list read entirely by the fast
    path never imports mistletoe.
    """
    from mistletoe.base_renderer import BaseRenderer
    from mistletoe.block_token import HtmlBlock
    from mistletoe.span_token import HtmlSpan

    class HtmlAware(BaseRenderer):
        def __init__(self) -> None:
            super().__init__(HtmlBlock, HtmlSpan)

        def render_html_block(self, token: Any) -> str:
            return ""

        def render_html_span(self, token: Any) -> str:
            return ""

    return HtmlAware


def _tokenize(lines: list[str]) -> list[Any]:
    import_mistletoe()
    from mistletoe import Document as MistletoeDocument

    with _html_aware()():
        return list(MistletoeDocument(lines).children or [])


@dataclass
class _Builder:
    path: str
    lines: list[str]
    offset: int
    title: str | None = None
    title_line: int | None = None
    prelude: list[Item] = field(default_factory=list)
    preamble: list[Item] = field(default_factory=list)
    sections: list[_SectionBuilder] = field(default_factory=list)
    stack: list[_SectionBuilder] = field(default_factory=list)

    def source(self, line: int) -> Source:
        return Source(self.path, line)

    def _items(self) -> list[Item]:
        return self.stack[-1].items if self.stack else self.preamble

    def verbatim(self, start: int, end: int, kind: str = "text") -> None:
        """Keep source lines [start, end) as a block, trailing blank lines trimmed."""
        chunk = [line.rstrip("\n") for line in self.lines[start - 1 : end - 1]]
        while chunk and not chunk[-1].strip(" \t"):
            chunk.pop()
        while chunk and not chunk[0].strip(" \t"):
            chunk.pop(0)
            start += 1
        if chunk:
            self._items().append(Block("\n".join(chunk), self.source(start), kind))  # type: ignore[arg-type]

    def add_region(self, tokens: list[Any], start: int, end: int) -> None:
        """mistletoe's tokens of lines [start, end) (1-based ``start`` is ``start + 1``)."""
        self.offset = start
        starts = [token.line_number + start for token in tokens]
        # what mistletoe saw as blank but is not to us (a line of control characters)
        self.verbatim(start + 1, starts[0] if starts else end + 1)
        ends = [*starts[1:], end + 1] if starts else []
        for token, token_start, token_end in zip(tokens, starts, ends, strict=True):
            self.add(token, token_start, token_end)

    def add_simple(self, start: int, end: int) -> None:
        """Lines [start, end) that ``parse.fast`` vouched for: headings and entries."""
        for index in range(start, end):
            line = self.lines[index].rstrip("\n")
            entry = SIMPLE_ENTRY.fullmatch(line)
            if entry is None:
                heading = SIMPLE_HEADING.fullmatch(line)
                assert heading is not None, line
                self._open_section(heading["text"], len(heading["marks"]), index + 1)
                continue
            description = entry["description"]
            self._items().append(
                Entry(
                    title=strip_quotes(entry["title"].strip()),
                    url=entry["url"],
                    description=escape(description) if description else "",
                    source=self.source(index + 1),
                )
            )

    def add(self, token: Any, start: int, end: int) -> None:
        name = type(token).__name__
        if name in ("Heading", "SetextHeading"):
            self._heading(token, start, end)
        elif name == "List":
            self._list(token, start, end)
        elif name == "Paragraph":
            entry = entry_from_paragraph(list(token.children), self.source(start))
            if entry is None:
                self.verbatim(start, end)
            else:
                self._items().append(entry)
                self._definitions_after(start + 1, end)
        elif name == "Table":
            self._table(token, start, end)
        else:
            self.verbatim(start, end)

    def _definitions_after(self, start: int, end: int) -> None:
        """Link definitions that mistletoe swallowed after a block we turned into entries.

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
            if DEFINITION.match(text):
                first, title = line, False
                continue
            if not title and _DEFINITION_TITLE.match(text):
                title = True
                continue
            break
        if first is not None:
            self.verbatim(first, end)

    def _heading(self, token: Any, start: int, end: int) -> None:
        markdown = to_markdown(token.children).strip()
        own = 1
        if type(token).__name__ == "SetextHeading":
            while start + own - 1 < end and not _SETEXT.match(self.lines[start + own - 2]):
                own += 1
        self._open_section(markdown, token.level, start)
        if start + own < end:
            self.verbatim(start + own, end)

    def _open_section(self, markdown: str, level: int, start: int) -> None:
        """A heading: the document's title (the first, level 1) or a new section."""
        if level == 1 and self.title is None and not self.sections:
            self.title = markdown
            self.title_line = start
            self.prelude, self.preamble = self.preamble, []
            return
        section = _SectionBuilder(markdown, level, self.source(start))
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        (self.stack[-1].children if self.stack else self.sections).append(section)
        self.stack.append(section)

    def _list(self, token: Any, start: int, end: int) -> None:
        if _is_toc(token):
            self.verbatim(start, end, kind="toc")
            return
        entries = self._entries(token)
        if entries is None:
            self.verbatim(start, end)
            return
        self._items().extend(entries)
        self._definitions_after(start + 1, end)

    def _entries(self, token: Any) -> list[Entry] | None:
        """The list's items as entries, or None where the list is prose."""
        items = list(token.children or [])
        if not items or not _simple_list(token):
            return None
        heads = [item.children[0] for item in items]
        if not any(is_title_led(list(head.children)) for head in heads):
            return None
        entries = [self._item_entry(item) for item in items]
        # an item that yields no title (a lone badge, an image) is not an entry: then the
        # list is prose with links, and is kept as written
        if any(not entry.title for top in entries for entry in top.walk()):
            return None
        return entries

    def _item_entry(self, item: Any) -> Entry:
        head, *more = item.children
        notes: list[str] = []
        kids: list[Entry] = []
        self._nested(more, notes, kids)
        return entry_from_inline(
            list(head.children),
            self.source(item.line_number + self.offset),
            notes=tuple(notes),
            kids=tuple(kids),
        )

    def _nested(self, blocks: list[Any], notes: list[str], kids: list[Entry]) -> None:
        """Sort what stands under an entry into nested entries and notes.

        A nested entry is led by its title and has a link; everything else is a
        note, whether a sub-bullet or a further paragraph.  Notes are written
        back as sub-bullets, so the same test must hold for both.
        """
        for block in blocks:
            if type(block).__name__ == "Paragraph":
                if _nested_entry(block.children):
                    line = block.line_number + self.offset
                    kids.append(entry_from_inline(list(block.children), self.source(line)))
                else:
                    notes.append(to_markdown(block.children).strip())
                continue
            for sub in block.children:
                sub_head, *sub_more = sub.children
                if _nested_entry(sub_head.children):
                    kids.append(self._item_entry(sub))
                else:
                    notes.append(to_markdown(sub_head.children).strip())
                    self._nested(sub_more, notes, kids)

    def _table(self, token: Any, start: int, end: int) -> None:
        if any(_link_targets(cell) or _has_image(cell) for cell in token.header.children):
            self.verbatim(start, end)  # a header of links or images is content, not names
            return
        header = [to_plain(cell.children).strip() for cell in token.header.children]
        entries = []
        for row in token.children:
            cells = [list(cell.children) for cell in row.children]
            entry = entry_from_row(header, cells, self.source(row.line_number + self.offset))
            if entry is None:
                self.verbatim(start, end)
                return
            entries.append(entry)
        if not entries:
            self.verbatim(start, end)
            return
        self._items().extend(entries)
        self._definitions_after(start + 1, end)


def _nested_entry(children: Any) -> bool:
    spans = list(children)
    return is_title_led(spans) and any(has_link(span) for span in spans)


def _simple_list(token: Any) -> bool:
    """Every item starts with a paragraph and holds only paragraphs and simple lists."""
    for item in token.children or []:
        children = item.children or []
        if not children or type(children[0]).__name__ != "Paragraph":
            return False
        for block in children[1:]:
            name = type(block).__name__
            if name == "List":
                if not _simple_list(block):
                    return False
            elif name != "Paragraph":
                return False
    return True


def _is_toc(token: Any) -> bool:
    """A table of contents: every link an ``#anchor``, no image, and most items just a link."""
    targets = _link_targets(token)
    if not targets or not all(t.startswith("#") for t in targets) or _has_image(token):
        return False
    items = _all_items(token)
    bare = sum(1 for item in items if _bare_link(item))
    return 2 * bare >= len(items)


def _all_items(token: Any) -> list[Any]:
    found: list[Any] = []
    for item in token.children or []:
        found.append(item)
        for block in item.children or []:
            if type(block).__name__ == "List":
                found.extend(_all_items(block))
    return found


def _bare_link(item: Any) -> bool:
    """Is the item's first paragraph nothing but one link?"""
    children = item.children or []
    if not children or type(children[0]).__name__ != "Paragraph":
        return False
    spans = [t for t in children[0].children if not is_blank_span(t)]
    return len(spans) == 1 and type(spans[0]).__name__ == "Link"


def _has_image(token: Any) -> bool:
    if type(token).__name__ == "Image":
        return True
    return any(_has_image(child) for child in getattr(token, "children", None) or ())


def _link_targets(token: Any) -> list[str]:
    found: list[str] = []
    stack = [token]
    while stack:
        node = stack.pop()
        if type(node).__name__ == "Link":
            found.append(node.target)
        stack.extend(getattr(node, "children", None) or [])
    return found
