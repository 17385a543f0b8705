"""Every link of a parsed Document with its file and line, for the link checker and lint."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from awesomelint.model import Document, Entry, Span

_MD_LINK = re.compile(
    r"!?\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*(<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
    r"(?:\s+\"[^\"]*\")?\s*\)"
)
_AUTOLINK = re.compile(r"<(https?://[^\s>]+)>")
_HTML_ATTR = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]+)\]:\s*<?([^\s>]+)")
_BARE = re.compile(r"(?<![(<\"'=\w])https?://[^\s<>\"'`\]\[)]+")


@dataclass(frozen=True)
class LinkRef:
    """One occurrence of a link target: where it stands and what it is called there."""

    url: str
    file: str
    line: int
    label: str

    @property
    def span(self) -> Span:
        """The same position as the one source-position type (a line, no end)."""
        return Span(self.file, self.line)


def links_in_markdown(text: str, file: str, first_line: int) -> Iterator[LinkRef]:
    """Links of a markdown fragment: inline, autolinks, HTML attributes, definitions, bare URLs."""
    for offset, line in enumerate(text.split("\n")):
        # most description lines hold no link at all: skip the five searches for them
        if "](" not in line and "]:" not in line and "http" not in line and "=" not in line:
            continue
        number = first_line + offset
        spans: list[tuple[int, int]] = []
        for match in _MD_LINK.finditer(line):
            target = match.group(2)
            if target.startswith("<") and target.endswith(">"):
                target = target[1:-1]
            spans.append(match.span())
            yield LinkRef(target, file, number, match.group(1))
            # a link nested in the destination: the inner URL is a link as well
            yield from (
                LinkRef(inner.group(2), file, number, inner.group(1))
                for inner in _MD_LINK.finditer(match.group(2))
            )
        for match in _AUTOLINK.finditer(line):
            spans.append(match.span())
            yield LinkRef(match.group(1), file, number, "")
        for match in _HTML_ATTR.finditer(line):
            spans.append(match.span())
            yield LinkRef(match.group(1), file, number, "")
        definition = _DEFINITION.match(line)
        if definition:
            spans.append(definition.span())
            yield LinkRef(definition.group(2), file, number, definition.group(1))
        for match in _BARE.finditer(line):
            if not any(start <= match.start() < end for start, end in spans):
                yield LinkRef(match.group(0).rstrip(".,;:!?*_~"), file, number, "")


def _entry_links(entry: Entry, file: str) -> Iterator[LinkRef]:
    line = entry.source.line
    labelled = [(entry.url_label or entry.title, entry.url)] if entry.url is not None else []
    labelled.extend((link.label, link.url) for link in entry.links)
    for label, url in labelled:
        yield LinkRef(url, file, line, label)
        # a link nested in the destination: the inner URL is a link as well
        yield from (
            LinkRef(inner.group(2), file, line, inner.group(1)) for inner in _MD_LINK.finditer(url)
        )
    if entry.description:
        yield from links_in_markdown(entry.description, file, line)
    for note in entry.notes:
        yield from links_in_markdown(note, file, line)
    for child in entry.children:
        yield from _entry_links(child, file)


def iter_links(document: Document) -> Iterator[LinkRef]:
    """Every link target in the document, in document order, with its 1-based line."""
    file = document.path
    if document.title is not None:
        yield from links_in_markdown(document.title, file, document.title_line or 1)
    for item in document.prelude + document.preamble:
        yield from _item_links(item, file)
    for section in document.all_sections():
        yield from links_in_markdown(section.title, file, section.source.line)
        for item in section.items:
            yield from _item_links(item, file)


def _item_links(item: object, file: str) -> Iterator[LinkRef]:
    if isinstance(item, Entry):
        yield from _entry_links(item, file)
    else:
        yield from links_in_markdown(item.text, file, item.source.line)  # type: ignore[attr-defined]
