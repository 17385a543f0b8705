"""Paragraphs whose every line is one entry, read from the raw lines.

- ``&nbsp; <a href="url"><b>Name</b></a> - description<br>`` (HTML entries);
- ``[Title](url), Venue 2021`` (a citation line: the venue becomes a tag);
- ``[Title](url) | Org, Date`` (pipe metadata: the description).

Only a paragraph made entirely of such lines is read this way; any other
line keeps the paragraph to the other dialects (or prose).
"""

from __future__ import annotations

import html
import re

from awesomelint.model import Entry, Span, Tag
from awesomelint.parse.entries import classify_tag
from awesomelint.parse.inline import escape

_HTML = re.compile(
    r"""(?:&nbsp;|\s)*<a\s+href=["'](?P<url>[^"'\s]+)["'][^>]*>\s*(?:<(?P<b>b|strong)>)?"""
    r"""(?P<title>[^<>]{1,300}?)(?:</(?P=b)>)?\s*</a>"""
    r"""(?:\s*[-\u2013\u2014:]\s*(?P<description>.*?))?\s*(?:<br\s*/?>)?\s*"""
)
_LINK = r"\[(?P<title>[^\[\]]{1,300})\]\((?P<url>https?://[^()\s]+)\)"
_VENUE = re.compile(_LINK + r",\s*(?P<venue>[^,|]{1,80}?\s(?:19|20)\d{2})\.?(?:\s*\\|\s*)")
_PIPE = re.compile(_LINK + r"\s+\|\s+(?P<meta>[^|]{1,300}?)(?:\s*\\|\s*)")


def entries_from_lines(lines: list[str], path: str, start: int, end: int) -> list[Entry] | None:
    """Lines [start, end) (1-based, no line ends), one entry each; None if any is not one."""
    found: list[Entry] = []
    for number in range(start, end):
        line = lines[number - 1]
        if not line.strip():
            continue
        entry = _entry(line, Span(path, number, 1, number, 0))
        if entry is None:
            return None
        found.append(entry)
    return found or None


def _entry(line: str, span: Span) -> Entry | None:
    match = _HTML.fullmatch(line)
    if match:
        title = " ".join(html.unescape(match["title"]).split())
        description = (match["description"] or "").strip()
        if "<" not in description:  # plain text with entities: as markdown reads it
            description = escape(html.unescape(description))
        return Entry(
            title=title,
            url=html.unescape(match["url"]),
            description=description,
            source=span,
        )
    match = _VENUE.fullmatch(line.strip())
    if match:
        venue = match["venue"].strip()
        return Entry(
            title=match["title"].strip(),
            url=match["url"],
            tags=(Tag(classify_tag(venue), venue),),
            year=venue[-4:],
            source=span,
        )
    match = _PIPE.fullmatch(line.strip())
    if match:
        return Entry(
            title=match["title"].strip(),
            url=match["url"],
            description=escape(match["meta"].strip()),
            source=span,
        )
    return None
