"""One diagnostic per defect: which rule speaks when several see the same broken link.

A link with a space in its URL is also a link whose brackets seem not to close,
an entry with no link and a fragment that matches no heading; each rule is
right about what it sees, but the maintainer has one thing to repair.  The
rules below, most specific first, are the ones that see link tokens; where two
report the same token, only the first of them in this order is kept.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from awesomelint.lint.context import WRAP, mask_code_spans
from awesomelint.lint.diagnostic import Diagnostic
from awesomelint.syntax import UNIT_START

# most specific first: the markup rule that names the breakage, then the rules that
# only see its consequences in the link (the fragment) or in the entry as a whole
PRECEDENCE: tuple[str, ...] = (
    "AL005",  # link-in-destination: a link written inside a link's destination
    "AL007",  # link-syntax: brackets or a destination that do not close
    "AL012",  # url-whitespace: a space in the URL (or what an unclosed one swallowed)
    "AL029",  # empty-link: a link with no target, or a placeholder one
    "AL030",  # malformed-url: a target that is no URL (mangled scheme, none at all)
    "AL006",  # undefined-reference: [text][label] with no definition
    "AL035",  # broken-local-link: a relative target (perhaps a URL without its scheme)
    "AL015",  # broken-fragment: the #fragment of a (possibly broken) link
    "AL019",  # unbalanced-punctuation: the entry's brackets, as text
    "AL003",  # missing-link: the entry has no link left
)
# rules that judge the whole entry, not one token: every token of the line is theirs
ENTRY_LEVEL = frozenset({"AL019", "AL003"})
_RANK = {rule: rank for rank, rule in enumerate(PRECEDENCE)}
_ESCAPED = re.compile(r"\\.")


def token_starts(line: str) -> list[int]:
    """0-based offsets where the line's link tokens begin: each ``[`` at bracket depth 0
    that does not continue one (``][label]``).  An unclosed ``[`` or ``](`` runs to the
    line's end: what follows is inside the broken token."""
    text = _ESCAPED.sub("  ", mask_code_spans(line)) if "\\" in line else mask_code_spans(line)
    starts = []
    depth = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "[":
            if depth == 0 and not (index and text[index - 1] == "]"):
                starts.append(index)
            depth += 1
        elif char == "]" and depth:
            depth -= 1
            if depth == 0 and text.startswith("(", index + 1):
                close = _closing(text, index + 1)
                if close < 0:
                    break
                index = close
        index += 1
    return starts


def _closing(text: str, opening: int) -> int:
    """The offset of the ``)`` that closes the ``(`` at ``opening``, or -1."""
    depth = 0
    for index in range(opening, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _token(starts: list[int], column: int) -> int:
    """The index of the token holding 1-based ``column`` (-1: before any)."""
    found = -1
    for index, start in enumerate(starts):
        if start < column:
            found = index
    return found


def one_per_defect(found: list[Diagnostic], lines: Sequence[str]) -> list[Diagnostic]:
    """Drop what a more specific rule already reports on the same link token."""
    by_line: dict[tuple[str, int], list[Diagnostic]] = defaultdict(list)
    for diagnostic in found:
        if diagnostic.rule in _RANK:
            by_line[(diagnostic.file, diagnostic.line)].append(diagnostic)
    dropped: set[int] = set()
    for (_, number), group in by_line.items():
        if len({d.rule for d in group}) < 2:
            continue
        text = lines[number - 1] if 1 <= number <= len(lines) else ""
        starts = token_starts(text)
        best: dict[int, int] = {}  # token -> best rank reported on it
        for d in group:
            if d.rule not in ENTRY_LEVEL:
                token = _token(starts, d.column)
                best[token] = min(best.get(token, len(PRECEDENCE)), _RANK[d.rule])
        line_best = min((_RANK[d.rule] for d in group), default=len(PRECEDENCE))
        for d in group:
            if d.rule in ENTRY_LEVEL:  # a token's own rule says it better
                keep = not best and _RANK[d.rule] == line_best
            else:
                keep = _RANK[d.rule] == best[_token(starts, d.column)]
            if not keep:
                dropped.add(id(d))
    _entries_beside_tokens(found, by_line, lines, dropped)
    if not dropped:
        return found
    return [d for d in found if id(d) not in dropped]


def _unit(lines: Sequence[str], number: int) -> tuple[int, int]:
    """The first and last line of the list item or paragraph holding line ``number``."""
    first = number
    while first > 1 and number - first < WRAP and not UNIT_START.match(lines[first - 1]):
        if not lines[first - 2].strip():
            break
        first -= 1
    last = number
    while last < len(lines) and last - number < WRAP:
        following = lines[last]
        if not following.strip() or UNIT_START.match(following):
            break
        last += 1
    return first, last


def _entries_beside_tokens(
    found: list[Diagnostic],
    by_line: dict[tuple[str, int], list[Diagnostic]],
    lines: Sequence[str],
    dropped: set[int],
) -> None:
    """An entry-level diagnostic whose entry wraps onto a line where a token rule speaks
    is that token's defect too (the bracket of ``[[Github](url)`` one line down)."""
    tokens = {
        key for key, group in by_line.items() if any(d.rule not in ENTRY_LEVEL for d in group)
    }
    if not tokens:
        return
    for d in found:
        if d.rule not in ENTRY_LEVEL or id(d) in dropped or not 1 <= d.line <= len(lines):
            continue
        first, last = _unit(lines, d.line)
        if any((d.file, number) in tokens for number in range(first, last + 1)):
            dropped.add(id(d))
