"""Every link of a parsed Document with its file and line, for the link checker and lint.

Code is not content: a URL in a fenced or indented code block, a code span or
``<code>``/``<pre>`` is an example, not a link of the list (``blank_code``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from awesomelint.model import Document, Entry, Span
from awesomelint.syntax import (
    AUTOLINK,
    BACKTICK_RUN,
    BARE_URL,
    DEFINITION_WITH_TARGET,
    HTML_CODE_TAG,
    HTML_URL_ATTRIBUTE,
    INLINE_LINK,
    LIST_MARKER,
    QUOTED_FENCE,
    closes_fence,
)


def _indent(line: str) -> int:
    if "\t" in line:
        line = line.expandtabs(4)
    return len(line) - len(line.lstrip(" "))


def _code_block_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines of fenced and indented code blocks (fences included)."""
    code: set[int] = set()
    fence: tuple[str, int] | None = None
    # a fragment that starts with an indented item is a nested list we see without its
    # parent: its indented lines are not code (reading too much as code hides links)
    first = next((line for line in lines if line.strip()), "")
    in_list = LIST_MARKER.match(first) is not None
    previous_blank = True
    previous_code = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if fence is not None:
            code.add(index)
            body = stripped.lstrip("> \t") if stripped.startswith(">") else stripped
            if closes_fence(body, fence[0] * fence[1]):
                fence = None
            continue
        opened = QUOTED_FENCE.match(line)
        if opened:
            mark = opened.group(2)
            # a backtick fence's info string holds no backtick
            if mark[0] == "~" or "`" not in line[opened.end() :]:
                fence = (mark[0], len(mark))
                code.add(index)
                previous_blank = previous_code = False
                continue
        if not stripped:
            previous_blank = True
            continue
        indented = _indent(line) >= 4
        if indented and not in_list and (previous_blank or previous_code):
            code.add(index)
            previous_code, previous_blank = True, False
            continue
        if LIST_MARKER.match(line):
            in_list = True
        elif not indented and (previous_blank or stripped.startswith("#")):
            in_list = False  # a paragraph or heading at the margin ends the list
        previous_code = previous_blank = False
    return code


def _blank(text: str) -> str:
    """Spaces for every character but line breaks (so positions stay)."""
    return re.sub(r"[^\n]", " ", text)


def _blank_code_spans(chunk: str) -> str:
    """``chunk`` (one paragraph) with the contents of its code spans blanked."""
    runs = [(m.start(), m.end()) for m in BACKTICK_RUN.finditer(chunk)]
    if len(runs) < 2:
        return chunk
    by_length: dict[int, list[int]] = {}
    for start, end in runs:
        by_length.setdefault(end - start, []).append(start)
    out = []
    done = 0
    closed = 0  # where the last span's closing run ends: it opens nothing
    for start, end in runs:
        if start < closed:
            continue
        starts = by_length[end - start]
        # the next run of the same length closes the span; none: the backticks are text
        at = bisect_right(starts, start)
        if at == len(starts):
            continue
        close = starts[at]
        out.append(chunk[done:end])
        out.append(_blank(chunk[end:close]))
        done = close
        closed = close + (end - start)
    out.append(chunk[done:])
    return "".join(out)


def blank_code(text: str) -> str:
    """``text`` with every code region blanked: fenced and indented code blocks, code
    spans, ``<pre>`` and ``<code>`` elements.

    Lengths and line breaks are kept, so a position in the result is the same
    position in ``text``: search the result, slice the original.
    """
    if (
        "`" not in text
        and "~~~" not in text
        and "    " not in text
        and "\t" not in text
        and ("<" not in text or not HTML_CODE_TAG.search(text))
    ):
        return text
    lines = text.split("\n")
    for index in _code_block_lines(lines):
        lines[index] = _blank(lines[index])
    # code spans never cross a blank line (a paragraph's end)
    paragraphs = re.split(r"(\n[ \t]*\n)", "\n".join(lines))
    text = "".join(_blank_code_spans(part) if "`" in part else part for part in paragraphs)
    return _blank_html_code(text) if "<" in text else text


