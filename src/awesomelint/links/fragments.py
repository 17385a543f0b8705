"""Which ``#fragments`` exist: headings of a list (GitHub slugs) and ids/names of a page."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser
from urllib.parse import unquote

from awesomelint.slug import unique_slugs

# Fragments every browser honours without a matching element.
_ALWAYS = frozenset({"", "top"})
# GitHub renders line anchors (#L10, #L10-L20) with JavaScript; pages never contain them.
_GITHUB_LINES = re.compile(r"^L\d+(C\d+)?(-L\d+(C\d+)?)?$")
_GITHUB_PREFIX = "user-content-"


class _AnchorCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag in ("a", "map"))):
                self.anchors.add(value)


def page_anchors(html: str) -> frozenset[str]:
    """Every ``id`` and ``<a name>`` of an HTML page."""
    collector = _AnchorCollector()
    try:
        collector.feed(html)
        collector.close()
    except (AssertionError, ValueError):  # hopelessly broken markup: keep what was seen
        pass
    return frozenset(collector.anchors)


def document_anchors(headings: Iterable[str], raw_text: str = "") -> frozenset[str]:
    """Anchors a rendered list has: GitHub heading slugs, plus explicit HTML ids in its text."""
    anchors = set(unique_slugs(headings))
    if "<" in raw_text:
        anchors |= page_anchors(raw_text)
    return frozenset(anchors)


def has_fragment(fragment: str, anchors: frozenset[str], host: str = "") -> bool:
    """True when ``fragment`` (as written after ``#``) names an anchor of the page."""
    if fragment in _ALWAYS or fragment.lower() in _ALWAYS:
        return True
    candidates = {fragment, unquote(fragment)}
    if any(c in anchors or _GITHUB_PREFIX + c in anchors for c in candidates):
        return True
    # Some generators lower-case anchors; GitHub also matches them case-insensitively.
    lowered = {c.lower() for c in candidates}
    if any(a.lower().removeprefix(_GITHUB_PREFIX) in lowered for a in anchors):
        return True
    return host.endswith("github.com") and bool(_GITHUB_LINES.match(fragment))
