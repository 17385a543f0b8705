"""Entry dialects: one list item, paragraph or table row to an ``Entry``.

Every dialect comes down to "a title, then the rest".  The rest is rendered to
markdown with each link replaced by a placeholder character, so that the
trailing metadata (``\\[[pdf](url)\\] \\[2023.5\\]``, ``[[EMNLP 2023]](url)``,
`` · [code](url) · 2023.5``) can be peeled off with small regular expressions
while the description keeps its own links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from awesomelint.model import Entry, Link, Source, Tag, TagKind
from awesomelint.parse.inline import to_markdown, to_plain, unescape

# A placeholder is a surrogate pair written as two code points: decoded text never holds
# a surrogate (UTF-8 cannot encode one, mistletoe decodes &#xD800; to U+FFFD), so no
# input can look like a placeholder, and pairs number a million spans.
_PH_HIGH, _PH_LOW = 0xD800, 0xDC00
_PH = "[\ud800-\udbff][\udc00-\udfff]"
_STAR = re.compile(r"^\s*([\U0001F31F\u2B50\u2605\u2728\U0001F525]+)\s*$")
_SEPARATOR = re.compile(r"^\s*(?:[-\u2013\u2014:]|\\-)\s+|^\s*[-\u2013\u2014:]\s*$")
_BRACKET_LINK = re.compile(rf"(?:^|\s)\\\[({_PH})\\\]\s*$")
_BRACKET_TAG = re.compile(r"(?:^|\s)\\\[((?:[^\\\]\n\ud800-\udfff]|\\[^\]])" + r"{1,80})\\\]\s*$")
_DOT_LINK = re.compile(rf"\s\u00b7\s+({_PH})\s*$")
_DOT_TAG = re.compile(r"\s\u00b7\s+([^\u00b7\ud800-\udfff]+?)\s*$")
_LONE_LINK = re.compile(rf"(?:^|\s)({_PH})\s*$")
_ONLY_LINKS = re.compile(rf"^(?:\s*{_PH})+\s*$")
_DATE = re.compile(r"^(?:(?:19|20)\d{2}(?:[.\-/](?:0?[1-9]|1[0-2]))?|\d{2}(?:0[1-9]|1[0-2]))$")
_VENUE = re.compile(r"^[A-Za-z][\w&.+\-]*(?:\s[\w&.+\-]+)*\s(?:19|20)\d{2}\b")
_QUOTES = '"\u201c\u201d\u201e'


@dataclass(frozen=True)
class _Rest:
    """Markdown whose spans (links, emphasis, code…) are placeholders.

    The regular expressions then see only plain text and whole spans, so they
    can never cut through markup.
    """

    text: str
    spans: tuple[Any, ...]

    def span(self, placeholder: str) -> Any:
        high, low = ord(placeholder[0]) - _PH_HIGH, ord(placeholder[1]) - _PH_LOW
        return self.spans[high << 10 | low]

    def link(self, placeholder: str) -> Any | None:
        """The link behind a placeholder, None if it stands for other markup."""
        token = self.span(placeholder)
        return token if type(token).__name__ == "Link" else None

    def restore(self, text: str) -> str:
        """Put the spans back as markdown."""
        return re.sub(_PH, lambda m: to_markdown([self.span(m.group(0))]), text)

    def plain(self, text: str) -> str:
        """The visible text."""
        return re.sub(_PH, lambda m: to_plain([self.span(m.group(0))]), unescape(text))


def _rest(tokens: list[Any]) -> _Rest:
    spans: list[Any] = []

    def placeholder(token: Any) -> str:
        spans.append(token)
        index = len(spans) - 1
        return chr(_PH_HIGH + (index >> 10)) + chr(_PH_LOW + (index & 0x3FF))

    return _Rest(to_markdown(tokens, placeholder), tuple(spans))


def classify_tag(text: str) -> TagKind:
    """Date (``2023.5``, ``2312``, ``2023``), venue (``EMNLP 2023``) or topic."""
    if _DATE.match(text):
        return "date"
    if _VENUE.match(text):
        return "venue"
    return "topic"


def strip_quotes(title: str) -> str:
    if len(title) > 2 and title[0] in _QUOTES and title[-1] in _QUOTES:
        inner = title[1:-1]
        if not any(q in inner for q in _QUOTES):
            return inner.strip()
    return title


def _label(token: Any) -> str:
    """A meta link's label: ``[[EMNLP 2023]](u)`` and ``[pdf](u)`` both give the inner text."""
    label = to_plain(token.children).strip()
    if len(label) >= 2 and label[0] == "[" and label[-1] == "]":
        label = label[1:-1].strip()
    return label


