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
from awesomelint.parse.inline import escape, to_markdown, to_plain, unescape
from awesomelint.parse.tokens import kind, raw_text
from awesomelint.titles import strip_quotes

# A placeholder is a surrogate pair written as two code points: decoded text never holds
# a surrogate (UTF-8 cannot encode one, mistletoe decodes &#xD800; to U+FFFD), so no
# input can look like a placeholder, and pairs number a million spans.
_PH_HIGH, _PH_LOW = 0xD800, 0xDC00
PLACEHOLDER = "[\ud800-\udbff][\udc00-\udfff]"
_STAR = re.compile(r"^\s*([\U0001F31F\u2B50\u2605\u2728\U0001F525]+)\s*$")
_SEPARATOR = re.compile(r"^\s*(?:[-\u2013\u2014:]|\\-)\s+|^\s*[-\u2013\u2014:]\s*$")
_BRACKET_LINK = re.compile(rf"(?:^|\s)\\\[({PLACEHOLDER})\\\]\s*$")
_BRACKET_TAG = re.compile(r"(?:^|\s)\\\[((?:[^\\\]\n\ud800-\udfff]|\\[^\]])" + r"{1,80})\\\]\s*$")
_DOT_LINK = re.compile(rf"\s\u00b7\s+({PLACEHOLDER})\s*$")
_DOT_TAG = re.compile(r"\s\u00b7\s+([^\u00b7\ud800-\udfff]+?)\s*$")
_LONE_LINK = re.compile(rf"(?:^|\s)({PLACEHOLDER})\s*$")
_ONLY_LINKS = re.compile(rf"^(?:\s*{PLACEHOLDER})+\s*$")
_DATE = re.compile(r"^(?:(?:19|20)\d{2}(?:[.\-/](?:0?[1-9]|1[0-2]))?|\d{2}(?:0[1-9]|1[0-2]))$")
_VENUE = re.compile(r"^[A-Za-z][\w&.+\-]*(?:\s[\w&.+\-]+)*\s(?:19|20)\d{2}\b")
_MAX_META = 64
_BY_LINK = re.compile(rf",\s*({PLACEHOLDER})\s*")
_CITED = re.compile(
    r"(?P<title>\S.{0,300}?) \((?P<year>(?:19|20)\d{2})\), (?P<authors>[^()]{1,300}?)\.?"
)
_BARE_ENTRY = re.compile(
    r"(?P<title>\S[^\n]{0,150}?)\s+(?P<url>https?://[^\s<>]+)"
    r"(?:\s+[-\u2013\u2014:]\s+(?P<description>.*))?"
)
_PREFIX = re.compile(
    r"^\s*(?:(?P<task>\[[ xX]\])|\[(?P<date>(?:19|20)\d{2}(?:[./\-]\d{1,2}){0,2})\])\s+"
)


@dataclass(frozen=True)
class Rest:
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
        return token if kind(token) == "Link" else None

    def restore(self, text: str) -> str:
        """Put the spans back as markdown."""
        return re.sub(PLACEHOLDER, lambda m: to_markdown([self.span(m.group(0))]), text)

    def plain(self, text: str) -> str:
        """The visible text."""
        return re.sub(PLACEHOLDER, lambda m: to_plain([self.span(m.group(0))]), unescape(text))


def rest_of(tokens: list[Any]) -> Rest:
    spans: list[Any] = []

    def placeholder(token: Any) -> str:
        spans.append(token)
        index = len(spans) - 1
        return chr(_PH_HIGH + (index >> 10)) + chr(_PH_LOW + (index & 0x3FF))

    return Rest(to_markdown(tokens, placeholder), tuple(spans))


def classify_tag(text: str) -> TagKind:
    """Date (``2023.5``, ``2312``, ``2023``), venue (``EMNLP 2023``) or topic."""
    if _DATE.match(text):
        return "date"
    if _VENUE.match(text):
        return "venue"
    return "topic"


def link_label(token: Any) -> str:
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


