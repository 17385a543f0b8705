"""Applying fixes: bottom-up, all edits of a fix or none, overlapping fixes skipped.

A skipped fix is not lost: ``--fix`` lints again after each round, and the
diagnostic comes back with a fix computed against the new text.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence
from itertools import accumulate

from awesomelint.lint.diagnostic import Fix

_Span = tuple[int, int, str]


def _spans(fix: Fix, starts: Sequence[int], size: int) -> list[_Span] | None:
    """The fix's edits as (start, end, insert) offsets, None if any edit is out of range."""
    spans = []
    for edit in fix.edits:
        if not 1 <= edit.line <= len(starts) or edit.column < 1 or edit.delete < 0:
            return None
        start = starts[edit.line - 1] + edit.column - 1
        end = start + edit.delete
        if end > size:
            return None
        spans.append((start, end, edit.insert))
    spans.sort()
    for (_, end, _), (start, _, _) in zip(spans, spans[1:], strict=False):
        if start < end:
            return None
    return spans


def _clashes(span: _Span, accepted: list[_Span]) -> bool:
    """Does ``span`` overlap a span of ``accepted`` (sorted)?  Two inserts at one point do."""
    at = bisect_left(accepted, span)
    for other in accepted[max(0, at - 1) : at + 1]:
        if other[0] == span[0] or (other[0] < span[1] and span[0] < other[1]):
            return True
    return False


def apply_fixes(text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """``text`` with the fixes applied, and how many were; overlapping ones are skipped.

    Fixes are taken from the bottom of the file up, so that the one nearer the
    end wins a conflict the way markdownlint decides it.
    """
    lines = text.split("\n")
    starts = [0, *accumulate(len(line) + 1 for line in lines[:-1])]
    candidates = [spans for fix in fixes if (spans := _spans(fix, starts, len(text)))]
    candidates.sort(key=lambda spans: spans[-1][0], reverse=True)
    accepted: list[_Span] = []
    applied = 0
    for spans in candidates:
        if any(_clashes(span, accepted) for span in spans):
            continue
        for span in spans:
            insort(accepted, span)
        applied += 1
    pieces = []
    position = 0
    for start, end, insert in accepted:
        pieces.append(text[position:start])
        pieces.append(insert)
        position = end
    pieces.append(text[position:])
    return "".join(pieces), applied
