"""What a rule sees: the parsed Document and the source lines it came from.

Structural rules (duplicates, labels, headings) read the Document; textual
rules (whitespace, numbering, link syntax) read the lines.  Every view is
computed once per file, on first use, the Document included: a rule declares
the views it consumes (``CONSUMES``, yamllint's ``TYPE``) and the runner
prepares those of the enabled rules, so a run of line rules never parses
entries or runs the dedupe engine.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from awesomelint.anchors import file_anchors
from awesomelint.extract import LinkRef, blank_code, iter_links
from awesomelint.lint.diagnostic import Diagnostic, Fix, Severity
from awesomelint.lint.directives import Directive, parse_directives
from awesomelint.model import Block, Document, Entry, Repair, Section
from awesomelint.parse import Decoded, parse_text
from awesomelint.parse.frontmatter import split_front_matter
from awesomelint.slug import heading_text, unique_slugs
from awesomelint.syntax import CODE_SPAN, FENCE, FRONT_MATTER_CLOSE, LIST_MARKER, closes_fence

# below this many entries the engine takes less time than a fork is worth
PREFETCH_MIN_ENTRIES = 1000

if TYPE_CHECKING:
    from awesomelint.dedupe import Candidate, DedupeResult

WRAP = 40  # lines an entry may wrap over, notes included
_FRONT_MATTER_MAX = 500  # split_front_matter looks no further

# The views a rule may consume (its module's ``CONSUMES``), each computed at most once.
LINES = "lines"  # lines, raw_lines, final_newline, repairs, indent_column, locate: free
CODE = "code"  # code_lines, verbatim_lines, code_free_lines, markdown_lines, directives
DOCUMENT = "document"  # the parsed Document: sections, title, entries as parsed
HEADINGS = "headings"  # headings and toc_blocks
ANCHORS = "anchors"  # the fragments that exist
LINKS = "links"  # links, link_sites, url_sites
ENTRIES = "entries"  # located: every entry with its section
DUPLICATES = "duplicates"  # the dedupe engine's verdict (needs entries)
INPUTS: tuple[str, ...] = (LINES, CODE, DOCUMENT, HEADINGS, ANCHORS, LINKS, ENTRIES, DUPLICATES)
# what each view is computed from: consuming a view consumes these too
NEEDS: dict[str, frozenset[str]] = {
    LINES: frozenset(),
    CODE: frozenset(),
    DOCUMENT: frozenset(),
    HEADINGS: frozenset({DOCUMENT}),
    ANCHORS: frozenset({DOCUMENT}),
    LINKS: frozenset({DOCUMENT, CODE}),
    ENTRIES: frozenset({DOCUMENT}),
    DUPLICATES: frozenset({ENTRIES, DOCUMENT}),
}
# the context's attributes that belong to each view (the test of CONSUMES reads this)
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    CODE: ("code_lines", "verbatim_lines", "code_free_lines", "markdown_lines", "directives"),
    DOCUMENT: ("document",),
    HEADINGS: ("headings", "toc_blocks"),
    ANCHORS: ("anchors",),
    LINKS: ("links", "link_sites", "url_sites"),
    ENTRIES: ("located",),
    DUPLICATES: ("duplicates", "prefetch_duplicates"),
}


def closure(inputs: Iterable[str]) -> frozenset[str]:
    """``inputs`` with every view they are computed from."""
    found = set(inputs)
    for name in list(found):
        found |= NEEDS.get(name, frozenset())
    return frozenset(found)


@dataclass(frozen=True)
class Heading:
    """A heading of the document (the main title included), with its GitHub anchor."""

    line: int
    level: int
    markdown: str
    text: str
    slug: str
    section: Section | None


@dataclass(frozen=True)
class LinkSite:
    """A link and where its URL stands (``line``/``column`` None when not found verbatim)."""

    ref: LinkRef
    line: int | None
    column: int | None


@dataclass(frozen=True)
class Located:
    """An entry, nested ones included, with the section it stands in (None: before any)."""

    entry: Entry
    section: Section | None
    depth: int


@dataclass(frozen=True)
class Options:
    """A rule's effective severity and option values (defaults overlaid by config)."""

    severity: Severity
    values: tuple[tuple[str, object], ...] = ()

    def __getitem__(self, name: str) -> object:
        for key, value in self.values:
            if key == name:
                return value
        raise KeyError(name)


