"""The engine: group candidates into works, with a reason for every merge.

How two candidates end up in one group (union-find over these edges):

1. **Decisions.**  A human's ``same`` joins the candidates it names first,
   whatever the rest says; a ``different`` keeps them apart from everything
   below.
2. **Same primary link.**  Candidates whose primary URLs share an identity
   key (:func:`awesomelint.urls.identity_key`, a moved repository followed to
   its new owner) are merged when their titles are compatible; clearly
   different titles on one URL are a copy-paste error in a source list: they
   stay apart and are reported as a :class:`Conflict`.
3. **Same title.**  Titles equal after normalisation.
4. **Fuzzy title.**  Pairs from bounded blocks (:mod:`.blocking`), scored and
   verified by :mod:`.scoring`.

Title edges never join two different GitHub repositories, nor the two sides
of a conflict, nor an entry whose link is a same-file anchor (a table of
contents row), nor two different links whose only common ground is a generic
title (a glossary, a national strategy, a blog's name on its own site:
:func:`.scoring.generic_for`).  Secondary links never make a duplicate.  The
grouping depends only on the candidates' contents, not on their order;
``merges`` explain it as a spanning forest.
"""

from __future__ import annotations

import gc
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence

from awesomelint.urls import (
    canonical_url,
    current_key,
    identity_key,
    key_kind,
    parts_key,
    split,
)

from .blocking import candidate_pairs
from .grouping import Forest, cluster_url
from .model import Candidate, Conflict, Decision, DedupeResult, Merge
from .scoring import Title, eligible, generic_for, length_ok, prepare, title_match
from .similarity import ratio

__all__ = ["DEFAULT_THRESHOLD", "find_duplicates"]

DEFAULT_THRESHOLD = 90.0
_MAX_ROOTS = 64  # a title shared by more sets than this that refuse each other stops trying
_PARALLEL_PAIRS = 20_000  # rapidfuzz threads pay off only on many pairs
_FEW_PAIRS = 20_000  # below this, pair by pair beats importing numpy for cpdist
_DECIDED = "decision:"
_GENERIC = "generic-title"


def _reason_for_key(key: str) -> str:
    kind = key_kind(key)
    return "same-url" if kind == "url" else f"same-{kind}-id"


def _content_order(candidates: Sequence[Candidate], keys: Sequence[str | None]) -> list[int]:
    """Positions sorted by content, so tie-breaks never depend on input order."""
    return sorted(
        range(len(candidates)),
        key=lambda p: (keys[p] or "", candidates[p].title, candidates[p].links),
    )


def _keys(
    candidates: Sequence[Candidate], aliases: Mapping[str, str]
) -> tuple[list[str | None], list[str]]:
    """Each candidate's identity key (None without a link) and the site of its web link.

    A same-file anchor (``#surveys``) has no key and the site ``#``: it names a
    place in one list (a table of contents row), not a work.
    """
    memo: dict[str, tuple[str, str]] = {}
    keys: list[str | None] = []
    sites: list[str] = []
    for c in candidates:
        url = (c.url or "").strip()
        if not url or url.startswith("#"):  # a place in its own file (a table of contents row)
            keys.append(None)
            sites.append("#" if url else "")
            continue
        found = memo.get(url)
        if found is None:
            parts = split(url)
            key = current_key(url if parts is None else parts_key(parts))
            found = memo[url] = (aliases.get(key, key), "" if parts is None else parts.host)
        keys.append(found[0])
        sites.append(found[1])
    return keys, sites


def _apply_decisions(
    decisions: Sequence[Decision],
    candidates: Sequence[Candidate],
    keys: Sequence[str | None],
    aliases: Mapping[str, str],
    forest: Forest,
    tree: list[tuple[int, int, str]],
) -> None:
    if not decisions:
        return
    by_ident: dict[str, list[int]] = defaultdict(list)
    by_key: dict[str, list[int]] = defaultdict(list)
    for pos, (candidate, key) in enumerate(zip(candidates, keys, strict=True)):
        if candidate.ident:
            by_ident[candidate.ident].append(pos)
        if key is not None:
            by_key[key].append(pos)

    def named(ref: str) -> list[int]:
        """Positions a ref names: by ident, else by identity key (of a URL or a key)."""
        if ref in by_ident:
            return by_ident[ref]
        key = current_key(identity_key(ref))
        return by_key.get(aliases.get(key, key), [])

    named_groups = [[named(ref) for ref in d.refs] for d in decisions]
    for number, (decision, groups) in enumerate(zip(decisions, named_groups, strict=True)):
        if decision.verdict == "different":
            for side, members in enumerate(groups):
                for pos in members:
                    forest.label(pos, f"{_DECIDED}{number}", str(side))
    for decision, groups in zip(decisions, named_groups, strict=True):
        if decision.verdict == "same":
            members = sorted({pos for group in groups for pos in group})
            for pos in members[1:]:
                if forest.union(members[0], pos, force=(_GENERIC, "url:", "github")):
                    tree.append((members[0], pos, "decision"))


