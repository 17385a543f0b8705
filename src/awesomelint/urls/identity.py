"""When two links point at the same thing: canonical URLs, work keys, identity keys."""

from __future__ import annotations

from functools import lru_cache

from .parts import Parts, split
from .sites import WORK_KINDS, work_of

__all__ = ["canonical_url", "identity_key", "key_kind", "parts_key", "work_key"]


def _github_case(parts: Parts) -> Parts:
    """GitHub owner and repository names are case-insensitive; the rest of the path is not."""
    if parts.host != "github.com":
        return parts
    segments = parts.path.split("/")
    head = [s.lower() for s in segments[:3]]
    if len(head) == 3:
        head[2] = head[2].removesuffix(".git")
    path = "/".join(head + segments[3:])
    return Parts(parts.host, parts.port, path, parts.query, parts.fragment)


# Both keys are asked for the same URL by dedupe, the ids, the entry merge and the guard:
# cached for a 100k-entry list (a few hundred bytes a URL), or each pass would evict the last.
_URLS_CACHED = 1 << 18


@lru_cache(maxsize=_URLS_CACHED)
def canonical_url(url: str) -> str:
    """The normalised form of ``url`` to compare and to suggest.

    Anything that is not an absolute http(s) URL (``#anchor``, ``mailto:``,
    relative paths) comes back stripped but otherwise unchanged.
    """
    parts = split(url)
    if parts is None:
        return url.strip()
    work = work_of(parts)
    if work is not None:
        return work.url
    return _github_case(parts).unsplit()


def work_key(url: str) -> str | None:
    """The identity of the scholarly work, post, repository or video ``url`` names, or None.

    Equal keys mean the same work whatever the site or link form: an arXiv
    ``pdf`` and ``abs`` link, an arXiv DOI, a LessWrong post and its Alignment
    Forum copy, a repository's root and its ``/tree/main``.
    """
    parts = split(url)
    if parts is None:
        return None
    work = work_of(parts)
    return work.key if work is not None else None


@lru_cache(maxsize=_URLS_CACHED)
def identity_key(url: str) -> str:
    """What two links must share to point at the same thing: work key, else canonical URL."""
    parts = split(url)
    return url.strip() if parts is None else parts_key(parts)


def parts_key(parts: Parts) -> str:
    """:func:`identity_key` of a URL already split (to read its host too without parsing twice)."""
    work = work_of(parts)
    if work is not None:
        return work.key
    return _github_case(parts).unsplit()


def key_kind(key: str) -> str:
    """``arxiv`` for ``arxiv:2211.00593``; ``url`` for a canonical URL or anything else."""
    kind, sep, _ = key.partition(":")
    return kind if sep and kind in WORK_KINDS else "url"
