"""Unbalanced quotes or brackets in an entry's title or description.

A quotation opened and never closed, or opened with ``"`` and closed with
``”``, and a ``(`` without its ``)`` are typos the reader sees.  Link targets,
code spans, HTML tags and enumerations such as ``1)`` or ``a)`` are not
counted, nor are single quotes (they double as apostrophes).  What is reported
must also be unbalanced in the entry's own source lines, so a bracket that the
reading of the entry split off (``[[crate](url)]``) is not a typo.

Fails::

    1. [Git Re-Basin](https://github.com/samuela/git-re-basin) - Code for "Git Re-Basin.”

Passes::

    1. [Git Re-Basin](https://github.com/samuela/git-re-basin) - Code for “Git Re-Basin.”
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import ENTRIES, LintContext, Options, mask_code_spans
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.model import Entry
from awesomelint.syntax import DESTINATION_AND_TITLE, HTML_TAG, URL_RUN

ID = "AL019"
NAME = "unbalanced-punctuation"
SEVERITY: Severity = "warning"
FIX: FixAvailability = "none"
CONSUMES = frozenset({ENTRIES})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}

_PAIRS = {")": "(", "]": "[", "}": "{"}
_ENUMERATION = re.compile(r"(?:^|(?<=\s))(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})\)|[:;]-?[()]")
_ESCAPE = re.compile(r"\\(.)")
_BRACKET = re.compile(r"[()\[\]{}]")
_PAIRED = re.compile(r"\([^()\[\]{}]*\)|\[[^()\[\]{}]*\]|\{[^()\[\]{}]*\}")


def _blank_url(match: re.Match[str]) -> str:
    """A bare URL as a space, but not the ``)`` that closes a parenthesis around it:
    ``(https://x.org/a).`` keeps its pair."""
    url = match.group(0)
    kept = ""
    while url and (
        url[-1] in ".,;:!?'\"" or (url[-1] == ")" and url.count(")") > url.count("("))
    ):  # GitHub's autolinks leave trailing punctuation and an unpaired ")" out
        url, kept = url[:-1], url[-1] + kept
    return " " + kept


def _clean(text: str) -> str:
    """The text whose punctuation a reader sees: no link targets, URLs, code, tags, escapes."""
    text = mask_code_spans(text)
    if "<" in text:
        text = HTML_TAG.sub(" ", text)
    if "](" in text:
        text = DESTINATION_AND_TITLE.sub("]", text)
    if "://" in text:
        text = URL_RUN.sub(_blank_url, text)
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def _reduced(text: str) -> str:
    """``text`` with matched bracket pairs removed, innermost first (in C, not per character)."""
    while _BRACKET.search(text):
        reduced = _PAIRED.sub("", text)
        if reduced == text:
            break
        text = reduced
    return text


def problem(text: str) -> str | None:
    """What is unbalanced in ``text``, or None.

    An enumeration's ``a)`` or ``3)`` is set aside only when the brackets do not
    balance with it: in "(OS X)" or "(Table 3)" the ``)`` closes the ``(``.
    """
    text = _clean(text)
    found = _problem(text)
    if found is not None and ")" in text:
        found = _problem(_ENUMERATION.sub(" ", text))
    return found


def _problem(text: str) -> str | None:
    stack: list[str] = []
    for char in text if _BRACKET.search(_reduced(text)) else ():
        if char in "([{":
            stack.append(char)
        elif char in _PAIRS:
            if not stack or stack[-1] != _PAIRS[char]:
                return f'"{char}" without "{_PAIRS[char]}"'
            stack.pop()
    if stack:
        closer = {v: k for k, v in _PAIRS.items()}[stack[-1]]
        return f'"{stack[-1]}" without "{closer}"'
    straight = text.count('"')
    left, right = text.count("\u201c"), text.count("\u201d")
    if left != right:
        if straight and straight == abs(left - right):
            return 'a quotation opened with " and closed with a curly quote (or the reverse)'
        return "unbalanced curly quotes"
    if straight % 2:
        return 'an odd number of "'
    return None


def _source_text(ctx: LintContext, entry: Entry) -> str:
    """The entry's own lines, as written (its nested entries and notes left out)."""
    first = entry.source.line
    last = max(first, min(entry.source.last_line, len(ctx.lines)))
    starts = [e.source.line for e in (*entry.children,) if e.source.line > first]
    if starts:
        last = min(last, min(starts) - 1)
    return " ".join(ctx.lines[first - 1 : last])


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Check the title and the description of every entry."""
    for item in ctx.located:
        entry = item.entry
        line = entry.source.line
        for field, text in (("title", entry.title), ("description", entry.description)):
            if not text:
                continue
            found = problem(text)
            if found is None or problem(_source_text(ctx, entry)) is None:
                continue
            where = ctx.locate(text[:40], line) or (line, ctx.indent_column(line))
            yield ctx.diagnostic(
                ID, options, where[0], where[1], f"unbalanced punctuation in {field}: {found}"
            )