def _is_bracketed(token: Any) -> bool:
    label = to_plain(token.children).strip()
    return len(label) >= 2 and label[0] == "[" and label[-1] == "]"


@dataclass
class _Meta:
    links: list[Link]
    tags: list[Tag]


def _peel_meta(rest: _Rest, text: str, only_meta: bool) -> tuple[str, _Meta]:
    """Take trailing metadata off ``text``; what is left is the description."""
    links: list[Link] = []
    tags: list[Tag] = []
    while True:
        text = text.rstrip()
        if not text:
            break
        placeholders = re.findall(_PH, text)
        if only_meta and _ONLY_LINKS.match(text) and all(map(rest.link, placeholders)):
            links.extend(_meta_link(rest.link(p)) for p in reversed(placeholders))
            text = ""
            break
        match = _BRACKET_LINK.search(text) or _DOT_LINK.search(text)
        token = rest.link(match.group(1)) if match else None
        if match and token is not None:
            links.append(_meta_link(token))
            text = text[: match.start()]
            continue
        match = _LONE_LINK.search(text)
        token = rest.link(match.group(1)) if match else None
        if match and token is not None and _is_bracketed(token):
            links.append(_meta_link(token))
            text = text[: match.start()]
            continue
        match = _BRACKET_TAG.search(text) or _DOT_TAG.search(text)
        if match:
            tag = unescape(match.group(1)).strip()
            if tag:
                tags.append(Tag(classify_tag(tag), tag))
                text = text[: match.start()]
                continue
        break
    links.reverse()
    tags.reverse()
    return text.rstrip(), _Meta(links, tags)


def _meta_link(token: Any) -> Link:
    return Link(label=_label(token), url=token.target)


def _split_head(children: list[Any]) -> tuple[list[Tag], str | None, Any | None, list[Any]]:
    """Find the title: a leading link, a leading bold span, or neither.

    Returns (star tags, bold title, title link, the tokens after the title).
    """
    tokens = list(children)
    stars: list[Tag] = []
    first = _first_significant(tokens)
    if first is not None and type(tokens[first]).__name__ == "RawText":
        star = _STAR.match(tokens[first].content)
        nxt = _first_significant(tokens, first + 1)
        if star and nxt is not None and type(tokens[nxt]).__name__ in ("Link", "Strong"):
            stars.append(Tag("star", star.group(1)))
            tokens = tokens[nxt:]
            first = 0
    if first is None:
        return stars, None, None, tokens
    head = tokens[first]
    name = type(head).__name__
    if name == "Link":
        return stars, None, head, tokens[first + 1 :]
    if name in ("Strong", "Emphasis"):
        inner = [t for t in head.children if not is_blank_span(t)]
        if len(inner) == 1 and type(inner[0]).__name__ == "Link":
            return stars, None, inner[0], tokens[first + 1 :]
        if not any(type(t).__name__ == "Link" for t in head.children):
            return stars, to_plain(head.children), None, tokens[first + 1 :]
    return stars, None, None, tokens


def _first_significant(tokens: list[Any], start: int = 0) -> int | None:
    for index in range(start, len(tokens)):
        if not is_blank_span(tokens[index]):
            return index
    return None


def is_blank_span(token: Any) -> bool:
    """A span of nothing but whitespace or a line break."""
    name = type(token).__name__
    return name == "LineBreak" or (name == "RawText" and not token.content.strip())


def is_title_led(children: list[Any]) -> bool:
    """Does this inline content start with a title (a link or bold text)?"""
    _, bold, link, _ = _split_head(children)
    return bold is not None or (link is not None and not link.target.startswith("#"))


def entry_from_inline(
    children: list[Any], source: Source, notes: tuple[str, ...] = (), kids: tuple[Entry, ...] = ()
) -> Entry:
    """An entry from a list item's first paragraph (classic, bold-title, canonical)."""
    stars, bold, title_link, after = _split_head(children)
    if bold is None and title_link is None:
        return _text_led(children, source, notes, kids)
    rest = _rest(after)
    text = rest.text
    separator = _SEPARATOR.match(text)
    if separator:
        text = text[separator.end() :]
    description, meta = _peel_meta(rest, text, only_meta=separator is None)
    description = rest.restore(description).strip()
    if title_link is not None:
        title = strip_quotes(to_plain(title_link.children).strip())
        url: str | None = title_link.target
        url_label = ""
        links = meta.links
    else:
        title = strip_quotes((bold or "").strip())
        url, url_label, links = _primary(meta.links)
    return Entry(
        title=title,
        url=url,
        url_label=url_label,
        links=tuple(links),
        description=description,
        tags=tuple(stars + meta.tags),
        notes=notes,
        children=kids,
        source=source,
    )


