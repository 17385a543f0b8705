"""Small URL facts the URL and label rules share: splitting, hosts, arXiv ids.

Standard library only; the lint path must stay cheap to import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from awesomelint.urls import work_key

_URL = re.compile(
    r"^(?P<scheme>https?)://(?P<host>[^/?#\s]*)(?P<path>[^?#]*)(?P<rest>.*)$", re.I | re.S
)
_ARXIV_NEW = re.compile(r"^(\d{2})(\d{2})\.\d{4,5}$")
_ARXIV_OLD = re.compile(r"^[a-z][a-z.-]*(?:\.[a-z]{2})?/(\d{2})(\d{2})\d{3}$")


@dataclass(frozen=True)
class WebUrl:
    """An http(s) URL in the pieces the rules look at, as written (nothing normalised)."""

    scheme: str
    host: str
    path: str
    rest: str

    @property
    def site(self) -> str:
        """The host in lower case, without ``www.`` and port."""
        host = self.host.rsplit("@", 1)[-1].split(":", 1)[0].lower().rstrip(".")
        return host.removeprefix("www.")


def split_url(url: str) -> WebUrl | None:
    """An absolute http(s) URL split at host and path, or None."""
    match = _URL.match(url.strip())
    if not match:
        return None
    return WebUrl(match["scheme"], match["host"], match["path"], match["rest"])


def on_host(site: str, hosts: frozenset[str] | tuple[str, ...]) -> bool:
    """Is ``site`` one of ``hosts`` or a subdomain of one?"""
    if site in hosts:
        return True
    parts = site.split(".")
    return any(".".join(parts[i:]) in hosts for i in range(1, len(parts) - 1))


@dataclass(frozen=True)
class ArxivId:
    """An arXiv identifier and the year and month it was assigned."""

    ident: str
    year: int
    month: int

    @property
    def yymm(self) -> str:
        return f"{self.year % 100:02d}{self.month:02d}"


def arxiv_id(url: str) -> ArxivId | None:
    """The arXiv id a URL names (abs, pdf, versions, arXiv DOIs), or None."""
    key = work_key(url)
    if key is None or not key.startswith("arxiv:"):
        return None
    ident = key.removeprefix("arxiv:")
    match = _ARXIV_NEW.match(ident) or _ARXIV_OLD.match(ident)
    if not match:
        return None
    yy, mm = int(match.group(1)), int(match.group(2))
    year = 2000 + yy if ident[0].isdigit() or yy < 91 else 1900 + yy
    if not 1 <= mm <= 12:
        return None
    return ArxivId(ident, year, mm)
