"""Work keys per site: which work a normalised URL names, as a table.

Each :class:`Site` names a key kind, the hosts it covers and the rule that
reads a work out of a URL on them; :data:`SITES` is the table.  A host not
in the table can still name a DOI in its path (``/doi/10.1145/...``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import quote, unquote

from .parts import Parts

__all__ = ["REPOSITORY_MOVES", "SITES", "WORK_KINDS", "Site", "Work", "current_key", "work_of"]


class Work(NamedTuple):
    """A recognised work: its key and the canonical landing URL (a tuple: built per link)."""

    key: str
    url: str


_ARXIV_NEW = r"\d{4}\.\d{4,5}"
_ARXIV_OLD = r"[a-z][a-z.-]*(?:\.[a-z]{2})?/\d{7}"
_ARXIV_PATH = re.compile(
    rf"^/(?:abs|pdf|html|format|ps)/(?P<id>{_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?(?:\.pdf)?$",
    re.IGNORECASE,
)
_ARXIV_BARE = re.compile(rf"^(?P<id>{_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?$", re.IGNORECASE)
_DOI = re.compile(r"^(10\.\d{4,9}/\S+)$")
_DOI_IN_PATH = re.compile(
    r"/doi/(?:abs/|full/|pdf/|epdf/|fullhtml/|book/|reader/)?(10\.\d{4,9}/[^?#]+)$", re.IGNORECASE
)
_SPRINGER_PATH = re.compile(r"^/(?:article|chapter)/(10\.\d{4,9}/[^?#]+)$")
_ACL_NEW = r"\d{4}\.[a-z0-9]+(?:-[a-z0-9]+)*\.\d+"
_ACL_OLD = r"[a-z]\d{2}-\d{4}"
_ACL_ID = re.compile(rf"^(?:{_ACL_NEW}|{_ACL_OLD})$", re.IGNORECASE)
_ACL_OLD_ID = re.compile(rf"^{_ACL_OLD}$", re.IGNORECASE)
_FORUM_ID = re.compile(r"^[A-Za-z0-9]{17}$")
_GITHUB_RESERVED = frozenset(
    {"about", "apps", "collections", "contact", "customer-stories", "enterprise", "events"}
    | {"explore", "features", "login", "marketplace", "new", "notifications", "orgs"}
    | {"pricing", "search", "settings", "signup", "site", "sponsors", "topics", "trending"}
)
_GITHUB_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")
# Repositories that moved to another owner (GitHub redirects the old address), by work key:
# old -> new.  A URL's work key stays the repository it names; :func:`current_key` follows
# the move, so an offline merge sees one repository.
REPOSITORY_MOVES = {
    "github:neelnanda-io/transformerlens": "github:transformerlensorg/transformerlens",
    "github:alan-cooney/circuitsvis": "github:transformerlensorg/circuitsvis",
}
_NEURIPS_HASH = re.compile(r"/(?:hash|file)/(?P<hash>[0-9a-f]{32})-", re.IGNORECASE)
_PMLR = re.compile(r"^/(?P<vol>v\d+)/(?P<paper>[a-z0-9_-]+?)(?:\.html|/(?P=paper)\.pdf)$")
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_IEEE_PATH = re.compile(r"^/(?:abstract/)?document/(\d+)$")
_PAPER_FILE = re.compile(r"\.(?:pdf|bib|xml)$", re.IGNORECASE)


def arxiv_work(arxiv_id: str) -> Work:
    ident = arxiv_id.lower()
    return Work(f"arxiv:{ident}", f"https://arxiv.org/abs/{ident}")


def _acl_work(acl_id: str) -> Work:
    ident = acl_id.upper() if _ACL_OLD_ID.match(acl_id) else acl_id.lower()
    return Work(f"acl:{ident}", f"https://aclanthology.org/{ident}")


def doi_work(doi: str) -> Work:
    """DOIs are case-insensitive; arXiv and ACL DOIs name those works."""
    doi = unquote(doi).strip().rstrip("/").lower()
    if doi.startswith("10.48550/arxiv."):
        bare = _ARXIV_BARE.match(doi.removeprefix("10.48550/arxiv."))
        if bare:
            return arxiv_work(bare.group("id"))
    if doi.startswith("10.18653/v1/"):
        acl = doi.removeprefix("10.18653/v1/")
        if _ACL_ID.match(acl):
            return _acl_work(acl)
    return Work(f"doi:{doi}", f"https://doi.org/{quote(doi, safe='/:;()._-')}")


Rule = Callable[[Parts, list[str]], "Work | None"]


def _arxiv(parts: Parts, segments: list[str]) -> Work | None:
    match = _ARXIV_PATH.match(parts.path)
    return arxiv_work(match.group("id")) if match else None


def _openreview(parts: Parts, segments: list[str]) -> Work | None:
    ident = parts.param("id") if parts.path in ("/forum", "/pdf", "/attachment") else None
    if not ident:
        return None
    return Work(f"openreview:{ident}", f"https://openreview.net/forum?id={ident}")


def _doi(parts: Parts, segments: list[str]) -> Work | None:
    doi = unquote(parts.path.lstrip("/"))
    return doi_work(doi) if segments and _DOI.match(doi) else None


def _acl(parts: Parts, segments: list[str]) -> Work | None:
    old_site = parts.host == "aclweb.org"
    if old_site and segments[:1] == ["anthology"]:
        segments = segments[1:]
    if segments:
        last = _PAPER_FILE.sub("", segments[-1])
        if _ACL_ID.match(last) and (len(segments) == 1 or old_site):
            return _acl_work(last)
    return None


def _forum(parts: Parts, segments: list[str]) -> Work | None:
    """LessWrong and the Alignment Forum share posts (same id on both sites)."""
    host = "lesswrong.com" if parts.host in ("greaterwrong.com", "lesserwrong.com") else parts.host
    if len(segments) >= 2 and segments[0] == "posts" and _FORUM_ID.match(segments[1]):
        return Work(f"lesswrong:{segments[1]}", f"https://{host}/posts/{segments[1]}")
    if len(segments) >= 4 and segments[:3:2] == ["s", "p"] and _FORUM_ID.match(segments[3]):
        return Work(f"lesswrong:{segments[3]}", f"https://{host}/posts/{segments[3]}")
    if len(segments) == 2 and segments[0] == "s" and _FORUM_ID.match(segments[1]):
        return Work(f"lesswrong:s/{segments[1]}", f"https://{host}/s/{segments[1]}")
    return None


def _github(parts: Parts, segments: list[str]) -> Work | None:
    """A repository's root, or a branch's root (``/tree/main``), names the repository.

    Deeper paths (``/tree/main/demos``) and files, its README included
    (``/blob/main/README.md``), are parts of it: another link, not the work.
    """
    if len(segments) < 2 or segments[0].lower() in _GITHUB_RESERVED:
        return None
    rest = segments[2:]
    front = not rest or (len(rest) == 2 and rest[0] == "tree")
    owner, repo = segments[0], segments[1].removesuffix(".git")
    if not (front and _GITHUB_NAME.match(owner) and _GITHUB_NAME.match(repo)):
        return None
    name = f"{owner}/{repo}".lower()
    return Work(f"github:{name}", f"https://github.com/{name}")


def _neurips(parts: Parts, segments: list[str]) -> Work | None:
    match = _NEURIPS_HASH.search(parts.path)
    return Work(f"neurips:{match.group('hash').lower()}", parts.unsplit()) if match else None


def _pmlr(parts: Parts, segments: list[str]) -> Work | None:
    match = _PMLR.match(parts.path)
    if not match:
        return None
    ident = f"{match.group('vol')}/{match.group('paper')}"
    return Work(f"pmlr:{ident}", f"https://proceedings.mlr.press/{ident}.html")


def _youtube(parts: Parts, segments: list[str]) -> Work | None:
    ident = segments[0] if parts.host == "youtu.be" and segments else parts.param("v")
    if parts.path.startswith(("/embed/", "/shorts/", "/live/")) and len(segments) == 2:
        ident = segments[1]
    if ident and _YOUTUBE_ID.match(ident):
        return Work(f"youtube:{ident}", f"https://youtube.com/watch?v={ident}")
    return None


def _ieee(parts: Parts, segments: list[str]) -> Work | None:
    match = _IEEE_PATH.match(parts.path)
    ident = match.group(1) if match else parts.param("arnumber")
    if ident and ident.isdigit():
        return Work(f"ieee:{ident}", f"https://ieeexplore.ieee.org/document/{ident}")
    return None


@dataclass(frozen=True)
class Site:
    """Hosts whose URLs name works of one kind, and the rule that reads the work."""

    kind: str
    hosts: frozenset[str]
    rule: Rule


SITES: tuple[Site, ...] = (
    Site(
        "arxiv",
        frozenset({"arxiv.org", "export.arxiv.org", "ar5iv.org", "ar5iv.labs.arxiv.org"}),
        _arxiv,
    ),
    Site("openreview", frozenset({"openreview.net"}), _openreview),
    Site("doi", frozenset({"doi.org", "dx.doi.org"}), _doi),
    Site("acl", frozenset({"aclanthology.org", "aclweb.org"}), _acl),
    Site(
        "lesswrong",
        frozenset({"lesswrong.com", "alignmentforum.org", "greaterwrong.com", "lesserwrong.com"}),
        _forum,
    ),
    Site("github", frozenset({"github.com"}), _github),
    Site(
        "neurips",
        frozenset({"proceedings.neurips.cc", "papers.nips.cc", "papers.neurips.cc"}),
        _neurips,
    ),
    Site("pmlr", frozenset({"proceedings.mlr.press"}), _pmlr),
    Site("ieee", frozenset({"ieeexplore.ieee.org"}), _ieee),
    Site(
        "youtube",
        frozenset({"youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com"}),
        _youtube,
    ),
)
WORK_KINDS = frozenset(site.kind for site in SITES)
_BY_HOST = {host: site.rule for site in SITES for host in site.hosts}


@lru_cache(maxsize=1 << 14)  # Parts is a tuple of strings: hashable, and asked for often
def work_of(parts: Parts) -> Work | None:
    """The work a normalised URL names, by its site's rule, else a DOI in its path."""
    segments = [unquote(s) for s in parts.path.split("/") if s]
    rule = _BY_HOST.get(parts.host)
    if rule is not None:
        return rule(parts, segments)
    match = _DOI_IN_PATH.search(parts.path) or (
        _SPRINGER_PATH.match(parts.path) if parts.host == "link.springer.com" else None
    )
    return doi_work(match.group(1)) if match else None


def current_key(key: str) -> str:
    """The key a work has now: a moved repository's new one, else ``key`` itself."""
    return REPOSITORY_MOVES.get(key, key)
