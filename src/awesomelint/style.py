"""A list's house style: the conventions its own entries follow, read from its source.

``fmt`` makes a list consistent with itself, so it needs to know what "itself"
is: which bullet each nesting level uses, how ordered lists count, what stands
between an entry's link and its description, and so on.  Each convention is
the value most entries share, and only when nearly all of them share it
(``DOMINANT``): a list that mixes two forms on purpose has no rule to enforce.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from awesomelint.model import Document, Entry, Item
from awesomelint.syntax import ATX_HEADING, CLOSED_ATX_HEADING, LIST_ITEM_PARTS

# A convention holds when this share of the entries that show it agree, and at
# least MIN_COUNT of them do: below that a "deviation" is as likely a choice.
DOMINANT = 0.9
MIN_COUNT = 5

Numbering = Literal["one", "count"]
HeadingForm = Literal["atx", "closed-atx", "setext"]
TitleMarkup = Literal["plain", "bold", "bold-inside"]
LinkForm = Literal["inline", "reference"]

# Separators between an entry's link and its description, as written; " " is "no mark".
SEPARATORS = (" - ", " \u2013 ", " \u2014 ", ": ", ". ", " ")

# What stands between the head and the description, as written, slips in spacing
# included (" -  x", "- x", " -X"), so a slip can be told from the list's own form.
_SEPARATOR = re.compile(
    r"^(?:[ \t]*[-\u2013\u2014][ \t]+(?=\S)"  # " - ", "- ", " -  "
    r"|[ \t]+[-\u2013\u2014](?=[^\W\d_])"  # " -Word"
    r"|[ \t]*:[ \t]+(?=\S)|\.[ \t]+(?=\S)"  # ": ", " : ", ". "
    r"| (?=[^\s\-\u2013\u2014:.]))"  # a space, no mark
)


@dataclass(frozen=True)
class EntryLine:
    """The first source line of a list-item entry, cut at the points ``fmt`` may edit.

    ``head`` is the leading link (``[T](u)``, ``**[T](u)**``, ``[T][ref]``), or
    "" when the line does not start with one; ``separator`` is one of
    ``SEPARATORS`` or None when what follows the head is none of them (or nothing).
    """

    indent: str
    marker: str
    gap: str
    head: str
    separator: str | None
    rest: str

    @property
    def number(self) -> int | None:
        return int(self.marker[:-1]) if self.marker[0].isdigit() else None

    @property
    def markup(self) -> TitleMarkup:
        if self.head.startswith(("**", "__")):
            return "bold"
        return "bold-inside" if self.head.startswith(("[**", "[__")) else "plain"

    @property
    def link_form(self) -> LinkForm:
        return "reference" if self.head.rstrip("*_").endswith("]") else "inline"

    def text(self) -> str:
        return self.indent + self.marker + self.gap + self.head + (self.separator or "") + self.rest


def _bracket_end(text: str, start: int, opening: str, closing: str) -> int:
    """Index after the bracket that closes ``text[start]``, or -1 (escapes honoured)."""
    depth = 0
    index = start
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index + 1
        elif char == "`":
            return -1  # code spans change what brackets mean: not ours to cut
        index += 1
    return -1


def _head_end(text: str) -> int:
    """Where a leading link ends in ``text``, or 0 when ``text`` does not start with one."""
    bold = text[:2] if text[:2] in ("**", "__") else ""
    start = len(bold)
    if text[start : start + 1] != "[" or text[start : start + 3] == "[ ]":
        return 0
    label_end = _bracket_end(text, start, "[", "]")
    if label_end < 0:
        return 0
    after = text[label_end : label_end + 1]
    if after == "(":
        end = _bracket_end(text, label_end, "(", ")")
    elif after == "[":
        end = _bracket_end(text, label_end, "[", "]")
    else:
        return 0
    if end < 0:
        return 0
    if bold:
        if text[end : end + 2] != bold:
            return 0
        end += 2
    return end


def entry_line(line: str) -> EntryLine | None:
    """The line cut into its parts, None when it is no list item."""
    item = LIST_ITEM_PARTS.match(line)
    if item is None:
        return None
    body = line[item.end() :]
    end = _head_end(body)
    head, after = body[:end], body[end:]
    separator = None
    if end:
        found = _SEPARATOR.match(after)
        if found:
            separator = found.group(0)
            after = after[len(separator) :]
    indent, marker, gap = item["indent"], item["marker"], item["gap"]
    return EntryLine(indent, marker, gap, head, separator, after)


@dataclass(frozen=True)
class HouseStyle:
    """The conventions of one list; None where its entries agree on none.

    ``bullets`` maps an indent (the literal leading whitespace) to the marker
    its items use, ``gaps`` to the whitespace after it; ``separator`` is one of
    ``SEPARATORS`` (or a spacing of one that most entries share); ``blank_between``
    tells whether entries are separated by blank lines.  Heading form, title
    markup, link form and tables are recorded for reports and overrides; ``fmt``
    never converts them.
    """

    bullets: tuple[tuple[str, str], ...] = ()
    gaps: tuple[tuple[str, str], ...] = ()
    numbering: Numbering | None = None
    separator: str | None = None
    title_markup: TitleMarkup | None = None
    links: LinkForm | None = None
    blank_between: bool | None = None
    heading: HeadingForm | None = None
    tables: bool = False
    entries: int = 0

    def bullet(self, indent: str) -> str | None:
        return dict(self.bullets).get(indent)

    def gap(self, indent: str) -> str | None:
        return dict(self.gaps).get(indent)


def dominant(counts: Counter[str]) -> str | None:
    """The value nearly all agree on (see ``DOMINANT``), else None."""
    if not counts:
        return None
    value, count = counts.most_common(1)[0]
    total = sum(counts.values())
    return value if count >= MIN_COUNT and count >= DOMINANT * total else None


def item_runs(document: Document) -> Iterator[tuple[Entry, ...]]:
    """Runs of entries that stand next to each other (no block between), nested runs too."""

    def runs(items: Sequence[Item]) -> Iterator[tuple[Entry, ...]]:
        run: list[Entry] = []
        for item in items:
            if isinstance(item, Entry):
                run.append(item)
                continue
            if run:
                yield tuple(run)
            run = []
        if run:
            yield tuple(run)
        # each nested run once: ``runs`` of the children recurses into theirs (walking
        # every descendant here as well visited a chain of N levels 2^N times)
        for item in items:
            if isinstance(item, Entry) and item.children:
                yield from runs(item.children)

    yield from runs(document.prelude)
    yield from runs(document.preamble)
    for section in document.all_sections():
        yield from runs(section.items)


def list_runs(document: Document, lines: Sequence[str]) -> Iterator[list[tuple[Entry, EntryLine]]]:
    """Entries of one markdown list each: adjacent, same indent, same kind of marker."""
    for run in item_runs(document):
        current: list[tuple[Entry, EntryLine]] = []
        for entry in run:
            number = entry.source.line
            cut = entry_line(lines[number - 1]) if 0 < number <= len(lines) else None
            if _not_this_entry(entry, cut):
                cut = None  # the line is not the entry we were told: never edit it blind
            if cut is None:
                if current:
                    yield current
                current = []
                continue
            if current:
                last = current[-1][1]
                if last.indent != cut.indent or (last.number is None) != (cut.number is None):
                    yield current
                    current = []
            current.append((entry, cut))
        if current:
            yield current


def _not_this_entry(entry: Entry, cut: EntryLine | None) -> bool:
    """Does the line's leading link visibly point elsewhere than the entry's URL?"""
    if cut is None or not entry.url or not cut.head or cut.link_form != "inline":
        return False
    return entry.url not in cut.head


def numbering_of(numbers: Sequence[int]) -> Numbering | None:
    """``one`` when every item is ``1.``, ``count`` when they count up, else None."""
    if len(numbers) < 2:
        return None
    if all(number == 1 for number in numbers):
        return "one"
    if all(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False)):
        return "count"
    return None


def leaning(numbers: Sequence[int]) -> Numbering | None:
    """The numbering nearly all of an ordered list follows (one slip allowed in ten), if any."""
    if len(numbers) < 3:
        return None
    ones = sum(1 for number in numbers if number == 1)
    counting = sum(1 for index, number in enumerate(numbers) if number == numbers[0] + index)
    if ones >= DOMINANT * len(numbers) and ones > counting:
        return "one"
    if counting >= DOMINANT * len(numbers) and counting > ones:
        return "count"
    return None


def _heading_form(line: str, next_line: str) -> HeadingForm | None:
    if CLOSED_ATX_HEADING.match(line):
        return "closed-atx"
    if ATX_HEADING.match(line):
        return "atx"
    if re.match(r"^ {0,3}(=+|-+)[ \t]*$", next_line):
        return "setext"
    return None


def detect(document: Document, lines: Sequence[str]) -> HouseStyle:
    """The house style of ``document``, read from its source ``lines`` (no line ends)."""
    bullets: dict[str, Counter[str]] = {}
    gaps: dict[str, Counter[str]] = {}
    separators: Counter[str] = Counter()
    markup: Counter[str] = Counter()
    links: Counter[str] = Counter()
    numbering: Counter[str] = Counter()
    blank: Counter[str] = Counter()
    entries = 0
    for run in list_runs(document, lines):
        numbers = [cut.number for _, cut in run if cut.number is not None]
        form = leaning(numbers)
        if form is not None:
            numbering[form] += 1
        for index, (entry, cut) in enumerate(run):
            entries += 1
            if cut.number is None:
                bullets.setdefault(cut.indent, Counter())[cut.marker] += 1
                gaps.setdefault(cut.indent, Counter())[cut.gap] += 1
            if cut.head:
                markup[cut.markup] += 1
                links[cut.link_form] += 1
                if cut.separator is not None:
                    separators[cut.separator] += 1
            if index and not entry.children and not run[index - 1][0].children:
                before = lines[entry.source.line - 2] if entry.source.line >= 2 else ""
                blank["yes" if not before.strip() else "no"] += 1
    headings: Counter[str] = Counter()
    for section in document.all_sections():
        number = section.source.line
        if 0 < number <= len(lines):
            following = lines[number] if number < len(lines) else ""
            form_of = _heading_form(lines[number - 1], following)
            if form_of:
                headings[form_of] += 1
    per_level = tuple(
        (indent, marker)
        for indent, counts in sorted(bullets.items(), key=lambda pair: len(pair[0]))
        if (marker := dominant(counts)) is not None
    )
    per_level_gap = tuple(
        (indent, gap)
        for indent, counts in sorted(gaps.items(), key=lambda pair: len(pair[0]))
        if (gap := dominant(counts)) is not None
    )
    blank_rule = dominant(blank)
    return HouseStyle(
        bullets=per_level,
        gaps=per_level_gap,
        numbering=_numbering(numbering),
        separator=dominant(separators),
        title_markup=dominant(markup),  # type: ignore[arg-type]
        links=dominant(links),  # type: ignore[arg-type]
        blank_between=None if blank_rule is None else blank_rule == "yes",
        heading=headings.most_common(1)[0][0] if headings else None,  # type: ignore[arg-type]
        tables=any(line.lstrip().startswith("|") for line in lines),
        entries=entries,
    )


def styled(document: Document, lines: Sequence[str]) -> Document:
    """``document`` with its house style recorded on it."""
    return dataclasses.replace(document, style=detect(document, lines))


def _numbering(counts: Counter[str]) -> Numbering | None:
    # ordered lists are few per file, so one list that shows a form is enough
    if not counts:
        return None
    value, count = counts.most_common(1)[0]
    return value if count >= DOMINANT * sum(counts.values()) else None  # type: ignore[return-value]
