"""The never-lose-a-link check every rewriting command runs before it writes.

It reads link targets with regular expressions rather than with our parser,
so a parser bug cannot hide the loss it causes.
"""

from __future__ import annotations

from collections.abc import Iterable

from awesomelint.entities import decode_entities
from awesomelint.syntax import BACKSLASH_ESCAPE, DESTINATION, GUARD_DEFINITION, GUARD_URL

_TRAILING = ".,;:!?*_~'\""


def _normal(target: str) -> str:
    """A target as the reader follows it: no ``<>``, escapes and complete entities decoded.

    Only CommonMark's entities are decoded (``&noteId=`` is text, not ``¬eId=``),
    and a ``}`` the URL does not open is BibTeX's (``url={https://…}``), not the
    URL's; both sides of every comparison go through here.
    """
    target = target.strip()
    if target.startswith("<") and target.endswith(">"):
        target = target[1:-1]
    target = decode_entities(BACKSLASH_ESCAPE.sub(r"\1", target)).rstrip(_TRAILING)
    while target.endswith("}") and target.count("}") > target.count("{"):
        target = target[:-1].rstrip(_TRAILING)
    return target


def link_targets(text: str) -> set[str]:
    """Every link destination and every http(s) URL in markdown text."""
    found = {_normal(m.group(0)) for m in GUARD_URL.finditer(text)}
    found.update(_normal(m.group(1)) for m in DESTINATION.finditer(text))
    found.update(_normal(m.group(1)) for m in GUARD_DEFINITION.finditer(text))
    found.discard("")
    return found


def lost_links(before: str, after: str) -> list[str]:
    """Targets of ``before`` missing from ``after``, sorted."""
    return sorted(link_targets(before) - link_targets(after))


def lost_web_links(before: str, after: str) -> list[str]:
    """http(s) URLs of ``before`` with no URL of the same canonical form in ``after``.

    For rewrites that may change a URL's form on purpose (``--fix`` drops
    tracking parameters, turns ``http`` into ``https``) but must never drop one.
    """
    return missing_web_links(link_targets(before), after)


def missing_web_links(urls: Iterable[str], after: str | set[str]) -> list[str]:
    """The http(s) ones of ``urls`` with no URL of the same canonical form in ``after``, sorted.

    ``after`` is the text written, or its ``link_targets`` already read.
    """
    from awesomelint.urls import canonical_url

    targets = link_targets(after) if isinstance(after, str) else after
    kept = {canonical_url(target) for target in targets}
    # a URL from the parsed model is already decoded, one from text is not: either form counts
    return sorted(
        {
            url
            for url in urls
            if url.startswith(("http://", "https://"))
            and canonical_url(url) not in kept
            and canonical_url(_normal(url)) not in kept
        }
    )
