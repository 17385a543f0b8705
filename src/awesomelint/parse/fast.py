"""The fast path: the lines most lists are made of, read without mistletoe.

Most of a classic awesome list is ``## Heading`` lines and one-line entries
``- [Name](https://url) - Description.``: a title (bold or not), one link, and
a description of plain text, code spans, bare ``&``, intraword ``_`` and plain
links.  Such lines mean the same to every markdown parser, so we read them with
regular expressions, with the prose lines, badge lines and back-links that
stand alone between them, and leave everything else (HTML, code, nested lists,
tables, emphasis, entities) to mistletoe.  Between entries, a list item we
cannot read goes to mistletoe alone, so one odd item does not cost its list.

A run of such lines is only read here when nothing around it could change its
meaning: not inside a fence or an HTML block, not next to a list that
mistletoe would join it to, not followed by indented lines that would belong to
its last item, and never in a document with link reference definitions.  The
differential tests (tests/parse/test_fast.py) check that both paths give equal
Documents; ``tools/corpus_check.py`` checks it on real lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from awesomelint.parse import bounds
from awesomelint.syntax import DEFINITION, LIST_MARKER, fence_closer
from awesomelint.syntax import FENCE as _FENCE

# Characters that could start markup, an entity or a placeholder are excluded; a line
# holding a private-use character (the entry parser's placeholders are in that block)
# is left to mistletoe as a whole (``_PRIVATE``), which keeps the classes below small:
# the range in each of them tripled the time to compile this module.
_PRIVATE = re.compile("[\ue000-\uf8ff]")
_TEXT = r"[^\\`*_\[\]<>&~\u00b7\t\n]"
# the last character of a run of text: greedy runs that must end on it stay linear
# (a lazy run before ``[ \t]*$`` is quadratic in a long run of spaces)
_TEXT_END = r"[^\\`*_\[\]<>&~\u00b7\t\n ]"
# a run of plain URL characters is possessive (``++``): one backtracking state per
# run instead of per character, twice as fast and the same matches, as no URL
# character can start what follows (``)``)
_URL = r"https?://(?:[^\s()<>\\`\"'&\[\]]++|&(?![#A-Za-z0-9]+;))+"
# Units of a description, each starting on a character no other can start on, so
# a possessive run of them never backtracks: a word (text without spaces), spaces
# that a unit follows (trailing ones are the line's), a code span, a bare ``&``
# that no entity reading could take, an intraword ``_`` (never emphasis), and a
# plain link.  Each one means the same to every markdown parser, and the
# description is kept as its source text.
_WORD = rf"{_TEXT_END}++"
_SPACES = r" ++(?=[^ \t])"
_CODE = r"(?<!`)`[^`\s](?:[^`\n]*[^`\s])?`(?!`)"
_AMP = r"&(?![#A-Za-z0-9]+;)"
_INTRAWORD = r"(?<=[A-Za-z0-9])_(?=[A-Za-z0-9])"
_PLAIN_LINK = rf"\[{_TEXT}+\]\({_URL}\)"
_UNIT = rf"(?:{_WORD}|{_SPACES}|{_CODE}|{_AMP}|{_INTRAWORD}|{_PLAIN_LINK})"
_TITLE = rf"(?:{_TEXT}++|{_INTRAWORD}|{_AMP})+"
# the title may be bold as a whole, inside the brackets or around the link
SIMPLE_ENTRY = re.compile(
    rf"(?P<indent> {{0,3}})(?:[-*+]|\d{{1,9}}[.)]) (?P<outer>\*\*)?"
    rf"\[(?P<inner>\*\*)?(?P<title>{_TITLE})(?(inner)\*\*)\]\((?P<url>{_URL})\)(?(outer)\*\*)"
    rf"(?: - (?P<description>(?![-\u2013\u2014: \t\[]){_UNIT}++))?[ \t]*"
)
# A heading's text may hold plain links and images (a badge), but no other markup.
_LINK_TEXT = r"[^\\`*_\[\]<>&~\u00b7\t\n]*"
_IMAGE = rf"!\[{_LINK_TEXT}\]\({_URL}\)"
_INLINE = (
    rf"(?:[^\\`*_\[\]<>&~\u00b7\t\n!#]|!(?!\[)|{_IMAGE}"
    rf"|\[(?:{_LINK_TEXT}|{_IMAGE})\]\({_URL}\))"
)
# the text ends on a unit that is not a space (the trailing ones are the line's):
# a lookbehind, not a second copy of the units, which would double the compile time
SIMPLE_HEADING = re.compile(rf"(?P<marks>#{{1,6}}) (?P<text>(?! )(?:{_INLINE})+(?<! ))[ \t]*")
# A line of prose alone between blank lines (``*Libraries for HTTP.*``, ``Community
# repos:``): a paragraph, kept as it stands.  Nothing in it can be a link, an
# autolink, HTML, code, a table or an escape, and it starts as no block does
# (a thematic break, ``_BREAK``, is turned away before).
_PROSE = re.compile(
    r"(?![-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))"
    r"(?!.*(?:://|www\.|@))[A-Za-z0-9*_(\"'][^\[\]<>`\\&|~\t\u00b7]*"
)
# Any other item of a list at its left margin: a line of its own to mistletoe (``item``).
# Between entries it is read alone, which reads it as the whole list would: at the
# margin, the next line's marker ends it.  A thematic break (``- - -``) is no item.
_ITEM = re.compile(r"(?P<indent> {0,3})(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_BREAK = re.compile(r"[-*_=](?:[ \t]*[-*_=])*[ \t]*")
# a link's destination that is an anchor of the page (``#table-of-contents``)
_ANCHOR = r"#[^\s()<>\\`\"'&\[\]]*"
# A line of badges (``[![CC0](img)](url)``), a paragraph of its own as prose is.
_BADGE_UNIT = rf"(?:{_IMAGE}|\[{_IMAGE}\]\({_URL}\))"
_BADGES = re.compile(rf"{_BADGE_UNIT}(?: {_BADGE_UNIT})*[ \t]*")
# A link back to an anchor alone on its line (``**[⬆️ Back to Top](#table-of-contents)**``).
_BACK_LINK = re.compile(rf"(\*\*)?\[{_TEXT}+\]\({_ANCHOR}\)(?(1)\*\*)[ \t]*")
_QUOTE = re.compile(r">(?:[ \t].*)?")
# a quote that may hold an entry (``> **[Name](url)** …``): the builder reads it
_QUOTED_ENTRY = re.compile(r">[ \t]*(?:\*\*|__|\*|_)?\[")
# a table of contents: bullets of plain links to #anchors, nested by indentation
_TOC = re.compile(rf"(?P<indent>[ \t]*)(?P<bullet>[-*+]) \[{_TEXT}+\]\({_ANCHOR}\)[ \t]*")
_HTML_OPEN = re.compile(r" {0,3}<(script|pre|style|textarea|!--|\?|![A-Za-z]|!\[CDATA\[)", re.I)
# what a fence or an HTML line starts with, after at most three spaces
_OPENERS = frozenset("`~<")
_HTML_CLOSE = {
    "script": "</script>",
    "pre": "</pre>",
    "style": "</style>",
    "textarea": "</textarea>",
    "!--": "-->",
    "?": "?>",
    "![cdata[": "]]>",
}


@dataclass(frozen=True)
class Region:
    """Lines [start, end) (0-based) read by one path.

    A fast region is headings and entries, or one block (``verbatim``) that
    the document keeps as it is: a block quote, or (``toc``) a table of contents.
    A slow region is read by mistletoe: blocks, or (``item``) one item of a list of entries.
    """

    start: int
    end: int
    fast: bool
    verbatim: str = ""
    item: bool = False


@dataclass
class _Chunk:
    start: int
    end: int
    fast: bool
    verbatim: str = ""
    items: tuple[int, ...] = ()  # lines of a fast chunk read alone by mistletoe
    starts_with_entry: bool = False
    ends_with_entry: bool = False
    has_list_line: bool = False
    indented: bool = False


def _simple(
    line: str, index: int = 0, matches: dict[int, re.Match[str]] | None = None
) -> str | None:
    """``entry``, ``heading``, ``quote``, ``toc``, ``prose``, ``item`` (a list item left to
    mistletoe, line by line) or None for a line the fast path cannot read.

    An entry's match is kept in ``matches`` (by ``index``), so the builder need not match again.
    A line the slow path would keep unread (``parse.bounds``) is left to it.
    """
    if _PRIVATE.search(line) or _BREAK.fullmatch(line):  # a thematic break is no prose, no item
        return None
    suspect = "**" in line or "__" in line or len(line) > 999 or line[:1] in (" ", "\t")
    checked = len(line) > bounds.MAX_DELIMITER_RUN and suspect
    if checked and bounds.unreadable([line]):
        return None
    entry = SIMPLE_ENTRY.fullmatch(line)
    if entry is not None and entry["title"].strip():  # "[ ](url)" is an odd item
        if matches is not None:
            matches[index] = entry
        return "entry"
    if SIMPLE_HEADING.fullmatch(line):
        return "heading"
    if _QUOTE.fullmatch(line):
        return "quote"
    if _TOC.fullmatch(line):
        return "toc"
    if _PROSE.fullmatch(line) or _BADGES.fullmatch(line) or _BACK_LINK.fullmatch(line):
        return "prose"
    if _ITEM.match(line) and "](#" not in line:  # an item may nest deep (``- - - x``)
        return "item" if checked or not bounds.unreadable([line]) else None
    return None


def _verbatim_kind(lines: list[str], kinds: list[str | None]) -> str:
    """``quote`` or ``toc`` for a block the fast path keeps whole, else ``""``."""
    if all(kind == "quote" for kind in kinds) and not _QUOTED_ENTRY.match(lines[0]):
        return "quote"
    if all(kind == "toc" for kind in kinds) and lines[0][:1] not in (" ", "\t"):
        bullets = {match["bullet"] for match in map(_TOC.fullmatch, lines) if match}
        return "toc" if len(bullets) == 1 else ""
    return ""


def _readable(kinds: list[str | None]) -> bool:
    """Headings, entries and items, and prose lines that are paragraphs by themselves.

    A prose line stands alone or between headings: next to another prose line
    or an entry it would be part of a longer paragraph or of a list's reading.
    """
    for i, kind in enumerate(kinds):
        if kind == "prose":
            if i > 0 and kinds[i - 1] != "heading":
                return False
            if i + 1 < len(kinds) and kinds[i + 1] != "heading":
                return False
        elif kind not in ("entry", "heading", "item"):
            return False
    return True


def _marker(line: str) -> str:
    """What a list line's marker says of its list: the bullet, or the ordered delimiter."""
    line = line.lstrip(" ")
    return line[0] if line[0] in "-*+" else line[len(line) - len(line.lstrip("0123456789"))]


