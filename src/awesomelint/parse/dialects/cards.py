"""Card and citation paragraphs: one paragraph per paper, the title first.

- ``[**Title**](url) （**2024.06.07**）`` (a bold link leads a paragraph of its
  own: EgoAlpha's cards), or ``**[Title](url)**``;
- ``**Title** \\`` / ``*Authors* \\`` / ``Venue. [[Paper](url)] \\`` / ``date``
  (a bold title, hard line breaks, links below: jxzhangjhu);
- ``**[63]** Authors. "**Title**." Venue (Year). [[pdf]](url) …`` (a numbered
  citation with the bold title in quotes: floodsung).

Prose that merely starts with a link or with bold text stays prose: a card
needs its title in bold, and a citation its number.
"""

from __future__ import annotations

import re
from typing import Any

from awesomelint.model import Entry, Span
from awesomelint.parse.entries import entry_from_inline, is_blank_span, link_label
from awesomelint.parse.inline import to_markdown, to_plain
from awesomelint.parse.tokens import kind
from awesomelint.titles import strip_quotes

_NUMBER = re.compile(r"^\[\d{1,4}\]$")
_QUOTES = '"\u201c\u201d'


def _significant(children: list[Any]) -> list[Any]:
    return [t for t in children if not is_blank_span(t)]


def _bold_link(token: Any) -> bool:
    """``[**Title**](url)`` or ``**[Title](url)**``."""
    name = kind(token)
    if name == "Link":
        inner = _significant(list(token.children))
        return bool(inner) and all(kind(t) == "Strong" for t in inner)
    if name == "Strong":
        inner = _significant(list(token.children))
        return len(inner) == 1 and kind(inner[0]) == "Link"
    return False


def _has(children: list[Any], name: str) -> bool:
    stack = list(children)
    while stack:
        node = stack.pop()
        if kind(node) == name:
            return True
        stack.extend(getattr(node, "children", None) or [])
    return False


def entry_from_card(children: list[Any], span: Span) -> Entry | None:
    """The entry a card or citation paragraph holds, or None for prose."""
    tokens = _significant(children)
    if not tokens:
        return None
    first = tokens[0]
    if _bold_link(first):
        target = first.target if kind(first) == "Link" else _significant(first.children)[0].target
        if not target.startswith("#"):
            return entry_from_inline(children, span)
        return None
    if kind(first) != "Strong" or _has([first], "Link"):
        return None
    if _NUMBER.match(to_plain(first.children).strip()):
        return _citation(children, span)
    hard_break = any(kind(t) == "LineBreak" and not getattr(t, "soft", True) for t in children)
    if hard_break and _has(children, "Link"):
        return entry_from_inline(children, span)
    return None


def _citation(children: list[Any], span: Span) -> Entry | None:
    """``**[N]** Authors. "**Title**." Venue (Year). [[pdf]](url) **(comment)** :star:``."""
    tokens = list(children)
    title_at = next(
        (
            i
            for i, t in enumerate(tokens)
            if i > 0 and kind(t) == "Strong" and not _has([t], "Link")
        ),
        None,
    )
    if title_at is None:
        return None
    link = next((t for t in tokens[title_at + 1 :] if kind(t) == "Link"), None)
    if link is None:
        return None
    title = strip_quotes(to_plain(tokens[title_at].children).strip().rstrip("."))
    authors = to_plain(tokens[1:title_at]).strip().rstrip(_QUOTES).strip().rstrip(".")
    year = re.findall(r"\((?:19|20)\d{2}\)", to_plain(tokens[title_at + 1 :]))
    before = to_markdown(tokens[:title_at]).strip()
    after = to_markdown([t for t in tokens[title_at + 1 :] if t is not link]).strip()
    description = " ".join(part for part in (before, after) if part)
    return Entry(
        title=title,
        url=link.target,
        url_label=link_label(link),
        description=description,
        authors=authors,
        year=year[0].strip("()") if year else "",
        source=span,
    )
