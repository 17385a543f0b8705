"""Pure URL helpers: what is checkable, what is malformed, what is requested once.

Kept free of httpx so a warm-cache run can decide everything without loading it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_BAD_CHARS = re.compile(r"[\s\x00-\x1f\x7f<>\"{}|\\^`]")
_HOST_OK = re.compile(r"^[^\s/?#@:]+$")
# The shape of nearly every link of a list, surely well formed: no need to take it apart.
_PLAIN = re.compile(
    r"https?://(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
    r"(?::(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}))?(?:[/?#][^\s\x00-\x1f\x7f<>\"{}|\\^`\[\]@]*)?",
    re.IGNORECASE,
)


def is_web(url: str) -> bool:
    """True for the links this checker requests: ``http://`` and ``https://`` ones."""
    return url[:8].lower().startswith(("http://", "https://"))


def is_local_anchor(url: str) -> bool:
    """True for a same-file fragment link (``#section``)."""
    return url.startswith("#")


def split_fragment(url: str) -> tuple[str, str]:
    """The URL without its ``#fragment``, and the fragment (empty when there is none)."""
    base, _, fragment = url.partition("#")
    return base, fragment


def invalid_reason(url: str) -> str | None:
    """Why ``url`` cannot be requested, or None when it is well formed."""
    if _PLAIN.fullmatch(url):
        return None
    if _BAD_CHARS.search(url):
        return "contains spaces or characters that must be escaped"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"malformed: {exc}"
    if parts.scheme.lower() not in ("http", "https"):
        return "not an http(s) URL"
    host = parts.hostname
    if not host:
        return "no host"
    if port == 0:
        return "port 0"
    named = not host.startswith("[") and ":" not in host
    if named and (not _HOST_OK.match(host) or any(not p for p in host.rstrip(".").split("."))):
        return f"malformed host {host!r}"
    return None


def host_of(url: str) -> str:
    """The lower-case host name of a well-formed URL: the unit of politeness."""
    return (urlsplit(url).hostname or "").lower()