def _primary(links: list[Link]) -> tuple[str | None, str, list[Link]]:
    if not links:
        return None, "", []
    return links[0].url, links[0].label, links[1:]


def _text_led(
    children: list[Any], source: Source, notes: tuple[str, ...], kids: tuple[Entry, ...]
) -> Entry:
    """``Title - [link](url)``, ``Title: [link](url)`` or a bare ``Title - description``."""
    split = _split_at_separator(children)
    if split is None:
        first_link = next((i for i, t in enumerate(children) if has_link(t)), len(children))
        split = children[:first_link], children[first_link:]
    title_tokens, after = split
    title = to_plain(title_tokens).strip().rstrip(":-\u2013\u2014").strip()
    rest = _rest(after)
    description, meta = _peel_meta(rest, rest.text, only_meta=True)
    url, url_label, links = _primary(meta.links)
    return Entry(
        title=strip_quotes(title),
        url=url,
        url_label=url_label,
        links=tuple(links),
        description=rest.restore(description).strip(),
        tags=tuple(meta.tags),
        notes=notes,
        children=kids,
        source=source,
    )


_TEXT_SEPARATOR = re.compile(r"\s[-\u2013\u2014:]\s")


def has_link(token: Any) -> bool:
    """Does the span hold a URL (a link, an autolink, an image)?"""
    if type(token).__name__ in ("Link", "AutoLink", "Image"):
        return True
    return any(has_link(child) for child in getattr(token, "children", None) or ())


def _split_at_separator(tokens: list[Any]) -> tuple[list[Any], list[Any]] | None:
    """Split before the first link at a `` - `` in plain text (never inside markup)."""
    for index, token in enumerate(tokens):
        if has_link(token):
            return None
        if type(token).__name__ == "RawText":
            match = _TEXT_SEPARATOR.search(token.content)
            if match:
                from mistletoe.span_token import RawText  # the tokens came from mistletoe

                before = [*tokens[:index], RawText(token.content[: match.start()])]
                after = [RawText(token.content[match.end() :]), *tokens[index + 1 :]]
                return before, after
    return None


def entry_from_paragraph(children: list[Any], source: Source) -> Entry | None:
    """``Title. \\[[pdf](url)\\] \\[Venue\\] \\[2023.5\\]``: one paragraph, one entry.

    Only a paragraph that is a title followed by nothing but bracketed
    metadata, with at least one link, is an entry; anything else is prose.
    """
    rest = _rest(children)
    text = rest.text
    start = text.find("\\[")
    if start <= 0 or any(rest.link(p) for p in re.findall(_PH, text[:start])):
        return None
    description, meta = _peel_meta(rest, text[start:], only_meta=False)
    if description.strip() or not meta.links:
        return None
    title = rest.plain(text[:start]).strip()
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1].rstrip()
    url, url_label, links = _primary(meta.links)
    return Entry(
        title=strip_quotes(title),
        url=url,
        url_label=url_label,
        links=tuple(links),
        tags=tuple(meta.tags),
        source=source,
    )


_DESCRIPTION_HEADERS = re.compile(r"desc|summary|about|what|note|comment", re.IGNORECASE)


def entry_from_row(header: list[str], cells: list[list[Any]], source: Source) -> Entry | None:
    """A GFM table row whose first linked cell names the entry; other cells by their header."""
    # the entry is named in the first cell: `| [Title](url) | … |`; a table whose links
    # stand further right maps something else to them and stays a table
    title_at = 0 if cells and any(type(t).__name__ == "Link" for t in cells[0]) else None
    if title_at is None:
        return None
    title_cell = cells[title_at]
    link = next(t for t in title_cell if type(t).__name__ == "Link")
    title = strip_quotes(to_plain(link.children).strip()) or to_plain(title_cell).strip()
    descriptions: list[str] = []
    links: list[Link] = []
    tags: list[Tag] = []
    for index, cell in enumerate(cells):
        if index == title_at:
            continue
        name = header[index] if index < len(header) else ""
        cell_links = [t for t in cell if type(t).__name__ == "Link"]
        plain = to_plain(cell).strip()
        if not plain and not cell_links:
            continue
        if _DESCRIPTION_HEADERS.search(name):
            descriptions.append(to_markdown(cell).strip())
        elif cell_links and not to_plain([t for t in cell if t not in cell_links]).strip():
            links.extend(Link(_label(t) or name, t.target) for t in cell_links)
        elif cell_links:
            descriptions.append(to_markdown(cell).strip())
        else:
            tags.append(Tag(classify_tag(plain), plain))
    return Entry(
        title=title,
        url=link.target,
        links=tuple(links),
        description=" ".join(descriptions),
        tags=tuple(tags),
        source=source,
    )
