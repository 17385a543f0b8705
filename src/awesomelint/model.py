"""The common entry model every awesome-list dialect is read into.

Values only: frozen dataclasses and tuples, so a parsed Document can be shared
between stages (lint, dedupe, link checking, rendering) without copies.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

TagKind = Literal["venue", "date", "star", "topic"]


@dataclass(frozen=True)
class Source:
    """Where something was read: the file as given and its 1-based line."""

    file: str
    line: int


@dataclass(frozen=True)
class Link:
    """A labelled link of an entry besides its primary URL (``[pdf](url)``)."""

    label: str
    url: str


@dataclass(frozen=True)
class Tag:
    """A plain-text tag: venue (``EMNLP 2023``), date (``2023.5``), star, topic."""

    kind: TagKind
    text: str


@dataclass(frozen=True)
class Entry:
    """One item of a list: a paper, a tool, an article.

    ``url_label`` keeps the label the source gave the primary link when the
    title itself was not the link (``**Title** [[EMNLP 2023]](url)``), so lint
    can compare label and URL.  ``description`` and ``notes`` are markdown.
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

    def walk(self) -> Iterator[Entry]:
        """This entry, then its nested entries, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def urls(self) -> tuple[str, ...]:
        """Every link target of the entry itself (primary first)."""
        head = (self.url,) if self.url else ()
        return head + tuple(link.url for link in self.links)


BlockKind = Literal["text", "toc"]


@dataclass(frozen=True)
class Block:
    """A non-entry block kept verbatim (prose, HTML, images, code, tables).

    ``kind`` is ``toc`` for a table of contents (a list of ``#anchor`` links),
    which the writer may regenerate; everything else is written back as is.
    """

    text: str
    source: Source
    kind: BlockKind = "text"


Item = Entry | Block


@dataclass(frozen=True)
class Section:
    """A heading (markdown text, source level) with its items and subsections."""

    title: str
    level: int
    source: Source
    items: tuple[Item, ...] = ()
    children: tuple[Section, ...] = ()

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
