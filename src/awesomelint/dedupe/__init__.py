"""Which entries of several lists are the same work.

The merge gives :func:`find_duplicates` one :class:`Candidate` per entry
(and any :class:`Decision` s a maintainer made) and gets back groups of
candidate indices, one group per work, with the reason for every merge and
the conflicts it refused to merge.

- :mod:`.model`: the values in and out;
- :mod:`.scoring`: title comparison (on :mod:`awesomelint.titles`' normal
  form) and how much a title alone says;
- :mod:`.grouping`: union-find with cannot-link labels, one URL's titles;
- :mod:`.blocking`: which title pairs are scored, in bounded blocks;
- :mod:`.engine`: the order of the evidence.
"""

from __future__ import annotations

from .engine import DEFAULT_THRESHOLD, find_duplicates
from .model import Candidate, Conflict, Decision, DedupeResult, Merge

__all__ = [
    "DEFAULT_THRESHOLD",
    "Candidate",
    "Conflict",
    "DedupeResult",
    "Decision",
    "Merge",
    "find_duplicates",
]