def _blank_html_code(text: str) -> str:
    """The contents of ``<pre>`` and ``<code>`` elements blanked.

    Tags are paired in one pass (an opening tag with the next closing one of
    its name), so unclosed tags cost no rescan: linear whatever the input.
    """
    out = []
    done = 0
    opened: tuple[str, int] | None = None
    for tag in HTML_CODE_TAG.finditer(text):
        name = tag.group(2).lower()
        if opened is None:
            if not tag.group(1):
                opened = (name, tag.end())
        elif tag.group(1) and name == opened[0]:
            out.append(text[done : opened[1]])
            out.append(_blank(text[opened[1] : tag.start()]))
            done = tag.start()
            opened = None
    out.append(text[done:])
    return "".join(out)


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
    """Links of a markdown fragment: inline, autolinks, HTML attributes, definitions, bare URLs.

    Links in code are not links (``blank_code``); an image inside a link's text
    (``[![badge](img)](url)``) is a link of its own.
    """
    searched = blank_code(text)
    original = text.split("\n") if searched is not text else None
    for offset, line in enumerate(searched.split("\n")):
        # most description lines hold no link at all: skip the five searches for them
        if "](" not in line and "]:" not in line and "http" not in line and "=" not in line:
            continue
        source = original[offset] if original is not None else line
        yield from _line_links(line, source, file, first_line + offset)


def _bare_url(url: str) -> str:
    """A URL found in text without the punctuation after it, nor a ``}`` it does not open
    (BibTeX's ``url={https://…}``)."""
    url = url.rstrip(".,;:!?*_~")
    while url.endswith("}") and url.count("}") > url.count("{"):
        url = url[:-1].rstrip(".,;:!?*_~")
    return url


def _line_links(line: str, source: str, file: str, number: int) -> Iterator[LinkRef]:
    """Links found in ``line`` (code blanked), their text taken from ``source``."""
    spans: list[tuple[int, int]] = []
    for match in INLINE_LINK.finditer(line):
        target = source[match.start(2) : match.end(2)]
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1]
        spans.append(match.span())
        label = source[match.start(1) : match.end(1)]
        yield LinkRef(target, file, number, label)
        # an image (or link) inside the link's text: its URL is a link as well
        if "](" in label:
            for inner in INLINE_LINK.finditer(match.group(1)):
                start = match.start(1)
                yield LinkRef(
                    source[start + inner.start(2) : start + inner.end(2)].strip("<>"),
                    file,
                    number,
                    source[start + inner.start(1) : start + inner.end(1)],
                )
        # a link nested in the destination: the inner URL is a link as well
        yield from (
            LinkRef(inner.group(2), file, number, inner.group(1))
            for inner in INLINE_LINK.finditer(target)
        )
    for match in AUTOLINK.finditer(line):
        spans.append(match.span())
        yield LinkRef(source[match.start(1) : match.end(1)], file, number, "")
    for match in HTML_URL_ATTRIBUTE.finditer(line):
        spans.append(match.span())
        yield LinkRef(source[match.start(1) : match.end(1)], file, number, "")
    definition = DEFINITION_WITH_TARGET.match(line)
    if definition:
        spans.append(definition.span())
        yield LinkRef(
            source[definition.start(2) : definition.end(2)],
            file,
            number,
            source[definition.start(1) : definition.end(1)],
        )
    for match in BARE_URL.finditer(line):
        if not any(start <= match.start() < end for start, end in spans):
            yield LinkRef(_bare_url(source[match.start() : match.end()]), file, number, "")


def _entry_links(entry: Entry, file: str) -> Iterator[LinkRef]:
    line = entry.source.line
    labelled = [(entry.url_label or entry.title, entry.url)] if entry.url is not None else []
    labelled.extend((link.label, link.url) for link in entry.links)
    for label, url in labelled:
        yield LinkRef(url, file, line, label)
        # a link nested in the destination: the inner URL is a link as well
        yield from (
            LinkRef(inner.group(2), file, line, inner.group(1))
            for inner in INLINE_LINK.finditer(url)
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
