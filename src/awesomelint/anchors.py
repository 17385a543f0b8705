"""The anchors of one markdown file: what a ``#fragment`` pointing into it may name.

One computation, shared by ``lint`` (broken-fragment, local links) and
``links`` (same-file and ``other.md#x`` links), so the two never disagree:

- the GitHub anchor of every heading (``awesomelint.slug``), repeats suffixed,
  headings GitHub renders inside list items and block quotes (``- ### X``) too;
- ``id`` and ``<a name>`` attributes of HTML written in the markdown text;
- GitHub's footnote anchors (``fn-x``, ``fnref-x``).

HTML inside fenced code, inline code spans, HTML comments and front matter
is shown as text, not rendered, so it makes no anchor.  GitHub prefixes
rendered ids with ``user-content-`` and matches fragments case-insensitively;
``has_anchor`` does the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from awesomelint.model import Document
from awesomelint.slug import fragment_key, unique_slugs
from awesomelint.syntax import (
    CODE_SPAN,
    FENCE,
    FOOTNOTE_DEFINITION,
    HTML_ID_ATTRIBUTE,
    NESTED_ATX_HEADING,
    closes_fence,
)

_ALWAYS = frozenset({"", "top"})  # fragments every browser honours without an element
_PREFIX = "user-content-"


def headings(document: Document) -> list[tuple[int, str]]:
    """(line, markdown) of every heading in document order, the main title included."""
    found: list[tuple[int, str]] = []
    if document.title is not None:
        found.append((document.title_line or 1, document.title))
    found.extend((section.source.line, section.title) for section in document.all_sections())
    found.sort(key=lambda item: item[0])
    return found


def _markdown_lines(text: str) -> Iterator[str]:
    """Lines shown as markdown: not in front matter, fenced code or HTML comments."""
    for _, line in _numbered_markdown_lines(text):
        yield line


def _numbered_markdown_lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based number, line) of the lines ``_markdown_lines`` gives."""
    lines = text.split("\n")
    start = 0
    if lines and lines[0].rstrip() == "---":
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                start = index + 1
                break
    fence: str | None = None
    comment = False
    for number, line in enumerate(lines[start:], start=start + 1):
        if fence is not None:
            if closes_fence(line, fence):
                fence = None
            continue
        if comment:
            comment = "-->" not in line
            continue
        opened = FENCE.match(line)
        if opened:
            fence = opened.group(1)
            continue
        if "<!--" in line:
            head, _, rest = line.partition("<!--")
            comment = "-->" not in rest
            line = head + rest.partition("-->")[2] if not comment else head
        yield number, line


def file_anchors(document: Document, text: str) -> frozenset[str]:
    """Every anchor of a markdown file: heading slugs, HTML ids and names, footnotes."""
    outline = headings(document)
    nested = _nested_headings(text, {line for line, _ in outline})
    ordered = sorted(outline + nested, key=lambda item: item[0]) if nested else outline
    found = set(unique_slugs(markdown for _, markdown in ordered))
    found.update(text_anchors(text))
    return frozenset(found)


def _nested_headings(text: str, known: set[int]) -> list[tuple[int, str]]:
    """(line, markdown) of the headings written inside list items or block quotes."""
    if "#" not in text:
        return []
    found = []
    for number, line in _numbered_markdown_lines(text):
        if "#" in line and number not in known:
            match = NESTED_ATX_HEADING.match(line)
            if match and len(match.group(1)) <= 6:
                found.append((number, (match.group(2) or "").strip()))
    return found


def text_anchors(text: str) -> Iterable[str]:
    """The anchors written in the text itself (HTML ids and names, footnotes)."""
    found: set[str] = set()
    if "<" not in text and "[^" not in text:
        return found
    for line in _markdown_lines(text):
        if "=" in line and "<" in line:
            if "`" in line:
                line = CODE_SPAN.sub("", line)
            found.update(match.group(1) for match in HTML_ID_ATTRIBUTE.finditer(line))
        if "[^" in line:
            footnote = FOOTNOTE_DEFINITION.match(line)
            if footnote:
                found.update((f"fn-{footnote.group(1)}", f"fnref-{footnote.group(1)}"))
    return found


def anchor_key(anchor: str) -> str:
    """The form anchors are compared in: GitHub's page script's (``slug.fragment_key``)."""
    return fragment_key(anchor)


def has_anchor(fragment: str, anchors: frozenset[str]) -> bool:
    """True when ``fragment`` (as written after ``#``) names one of ``anchors``."""
    if fragment in anchors:
        return True
    key = anchor_key(fragment)
    return key in _ALWAYS or any(anchor_key(anchor) == key for anchor in anchors)