def peel_meta(rest: Rest, text: str, only_meta: bool) -> tuple[str, _Meta]:
    """Take trailing metadata off ``text``; what is left is the description.

    At most ``_MAX_META`` pieces are taken, each with one scan of the text, so
    the work stays linear in its length (``· x`` ten thousand times is a
    description with 64 tags, read the same way again after rendering).
    """
    links: list[Link] = []
    tags: list[Tag] = []
    text = text.rstrip()
    if only_meta and _ONLY_LINKS.match(text):
        placeholders = re.findall(PLACEHOLDER, text)
        if all(map(rest.link, placeholders)):
            links.extend(_meta_link(rest.link(p)) for p in placeholders)
            return "", _Meta(links, tags)
    dotted = False  # after a `` · `` piece only more of them: the rest is the description's
    for _ in range(_MAX_META):
        text = text.rstrip()
        if not text:
            break
        # the patterns need a `` · `` or a ``\[``: most descriptions hold neither
        has_dot, has_bracket = "\u00b7" in text, "\\[" in text
        dot_link = _DOT_LINK.search(text) if has_dot else None
        bracket_link = _BRACKET_LINK.search(text) if has_bracket and not dotted else None
        match = dot_link if dotted else (bracket_link or dot_link)
        token = rest.link(match.group(1)) if match else None
        if match and token is not None:
            links.append(_meta_link(token))
            dotted = dotted or match is dot_link
            text = text[: match.start()]
            continue
        match = None if dotted else _LONE_LINK.search(text)
        token = rest.link(match.group(1)) if match else None
        if match and token is not None and _is_bracketed(token):
            links.append(_meta_link(token))
            text = text[: match.start()]
            continue
        dot = _DOT_TAG.search(text) if has_dot else None
        bracket = None if dotted or not has_bracket else _BRACKET_TAG.search(text)
        # `` · DeepSeek-V3 \[^24\]``: the dot separates the tag, the brackets are its text
        match = dot if dot and (bracket is None or dot.start() < bracket.start()) else bracket
        if match:
            tag = unescape(match.group(1)).strip()
            if tag:
                tags.append(Tag(classify_tag(tag), tag))
                dotted = dotted or match is dot
                text = text[: match.start()]
                continue
        break
    links.reverse()
    tags.reverse()
    return text.rstrip(), _Meta(links, tags)


def _meta_link(token: Any) -> Link:
    return Link(label=link_label(token), url=token.target)


def _split_head(children: list[Any]) -> tuple[list[Tag], str | None, Any | None, list[Any]]:
    """Find the title: a leading link, a leading bold span, or neither.

    Returns (star tags, bold title, title link, the tokens after the title).
    """
    tokens = list(children)
    stars: list[Tag] = []
    first = _first_significant(tokens)
    if first is not None and kind(tokens[first]) == "RawText":
        # ``[ ] [Title](url)`` (a task) and ``[2024/10] **Title**`` (a date) lead the title
        text = tokens[first].content
        prefix = _PREFIX.match(text)
        if prefix:
            stars.append(
                Tag("task" if prefix["task"] else "date", prefix["task"] or prefix["date"])
            )
            remainder = text[prefix.end() :]
            tokens = [raw_text(remainder)] if remainder else []
            tokens += children[first + 1 :]
            first = _first_significant(tokens)
    if first is not None and kind(tokens[first]) == "RawText":
        star = _STAR.match(tokens[first].content)
        nxt = _first_significant(tokens, first + 1)
        if star and nxt is not None and kind(tokens[nxt]) in ("Link", "Strong"):
            stars.append(Tag("star", star.group(1)))
            tokens = tokens[nxt:]
            first = 0
    if first is None:
        return stars, None, None, tokens
    head = tokens[first]
    name = kind(head)
    if name == "Link":
        return stars, None, head, tokens[first + 1 :]
    if name in ("Strong", "Emphasis"):
        inner = [t for t in head.children if not is_blank_span(t)]
        if len(inner) == 1 and kind(inner[0]) == "Link":
            return stars, None, inner[0], tokens[first + 1 :]
        if not any(kind(t) == "Link" for t in head.children):
            return stars, to_plain(head.children), None, tokens[first + 1 :]
    return stars, None, None, tokens


def _first_significant(tokens: list[Any], start: int = 0) -> int | None:
    for index in range(start, len(tokens)):
        if not is_blank_span(tokens[index]):
            return index
    return None


def is_blank_span(token: Any) -> bool:
    """A span of nothing but whitespace or a line break."""
    name = kind(token)
    return name == "LineBreak" or (name == "RawText" and not token.content.strip())


def is_title_led(children: list[Any]) -> bool:
    """Does this inline content start with a title (a link, bold text, ``Name https://url``)?"""
    _, bold, link, _ = _split_head(children)
    if bold is not None or (link is not None and not link.target.startswith("#")):
        return True
    return bare_url_head(children) is not None


def title_link(children: list[Any]) -> Any | None:
    """The link that is the title, when the content starts with one (``**[T](u)**`` too)."""
    stars, _, link, _ = _split_head(children)
    return link if not stars and link is not None and not link.target.startswith("#") else None


def is_field_label(children: list[Any]) -> bool:
    """``**Metrics:** ROUGE, BLEU`` (or ``**Metrics**: …``): a bold label, a colon, its value."""
    tokens = [t for t in children if not is_blank_span(t)]
    if not tokens or kind(tokens[0]) != "Strong":
        return False
    if to_plain(tokens[0].children).strip().endswith(":"):
        return True
    # ``**Metrics**: ROUGE``
    return len(tokens) > 1 and kind(tokens[1]) == "RawText" and tokens[1].content[:1] == ":"


