"""The values dedupe takes and gives: candidates and decisions in, groups and reasons out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Candidate", "Conflict", "DedupeResult", "Decision", "Merge"]


@dataclass(frozen=True)
class Candidate:
    """One entry as dedupe sees it.

    ``index`` is the caller's handle (unique); ``url`` the primary link;
    ``links`` the secondary link targets, which never make a duplicate;
    ``ident`` an optional stable id that :class:`Decision` s can name.
    """

    index: int
    title: str
    url: str | None
    links: tuple[str, ...] = ()
    ident: str = ""


@dataclass(frozen=True)
class Decision:
    """A human's verdict on candidates: ``same`` work or ``different`` works.

    Each ref names candidates by their ``ident``, or by a URL or identity key
    (``arxiv:2310.01405``, ``https://github.com/o/r``): every candidate whose
    primary link has that identity.  ``same`` joins all the named candidates
    whatever their titles (a renamed paper on one arXiv id); ``different``
    keeps the candidates of each ref apart from those of every other ref,
    whatever their titles or links say.  A ``different`` wins over a ``same``
    that contradicts it.
    """

    verdict: Literal["same", "different"]
    refs: tuple[str, ...]


@dataclass(frozen=True)
class Merge:
    """``from_`` joined the group of ``into`` because of ``reason``.

    Reasons: ``same-url``, ``same-<kind>-id`` (``same-arxiv-id``,
    ``same-openreview-id``, ``same-doi-id`` ...), ``same-title``,
    ``fuzzy-title <score>``, ``decision``.
    """

    into: int
    from_: int
    reason: str


@dataclass(frozen=True)
class Conflict:
    """Candidates sharing one primary URL whose titles clearly differ.

    ``clusters`` are the groups of compatible titles among them (each may
    still merge with other candidates by title); ``key`` is the shared
    identity key, ``url`` its canonical URL.  ``reason`` is
    ``different-titles``, or ``too-many-titles`` for a hub URL shared by more
    distinct titles than are compared pairwise.
    """

    indices: tuple[int, ...]
    url: str
    key: str
    clusters: tuple[tuple[int, ...], ...]
    reason: str


@dataclass(frozen=True)
class DedupeResult:
    """Groups (each sorted, ordered by smallest index) covering every index once."""

    groups: tuple[tuple[int, ...], ...]
    merges: tuple[Merge, ...]
    conflicts: tuple[Conflict, ...]

    def duplicate_groups(self) -> tuple[tuple[int, ...], ...]:
        """Only the groups with more than one candidate."""
        return tuple(group for group in self.groups if len(group) > 1)
