"""GitHub's heading anchors, so ToC links and ``#fragment`` checks agree with GitHub."""

from __future__ import annotations

import re
from collections.abc import Iterable

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`~]|<[^>]+>")
# GitHub keeps letters, digits, marks, spaces, '-' and '_'; drops the rest.
_DROP = re.compile(r"[^\w\- ]", re.UNICODE)


def _text_content(markdown: str) -> str:
    """What a browser shows of the rendered heading: link text, no images, no markup.

    An image has no text content (its alt is an attribute), so a badge in a
    heading leaves nothing but the space before it.
    """
    text = _IMAGE.sub("", markdown)
    text = _LINK.sub(lambda m: m.group(1), text)
    return _MARKUP.sub("", text)


def heading_text(markdown: str) -> str:
    """The visible text of a heading's markdown (links by their text, images and markup gone)."""
    return _text_content(markdown).strip()


def slug(markdown: str) -> str:
    """The anchor GitHub gives a heading, before de-duplication.

    As GitHub's: the heading's text content, lower case, punctuation dropped,
    spaces to hyphens; not trimmed, so ``# Awesome X [![badge](…)](…)`` is
    ``awesome-x-``.
    """
    text = _text_content(markdown).lower()
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