def is_citation_led(children: list[Any]) -> bool:
    """Plain text ending in a bracketed link: ``Title (2017), Author et al. [[pdf]](url)``."""
    tokens = [t for t in children if not is_blank_span(t)]
    if len(tokens) < 2 or kind(tokens[0]) != "RawText":
        return False
    last = tokens[-1]
    return kind(last) == "Link" and _is_bracketed(last)


def bare_url_head(children: list[Any]) -> re.Match[str] | None:
    """``Name https://url`` (``- desc``): plain text naming a bare URL (engineering-blogs)."""
    if not children or any(kind(t) not in ("RawText", "LineBreak") for t in children):
        return None
    return _BARE_ENTRY.fullmatch(to_plain(children).strip())


def entry_from_inline(
    children: list[Any], source: Source, notes: tuple[str, ...] = (), kids: tuple[Entry, ...] = ()
) -> Entry:
    """An entry from a list item's first paragraph (classic, bold-title, canonical)."""
    stars, bold, title_link, after = _split_head(children)
    if bold is None and title_link is None:
        return _text_led(children, source, notes, kids)
    rest = rest_of(after)
    text = rest.text
    if bold is not None and text[:1] == "." and text[1:2] in ("", " ", "\t", "\n"):
        text = text[1:]  # ``**Title**.``: the period closes the title
    separator = _SEPARATOR.match(text)
    if separator:
        text = text[separator.end() :]
    authors = ""
    by = _BY_LINK.fullmatch(text) if separator is None else None
    if by is not None and rest.link(by.group(1)) is not None:
        # ``[Title][9], [Author][10]`` (awesome-dotfiles): the second link names the author
        authors = to_plain(rest.link(by.group(1)).children).strip()
        text = " " + by.group(1)
    description, meta = peel_meta(rest, text, only_meta=separator is None)
    description = rest.restore(description).strip()
    if title_link is not None:
        title = strip_quotes(to_plain(title_link.children).strip())
        url: str | None = title_link.target
        url_label = ""
        links = meta.links
    else:
        title = strip_quotes((bold or "").strip())
        url, url_label, links = primary(meta.links)
    return Entry(
        title=title,
        url=url,
        url_label=url_label,
        links=tuple(links),
        description=description,
        tags=tuple(stars + meta.tags),
        notes=notes,
        children=kids,
        authors=authors,
        source=source,
    )


def primary(links: list[Link]) -> tuple[str | None, str, list[Link]]:
    if not links:
        return None, "", []
    return links[0].url, links[0].label, links[1:]


def _text_led(
    children: list[Any], source: Source, notes: tuple[str, ...], kids: tuple[Entry, ...]
) -> Entry:
    """``Title - [link](url)``, ``Title: [link](url)``, ``Title https://url``, ``Title - text``.

    ``Title (2017), A. Author et al. [[pdf]](url)``: the year in parentheses ends the
    title; year and authors are read, and stay in the description as written.
    """
    bare = bare_url_head(children)
    if bare is not None:
        return Entry(
            title=bare["title"].rstrip(":-\u2013\u2014 "),
            url=bare["url"],
            description=escape(bare["description"] or ""),
            notes=notes,
            children=kids,
            source=source,
        )
    split = _split_at_separator(children)
    if split is None:
        first_link = next((i for i, t in enumerate(children) if has_link(t)), len(children))
        split = children[:first_link], children[first_link:]
    title_tokens, after = split
    title = to_plain(title_tokens).strip().rstrip(":-\u2013\u2014").strip()
    rest = rest_of(after)
    description, meta = peel_meta(rest, rest.text, only_meta=True)
    description = rest.restore(description).strip()
    url, url_label, links = primary(meta.links)
    authors = year = ""
    cited = _CITED.fullmatch(title) if not description else None
    if cited:
        description = escape(title[cited.end("title") + 1 :])
        title, year, authors = cited["title"], cited["year"], cited["authors"]
    return Entry(
        title=strip_quotes(title),
        url=url,
        url_label=url_label,
        links=tuple(links),
        description=description,
        authors=authors,
        year=year,
        tags=tuple(meta.tags),
        notes=notes,
        children=kids,
        source=source,
    )


_TEXT_SEPARATOR = re.compile(r"\s[-\u2013\u2014:]\s")


def has_link(token: Any) -> bool:
    """Does the span hold a URL (a link, an autolink, an image)?"""
    if kind(token) in ("Link", "AutoLink", "Image"):
        return True
    return any(has_link(child) for child in getattr(token, "children", None) or ())


def _split_at_separator(tokens: list[Any]) -> tuple[list[Any], list[Any]] | None:
    """Split before the first link at a `` - `` in plain text (never inside markup)."""
    for index, token in enumerate(tokens):
        if has_link(token):
            return None
        if kind(token) == "RawText":
            match = _TEXT_SEPARATOR.search(token.content)
            if match:
                before = [*tokens[:index], raw_text(token.content[: match.start()])]
                after = [raw_text(token.content[match.end() :]), *tokens[index + 1 :]]
                return before, after
    return None
