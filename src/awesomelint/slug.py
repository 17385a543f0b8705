"""GitHub's heading anchors, so ToC links and ``#fragment`` checks agree with GitHub."""

from __future__ import annotations

import re
from collections.abc import Iterable

_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`~]|<[^>]+>")
# GitHub keeps letters, digits, marks, spaces, '-' and '_'; drops the rest.
_DROP = re.compile(r"[^\w\- ]", re.UNICODE)


def heading_text(markdown: str) -> str:
    """The visible text of a heading's markdown (links by their text, markup gone)."""
    return _MARKUP.sub(lambda m: m.group(1) or "", markdown).strip()


def slug(markdown: str) -> str:
    """The anchor GitHub gives a heading, before de-duplication."""
    text = heading_text(markdown).lower()
    return _DROP.sub("", text).replace(" ", "-")


def unique_slugs(headings: Iterable[str]) -> list[str]:
    """Anchors for headings in order, suffixed ``-1``, ``-2`` as GitHub does for repeats."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for heading in headings:
        base = slug(heading)
        count = seen.get(base, 0)
        out.append(base if count == 0 else f"{base}-{count}")
        seen[base] = count + 1
    return out
