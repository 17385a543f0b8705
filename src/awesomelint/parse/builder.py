"""The model under construction: sections, entries and verbatim blocks, each with its span.

The fast path's lines (``parse.fast``: headings, entries, prose) are added here
directly; ``parse.blocks`` extends the builder to read mistletoe's block tokens,
and is imported only for a document that has lines the fast path leaves to
mistletoe (with the entry dialects it brings, about a tenth of the hook's start).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from awesomelint.model import Block, Entry, Item, Section, Span
from awesomelint.parse.fast import SIMPLE_ENTRY, SIMPLE_HEADING
from awesomelint.parse.inline import unescape
from awesomelint.titles import strip_quotes

_PAPER_HEADING = re.compile(r"\[(?P<title>[^\[\]]{1,500})\]\((?P<url>https?://[^()\s]+)\)")


@dataclass
class SectionBuilder:
    title: str
    level: int
    source: Span
    items: list[Item] = field(default_factory=list)
    children: list[SectionBuilder] = field(default_factory=list)
    # ``### [Title](url)`` over field bullets (EdinburghNLP): the paper, once its
    # bullets are read as notes; None for any other section
    paper: Entry | None = None

    def is_paper(self) -> bool:
        """A paper heading with nothing under it but its field bullets."""
        return self.paper is not None and (bool(self.paper.notes) or not self.items)

    def freeze(self) -> Section:
        children = self.children
        items = list(self.items)
        if children and all(child.is_paper() for child in children):
            # a section of papers, one heading each: they are its entries
            items.extend(child.paper for child in children if child.paper is not None)
            children = []
        return Section(
            title=self.title,
            level=self.level,
            source=self.source,
            items=tuple(items),
            children=tuple(child.freeze() for child in children),
        )


@dataclass
class Builder:
    """Collects a document's parts in order; ``lines`` keep their line ends."""

    path: str
    lines: list[str]
    offset: int
    title: str | None = None
    title_line: int | None = None
    prelude: list[Item] = field(default_factory=list)
    preamble: list[Item] = field(default_factory=list)
    sections: list[SectionBuilder] = field(default_factory=list)
    stack: list[SectionBuilder] = field(default_factory=list)
    bare: list[str] = field(default_factory=list)
    # the last list entry read and its head tokens, which a paragraph may continue
    last_head: tuple[Entry, list[Any], int] | None = None

    def __post_init__(self) -> None:
        self.bare = [line.rstrip("\n") for line in self.lines]

    # -- spans ---------------------------------------------------------------

    def _last(self, start: int, end: int) -> int:
        """The last non-blank line of lines [start, end) (1-based), ``start`` if none."""
        last = end - 1
        while last > start and not self.bare[last - 1].strip(" \t"):
            last -= 1
        return last

    def span(self, start: int, end: int, column: int = 1) -> Span:
        """Lines [start, end) without their trailing blank lines, from ``column``."""
        return Span(self.path, start, column, self._last(start, end), 0)

    def _items(self) -> list[Item]:
        if not self.stack:
            return self.preamble
        section = self.stack[-1]
        if section.paper is not None and section.items:
            section.paper = None  # more under the heading than its field bullets
        return section.items

    def verbatim(self, start: int, end: int, kind: str = "text") -> None:
        """Keep source lines [start, end) as a block, blank lines around it trimmed."""
        while start < end and not self.bare[start - 1].strip(" \t"):
            start += 1
        if start >= end:
            return
        span = self.span(start, end)
        text = "\n".join(self.bare[start - 1 : span.last_line])
        self._items().append(Block(text, span, kind))  # type: ignore[arg-type]

    # -- regions ---------------------------------------------------------------

    def add_simple(
        self,
        start: int,
        end: int,
        matches: dict[int, re.Match[str]] | None = None,
        offset: int = 0,
    ) -> None:
        """Lines [start, end) (0-based) that ``parse.fast`` vouched for: headings, entries, prose.

        ``matches`` are the entry lines ``parse.fast.plan`` matched already, by index
        ``offset`` lines up (the body after the front matter); others are matched here.
        """
        found = matches or {}
        for index in range(start, end):
            line = self.bare[index]
            entry = found.get(index - offset) or SIMPLE_ENTRY.fullmatch(line)
            number = index + 1
            if entry is None:
                heading = SIMPLE_HEADING.fullmatch(line)
                if heading is None:  # a paragraph of plain prose: kept as it stands
                    self.verbatim(number, number + 1)
                    continue
                span = Span(self.path, number, 1, number)
                self._open_section(heading["text"], len(heading["marks"]), span)
                continue
            # the description is markdown already, made of units that need no escape
            column = len(entry["indent"]) + 1
            self._items().append(
                Entry(
                    title=strip_quotes(entry["title"].strip()),
                    url=entry["url"],
                    description=entry["description"] or "",
                    source=Span(self.path, number, column, number),
                    url_span=Span(
                        self.path, number, entry.start("url") + 1, number, entry.end("url") + 1
                    ),
                )
            )

    # -- headings --------------------------------------------------------------

    def _open_section(self, markdown: str, level: int, span: Span) -> None:
        """A heading: the document's title (the first, level 1) or a new section."""
        if level == 1 and self.title is None and not self.sections:
            self.title = markdown
            self.title_line = span.line
            self.prelude, self.preamble = self.preamble, []
            return
        section = SectionBuilder(markdown, level, span)
        paper = _PAPER_HEADING.fullmatch(markdown) if level >= 3 else None
        if paper is not None:
            title = unescape(paper["title"]).strip()
            section.paper = Entry(title=title, url=paper["url"], source=span)
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        (self.stack[-1].children if self.stack else self.sections).append(section)
        self.stack.append(section)


__all__ = ["Builder", "SectionBuilder"]
