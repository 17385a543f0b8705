"""Generic URL normalisation and host extraction, on yarl.

yarl (the URL type of aiohttp) parses by RFC 3986 and gets the hard parts
right: IDNA hosts (``Bücher.de`` is ``xn--bcher-kva.de``), IPv6 literals
(``[::1]`` keeps its brackets), dot segments (``/a/./b/../c`` is ``/a/c``)
and percent-encoding (``%7E`` is ``~``, escapes in upper case).  This module
adds what only comparison needs: one scheme, no ``www.``, no default port, no
trailing slash or index page, no tracking parameters, a sorted query.  A URL
in plain characters, which yarl would leave as it is, skips the parser (and
a list of such URLs never imports it).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import parse_qsl, urlencode

from .tracking import is_tracking_param

if TYPE_CHECKING:
    from yarl import URL

__all__ = ["Parts", "host_of", "site_of", "split"]

_DEFAULT_PORTS = frozenset({80, 443})  # both, as http becomes https
# Fragments that name no part of the page (GitHub's README anchor, "top").
_EMPTY_FRAGMENTS = frozenset({"", "readme", "top", "start"})
_INDEX_PAGES = ("/index.html", "/index.htm", "/index.php", "/index.shtml")
_WEB = re.compile(r"^https?://", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_BARE_HOST = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/|$)", re.IGNORECASE)
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_HOST_NAME = re.compile(r"^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?$")
_SLASHES = re.compile(r"/{2,}")


class Parts(NamedTuple):
    """A URL split and generically normalised (what every site shares).

    A named tuple, not a frozen dataclass: one is built for every link of a
    list, and a tuple is built several times faster.
    """

    host: str  # lower-case ASCII (IDNA), no ``www.``, no brackets around IPv6
    port: str
    path: str  # percent-encoded, no dot segments, no trailing slash
    query: tuple[tuple[str, str], ...]  # decoded, sorted, without tracking parameters
    fragment: str

    @property
    def netloc(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}" if self.port else host

    def unsplit(self) -> str:
        """The normalised URL, always ``https``."""
        query = "?" + urlencode(self.query) if self.query else ""
        fragment = "#" + self.fragment if self.fragment else ""
        return f"https://{self.netloc}{self.path}{query}{fragment}"

    def param(self, name: str) -> str | None:
        """The first value of query parameter ``name``, or None."""
        for key, value in self.query:
            if key == name:
                return value
        return None


def _absolute(url: str) -> str:
    """``doi:`` / ``arXiv:`` shorthands, bare DOIs, ``//host`` and bare hosts as https URLs."""
    text = url.strip()
    if _WEB.match(text) and not text.endswith(">"):  # nearly every link in a list
        return text
    text = text.strip("<>").strip()
    low = text[:6].lower()
    if low.startswith("doi:"):
        return "https://doi.org/" + text[4:].strip()
    if low == "arxiv:":
        return "https://arxiv.org/abs/" + text[6:].strip()
    if _DOI.match(text):
        return "https://doi.org/" + text
    if text.startswith("//"):
        return "https:" + text
    if not _SCHEME.match(text) and _BARE_HOST.match(text):
        return "https://" + text
    return text


def _parse(text: str) -> URL | None:
    """An absolute http(s) URL parsed by yarl with a valid host, or None."""
    if not _WEB.match(text):
        return None
    from yarl import URL  # imported on the first URL the fast path cannot take

    try:
        parsed = URL(text)
        host = parsed.raw_host
    except (ValueError, UnicodeError):
        return None
    if not host or (":" not in host and not _HOST_NAME.match(host)):
        return None
    return parsed


# A URL in these characters only, without dot segments or punycode, is one yarl would
# leave as it is but for the case of scheme and host: it skips the parser (most list links).
_PLAIN = re.compile(
    r"^(https?)://([a-z0-9.-]+)(?::(\d{1,5}))?((?:/[\w\-.~!$&'()*+,;=:@]*)*)"
    r"(?:\?([\w\-.~!$&'()*+,;=:@/?]*))?(?:#([\w\-.~!$&'()*+,;=:@/?]*))?$",
    re.IGNORECASE | re.ASCII,
)
_DOT_SEGMENT = re.compile(r"/\.\.?(?:/|$)")


def _plain(text: str) -> tuple[str, str, int | None, str, str, str] | None:
    """Host, port, path, query and fragment of a URL that needs no parser, or None."""
    match = _PLAIN.match(text)
    if match is None:
        return None
    _, host, port, path, query, fragment = match.groups("")
    if "xn--" in host or (port and int(port) > 65535) or _DOT_SEGMENT.search(path):
        return None
    host = host.lower()
    if not _HOST_NAME.match(host):
        return None
    return host, port, int(port) if port else None, path or "/", query, fragment


def _pieces(url: str) -> tuple[str, int | None, str, str, str] | None:
    """Host, explicit port, path, query and fragment, normalised by yarl's rules."""
    text = _absolute(url)
    plain = _plain(text)
    if plain is not None:
        host, _, port, path, query, fragment = plain
        return host, port, path, query, fragment
    parsed = _parse(text)
    if parsed is None:
        return None
    return (
        parsed.raw_host or "",
        parsed.explicit_port,
        parsed.raw_path,
        parsed.raw_query_string,
        parsed.raw_fragment,
    )


@lru_cache(maxsize=1 << 14)
def split(url: str) -> Parts | None:
    """Generic normalisation, or None for what is not an absolute web URL.

    Cached: a merge asks for the same URL's parts from dedupe, the entry merge,
    the ids and the guard (tens of thousands of calls for a few thousand links).
    """
    pieces = _pieces(url)
    if pieces is None:
        return None
    host, port, path, query, fragment = pieces
    host = host.rstrip(".").removeprefix("www.")
    if "//" in path:
        path = _SLASHES.sub("/", path)
    path = path.rstrip("/")
    if path.lower().endswith(_INDEX_PAGES):
        path = path[: path.rindex("/")]
    params: tuple[tuple[str, str], ...] = ()
    if query:
        params = tuple(
            sorted(
                (key, value)
                for key, value in parse_qsl(query, keep_blank_values=True)
                if not is_tracking_param(key)
            )
        )
    if fragment.lower() in _EMPTY_FRAGMENTS or fragment.startswith(":~:"):
        fragment = ""
    return Parts(
        host,
        "" if port is None or port in _DEFAULT_PORTS else str(port),
        path,
        params,
        fragment,
    )


def host_of(url: str) -> str:
    """The host of an http(s) URL: lower-case ASCII (IDNA), no trailing dot, IPv6 unbracketed.

    ``""`` for anything without one.  ``Bücher.de``, ``xn--bcher-kva.de`` and
    ``bücher.de.`` are one host; ``www.`` is kept (it can be another server).
    """
    pieces = _pieces(url)
    return pieces[0].rstrip(".") if pieces is not None else ""


def site_of(url: str) -> str:
    """The host without ``www.``: what a reader calls the site."""
    return host_of(url).removeprefix("www.")
