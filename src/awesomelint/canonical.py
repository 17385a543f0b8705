"""Canonical URLs and work keys: when two links point at the same thing.

Lists link one work in many forms (``arxiv.org/pdf/2211.00593v2.pdf`` and
``http://arxiv.org/abs/2211.00593``; a LessWrong post on the Alignment
Forum).  Two functions decide when links are equal:

- :func:`canonical_url` rewrites a URL into one normalised, still working form:
  ``https``, no ``www.``, no default port, no trailing slash or ``index.html``,
  no tracking parameters, sorted query, and the landing page of a work on the
  sites that have one (arXiv ``abs``, OpenReview ``forum``, ``doi.org``,
  ACL Anthology, GitHub repository root).
- :func:`work_key` names the work a URL identifies, whichever site and form
  (``arxiv:2211.00593``, ``openreview:NpsVSN6o4ul``, ``doi:10.1145/3639372``,
  ``acl:2023.acl-long.893``, ``lesswrong:AcKRB8wDpdaN6v6ru``,
  ``github:owner/repo`` ...), or ``None``.

:func:`identity_key` combines them: the key under which two links count as
the same.  Pure string work with the standard library only, cheap to import
(the lint path uses it too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

__all__ = ["canonical_url", "identity_key", "work_key", "key_kind"]

# Query parameters that only say where a click came from (lint's tracking-parameter
# rule reports them too, but for the short ones that are real parameters elsewhere).
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
        "ref_src",
        "ref_url",
        "sc_cid",
        "spm",
        "trk",
        "si",
        "mkt_tok",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
_DEFAULT_PORTS = {"http": "80", "https": "443"}
# Fragments that name no part of the page (GitHub's README anchor, "top").
_EMPTY_FRAGMENTS = frozenset({"", "readme", "top", "start"})
_INDEX_PAGES = ("/index.html", "/index.htm", "/index.php", "/index.shtml")
_HTTP = re.compile(
    r"^(https?)://(?:[^@/?#]*@)?([A-Za-z0-9.-]+)(?::(\d+))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$",
    re.IGNORECASE | re.DOTALL,
)
_BARE_HOST = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/|$)", re.IGNORECASE)
_SLASHES = re.compile(r"/{2,}")

_ARXIV_HOSTS = frozenset({"arxiv.org", "export.arxiv.org", "ar5iv.org", "ar5iv.labs.arxiv.org"})
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
_DOI_HOSTS = frozenset({"doi.org", "dx.doi.org"})
_ACL_NEW = r"\d{4}\.[a-z0-9]+(?:-[a-z0-9]+)*\.\d+"
_ACL_OLD = r"[a-z]\d{2}-\d{4}"
_ACL_ID = re.compile(rf"^(?:{_ACL_NEW}|{_ACL_OLD})$", re.IGNORECASE)
_ACL_HOSTS = frozenset({"aclanthology.org", "aclweb.org"})
_FORUM_HOSTS = frozenset(
    {"lesswrong.com", "alignmentforum.org", "greaterwrong.com", "lesserwrong.com"}
)
_FORUM_ID = re.compile(r"^[A-Za-z0-9]{17}$")
_GITHUB_RESERVED = frozenset(
    {
        "about",
        "apps",
        "collections",
        "contact",
        "customer-stories",
        "enterprise",
        "events",
        "explore",
        "features",
        "login",
        "marketplace",
        "new",
        "notifications",
        "orgs",
        "pricing",
        "search",
        "settings",
        "signup",
        "site",
        "sponsors",
        "topics",
        "trending",
    }
)
_GITHUB_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")
_NEURIPS_HOSTS = frozenset({"proceedings.neurips.cc", "papers.nips.cc", "papers.neurips.cc"})
_NEURIPS_HASH = re.compile(r"/(?:hash|file)/(?P<hash>[0-9a-f]{32})-", re.IGNORECASE)
_PMLR = re.compile(r"^/(?P<vol>v\d+)/(?P<paper>[a-z0-9_-]+?)(?:\.html|/(?P=paper)\.pdf)$")
_YOUTUBE_HOSTS = frozenset({"youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com"})
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_IEEE_PATH = re.compile(r"^/(?:abstract/)?document/(\d+)$")
_WORK_KINDS = frozenset(
    {
        "arxiv",
        "openreview",
        "doi",
        "acl",
        "lesswrong",
        "github",
        "neurips",
        "pmlr",
        "ieee",
        "youtube",
    }
)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


@dataclass(frozen=True)
class _Parts:
    """A URL split and generically normalised (what every site shares)."""

    scheme: str
    host: str
    port: str
    path: str
    query: tuple[tuple[str, str], ...]
    fragment: str

    def unsplit(self) -> str:
        netloc = f"{self.host}:{self.port}" if self.port else self.host
        return urlunsplit((self.scheme, netloc, self.path, urlencode(self.query), self.fragment))

    def param(self, name: str) -> str | None:
        for key, value in self.query:
            if key == name:
                return value
        return None


def _prefixed(url: str) -> str | None:
    """``doi:`` / ``arXiv:`` shorthands and bare DOIs as resolvable URLs."""
    low = url.lower()
    if low.startswith("doi:"):
        return "https://doi.org/" + url[4:].strip()
    if low.startswith("arxiv:"):
        return "https://arxiv.org/abs/" + url[6:].strip()
    if _DOI.match(url):
        return "https://doi.org/" + url
    return None


def _split(url: str) -> _Parts | None:
    """Generic normalisation, or None for what is not an absolute web URL."""
    text = url.strip().strip("<>").strip()
    text = _prefixed(text) or text
    if text.startswith("//"):
        text = "https:" + text
    elif not _SCHEME.match(text) and _BARE_HOST.match(text):
        text = "https://" + text
    match = _HTTP.match(text)
    if match:  # the fast path, for nearly every URL in a list
        scheme, host, port, path, query, fragment = match.groups("")
        scheme = scheme.lower()
    else:
        try:
            parts = urlsplit(text)
            port = str(parts.port or "")
        except ValueError:
            return None
        scheme, host = parts.scheme.lower(), parts.hostname or ""
        path, query, fragment = parts.path, parts.query, parts.fragment
    if scheme not in ("http", "https") or not host:
        return None
    host = host.lower().rstrip(".").removeprefix("www.")
    if port in _DEFAULT_PORTS.values():  # both, as http becomes https
        port = ""
    if "//" in path:
        path = _SLASHES.sub("/", path)
    if path.lower().endswith(_INDEX_PAGES):
        path = path[: path.rindex("/") + 1]
    path = path.rstrip("/")
    params: tuple[tuple[str, str], ...] = ()
    if query:
        params = tuple(
            sorted(
                (key, value)
                for key, value in parse_qsl(query, keep_blank_values=True)
                if key.lower() not in TRACKING_PARAMS
                and not key.lower().startswith(TRACKING_PREFIXES)
            )
        )
    if fragment.lower() in _EMPTY_FRAGMENTS or fragment.startswith(":~:"):
        fragment = ""
    return _Parts("https", host, port, path, params, fragment)


@dataclass(frozen=True)
class _Work:
    """A recognised work: its key and the canonical landing URL."""

    key: str
    url: str


def _arxiv_work(arxiv_id: str) -> _Work:
    ident = arxiv_id.lower()
    return _Work(f"arxiv:{ident}", f"https://arxiv.org/abs/{ident}")


def _doi_work(doi: str) -> _Work:
    """DOIs are case-insensitive; arXiv and ACL DOIs name those works."""
    doi = unquote(doi).strip().rstrip("/").lower()
    if doi.startswith("10.48550/arxiv."):
        bare = _ARXIV_BARE.match(doi.removeprefix("10.48550/arxiv."))
        if bare:
            return _arxiv_work(bare.group("id"))
    if doi.startswith("10.18653/v1/"):
        acl = doi.removeprefix("10.18653/v1/")
        if _ACL_ID.match(acl):
            return _acl_work(acl)
    return _Work(f"doi:{doi}", f"https://doi.org/{quote(doi, safe='/:;()._-')}")


def _acl_work(acl_id: str) -> _Work:
    ident = acl_id.upper() if re.match(_ACL_OLD + "$", acl_id, re.IGNORECASE) else acl_id.lower()
    return _Work(f"acl:{ident}", f"https://aclanthology.org/{ident}")


def _forum_work(parts: _Parts, segments: list[str]) -> _Work | None:
    """LessWrong and the Alignment Forum share posts (same id on both sites)."""
    host = "lesswrong.com" if parts.host in ("greaterwrong.com", "lesserwrong.com") else parts.host
    if len(segments) >= 2 and segments[0] == "posts" and _FORUM_ID.match(segments[1]):
        return _Work(f"lesswrong:{segments[1]}", f"https://{host}/posts/{segments[1]}")
    if len(segments) >= 4 and segments[:3:2] == ["s", "p"] and _FORUM_ID.match(segments[3]):
        return _Work(f"lesswrong:{segments[3]}", f"https://{host}/posts/{segments[3]}")
    if len(segments) == 2 and segments[0] == "s" and _FORUM_ID.match(segments[1]):
        return _Work(f"lesswrong:s/{segments[1]}", f"https://{host}/s/{segments[1]}")
    return None


def _github_work(segments: list[str]) -> _Work | None:
    """Only a repository root names a repository; deeper paths are parts of it."""
    if len(segments) != 2 or segments[0].lower() in _GITHUB_RESERVED:
        return None
    owner, repo = segments[0], segments[1].removesuffix(".git")
    if not (_GITHUB_NAME.match(owner) and _GITHUB_NAME.match(repo)):
        return None
    name = f"{owner}/{repo}".lower()
    return _Work(f"github:{name}", f"https://github.com/{name}")


def _work(parts: _Parts) -> _Work | None:
    """The work a normalised URL names, by site."""
    host, path = parts.host, parts.path
    segments = [unquote(s) for s in path.split("/") if s]
    if host in _ARXIV_HOSTS:
        match = _ARXIV_PATH.match(path)
        return _arxiv_work(match.group("id")) if match else None
    if host == "openreview.net" and path in ("/forum", "/pdf", "/attachment"):
        ident = parts.param("id")
        if ident:
            return _Work(f"openreview:{ident}", f"https://openreview.net/forum?id={ident}")
        return None
    if host in _DOI_HOSTS and segments:
        doi = unquote(path.lstrip("/"))
        return _doi_work(doi) if _DOI.match(doi) else None
    if host in _ACL_HOSTS:
        if host == "aclweb.org" and segments[:1] == ["anthology"]:
            segments = segments[1:]
        if segments:
            last = re.sub(r"\.(?:pdf|bib|xml)$", "", segments[-1], flags=re.IGNORECASE)
            if _ACL_ID.match(last) and (len(segments) == 1 or host == "aclweb.org"):
                return _acl_work(last)
        return None
    if host in _FORUM_HOSTS:
        return _forum_work(parts, segments)
    if host == "github.com":
        return _github_work(segments)
    if host in _NEURIPS_HOSTS:
        match = _NEURIPS_HASH.search(path)
        return _Work(f"neurips:{match.group('hash').lower()}", parts.unsplit()) if match else None
    if host == "proceedings.mlr.press":
        match = _PMLR.match(path)
        if match:
            ident = f"{match.group('vol')}/{match.group('paper')}"
            return _Work(f"pmlr:{ident}", f"https://proceedings.mlr.press/{ident}.html")
        return None
    if host in _YOUTUBE_HOSTS:
        ident = segments[0] if host == "youtu.be" and segments else parts.param("v")
        if path.startswith(("/embed/", "/shorts/", "/live/")) and len(segments) == 2:
            ident = segments[1]
        if ident and _YOUTUBE_ID.match(ident):
            return _Work(f"youtube:{ident}", f"https://youtube.com/watch?v={ident}")
        return None
    if host == "ieeexplore.ieee.org":
        match = _IEEE_PATH.match(path)
        ident = match.group(1) if match else parts.param("arnumber")
        if ident and ident.isdigit():
            return _Work(f"ieee:{ident}", f"https://ieeexplore.ieee.org/document/{ident}")
        return None
    match = _DOI_IN_PATH.search(path) or (
        _SPRINGER_PATH.match(path) if host == "link.springer.com" else None
    )
    if match:
        return _doi_work(match.group(1))
    return None


def _github_case(parts: _Parts) -> _Parts:
    """GitHub owner and repository names are case-insensitive; the rest of the path is not."""
    if parts.host != "github.com":
        return parts
    segments = parts.path.split("/")
    head = [s.lower() for s in segments[:3]]
    if len(head) == 3:
        head[2] = head[2].removesuffix(".git")
    return _Parts(
        parts.scheme,
        parts.host,
        parts.port,
        "/".join(head + segments[3:]),
        parts.query,
        parts.fragment,
    )


def canonical_url(url: str) -> str:
    """The normalised form of ``url`` to compare and to suggest.

    Anything that is not an absolute http(s) URL (``#anchor``, ``mailto:``,
    relative paths) comes back stripped but otherwise unchanged.
    """
    parts = _split(url)
    if parts is None:
        return url.strip()
    work = _work(parts)
    if work is not None:
        return work.url
    return _github_case(parts).unsplit()


def work_key(url: str) -> str | None:
    """The identity of the scholarly work, post, repository or video ``url`` names, or None.

    Equal keys mean the same work whatever the site or link form: an arXiv
    ``pdf`` and ``abs`` link, an arXiv DOI, a LessWrong post and its Alignment
    Forum copy.
    """
    parts = _split(url)
    if parts is None:
        return None
    work = _work(parts)
    return work.key if work is not None else None


def identity_key(url: str) -> str:
    """What two links must share to point at the same thing: work key, else canonical URL."""
    parts = _split(url)
    if parts is None:
        return url.strip()
    work = _work(parts)
    if work is not None:
        return work.key
    return _github_case(parts).unsplit()


def key_kind(key: str) -> str:
    """``arxiv`` for ``arxiv:2211.00593``; ``url`` for a canonical URL or anything else."""
    kind, sep, _ = key.partition(":")
    return kind if sep and kind in _WORK_KINDS else "url"


def is_pdf_url(url: str) -> bool:
    """Does the URL name a PDF rather than a page (``.pdf``, arXiv/OpenReview ``/pdf``)?"""
    path = url.lower().split("#", 1)[0].split("?", 1)[0]
    return path.endswith((".pdf", "/pdf")) or "/pdf/" in path


def label_is_implied(label: str, url: str) -> bool:
    """Does a link label only restate what the URL shows (``[pdf]`` on a PDF, ``[github]``)?

    Such labels carry nothing a reader needs once the title is the link; a label
    with more in it (``arxiv 2303``, ``EMNLP 2023``) or one that contradicts the
    URL (``[github]`` on arXiv) is never implied.
    """
    word = re.sub(r"[\s_-]+", "", label.casefold())
    if not word.isalpha():
        return False
    if word in ("pdf", "paper") and is_pdf_url(url):
        return True
    key = work_key(url)
    if key is not None and word == key_kind(key):
        return True
    parts = _split(url)
    host = parts.host.casefold().replace("-", "").replace(".", "") if parts is not None else ""
    return len(word) >= 4 and word in host
