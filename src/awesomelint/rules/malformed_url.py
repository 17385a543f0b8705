"""A link target that is neither a URL nor a path: a mangled scheme, no scheme, an identifier.

GitHub takes a target without ``scheme://`` for a file of the repository, so
``(www.postman.com/…)`` or ``(anhnguyen.me/paper.pdf)`` is a broken relative
link, and ``(Ihttps://…)``, ``(htps://…)`` or ``(arXiv:2403.19521)`` is no
link at all.  Reported: a mistyped or prefixed ``http(s)://``; a target that
starts with a domain (``www.``, or ``name.tld/…``) or is an e-mail address,
unless a file of that name exists beside the list; an ``arXiv:``, ``doi:``
or ``isbn:`` identifier written as the target.

The fix is offered only where the intended URL is certain: the scheme
spelled right (``htps://`` → ``https://``), ``www.…`` → ``https://www.…``,
``mailto:`` before an address, ``arXiv:ID`` → ``https://arxiv.org/abs/ID``,
``doi:X`` → ``https://doi.org/X``.  A bare ``name.tld/…`` is left to the
author.

Fails::

    - [Postman](www.postman.com/downloads) - API client.

Passes::

    - [Postman](https://www.postman.com/downloads) - API client.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

from awesomelint.lint.context import CODE, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Fix, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.syntax import DEFINITION, HTML_URL_ATTRIBUTE, INLINE_LINK

ID = "AL030"
NAME = "malformed-url"
SEVERITY: Severity = "error"
FIX: FixAvailability = "sometimes"
CONSUMES = frozenset({CODE})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}

# a few stray characters, then http or https misspelt, then a separator with a colon or "//"
_MANGLED = re.compile(
    r"^(?:[A-Za-z(\"'.]{0,3}?(?P<scheme>h{1,2}t{1,3}p{1,2}s?|htps?)|(?P<head>t{1,2}ps?))"
    r"(?::{1,2}/{0,3}|/{2})(?=[\w\[])",
    re.IGNORECASE,
)
_RIGHT = re.compile(r"^https?://", re.IGNORECASE)
_IDENT = re.compile(r"^(arxiv|doi|isbn|pmid):\s*(\S+)$", re.IGNORECASE)
_ARXIV = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z][a-z.-]*/\d{7})(?:v\d+)?$", re.IGNORECASE)
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)
_WWW = re.compile(r"^www\d?\.[\w-]+(?:\.[\w-]+)+(?:[/?#]|$)", re.IGNORECASE)
# a host name: labels, then a top-level domain that is not also a common file extension
_DOMAIN = re.compile(
    r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    r"(com|org|net|io|edu|gov|me|ai|dev|app|info|xyz|tech|cn|jp|de|fr|uk|ru|ca|eu|tv|gg)"
    r"(?::\d+)?(/|$)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Problem:
    """What is wrong with a target, and the certain replacement if there is one."""

    why: str
    fixed: str | None = None


def problem(target: str) -> Problem | None:
    """Why ``target`` (as written, without ``<>``) is not a usable link target, or None."""
    if not target or _RIGHT.match(target) or target.startswith(("#", "/", "./", "../")):
        return None
    mangled = _MANGLED.match(target)
    if mangled:
        secure = "s" in (mangled["scheme"] or mangled["head"]).lower()
        fixed = ("https://" if secure else "http://") + target[mangled.end() :]
        return Problem("a mistyped scheme", fixed)
    ident = _IDENT.match(target)
    if ident:
        kind, value = ident[1].lower(), ident[2]
        if kind == "arxiv" and _ARXIV.match(value):
            return Problem("an arXiv id, not a URL", f"https://arxiv.org/abs/{value}")
        if kind == "doi" and value.startswith("10."):
            return Problem("a DOI, not a URL", f"https://doi.org/{value}")
        return Problem(f"an {kind} identifier, not a URL")
    if _EMAIL.match(target):
        return Problem("an e-mail address without mailto:", f"mailto:{target}")
    if _WWW.match(target):
        return Problem("no scheme (GitHub reads it as a file path)", f"https://{target}")
    if _DOMAIN.match(target):
        return Problem("no scheme (GitHub reads it as a file path)")
    return None


def _exists(ctx: LintContext, target: str) -> bool:
    """Does a file or directory of that name stand beside the list?"""
    if ctx.path in ("-", "<stdin>"):
        return False
    path = target.split("#", 1)[0].split("?", 1)[0]
    return bool(path) and os.path.exists(os.path.join(os.path.dirname(ctx.path), path))


def _targets(line: str) -> Iterator[tuple[int, str]]:
    """(0-based column, target) of each inline destination, definition and HTML URL."""
    for match in INLINE_LINK.finditer(line):
        start, target = match.start(2), match.group(2)
        if target.startswith("<") and target.endswith(">"):
            start, target = start + 1, target[1:-1]
        yield start, target
    definition = DEFINITION.match(line)
    if definition:
        yield definition.start(2), definition.group(2)
    if "=" in line:
        for match in HTML_URL_ATTRIBUTE.finditer(line):
            yield match.start(1), match.group(1)


# where a destination starts: a cheap first look before the exact link syntax
_QUICK = re.compile(r"\]\([ \t]*<?([^\s()<>]*)")


def _suspect(line: str) -> bool:
    """May the line hold a malformed target?  (Definitions and HTML are looked at in full.)"""
    if "]:" in line or "=" in line and ("src" in line.lower() or "href" in line.lower()):
        return True
    return any(problem(match.group(1)) is not None for match in _QUICK.finditer(line))


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Judge every link target outside code."""
    for number, line in ctx.markdown_lines(blank_code=True):
        if "](" not in line and "]:" not in line and "=" not in line:
            continue
        if not _suspect(line):
            continue
        source = ctx.lines[number - 1]
        for column, written in _targets(line):
            target = source[column : column + len(written)]
            found = problem(target)
            if found is None:
                continue
            if found.fixed is None or not _RIGHT.match(found.fixed):
                if _exists(ctx, target):
                    continue
            elif not _MANGLED.match(target) and not _IDENT.match(target) and _exists(ctx, target):
                continue
            fix = None
            if found.fixed is not None:
                fix = Fix.replace(number, column + 1, target, found.fixed)
            yield ctx.diagnostic(ID, options, number, column + 1, f"{target}: {found.why}", fix=fix)