def mask_code_spans(line: str) -> str:
    """The line with the contents of inline code spans blanked (columns kept)."""
    if "`" not in line:
        return line
    return CODE_SPAN.sub(lambda m: m.group(1) + " " * len(m.group(2)) + m.group(1), line)


@dataclass(frozen=True)
class LintContext:
    """One file under lint.

    ``lines`` are the lines the parser read (mojibake repaired, no line ends),
    ``raw_lines`` the lines as they are on disk; they differ only on the lines
    of ``repairs``.  Fixes are edits of ``raw_lines``.  The Document is parsed
    on first use (``parse``), so the line rules alone never pay for it.
    """

    path: str
    lines: tuple[str, ...]
    raw_lines: tuple[str, ...]
    final_newline: bool
    repairs: tuple[Repair, ...]
    parse: Callable[[], Document] = field(repr=False, compare=False)
    _memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_decoded(cls, decoded: Decoded, path: str) -> LintContext:
        """A context for decoded text; the Document is parsed when a rule needs it."""
        text, newline, repairs = decoded.text, decoded.newline, decoded.repairs
        return cls._build(path, text, repairs, lambda: parse_text(text, path, newline, repairs))

    @classmethod
    def from_document(cls, document: Document, text: str) -> LintContext:
        """A context for ``document`` parsed from ``text`` (LF line ends, repaired)."""
        return cls._build(document.path, text, document.repairs, lambda: document)

    @classmethod
    def _build(
        cls, path: str, text: str, repairs: tuple[Repair, ...], parse: Callable[[], Document]
    ) -> LintContext:
        final_newline = text.endswith("\n")
        lines = text.split("\n")
        if final_newline:
            lines.pop()
        raw = list(lines)
        for repair in repairs:
            raw[repair.line - 1] = repair.before
        return cls(path, tuple(lines), tuple(raw), final_newline, repairs, parse)

    @cached_property
    def document(self) -> Document:
        """The parsed list (parsed once, on first use)."""
        return self.parse()

    def prepare(self, inputs: Iterable[str]) -> None:
        """Compute the views ``inputs`` names, each once (the dedupe verdict excepted: it
        depends on a rule's threshold, and the duplicate rules start it themselves)."""
        wanted = closure(inputs)
        for name, attribute in (
            (CODE, "code_free_lines"),
            (CODE, "verbatim_lines"),
            (DOCUMENT, "document"),
            (HEADINGS, "headings"),
            (ANCHORS, "anchors"),
            (LINKS, "url_sites"),
            (ENTRIES, "located"),
        ):
            if name in wanted:
                getattr(self, attribute)

    def diagnostic(
        self,
        rule: str,
        options: Options,
        line: int,
        column: int,
        message: str,
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Diagnostic:
        """A diagnostic of this file at the rule's effective severity (or ``severity``)."""
        return Diagnostic(self.path, line, column, rule, severity or options.severity, message, fix)

    @cached_property
    def code_lines(self) -> frozenset[int]:
        """Lines that are not markdown at all: front matter and fenced code blocks."""
        skip: set[int] = set()
        start = 0
        # the parser's test of front matter, on the lines (no Document needed)
        if self.lines and self.lines[0].startswith("---"):
            head = [line + "\n" for line in self.lines[:_FRONT_MATTER_MAX]]
            front_matter = split_front_matter(head)[0] is not None
        else:
            front_matter = False
        if front_matter:
            for index in range(1, len(self.lines)):
                if FRONT_MATTER_CLOSE.match(self.lines[index]):
                    skip.update(range(1, index + 2))
                    start = index + 1
                    break
        fence: str | None = None
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            if fence is not None:
                skip.add(index + 1)
                if closes_fence(line, fence):
                    fence = None
                continue
            opened = FENCE.match(line)
            if opened:
                fence = opened.group(1)
                skip.add(index + 1)
        return frozenset(skip)

    @cached_property
    def directives(self) -> tuple[Directive, ...]:
        """The inline directives (``lint.directives``) outside front matter and code blocks."""
        code = self.code_lines
        return parse_directives(
            (number, line) for number, line in enumerate(self.lines, start=1) if number not in code
        )

    @cached_property
    def verbatim_lines(self) -> frozenset[int]:
        """Lines whose text is not shown as markdown: ``code_lines`` and HTML comments."""
        skip = set(self.code_lines)
        comment = False
        for index, line in enumerate(self.lines):
            number = index + 1
            if number in self.code_lines:
                continue
            if comment:
                skip.add(number)
                comment = "-->" not in line
            elif line.lstrip().startswith("<!--"):
                skip.add(number)
                comment = "-->" not in line[line.index("<!--") + 4 :]
        return frozenset(skip)

    @cached_property
    def code_free_lines(self) -> tuple[str, ...]:
        """``lines`` with every code region blanked, columns kept (``extract.blank_code``).

        Computed once per file: what every rule that scans lines for URLs or
        link syntax searches, so a URL in code is never reported or fixed.
        """
        lines = blank_code("\n".join(self.lines)).split("\n")
        for number in self.code_lines:  # front matter is not markdown either
            lines[number - 1] = " " * len(lines[number - 1])
        return tuple(lines)

    def markdown_lines(self, blank_code: bool = False) -> Iterator[tuple[int, str]]:
        """(1-based number, line) of every line that is markdown text.

        With ``blank_code``, code spans, indented code and ``<code>``/``<pre>``
        are blanked in the lines given (``code_free_lines``).
        """
        skip = self.verbatim_lines
        lines = self.code_free_lines if blank_code else self.lines
        for index, line in enumerate(lines):
            if index + 1 not in skip:
                yield index + 1, line

    def indent_column(self, line: int) -> int:
        """The 1-based column of the first non-blank character of ``line`` (1 if none)."""
        if not 1 <= line <= len(self.lines):
            return 1
        text = self.lines[line - 1]
        return len(text) - len(text.lstrip()) + 1 if text.strip() else 1

    def locate(self, needle: str, line: int, span: int = 8) -> tuple[int, int] | None:
        """(line, column) of ``needle`` at or after ``line``, or None.

        Entries know only their first line; a wrapped entry's link may stand on a
        later one, so the search runs ``span`` lines on.
        """
        for number in range(max(1, line), min(len(self.lines), line + span) + 1):
            column = self.lines[number - 1].find(needle)
            if column >= 0:
                return number, column + 1
        return None

    @cached_property
    def links(self) -> tuple[LinkRef, ...]:
        """Every link of the document (``awesomelint.extract``), in document order."""
        return tuple(iter_links(self.document))

    def _extent(self, line: int) -> int:
        """The last line an item starting at ``line`` may run to: its continuation lines
        and deeper sub-items, up to a blank line, a heading or a sibling item."""
        if not 1 <= line <= len(self.lines):
            return line
        first = self.lines[line - 1]
        indent = len(first) - len(first.lstrip())
        last = line
        for number in range(line + 1, min(len(self.lines), line + WRAP) + 1):
            text = self.lines[number - 1]
            stripped = text.lstrip(" \t")
            if not stripped or stripped.startswith("#"):
                break
            if LIST_MARKER.match(text) and len(text) - len(stripped) <= indent:
                break
            last = number
        return last

    @cached_property
    def link_sites(self) -> tuple[LinkSite, ...]:
        """Every link with the position of its URL in the source (None where not found).

        A link is looked for from its line to the end of its item (entries know
        only their first line), outside code (``code_free_lines``).  Repeated
        URLs get successive positions, so each occurrence is reported (and
        fixed) once.  A reference link's URL stands
        in its definition, which is a link of its own: use ``url_sites``.
        """
        # Links come in document order, so the next one usually stands just after the last
        # one placed (``hint``): searching from there keeps a paragraph of N links linear
        # (from the line's start it was quadratic).  Autolinks and bare URLs are yielded
        # after a line's markdown links, so a miss falls back to the search from the
        # item's start, past the occurrences already placed (``claimed``).
        claimed: set[tuple[int, int]] = set()
        resume: dict[tuple[str, int], tuple[int, int]] = {}
        extents: dict[int, int] = {}
        hint = (0, 0)
        sites = []
        for ref in self.links:
            where = None
            if ref.url:
                if ref.line not in extents:
                    extents[ref.line] = min(self._extent(ref.line), len(self.lines))
                last = extents[ref.line]
                if ref.line <= hint[0] <= last:
                    where = self._find_site(ref.url, hint, last, claimed)
                if where is None:
                    start = resume.get((ref.url, ref.line), (ref.line, 0))
                    where = self._find_site(ref.url, start, last, claimed)
                    if where is not None:
                        resume[(ref.url, ref.line)] = (where[0], where[1] + 1)
                if where is not None:
                    claimed.add(where)
                    hint = (where[0], where[1] + len(ref.url))
            sites.append(LinkSite(ref, *((where[0], where[1] + 1) if where else (None, None))))
        return tuple(sites)

    def _find_site(
        self, url: str, start: tuple[int, int], last: int, claimed: set[tuple[int, int]]
    ) -> tuple[int, int] | None:
        """(line, 0-based column) of the first unclaimed ``url`` from ``start`` to line ``last``."""
        number, column = start
        while number <= last:
            column = self.code_free_lines[number - 1].find(url, column)
            if column < 0:
                number, column = number + 1, 0
            elif (number, column) in claimed:
                column += 1
            else:
                return number, column
        return None

    @cached_property
    def url_sites(self) -> tuple[LinkSite, ...]:
        """``link_sites`` without the unplaced ones whose URL stands elsewhere in the file
        (a reference link and its definition are one URL in the text, reported once)."""
        placed = {site.ref.url for site in self.link_sites if site.line is not None}
        return tuple(
            site for site in self.link_sites if site.line is not None or site.ref.url not in placed
        )

    @cached_property
    def headings(self) -> tuple[Heading, ...]:
        """Every heading in document order, the main title included."""
        found: list[tuple[int, int, str, Section | None]] = []
        if self.document.title is not None:
            found.append((self.document.title_line or 1, 1, self.document.title, None))
        for section in self.document.all_sections():
            found.append((section.source.line, section.level, section.title, section))
        found.sort(key=lambda item: item[0])
        slugs = unique_slugs(markdown for _, _, markdown, _ in found)
        return tuple(
            Heading(line, level, markdown, heading_text(markdown), slug, section)
            for (line, level, markdown, section), slug in zip(found, slugs, strict=True)
        )

    @cached_property
    def anchors(self) -> frozenset[str]:
        """Fragments that exist (``awesomelint.anchors``, the computation links uses too)."""
        return file_anchors(self.document, "\n".join(self.lines))

    @cached_property
    def located(self) -> tuple[Located, ...]:
        """Every entry (nested ones too) with its section, in document order."""
        out: list[Located] = []

        def visit(entry: Entry, section: Section | None, depth: int) -> None:
            out.append(Located(entry, section, depth))
            for child in entry.children:
                visit(child, section, depth + 1)

        for item in self.document.prelude + self.document.preamble:
            if isinstance(item, Entry):
                visit(item, None, 0)
        for section in self.document.all_sections():
            for item in section.items:
                if isinstance(item, Entry):
                    visit(item, section, 0)
        return tuple(out)

    @cached_property
    def toc_blocks(self) -> tuple[Block, ...]:
        """Tables of contents (lists of ``#anchor`` links)."""
        return tuple(block for block in self.document.blocks() if block.kind == "toc")

    def _candidates(self) -> list[Candidate]:
        from awesomelint.dedupe import Candidate

        return [
            Candidate(
                index=index,
                title=item.entry.title,
                url=item.entry.url,
                links=tuple(link.url for link in item.entry.links),
            )
            for index, item in enumerate(self.located)
        ]

    def prefetch_duplicates(self, threshold: float) -> None:
        """Start the dedupe engine on a big list in a child process, beside the other rules.

        The engine is the costliest part of a lint (0.4 s of 1.2 s on 10,000
        entries) and the machine has more than one core.  Where ``fork`` is not
        available, or for a small list, ``duplicates`` simply computes it.
        """
        key = ("child", threshold)  # where a started child waits (lint.child: imported on use)
        if key in self._memo or ("duplicates", threshold) in self._memo:
            return
        if len(self.located) < PREFETCH_MIN_ENTRIES:
            return
        from awesomelint.lint.child import start_in_child  # big lists only: pickle and fork

        started = start_in_child(functools.partial(_find, self._candidates(), threshold))
        if started is not None:
            self._memo[key] = started

    def duplicates(self, threshold: float) -> DedupeResult:
        """The dedupe engine's verdict on the entries (candidate index = index in ``located``).

        Imported here, not at module level: it brings rapidfuzz and numpy, which
        only the duplicate rules need.  Computed once per threshold.
        """
        key = ("duplicates", threshold)
        found = self._memo.get(key)
        child = self._memo.pop(("child", threshold), None)  # started by prefetch_duplicates
        if found is None and child is not None:
            found = child.result()
        if found is None:
            found = _find(self._candidates(), threshold)
        self._memo[key] = found
        return found  # type: ignore[return-value]


def _find(candidates: list[Candidate], threshold: float) -> DedupeResult:
    from awesomelint.dedupe import find_duplicates

    return find_duplicates(candidates, threshold=threshold)
