"""Raw HTML table rows: ``<tr><td><a href="url"><b>Name</b></a><br>by <a>author</a></td>…``.

A list kept as one HTML ``<table>`` (awesome-claude-code's flat list) holds an
entry per row whose first cell links a bold name.  Each such row becomes an
entry: the name and its link, the author (``by <a>…</a>``) as a link and as
``authors``, the longest other cell as description, the short ones as tags.
Every other part of the table (its head, badge rows, its end) stays verbatim
in its place.
"""

from __future__ import annotations

import html
import re

from awesomelint.model import Block, Entry, Item, Link, Span, Tag
from awesomelint.parse.inline import escape

_ROW_OPEN = re.compile(r"^\s*<tr\b[^>]*>\s*$", re.IGNORECASE)
_ROW_CLOSE = re.compile(r"^\s*</tr>\s*$", re.IGNORECASE)
_CELL = re.compile(r"<td\b[^>]*>(.*?)</td>", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(
    r"""^\s*<a\s+href=["']([^"']+)["'][^>]*>\s*<(b|strong)>([^<]+)</\2>\s*</a>(.*)$""",
    re.IGNORECASE | re.DOTALL,
)
_ANCHOR = re.compile(r"""<a\s+href=["']([^"']+)["'][^>]*>([^<]*)</a>""", re.IGNORECASE)
_BY = re.compile(r"^\s*(?:<br\s*/?>)?\s*by\s+", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
# a cell this long is the row's description, not a tag
_DESCRIPTION = 40


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def items_from_html(lines: list[str], path: str, start: int, end: int) -> list[Item] | None:
    """Lines [start, end) (1-based, without line ends) of an HTML block as rows and blocks.

    None when no row of the block is an entry.
    """
    found: list[Item] = []
    pending = start  # first line not yet kept
    line = start
    entries = 0
    while line < end:
        if not _ROW_OPEN.match(lines[line - 1]):
            line += 1
            continue
        close = line + 1
        while close < end and not _ROW_CLOSE.match(lines[close - 1]) and close - line < 64:
            close += 1
        if close >= end or not _ROW_CLOSE.match(lines[close - 1]):
            line += 1
            continue
        entry = _row(lines[line - 1 : close], Span(path, line, 1, close, 0))
        if entry is not None:
            _keep(found, lines, path, pending, line)
            found.append(entry)
            entries += 1
            pending = close + 1
        line = close + 1
    if not entries:
        return None
    _keep(found, lines, path, pending, end)
    return found


def _keep(found: list[Item], lines: list[str], path: str, start: int, end: int) -> None:
    """Lines [start, end) as one verbatim block, blank lines around it trimmed."""
    while start < end and not lines[start - 1].strip():
        start += 1
    last = end - 1
    while last >= start and not lines[last - 1].strip():
        last -= 1
    if last >= start:
        span = Span(path, start, 1, last, 0)
        found.append(Block("\n".join(lines[start - 1 : last]), span))


def _row(rows: list[str], span: Span) -> Entry | None:
    cells = _CELL.findall("\n".join(rows))
    if not cells:
        return None
    head = _TITLE.match(cells[0])
    if head is None:
        return None
    url, title, after = head.group(1), _plain(head.group(3)), head.group(4)
    if not title or not url or url.startswith("#"):
        return None
    links: list[Link] = []
    authors = ""
    by = _BY.match(after)
    for anchor in _ANCHOR.finditer(after):
        links.append(Link(_plain(anchor.group(2)) or "link", html.unescape(anchor.group(1))))
    if by is not None and links:
        authors = links[0].label
    tags: list[Tag] = []
    description = ""
    for cell in cells[1:]:
        for anchor in _ANCHOR.finditer(cell):
            links.append(Link(_plain(anchor.group(2)) or "link", html.unescape(anchor.group(1))))
        text = _plain(cell)
        if not text:
            continue
        if len(text) >= _DESCRIPTION and not description:
            description = escape(text)
        else:
            tags.append(Tag("topic", text))
    return Entry(
        title=title,
        url=html.unescape(url),
        links=tuple(links),
        description=description,
        tags=tuple(tags),
        authors=authors,
        source=span,
    )
