"""GitHub's heading anchors, so ToC links and ``#fragment`` checks agree with GitHub.

An anchor is made in two steps, as GitHub (and github-slugger, whose test table
tests/data/github_slugger_fixtures.json holds) makes it: the heading's text
content, lower case, with every character dropped that is not a letter, mark,
digit, connector (``_``), ``-`` or space, spaces to hyphens (``anchor``); then
repeats numbered in document order (``number_repeats``).  The text content is
what a browser shows of the rendered heading: link text, no images, no markup,
entities decoded, code spans verbatim (``heading_text``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

from awesomelint.entities import ENTITY, decode_entity
from awesomelint.syntax import ANY_AUTOLINK, INLINE_HTML, LINK_TITLE_END
from awesomelint.unicode_tables import KEPT_BOUNDS

_ASCII_DROP = re.compile(r"[^a-z0-9 _\-]")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_VARIATION_SELECTOR = "\ufe0f"


def _kept(char: str) -> bool:
    return bisect_right(KEPT_BOUNDS, ord(char)) % 2 == 1


def anchor(text: str) -> str:
    """The anchor of a heading whose text content is ``text``, before repeats are numbered.

    Not trimmed: GitHub turns a leading or trailing space into a hyphen too.
    """
    low = text.lower()
    if low.isascii():
        kept = _ASCII_DROP.sub("", low)
    else:
        kept = "".join(char for char in low if _kept(char))
    return kept.replace(" ", "-")


def number_repeats(anchors: Iterable[str]) -> list[str]:
    """Anchors in document order, repeats suffixed ``-1``, ``-2`` the way GitHub does.

    A suffixed anchor is taken as well: ``foo``, ``foo``, ``foo-1`` give ``foo``,
    ``foo-1``, ``foo-1-1``.
    """
    taken: dict[str, int] = {}
    out: list[str] = []
    for base in anchors:
        result = base
        while result in taken:
            taken[base] += 1
            result = f"{base}-{taken[base]}"
        taken[result] = 0
        out.append(result)
    return out


def heading_text(markdown: str) -> str:
    """The visible text of a heading's markdown (links by their text, images and markup gone)."""
    return text_content(markdown).strip()


def slug(markdown: str) -> str:
    """The anchor GitHub gives a heading written as ``markdown``, before de-duplication.

    ``# Awesome X [![badge](…)](…)`` is ``awesome-x-``: an image has no text, and
    the space before it stays.
    """
    return anchor(text_content(markdown))


def unique_slugs(headings: Iterable[str]) -> list[str]:
    """Anchors for headings (markdown) in order, repeats numbered as GitHub does."""
    return number_repeats(slug(heading) for heading in headings)


def fragment_key(fragment: str) -> str:
    """What GitHub's page script compares when it follows ``#fragment`` (without the ``#``).

    It decodes percent escapes, drops the ``user-content-`` prefix GitHub puts
    on ids, and finds the anchor whatever its case and with or without the
    emoji variation selector U+FE0F, so both forms of such a link work.
    """
    key = unquote(fragment).lower().removeprefix("user-content-")
    return key.replace(_VARIATION_SELECTOR, "")


# -- text content --------------------------------------------------------------------------


@dataclass
class _Run:
    """A run of ``*``, ``_`` or ``~``: emphasis when matched, literal text otherwise."""

    char: str
    count: int
    can_open: bool
    can_close: bool
    original: int


def _is_space(char: str) -> bool:
    return char == "" or char.isspace()


def _is_punctuation(char: str) -> bool:
    return char in _ASCII_PUNCTUATION or unicodedata.category(char)[0] in "PS"


def _run(markdown: str, start: int, end: int) -> _Run:
    char = markdown[start]
    before = markdown[start - 1] if start > 0 else ""
    after = markdown[end] if end < len(markdown) else ""
    left = not _is_space(after) and (
        not _is_punctuation(after) or _is_space(before) or _is_punctuation(before)
    )
    right = not _is_space(before) and (
        not _is_punctuation(before) or _is_space(after) or _is_punctuation(after)
    )
    if char == "_":  # intraword underscores (``snake_case``) are not emphasis
        can_open = left and (not right or _is_punctuation(before))
        can_close = right and (not left or _is_punctuation(after))
    else:
        can_open, can_close = left, right
    return _Run(char, end - start, can_open, can_close, end - start)


def _match_emphasis(parts: list[str | _Run]) -> None:
    """CommonMark's "process emphasis": take matched delimiters off their runs, in place."""
    runs = [part for part in parts if isinstance(part, _Run)]
    stack: list[_Run] = []
    for closer in runs:
        while closer.can_close and closer.count:
            opener_at = _opener(stack, closer)
            if opener_at is None:
                break
            opener = stack[opener_at]
            strong = closer.char != "~" and opener.count >= 2 and closer.count >= 2
            used = 2 if strong else 1
            opener.count -= used
            closer.count -= used
            del stack[opener_at + 1 :]  # delimiters inside the emphasis match nothing outside
            if not opener.count:
                stack.pop()
        if closer.can_open and closer.count:
            stack.append(closer)