def _fuzzy_pairs(titles: Sequence[Title], threshold: float) -> list[tuple[float, int, int]]:
    """Pairs of distinct titles (by number, a < b) that pass the fuzzy match, with scores.

    Candidates come from bounded blocks; ``cpdist`` scores them all in one
    call (as written and word-sorted) before the word-by-word verification.
    """
    pairs = candidate_pairs(titles)
    if not pairs:
        return []
    plain = [
        (a, b)
        for a, b in pairs
        if titles[a].core is None
        and titles[b].core is None
        and length_ok(len(titles[a].text), len(titles[b].text))
    ]
    asides = [(a, b) for a, b in pairs if titles[a].core is not None or titles[b].core is not None]
    cutoff = max(0.0, threshold - 1e-9)
    workers = -1 if len(plain) >= _PARALLEL_PAIRS else 1
    keep = [False] * len(plain)
    for view in ("text", "ordered"):
        left = [getattr(titles[a], view) for a, _ in plain]
        right = [getattr(titles[b], view) for _, b in plain]
        if len(plain) < _FEW_PAIRS:  # one call per pair: no numpy on lint's small lists
            scores = [ratio(x, y, score_cutoff=cutoff) for x, y in zip(left, right, strict=True)]
        else:
            from rapidfuzz import fuzz, process

            scores = process.cpdist(
                left, right, scorer=fuzz.ratio, score_cutoff=cutoff, workers=workers
            ).tolist()
        keep = [k or s > 0 for k, s in zip(keep, scores, strict=True)]
    result = []
    for a, b in [p for p, k in zip(plain, keep, strict=True) if k] + asides:
        value = title_match(titles[a], titles[b], threshold)
        if value is not None:
            result.append((value, a, b))
    return result


def _roots(forest: Forest, members: Sequence[int]) -> list[int]:
    """Distinct set representatives of ``members`` (one member each), at most _MAX_ROOTS."""
    seen: dict[int, int] = {}
    for pos in members:
        seen.setdefault(forest.find(pos), pos)
        if len(seen) >= _MAX_ROOTS:
            break
    return list(seen.values())


def _join_same_title(
    members: Sequence[int], forest: Forest, tree: list[tuple[int, int, str]]
) -> None:
    """Join candidates with one title: each to the first other member it may join.

    A title shared by more than ``_MAX_ROOTS`` candidates is joined through at
    most that many set representatives per candidate, so a title repeated on
    thousands of links that refuse each other stays linear.
    """
    if len(members) <= _MAX_ROOTS:
        for pos in members[1:]:
            for other in members:
                if other != pos and forest.union(other, pos):
                    tree.append((other, pos, "same-title"))
                    break
        return
    heads: list[int] = [members[0]]
    for pos in members[1:]:
        for head in heads:
            if forest.union(head, pos):
                tree.append((head, pos, "same-title"))
                break
        else:
            joined = forest.find(pos) in {forest.find(h) for h in heads}
            if not joined and len(heads) < _MAX_ROOTS:
                heads.append(pos)


def find_duplicates(
    candidates: Sequence[Candidate],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    decisions: Sequence[Decision] = (),
    aliases: Mapping[str, str] | None = None,
) -> DedupeResult:
    """Group the candidates that are the same work (see the module docstring).

    ``threshold`` is the minimum ``fuzz.ratio`` (0-100) of two normalised
    titles, in original or word-sorted order, for a title-only merge.
    ``decisions`` are a human's ``same`` / ``different`` verdicts;
    ``aliases`` maps identity keys to the key they are now (a permanent
    redirect the link checker saw: ``github:old/repo`` -> ``github:new/repo``).
    Raises ValueError on duplicate indices.
    """
    # The engine builds hundreds of thousands of small objects and no cycle: the cyclic
    # collector's passes over them grow with the heap (a fifth of a 100k run) and free nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _find(candidates, threshold, decisions, aliases or {})
    finally:
        if collecting:
            gc.enable()


