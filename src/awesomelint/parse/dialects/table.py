"""GFM table rows: one row, one entry; cells mapped to fields by their header.

``| [Title](url) | Authors | Venue | 2023 | [code](url) |``: the title column
is the one whose header says so (Title, Paper, Name, Model …), else the first
cell with a link.  Other cells go by header: authors, year (also kept as
tags, as the list shows them), links-only cells as links, description-like
headers and any cell mixing text with links or images as description, other
plain cells as tags.  Nothing of a cell is dropped: what the title cell holds
besides its link (a stars badge, ``<br>``, variant links) joins the
description.  Columns are GitHub's: an empty ``||`` cell counts (mistletoe
drops it), and cells past the header's count, which GitHub does not show,
name nothing: their links are kept as the entry's links, never its own.
"""

from __future__ import annotations

import re
from typing import Any

from awesomelint.model import Entry, Link, Source, Tag
from awesomelint.parse.entries import classify_tag, link_label
from awesomelint.parse.inline import to_markdown, to_plain
from awesomelint.parse.tokens import kind
from awesomelint.titles import strip_quotes

_TITLE = re.compile(r"^(?:title|papers?|names?|models?|projects?|tools?|movies?|resources?)$", re.I)
_AUTHORS = re.compile(r"author", re.IGNORECASE)
_YEAR = re.compile(r"^(?:year|date|time|published)$", re.IGNORECASE)
_DESCRIPTION = re.compile(r"desc|summary|about|what|note|comment", re.IGNORECASE)
_NONE = frozenset({"-", "\u2013", "\u2014", "N/A", "n/a"})
_BREAK = re.compile(r"^(?:\s|<br\s*/?>)+|(?:\s|<br\s*/?>)+$", re.IGNORECASE)


_PIPE = re.compile(r"(?<!\\)\|")


def gfm_cells(row: str, cells: list[list[Any]], width: int) -> list[list[Any]]:
    """``cells`` as GitHub lays them out: the empty cells of ``||`` put back in place.

    mistletoe skips a cell with nothing between its pipes and pads the row at
    the end instead, which shifts every later cell into the wrong column.
    """
    text = row.strip()
    if "||" not in text.replace("\\|", ""):
        return cells
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    given = iter(cells)
    laid: list[list[Any]] = []
    for raw in _PIPE.split(text):
        laid.append([] if raw == "" else next(given, []))
    laid.extend(given)
    while len(laid) > width and not laid[-1]:  # mistletoe's padding
        laid.pop()
    return laid


def _header_name(text: str) -> str:
    return text.strip().strip("*_ ").strip()


def title_column(header: list[str], cells: list[list[Any]]) -> int | None:
    """Which cell names the entry: a title-like header's, else the first with a link."""
    for index, name in enumerate(header):
        if (
            _TITLE.match(_header_name(name))
            and index < len(cells)
            and (_title_link(cells[index]) is not None or to_plain(cells[index]).strip())
        ):
            return index
    if cells and _title_link(cells[0]) is not None:
        return 0
    return None


def _title_link(cell: list[Any]) -> tuple[int, Any] | None:
    """The cell's first link with visible text (itself or alone inside bold), and its index."""
    for index, token in enumerate(cell):
        name = kind(token)
        if name == "Link" and to_plain(token.children).strip():
            return index, token
        if name in ("Strong", "Emphasis"):
            inner = [t for t in token.children if kind(t) != "RawText" or t.content.strip()]
            if len(inner) == 1 and kind(inner[0]) == "Link":
                return index, inner[0]
    return None


def _is_link(token: Any) -> bool:
    return kind(token) == "Link"


def entry_from_row(header: list[str], cells: list[list[Any]], source: Source) -> Entry | None:
    """One row as an entry, or None when the row names nothing."""
    hidden: list[list[Any]] = []
    if header and len(cells) > len(header):  # GitHub shows no cell past the header's
        cells, hidden = cells[: len(header)], cells[len(header) :]
    title_at = title_column(header, cells)
    if title_at is None:
        return None
    title_cell = cells[title_at]
    found = _title_link(title_cell)
    descriptions: list[str] = []
    if found is None:
        url = None
        bold = next((i for i, t in enumerate(title_cell) if kind(t) == "Strong"), None)
        if bold is not None:  # ``![Star](badge) <br> **Name** <br>``
            title = to_plain(title_cell[bold].children).strip()
            rest = _BREAK.sub("", to_markdown(title_cell[:bold] + title_cell[bold + 1 :]))
            if rest:
                descriptions.append(rest)
        elif any(_is_link(t) or kind(t) in ("Image", "AutoLink") for t in title_cell):
            return None
        else:
            title = to_plain(title_cell).strip()
    else:
        index, link = found
        title = strip_quotes(to_plain(link.children).strip())
        url = link.target
        rest = _BREAK.sub("", to_markdown(title_cell[:index] + title_cell[index + 1 :]))
        if rest:
            descriptions.append(rest)
    if not title:
        return None
    links: list[Link] = []
    tags: list[Tag] = []
    authors = year = ""
    for index, cell in enumerate(cells):
        if index == title_at:
            continue
        name = _header_name(header[index]) if index < len(header) else ""
        cell_links = [t for t in cell if _is_link(t)]
        plain = to_plain(cell).strip()
        if not plain and not cell_links and not to_markdown(cell).strip():
            continue
        if plain in _NONE and not cell_links and to_markdown(cell).strip() == plain:
            continue  # ``| - |``: nothing in this column
        others = [t for t in cell if not _is_link(t)]
        links_only = cell_links and not _BREAK.sub("", to_markdown(others)).strip(" ,;|/")
        if _DESCRIPTION.search(name):
            descriptions.append(to_markdown(cell).strip())
        elif links_only and all(not _has_image(t) for t in cell_links):
            links.extend(Link(link_label(t) or name, t.target) for t in cell_links)
        elif cell_links or plain != to_markdown(cell).strip() and _markup(cell):
            descriptions.append(to_markdown(cell).strip())
        else:
            tags.append(Tag(classify_tag(plain), plain))
            if _AUTHORS.search(name):
                authors = plain
            elif _YEAR.match(name):
                year = plain
    url_label = ""
    if url is None and links:
        # ``| **Name** | [Paper title](url) |``: read back as ``**Name** · [Paper](url)`` is,
        # the first link is the entry's own
        url, url_label, links = links[0].url, links[0].label, links[1:]
    for cell in hidden:  # kept, so no command loses them, but they name nothing
        links.extend(Link(link_label(t) or "", t.target) for t in cell if _is_link(t))
    return Entry(
        title=title,
        url=url,
        url_label=url_label,
        links=tuple(links),
        description=" ".join(descriptions),
        tags=tuple(tags),
        authors=authors,
        year=year,
        source=source,
    )


def _has_image(token: Any) -> bool:
    stack = [token]
    while stack:
        node = stack.pop()
        if kind(node) in ("Image", "HtmlSpan"):
            return True
        stack.extend(getattr(node, "children", None) or [])
    return False


def _markup(cell: list[Any]) -> bool:
    """Does the cell hold anything a tag would lose (an image, HTML, an autolink)?"""
    return any(_has_image(token) or kind(token) == "AutoLink" for token in cell)