def _opener(stack: list[_Run], closer: _Run) -> int | None:
    for index in range(len(stack) - 1, -1, -1):
        opener = stack[index]
        if opener.char != closer.char:
            continue
        if closer.char == "~":
            if opener.count == closer.count:
                return index
            continue
        # the rule of three: `*a**` does not close `*` with `**`
        both = opener.can_close or closer.can_open
        total = opener.original + closer.original
        if both and total % 3 == 0 and (opener.original % 3 or closer.original % 3):
            continue
        return index
    return None


def _code_span(markdown: str, start: int) -> tuple[str, int] | None:
    """The content and end of the code span opening at ``start``, or None."""
    end = start
    while end < len(markdown) and markdown[end] == "`":
        end += 1
    fence = markdown[start:end]
    search = end
    while True:
        found = markdown.find(fence, search)
        if found < 0:
            return None
        after = found + len(fence)
        if after < len(markdown) and markdown[after] == "`":
            search = after
            while search < len(markdown) and markdown[search] == "`":
                search += 1
            continue
        content = markdown[end:found].replace("\n", " ")
        if len(content) > 2 and content[0] == " " and content[-1] == " " and content.strip():
            content = content[1:-1]
        return content, after


def _brackets(markdown: str) -> dict[int, int]:
    """Each ``[`` that is closed, mapped to its ``]`` (escapes and code spans skipped).

    One pass with a stack, so a heading of many brackets costs no rescans.
    """
    pairs: dict[int, int] = {}
    stack: list[int] = []
    index = 0
    while index < len(markdown):
        char = markdown[index]
        if char == "\\":
            index += 2
            continue
        if char == "`":
            code = _code_span(markdown, index)
            if code is not None:
                index = code[1]
                continue
            while index < len(markdown) and markdown[index] == "`":
                index += 1
            continue
        if char == "[":
            stack.append(index)
        elif char == "]" and stack:
            pairs[stack.pop()] = index
        index += 1
    return pairs


def _link_tail(markdown: str, start: int) -> int | None:
    """The end of ``(destination "title")`` or ``[label]`` at ``start``, or None."""
    if markdown.startswith("[", start):
        close = markdown.find("]", start)
        return None if close < 0 or "[" in markdown[start + 1 : close] else close + 1
    if not markdown.startswith("(", start):
        return None
    index = start + 1
    while index < len(markdown) and markdown[index] in " \t\n":
        index += 1
    if markdown.startswith("<", index):
        close = markdown.find(">", index)
        if close < 0 or "\n" in markdown[index:close]:
            return None
        index = close + 1
    else:
        depth = 0
        while index < len(markdown):
            char = markdown[index]
            if char == "\\":
                index += 2
                continue
            if char.isspace() or (char == ")" and depth == 0):
                break
            depth += {"(": 1, ")": -1}.get(char, 0)
            index += 1
    title = LINK_TITLE_END.match(markdown, index)
    return title.end() if title else None


_MAX_NESTING = 32  # links in link text deeper than this are read as text, not recursed into


def text_content(markdown: str, _depth: int = 0) -> str:
    """What a browser shows of ``markdown`` rendered inline (not trimmed)."""
    parts: list[str | _Run] = []
    index = 0
    length = len(markdown)
    brackets = _brackets(markdown) if "[" in markdown else {}
    while index < length:
        char = markdown[index]
        if char == "\\" and index + 1 < length and markdown[index + 1] in _ASCII_PUNCTUATION:
            parts.append(markdown[index + 1])
            index += 2
        elif char == "`":
            code = _code_span(markdown, index)
            if code is None:
                end = index
                while end < length and markdown[end] == "`":
                    end += 1
                parts.append(markdown[index:end])
                index = end
            else:
                parts.append(code[0])
                index = code[1]
        elif char == "&" and (entity := ENTITY.match(markdown, index)):
            parts.append(decode_entity(entity.group(0)))
            index = entity.end()
        elif char == "<" and (autolink := ANY_AUTOLINK.match(markdown, index)):
            parts.append(autolink.group(1))
            index = autolink.end()
        elif char == "<" and (tag := INLINE_HTML.match(markdown, index)):
            index = tag.end()  # a tag shows nothing; the text between tags stays
        elif char == "[" or (char == "!" and markdown.startswith("[", index + 1)):
            image = char == "!"
            opening = index + 1 if image else index
            close = brackets.get(opening)
            tail = _link_tail(markdown, close + 1) if close is not None else None
            if close is None or tail is None or _depth >= _MAX_NESTING:
                parts.append(char)
                index += 1
                continue
            if not image:  # an image has no text content: its alt is an attribute
                parts.append(text_content(markdown[opening + 1 : close], _depth + 1))
            index = tail
        elif char in "*_~":
            end = index
            while end < length and markdown[end] == char:
                end += 1
            parts.append(_run(markdown, index, end))
            index = end
        else:
            end = index + 1
            while end < length and markdown[end] not in "\\`&<[!*_~":
                end += 1
            parts.append(markdown[index:end])
            index = end
    if any(isinstance(part, _Run) for part in parts):
        _match_emphasis(parts)
    return "".join(part if isinstance(part, str) else part.char * part.count for part in parts)