def _find(
    candidates: Sequence[Candidate],
    threshold: float,
    decisions: Sequence[Decision],
    aliases: Mapping[str, str],
) -> DedupeResult:
    indices = [c.index for c in candidates]
    if len(set(indices)) != len(indices):
        raise ValueError("candidate indices must be unique")
    prepared: dict[str, Title] = {}
    titles = [
        prepared.get(c.title) or prepared.setdefault(c.title, prepare(c.title)) for c in candidates
    ]
    keys, sites = _keys(candidates, aliases)

    forest = Forest({pos: pos for pos in range(len(candidates))}, {})
    for pos, key in enumerate(keys):
        if key is None:
            continue
        if key_kind(key) == "github":
            forest.label(pos, "github", key)
        if sites[pos] and generic_for(titles[pos], sites[pos]):
            forest.label(pos, _GENERIC, key)
    tree: list[tuple[int, int, str]] = []
    conflicts: list[Conflict] = []
    _apply_decisions(decisions, candidates, keys, aliases, forest, tree)

    by_key: dict[str, list[int]] = defaultdict(list)
    for pos, key in enumerate(keys):
        if key is not None:
            by_key[key].append(pos)
    for key, members in by_key.items():
        if len(members) < 2 or len({forest.find(p) for p in members}) == 1:
            continue
        clusters, crowded = cluster_url(members, titles, threshold)
        if len(clusters) > 1:
            for cluster in clusters:
                for pos in cluster.members:
                    forest.label(pos, f"url:{key}", cluster.label)
            conflicts.append(
                Conflict(
                    indices=tuple(sorted(indices[p] for p in members)),
                    url=canonical_url(candidates[min(members, key=lambda p: indices[p])].url or ""),
                    key=key,
                    clusters=tuple(
                        sorted(tuple(sorted(indices[p] for p in c.members)) for c in clusters)
                    ),
                    reason="too-many-titles" if crowded else "different-titles",
                )
            )
        for cluster in clusters:
            head = cluster.members[0]
            for pos in cluster.members[1:]:
                if forest.union(head, pos):
                    tree.append((head, pos, _reason_for_key(key)))

    order = _content_order(candidates, keys)
    by_text: dict[str, list[int]] = defaultdict(list)
    for pos in order:
        if eligible(titles[pos]) and sites[pos] != "#":
            by_text[titles[pos].text].append(pos)
    for members in by_text.values():
        _join_same_title(members, forest, tree)

    texts = sorted(by_text)
    distinct = [titles[by_text[text][0]] for text in texts]
    for score, a, b in sorted(_fuzzy_pairs(distinct, threshold), key=lambda e: (-e[0], e[1], e[2])):
        reason = f"fuzzy-title {math.floor(score)}"
        for pa in _roots(forest, by_text[texts[a]]):
            for pb in _roots(forest, by_text[texts[b]]):
                if forest.union(pa, pb):
                    tree.append((pa, pb, reason))

    return _result(indices, forest, tree, conflicts)


def _result(
    indices: Sequence[int],
    forest: Forest,
    tree: Sequence[tuple[int, int, str]],
    conflicts: Sequence[Conflict],
) -> DedupeResult:
    found: dict[int, list[int]] = defaultdict(list)
    for pos in range(len(indices)):
        found[forest.find(pos)].append(indices[pos])
    groups = tuple(sorted((tuple(sorted(g)) for g in found.values()), key=lambda g: g[0]))
    merges = []
    for a, b, reason in tree:
        into, from_ = sorted((indices[a], indices[b]))
        merges.append(Merge(into, from_, reason))
    merges.sort(key=lambda m: (m.into, m.from_))
    return DedupeResult(
        groups=groups,
        merges=tuple(merges),
        conflicts=tuple(sorted(conflicts, key=lambda c: c.indices)),
    )