def _one_list(lines: list[str], start: int, kinds: list[str | None]) -> bool:
    """Between two headings, items and entries are one list (one marker) with an entry:
    then an item read alone is read as that list reads it."""
    markers: set[str] = set()
    entry = item = False
    for i, kind in enumerate([*kinds, "heading"]):
        if kind == "heading":
            if item and (not entry or len(markers) > 1):
                return False
            markers, entry, item = set(), False, False
        elif kind in ("entry", "item"):
            markers.add(_marker(lines[start + i]))
            entry, item = entry or kind == "entry", item or kind == "item"
    return True


def opaque_lines(lines: list[str]) -> set[int]:
    """Lines inside fenced code or HTML blocks that may span blank lines."""
    opaque: set[int] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line[:4].lstrip(" ")[:1] not in _OPENERS:  # neither pattern can match: skip both
            index += 1
            continue
        fence = _FENCE.match(line)
        html = _HTML_OPEN.match(line)
        if fence:
            mark = fence.group(1)
            close = fence_closer(mark)
            end = index + 1
            while end < len(lines) and not close.match(lines[end]):
                end += 1
        elif html:
            key = html.group(1).lower()
            closing = _HTML_CLOSE.get(key, ">")
            end = index
            while end < len(lines) and closing not in lines[end].lower():
                end += 1
        else:
            index += 1
            continue
        opaque.update(range(index, min(end, len(lines) - 1) + 1))
        index = end + 1
    return opaque


