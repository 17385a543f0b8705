"""The common entry model every awesome-list dialect is read into.

Values only: frozen dataclasses and tuples, so a parsed Document can be shared
between stages (lint, dedupe, link checking, rendering) without copies.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

TagKind = Literal["venue", "date", "star", "topic", "task"]


@dataclass(frozen=True)
class Span:
    """Where something stands in its file: the one source-position type of every layer.

    Lines and columns are 1-based; columns count code points.  ``end_line`` and
    ``end_column`` are inclusive of the last line and exclusive of the last
    column (``end_column`` 0 means "to the end of ``end_line``"), so the exact
    source text of an item is ``text_of(lines)``.  A span read from the start of
    a line alone (``Span(file, line)``) covers just that line.
    """

    file: str
    line: int
    column: int = 1
    end_line: int = 0
    end_column: int = 0

    @property
    def last_line(self) -> int:
        """The last line the span covers (its start line when no end was recorded)."""
        return self.end_line or self.line

    def text_of(self, lines: list[str]) -> str:
        """The source text this span covers, from the file's lines (no line ends)."""
        if self.line < 1 or self.line > len(lines):
            return ""
        chunk = lines[self.line - 1 : self.last_line]
        if not chunk:
            return ""
        if self.end_column:
            chunk[-1] = chunk[-1][: self.end_column - 1]
        chunk[0] = chunk[0][self.column - 1 :]
        return "\n".join(chunk)


# The name every layer used before spans carried an end; the same type.
Source = Span


@dataclass(frozen=True)
class Link:
    """A labelled link of an entry besides its primary URL (``[pdf](url)``).

    ``span`` covers the destination as written (the URL between the brackets'
    parentheses, or a bare URL), where a fix would edit it; None when the URL
    cannot be found as written (an entity or escape inside it).  It is left out
    of equality: two entries with the same label and URL have the same link.
    """

    label: str
    url: str
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Tag:
    """A plain-text tag: venue (``EMNLP 2023``), date (``2023.5``), star, topic, task.

    ``task`` is a task-list checkbox (``[ ]`` or ``[x]``) written before the title.
    """

    kind: TagKind
    text: str


@dataclass(frozen=True)
class Entry:
    """One item of a list: a paper, a tool, an article.

    ``url_label`` keeps the label the source gave the primary link when the
    title itself was not the link (``**Title** [[EMNLP 2023]](url)``), so lint
    can compare label and URL.  ``description`` and ``notes`` are markdown.
    ``authors`` and ``year`` are filled where the list gives them in a known
    place (a table column, a paper citation); the same text also stays where
    the list wrote it (a tag, the description), so writers that ignore these
    fields lose nothing.  ``url_span`` is where the primary URL is written.
    """

    title: str
    url: str | None
    source: Source
    url_label: str = ""
    links: tuple[Link, ...] = ()
    description: str = ""
    tags: tuple[Tag, ...] = ()
    notes: tuple[str, ...] = ()
    children: tuple[Entry, ...] = ()
    authors: str = ""
    year: str = ""
    url_span: Span | None = field(default=None, compare=False)

    @property
    def span(self) -> Span:
        """Where the whole item stands: from its list marker (or first character) to its end."""
        return self.source

    def walk(self) -> Iterator[Entry]:
        """This entry, then its nested entries, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def urls(self) -> tuple[str, ...]:
        """Every link target of the entry itself (primary first)."""
        head = (self.url,) if self.url else ()
        return head + tuple(link.url for link in self.links)


BlockKind = Literal["text", "toc", "unread"]


@dataclass(frozen=True)
class Block:
    """A non-entry block kept verbatim (prose, HTML, images, code, tables).

    ``kind`` is ``toc`` for a table of contents (a list of ``#anchor`` links),
    which the writer may regenerate; ``unread`` for a block too deeply nested
    or too dense for the markdown parser to read in bounded time; everything
    is written back as is.  ``text`` is exactly ``source.text_of(lines)``.
    """

    text: str
    source: Source
    kind: BlockKind = "text"

    @property
    def span(self) -> Span:
        """Where the block stands (the same value as ``source``)."""
        return self.source


Item = Entry | Block


@dataclass(frozen=True)
class Section:
    """A heading (markdown text, source level) with its items and subsections.

    ``source`` spans the heading itself (two lines for a setext heading).
    """

    title: str
    level: int
    source: Source
    items: tuple[Item, ...] = ()
    children: tuple[Section, ...] = ()

    @property
    def span(self) -> Span:
        """Where the heading stands (the same value as ``source``)."""
        return self.source

    def walk(self) -> Iterator[Section]:
        """This section, then its subsections, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Repair:
    """A mojibake repair made while reading: 1-based line, text before and after."""

    line: int
    before: str
    after: str


@dataclass(frozen=True)
class Document:
    """A whole list.

    ``front_matter`` is the YAML block without its ``---`` fences, verbatim.
    ``title`` is the main (first, level-1) heading as markdown; ``prelude``
    holds what stands before it (logos, badges), ``preamble`` what stands
    between it and the first section.
    """

    path: str
    title: str | None = None
    front_matter: str | None = None
    prelude: tuple[Item, ...] = ()
    preamble: tuple[Item, ...] = ()
    sections: tuple[Section, ...] = ()
    repairs: tuple[Repair, ...] = ()
    newline: str = field(default="\n")
    title_line: int | None = None
    # the list's own conventions (``awesomelint.style.styled``); None until detected
    # the list's own conventions (a ``style.HouseStyle``) once the formatter has read them;
    # typed loosely so the model does not depend on the module that reads it
    style: object | None = None

    def all_sections(self) -> Iterator[Section]:
        """Every section, depth first, in document order."""
        for section in self.sections:
            yield from section.walk()

    def items(self) -> Iterator[Item]:
        """Every top-level item (prelude, preamble, then section by section)."""
        yield from self.prelude
        yield from self.preamble
        for section in self.all_sections():
            yield from section.items

    def entries(self) -> Iterator[Entry]:
        """Every entry, nested ones included, in document order."""
        for item in self.items():
            if isinstance(item, Entry):
                yield from item.walk()

    def blocks(self) -> Iterator[Block]:
        """Every verbatim block in document order."""
        for item in self.items():
            if isinstance(item, Block):
                yield item
