"""Acronym-led papers: ``* `ACRONYM`: Title. _Authors 2015_ [pdf](url) | [code](url)``.

The code span names the method, the text up to the first period is the
title, the emphasis the authors and year; the first link is the entry's
own (its label kept), the others its links.  The acronym is a topic tag.
"""

from __future__ import annotations

import re
from typing import Any

from awesomelint.model import Entry, Link, Span, Tag
from awesomelint.parse.entries import is_blank_span, link_label
from awesomelint.parse.inline import to_markdown, to_plain
from awesomelint.parse.tokens import kind

_TITLE = re.compile(r":\s+(?P<title>[^.]{1,300}?)\.(?:\s+|$)")
_AUTHORS = re.compile(r"(?P<authors>.+?),?\s+(?P<year>(?:19|20)\d{2})$")


def is_acronym_led(children: list[Any]) -> bool:
    tokens = [t for t in children if not is_blank_span(t)]
    return (
        len(tokens) >= 2
        and kind(tokens[0]) == "InlineCode"
        and kind(tokens[1]) == "RawText"
        and _TITLE.match(tokens[1].content) is not None
    )


def entry_from_acronym(
    children: list[Any], span: Span, notes: tuple[str, ...] = (), kids: tuple[Entry, ...] = ()
) -> Entry:
    """The entry of an acronym-led item (``is_acronym_led`` must hold)."""
    tokens = [t for t in children if not is_blank_span(t)]
    acronym = tokens[0].children[0].content
    head = _TITLE.match(tokens[1].content)
    assert head is not None
    rest = [*([] if head.end() >= len(tokens[1].content) else [tokens[1]]), *tokens[2:]]
    after = tokens[1].content[head.end() :]
    links = [t for t in tokens[2:] if kind(t) == "Link"]
    others = [t for t in tokens[2:] if kind(t) != "Link"]
    authors = year = ""
    emphasis = next((t for t in others if kind(t) == "Emphasis"), None)
    if emphasis is not None and (cited := _AUTHORS.match(to_plain(emphasis.children).strip())):
        authors, year = cited["authors"], cited["year"]
    text = (after + to_markdown(others)).strip() if rest else ""
    description = re.sub(r"(?:\s*\|)+\s*$", "", text).strip()
    url = links[0].target if links else None
    return Entry(
        title=head["title"].strip(),
        url=url,
        url_label=link_label(links[0]) if links else "",
        links=tuple(Link(link_label(t), t.target) for t in links[1:]),
        description=description,
        tags=(Tag("topic", acronym),),
        authors=authors,
        year=year,
        notes=notes,
        children=kids,
        source=span,
    )