_HTML_LINE = re.compile(r" {0,3}<")


def _mixed_html(lines: list[str]) -> bool:
    """Is there a block of lines where an HTML block could hide a fence or comment opener?

    Inside an HTML block that ends at a blank line (``<div>``), a fence marker
    or ``<!--`` opens nothing; our scan for blocks that span blank lines would
    take it for an opener and pair the markers wrongly.  Rare: then mistletoe
    reads the whole list.
    """
    opener = html = False
    for line in [*lines, ""]:
        if not line.strip(" \t"):
            if opener and html:
                return True
            opener = html = False
            continue
        if line[:4].lstrip(" ")[:1] not in _OPENERS:
            continue  # none of the three patterns can match
        if _FENCE.match(line) or _HTML_OPEN.match(line):
            opener = True
        elif _HTML_LINE.match(line):
            html = True
    return False


def plan(lines: list[str], matches: dict[int, re.Match[str]] | None = None) -> list[Region]:
    """Split body lines (without their newlines) into fast and slow regions, in order.

    ``matches``, if given, receives the ``SIMPLE_ENTRY`` match of each entry line read
    (by index in ``lines``), for the builder to reuse.
    """
    text = "\n".join(lines)
    # a definition holds "]:": the slow multi-line search only runs where one may stand
    if not lines or ("]:" in text and DEFINITION.search(text)):
        return [Region(0, len(lines), False)]
    if any(not line.strip() and line.strip(" \t") for line in lines):
        return [Region(0, len(lines), False)]  # blank to mistletoe, not to us: rare, be safe
    opaque = opaque_lines(lines)
    matches_ = {} if matches is None else matches
    chunks: list[_Chunk] = []
    if _mixed_html(lines):
        return [Region(0, len(lines), False)]
    index = 0
    while index < len(lines):
        if not lines[index].strip(" \t"):
            index += 1
            continue
        start = index
        while index < len(lines) and lines[index].strip(" \t"):
            index += 1
        kinds = [
            None if i in opaque else _simple(lines[i], i, matches_) for i in range(start, index)
        ]
        verbatim = _verbatim_kind(lines[start:index], kinds)
        # entries indented alike are one list; unlike, the deeper ones would nest
        indents = {len(matches_[i]["indent"]) for i in range(start, index) if i in matches_}
        items = tuple(i for i, k in zip(range(start, index), kinds, strict=True) if k == "item")
        # items are read alone among entries indented alike
        if items:
            indents |= {len(lines[i]) - len(lines[i].lstrip(" ")) for i in items}
        alone = not items or _one_list(lines, start, kinds)
        chunks.append(
            _Chunk(
                start=start,
                end=index,
                fast=bool(verbatim) or (_readable(kinds) and len(indents) <= 1 and alone),
                verbatim=verbatim,
                items=items,
                # a table of contents is a list too: it joins a neighbouring list
                starts_with_entry=kinds[0] in ("entry", "item") or verbatim == "toc",
                ends_with_entry=kinds[-1] in ("entry", "item") or verbatim == "toc",
                has_list_line=any(LIST_MARKER.match(lines[i]) for i in range(start, index)),
                indented=lines[start][:1] in (" ", "\t"),
            )
        )
    _join_neighbours(chunks)
    return _regions(chunks, len(lines))


