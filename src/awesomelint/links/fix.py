"""``--fix``: rewrite permanently redirected links in the raw file text.

The document is never re-rendered: only the old URL inside a link destination,
autolink, reference definition or HTML attribute on the recorded line changes,
so every other byte stays as it was.  Files are replaced atomically.

The new URL comes from a server's ``Location`` header, so it is hostile input:
it is written only when it is http(s) with a plain host, and every character
that could end a markdown destination, autolink or attribute (or that is not
printable ASCII) is percent-escaped, so one link stays one link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from awesomelint.fileio import atomic_write
from awesomelint.links.model import Result, Verdict
from awesomelint.parse import read_bytes

# A URL counts as a link target when delimited like one: ](url), <url>, [x]: url,
# href="url", or a bare autolink (trailing sentence punctuation allowed).
_BEFORE = r"(?:(?<=[\s(<\"'])|^)"
_AFTER = r"(?=[\s)>\"']|[.,;:!?]+(?:[\s)]|$)|$)"


# Kept as they are in a path, query or fragment: RFC 3986 unreserved, "%" of an
# escape, and the delimiters no markdown or HTML context gives a meaning to.
_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&*+,;=:@/?#")
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_NETLOC = re.compile(r"[A-Za-z0-9.-]+(?::[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](?::[0-9]{1,5})?")


def _escape(text: str) -> str:
    out = []
    for i, ch in enumerate(text):
        if ch in _SAFE or (ch == "%" and _ESCAPE.match(text, i)):
            out.append(ch)
        else:
            out.extend(f"%{byte:02X}" for byte in ch.encode("utf-8", "surrogatepass"))
    return "".join(out)


def safe_target(url: str) -> str | None:
    """``url`` escaped so it is one markdown destination, or None when it must not be written.

    Only http(s) URLs with a plain host (no credentials, no odd characters) qualify;
    a non-ASCII host is written in its IDNA (punycode) form.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https"):
        return None
    netloc = parts.netloc
    if not netloc.isascii():
        try:
            host, sep, port = netloc.rpartition(":") if "]" not in netloc else (netloc, "", "")
            if not sep or not port.isdigit():
                host, sep, port = netloc, "", ""
            netloc = host.encode("idna").decode("ascii") + sep + port
        except UnicodeError:
            return None
    if not _NETLOC.fullmatch(netloc):
        return None
    before_fragment, has_fragment, _ = url.partition("#")
    query = "?" + _escape(parts.query) if "?" in before_fragment else ""
    fragment = "#" + _escape(parts.fragment) if has_fragment else ""
    path = _escape(parts.path)
    return urlunsplit((parts.scheme.lower(), netloc, "", "", "")) + path + query + fragment


@dataclass(frozen=True)
class Rewrite:
    """Replace ``old`` by ``new`` on one line of one file."""

    file: str
    line: int
    old: str
    new: str


def rewrites(results: Iterable[Result]) -> list[Rewrite]:
    """The rewrites that the permanent redirects among ``results`` call for."""
    return [
        Rewrite(occ.file, occ.line, result.url, result.redirect_to)
        for result in results
        if result.verdict is Verdict.REDIRECTED and result.redirect_to
        for occ in result.occurrences
    ]


def apply_text(text: str, edits: Iterable[Rewrite]) -> tuple[str, int]:
    """``text`` with the edits made (lines are 1-based), and how many URLs changed."""
    lines = text.split("\n")  # not splitlines(): that also splits on \f, \v, U+2028...
    changed = 0
    for edit in edits:
        index = edit.line - 1
        if not 0 <= index < len(lines):
            continue
        new = safe_target(edit.new)
        if new is None:
            continue  # not a URL we write into a list (javascript:, credentials, ...)
        pattern = re.compile(_BEFORE + re.escape(edit.old) + _AFTER)
        lines[index], count = pattern.subn(lambda _m, new=new: new, lines[index])
        changed += count
    return "\n".join(lines), changed


def apply(edits: Iterable[Rewrite], *, force: bool = False) -> dict[str, int]:
    """Apply rewrites file by file; returns URLs changed per file (OSError propagates)."""
    by_file: dict[str, list[Rewrite]] = {}
    for edit in edits:
        by_file.setdefault(edit.file, []).append(edit)
    done: dict[str, int] = {}
    for file, file_edits in by_file.items():
        raw = read_bytes(file)
        text = raw.decode("utf-8")
        new_text, count = apply_text(text, file_edits)
        if count:
            atomic_write(file, new_text.encode("utf-8"), expect=raw, force=force)
            done[file] = count
    return done
