"""Dates a list writes beside an entry, held against the month of its arXiv id.

One reading serves the lint rule that reports a date or venue older than the
paper (``label-mismatch``) and the merge, which leaves such a tag out: so the
merged list never carries what lint would report on it.
"""

from __future__ import annotations

import re

_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_WORD = re.compile(r"[a-z0-9]+")
# ``2023``, ``2023.09``, ``2023-9``, ``2023/09``; or ``yymm`` (``2309``)
_DATE = re.compile(r"^((?:19|20)\d{2})(?:[.\-/](\d{1,2}))?$|^(\d{2})(\d{2})$")


def tag_date(text: str) -> tuple[int, int | None] | None:
    """(year, month or None) of a date tag, or None when it is not a date."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    if match.group(1):
        month = int(match.group(2)) if match.group(2) else None
        return int(match.group(1)), month if month is None or 1 <= month <= 12 else None
    month = int(match.group(4))
    return (2000 + int(match.group(3)), month) if 1 <= month <= 12 else None


def venue_year(text: str) -> int | None:
    """The first year a venue tag names (``ICLR 2023``), or None."""
    return next((int(word) for word in _WORD.findall(text) if _YEAR.match(word)), None)


def before_arxiv(kind: str, text: str, year: int, month: int) -> bool:
    """Is a ``date`` or ``venue`` tag dated before the arXiv id of ``year``/``month``?

    A month's slack (a year's for a bare year or a venue): a preprint may be
    listed, or presented, a little before its id is assigned.
    """
    if kind == "date":
        date = tag_date(text)
        if date is None:
            return False
        tag_year, tag_month = date
        if tag_month is None:
            return tag_year < year - 1
        return tag_year * 12 + tag_month < year * 12 + month - 1
    if kind == "venue":
        found = venue_year(text)
        return found is not None and found < year - 1
    return False