def _join_neighbours(chunks: list[_Chunk]) -> None:
    """Make fast chunks slow where mistletoe would read them together with a neighbour."""
    changed = True
    while changed:
        changed = False
        for i, chunk in enumerate(chunks):
            if not chunk.fast:
                continue
            before = chunks[i - 1] if i > 0 else None
            after = chunks[i + 1] if i + 1 < len(chunks) else None
            # a list, or an item's indented continuation, next to our entries: one list
            joins_before = (
                chunk.starts_with_entry
                and before is not None
                and not before.fast
                and (before.has_list_line or before.indented)
            )
            joins_after = (
                chunk.ends_with_entry
                and after is not None
                and not after.fast
                and (after.has_list_line or after.indented)
            )
            # a table of contents beside an entry list (or another one) is one list
            # to mistletoe: then its links are entries, or its blocks one
            toc_beside_entries = any(
                other is not None
                and other.fast
                and "toc" in {chunk.verbatim, other.verbatim}
                and {chunk.verbatim, other.verbatim} <= {"toc", ""}
                and (other.starts_with_entry if other is after else other.ends_with_entry)
                and (chunk.ends_with_entry if other is after else chunk.starts_with_entry)
                for other in (before, after)
            )
            # indented entries next to a list would be its items' children or siblings
            nests = chunk.indented and any(
                other is not None
                and (other.has_list_line or other.indented or other.starts_with_entry)
                for other in (before, after)
            )
            if joins_before or joins_after or toc_beside_entries or nests:
                chunk.fast = False
                changed = True


def _regions(chunks: list[_Chunk], count: int) -> list[Region]:
    """Each fast chunk alone (its items apart); each run of slow chunks up to the next fast one.

    Blank lines between two fast chunks need no reading at all.
    """
    regions: list[Region] = []
    slow_from: int | None = None
    for chunk in chunks:
        if chunk.fast:
            if slow_from is not None:
                regions.append(Region(slow_from, chunk.start, False))
                slow_from = None
            at = chunk.start
            for line in chunk.items:  # each item alone to mistletoe, the runs between fast
                if line > at:
                    regions.append(Region(at, line, True))
                regions.append(Region(line, line + 1, False, item=True))
                at = line + 1
            if chunk.end > at:
                regions.append(Region(at, chunk.end, True, chunk.verbatim))
        elif slow_from is None:
            slow_from = chunk.start
    if slow_from is not None:
        regions.append(Region(slow_from, count, False))
    return regions
