"""Paragraph entries: ``Title. \\[[pdf](url)\\] \\[Venue\\] \\[2023.5\\]``."""

from __future__ import annotations

import re
from typing import Any

from awesomelint.model import Entry, Source
from awesomelint.parse.entries import (
    PLACEHOLDER,
    peel_meta,
    primary,
    rest_of,
)
from awesomelint.titles import strip_quotes


def entry_from_paragraph(children: list[Any], source: Source) -> Entry | None:
    """``Title. \\[[pdf](url)\\] \\[Venue\\] \\[2023.5\\]``: one paragraph, one entry.

    Only a paragraph that is a title followed by nothing but bracketed
    metadata, with at least one link, is an entry; anything else is prose.
    """
    rest = rest_of(children)
    text = rest.text
    start = text.find("\\[")
    if start <= 0 or any(rest.link(p) for p in re.findall(PLACEHOLDER, text[:start])):
        return None
    description, meta = peel_meta(rest, text[start:], only_meta=False)
    if description.strip() or not meta.links:
        return None
    title = rest.plain(text[:start]).strip()
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1].rstrip()
    if not title:
        return None  # ". \[[pdf](url)\]": no title, so no entry; the paragraph stays as written
    url, url_label, links = primary(meta.links)
    return Entry(
        title=strip_quotes(title),
        url=url,
        url_label=url_label,
        links=tuple(links),
        tags=tuple(meta.tags),
        source=source,
    )
