"""How alike two strings are: rapidfuzz's ``fuzz.ratio``, the same number either way.

The ratio is the normalised Indel similarity, ``100 * (1 - distance / (len(a) + len(b)))``,
where the distance counts the insertions and deletions that turn one string into the
other (their lengths less twice their longest common subsequence).

Importing rapidfuzz costs about 13 ms, more than a few thousand comparisons made here:
the pre-commit hook on one list compares a few hundred pairs of titles.  So the first
``PURE_CALLS`` comparisons of a process are computed in Python (the bit-parallel LCS
length of Allison and Dix, one big-integer step per character) and the rest by
rapidfuzz.  The two agree to the last bit (tests/dedupe/test_similarity.py checks it).
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["PURE_CALLS", "ratio", "pure_ratio"]

PURE_CALLS = 2_000

_calls = 0
_compiled: Callable[..., float] | None = None


def pure_ratio(a: str, b: str, score_cutoff: float = 0.0) -> float:
    """``fuzz.ratio(a, b, score_cutoff=score_cutoff)`` in Python: 0 below the cutoff."""
    total = len(a) + len(b)
    if not total:
        return 100.0
    if len(a) < len(b):
        a, b = b, a
    masks: dict[str, int] = {}
    bit = 1
    for char in a:
        masks[char] = masks.get(char, 0) | bit
        bit <<= 1
    full = bit - 1
    row = full  # a zero bit per matched position of ``a``
    get = masks.get
    for char in b:
        matched = row & get(char, 0)
        row = ((row + matched) | (row - matched)) & full
    common = len(a) - row.bit_count()
    value = 100 * (1 - (total - 2 * common) / total)
    return value if value >= score_cutoff else 0.0


def ratio(a: str, b: str, score_cutoff: float = 0.0) -> float:
    """``fuzz.ratio``: computed here for a process's first comparisons, then by rapidfuzz."""
    global _calls, _compiled
    if _compiled is None:
        _calls += 1
        if _calls <= PURE_CALLS:
            return pure_ratio(a, b, score_cutoff)
        from rapidfuzz import fuzz

        _compiled = fuzz.ratio
    return float(_compiled(a, b, score_cutoff=score_cutoff))
