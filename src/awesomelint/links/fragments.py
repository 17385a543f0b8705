"""Which ``#fragments`` a fetched page has: its ids and names (lists: ``awesomelint.anchors``)."""

from __future__ import annotations

import functools
import re

from awesomelint.anchors import has_anchor

# GitHub renders line anchors (#L10, #L10-L20) with JavaScript; pages never contain them.
_GITHUB_LINES = re.compile(r"^L\d+(C\d+)?(-L\d+(C\d+)?)?$")


@functools.cache
def _collector() -> type:
    """The parser class, made on first use: html.parser is loaded only when a page is read,
    and a warm run reads none."""
    from html.parser import HTMLParser

    class AnchorCollector(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.anchors: set[str] = set()

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            for name, value in attrs:
                if value and (name == "id" or (name == "name" and tag in ("a", "map"))):
                    self.anchors.add(value)

    return AnchorCollector


def page_anchors(html: str) -> frozenset[str]:
    """Every ``id`` and ``<a name>`` of an HTML page."""
    collector = _collector()()
    try:
        collector.feed(html)
        collector.close()
    except (AssertionError, ValueError):  # hopelessly broken markup: keep what was seen
        pass
    return frozenset(collector.anchors)


def has_fragment(fragment: str, anchors: frozenset[str], host: str = "") -> bool:
    """True when ``fragment`` (as written after ``#``) names an anchor of the page."""
    if has_anchor(fragment, anchors):
        return True
    return host.endswith("github.com") and bool(_GITHUB_LINES.match(fragment))
