"""Which entries of several lists are the same work.

The merge gives :func:`find_duplicates` one :class:`Candidate` per entry and
gets back groups of candidate indices, one group per work, with the reason
for every merge and the conflicts it refused to merge.

How two candidates end up in one group (union-find over these edges):

1. **Same primary link.**  Candidates whose primary URLs share an identity
   key (:func:`awesomelint.canonical.identity_key`: the arXiv / OpenReview /
   DOI / ACL / LessWrong / GitHub ... id, else the canonical URL) are merged
   when their titles are compatible: equal up to a fuzzy match, or the
   shorter title's words (minus labels like "arXiv") are mostly contained in
   the longer one ("200 Concrete Open Problems in Mechanistic
   Interpretability" and "...: Introduction by Neel Nanda").  Clearly
   different titles on one URL are a copy-paste error in a source list: they
   stay apart and are reported as a :class:`Conflict`.
2. **Same title.**  Titles equal after :func:`awesomelint.titles.normalise_title`.
3. **Fuzzy title.**  Candidate pairs come from blocking, never from all
   pairs: every distinct title is filed under its rarest words (prefix
   filtering: two titles that share all but two of their words share a
   block), each block is scored with ``fuzz.ratio`` on the titles as written
   and word-sorted (``rapidfuzz.process.cdist`` per big block; the pairs of
   all small blocks in one ``cpdist`` call), and each pair above the
   threshold is verified: same numbers, similar lengths, and every word of
   each title matched (exactly or as a typo) in the other.  Containment-rewarding
   scorers (``token_set_ratio``, ``partial_ratio``) are not used: "Emergent
   Abilities of Large Language Models" is not "Are Emergent Abilities of
   Large Language Models a Mirage?".

Secondary links (a paper's ``[github]`` link) never make a duplicate.  Title
edges never join two different GitHub repositories, nor the two sides of a
conflict.  The grouping depends only on the candidates' contents, not on
their order; ``merges`` explain it as a spanning forest.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

from .canonical import canonical_url, identity_key, key_kind
from .titles import content_tokens, normalise_title, title_core

__all__ = [
    "DEFAULT_THRESHOLD",
    "Candidate",
    "Conflict",
    "DedupeResult",
    "Merge",
    "find_duplicates",
]

DEFAULT_THRESHOLD = 90.0
# Words of a link label that slip into titles ("Interpretability in the Wild (arXiv)").
_LABEL_WORDS = frozenset(
    {"arxiv", "pdf", "paper", "preprint", "blog", "post", "video", "slides", "code", "github"}
    | {"website", "html", "abs", "openreview", "version"}
)
_COVERAGE = 0.75  # share of the shorter title's words the longer must hold on a shared URL
_MIN_LENGTH_RATIO = 0.75
_WORD_SIMILARITY = 85.0  # a typo'd word still matches its counterpart
_PREFIX_WORDS = 3  # blocking: titles differing in at most two words still meet
_MAX_TITLES_PER_URL = 64  # beyond that a URL is a hub, compared by exact title only
_PARALLEL_BLOCK = 256  # threads pay off only on big blocks
_SMALL_BLOCK = 48  # blocks up to this size are scored pair by pair in one batch
_MIN_TITLE_CHARS = 12  # a one-word title shorter than this is too generic to merge on
# Up to this many pairs in all blocks, pairs are scored one by one: cheaper than importing
# numpy (0.1 s), which the pre-commit hook on a list of a few hundred entries never needs.
_FEW_PAIRS = 20_000


@dataclass(frozen=True)
class Candidate:
    """One entry as dedupe sees it.

    ``index`` is the caller's handle (unique); ``url`` the primary link;
    ``links`` the secondary link targets, which never make a duplicate.
    """

    index: int
    title: str
    url: str | None
    links: tuple[str, ...] = ()


@dataclass(frozen=True)
class Merge:
    """``from_`` joined the group of ``into`` because of ``reason``.

    Reasons: ``same-url``, ``same-<kind>-id`` (``same-arxiv-id``,
    ``same-openreview-id``, ``same-doi-id`` ...), ``same-title``,
    ``fuzzy-title <score>``.
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


@dataclass(frozen=True)
class _Title:
    """A title prepared for comparison; the costlier views are computed on first use."""

    raw: str
    text: str
    tokens: tuple[str, ...]  # content words, numbers included

    @cached_property
    def ordered(self) -> str:
        """Words sorted, so word order does not count."""
        return " ".join(sorted(self.text.split()))

    @cached_property
    def words(self) -> frozenset[str]:
        """Content words without numbers."""
        return frozenset(t for t in self.tokens if not t.isdigit())

    @cached_property
    def counts(self) -> Counter[str]:
        """Content words without numbers, with their multiplicity."""
        return Counter(t for t in self.tokens if not t.isdigit())

    @cached_property
    def numbers(self) -> tuple[str, ...]:
        """Sorted numbers: "GPT-2" is not "GPT-3"."""
        return tuple(sorted(t for t in self.tokens if t.isdigit()))

    @cached_property
    def core(self) -> _Title | None:
        """The title without its (asides), when that differs."""
        if "(" not in self.raw and "[" not in self.raw:
            return None
        text = title_core(self.raw)
        return _Title(text, text, content_tokens(text)) if text and text != self.text else None


def _prepare(title: str) -> _Title:
    text = normalise_title(title)
    return _Title(title, text, content_tokens(text))


def _word_matched(word: str, others: frozenset[str]) -> bool:
    """The word, or a typo or inflection of it (``models``/``model``), is among ``others``."""
    if word in others:
        return True
    if len(word) < 3:
        return False
    from rapidfuzz import fuzz, process

    return (
        process.extractOne(word, others, scorer=fuzz.ratio, score_cutoff=_WORD_SIMILARITY)
        is not None
    )


def _aligned(a: _Title, b: _Title) -> bool:
    """Every content word of each title has its own counterpart in the other.

    Counted as multisets, so "Towards X" is not "X" even when X says "towards";
    the words left after exact matches must pair up as typos or inflections.
    """
    extra_a, extra_b = a.counts - b.counts, b.counts - a.counts
    if not extra_a and not extra_b:
        return True
    only_a, only_b = frozenset(extra_a), frozenset(extra_b)
    return all(_word_matched(w, only_b) for w in extra_a) and all(
        _word_matched(w, only_a) for w in extra_b
    )


def _score(a: _Title, b: _Title, threshold: float) -> float | None:
    """The fuzzy score of two titles of one work, or None if they name different works."""
    if a.numbers != b.numbers or not a.text or not b.text:
        return None
    if min(len(a.text), len(b.text)) < _MIN_LENGTH_RATIO * max(len(a.text), len(b.text)):
        return None
    from rapidfuzz import fuzz

    score = max(fuzz.ratio(a.text, b.text), fuzz.ratio(a.ordered, b.ordered))
    if score < threshold or not _aligned(a, b):
        return None
    return score


def _title_match(a: _Title, b: _Title, threshold: float) -> float | None:
    """Fuzzy score on full titles, else on titles without their asides."""
    score = _score(a, b, threshold)
    if score is None and (a.core is not None or b.core is not None):
        score = _score(a.core or a, b.core or b, threshold)
    return score


def _compatible(a: _Title, b: _Title, threshold: float) -> bool:
    """Could two titles on one URL name the same work?  Lenient: the URL already says yes.

    Only clearly different titles are incompatible: most of the shorter
    title's words missing from the longer one, or numbers that disagree.
    """
    wa, wb = a.words - _LABEL_WORDS, b.words - _LABEL_WORDS
    if not wa or not wb or a.text == b.text:
        return True
    if _title_match(a, b, threshold) is not None:
        return True
    (short, short_numbers), (long, long_numbers) = sorted(
        ((wa, a.numbers), (wb, b.numbers)), key=lambda pair: (len(pair[0]), sorted(pair[0]))
    )
    if Counter(short_numbers) - Counter(long_numbers):
        return False
    covered = sum(1 for word in short if _word_matched(word, long))
    return covered >= _COVERAGE * len(short)


@dataclass
class _Forest:
    """Union-find with cannot-link labels: two sets join only if no label disagrees."""

    parent: dict[int, int]
    labels: dict[int, dict[str, str]]

    def find(self, node: int) -> int:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: int, b: int) -> bool:
        """Join the sets of a and b; False if already joined or their labels disagree."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        la, lb = self.labels.get(ra, {}), self.labels.get(rb, {})
        if any(lb.get(name, value) != value for name, value in la.items()):
            return False
        if ra > rb:
            ra, rb = rb, ra
            la, lb = lb, la
        self.parent[rb] = ra
        if lb:
            self.labels[ra] = {**la, **lb}
            self.labels.pop(rb, None)
        return True


def _components(nodes: Sequence[int], edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected components of a small graph, each sorted, ordered by first node."""
    forest = _Forest({node: node for node in nodes}, {})
    for a, b in edges:
        forest.union(a, b)
    found: dict[int, list[int]] = defaultdict(list)
    for node in nodes:
        found[forest.find(node)].append(node)
    return sorted((sorted(members) for members in found.values()), key=lambda c: c[0])


@dataclass(frozen=True)
class _KeyCluster:
    """Candidates on one URL with compatible titles."""

    members: tuple[int, ...]  # positions
    label: str  # content-derived name, so conflicts constrain independently of order


def _cluster_url(
    members: Sequence[int], titles: Sequence[_Title], threshold: float
) -> tuple[list[_KeyCluster], bool]:
    """Split the candidates of one URL into clusters of compatible titles.

    Returns the clusters and whether the URL was too busy to compare pairwise.
    Titles without words say nothing: they join the titled cluster if there
    is exactly one, else form their own.
    """
    by_text: dict[str, list[int]] = defaultdict(list)
    for pos in members:
        by_text[titles[pos].text].append(pos)
    texts = sorted(text for text in by_text if titles[by_text[text][0]].words - _LABEL_WORDS)
    blank = sorted(pos for text, poss in by_text.items() if text not in texts for pos in poss)
    crowded = len(texts) > _MAX_TITLES_PER_URL
    edges: list[tuple[int, int]] = []
    if not crowded:
        edges = [
            (i, j)
            for i in range(len(texts))
            for j in range(i + 1, len(texts))
            if _compatible(titles[by_text[texts[i]][0]], titles[by_text[texts[j]][0]], threshold)
        ]
    components = _components(range(len(texts)), edges)
    clusters = [
        sorted(pos for k in component for pos in by_text[texts[k]]) for component in components
    ]
    labels = [texts[component[0]] for component in components]
    if len(clusters) == 1:
        clusters[0] = sorted(clusters[0] + blank)
    elif blank:
        clusters.append(blank)
        labels.append("")
    return [
        _KeyCluster(tuple(c), label) for c, label in zip(clusters, labels, strict=True)
    ], crowded


def _eligible(title: _Title) -> bool:
    """Enough title to merge on it alone (not "Code", "Pythia", "Blog")."""
    return len(title.tokens) >= 2 or len(title.text) >= _MIN_TITLE_CHARS


def _blocks(titles: Sequence[_Title]) -> list[list[int]]:
    """Prefix-filtering blocks: each title filed under its ``_PREFIX_WORDS`` rarest words.

    The global word order (document frequency, then the word) is the same for
    every title, so two titles sharing all but ``_PREFIX_WORDS - 1`` words of
    the longer one share at least one block.
    """
    words = [set(t.tokens) or set(t.text.split()) for t in titles]
    frequency: Counter[str] = Counter()
    for title_words in words:
        frequency.update(title_words)
    rank = {w: r for r, w in enumerate(sorted(frequency, key=lambda w: (frequency[w], w)))}
    blocks: dict[str, list[int]] = defaultdict(list)
    for number, title_words in enumerate(words):
        for word in sorted(title_words, key=rank.__getitem__)[:_PREFIX_WORDS]:
            blocks[word].append(number)
    return [members for members in blocks.values() if len(members) > 1]


def _small_block_pairs(blocks: Sequence[Sequence[int]], lengths: np.ndarray) -> np.ndarray:
    """All pairs (a < b) inside the small blocks whose lengths allow a match, deduplicated.

    Vectorised per block size, so no Python loop runs over pairs.
    """
    import numpy as np

    by_size: dict[int, list[Sequence[int]]] = defaultdict(list)
    for members in blocks:
        by_size[len(members)].append(members)
    chunks = []
    for size, group in by_size.items():
        matrix = np.asarray(group, dtype=np.int64)
        first, second = np.triu_indices(size, 1)
        chunks.append(np.stack([matrix[:, first].ravel(), matrix[:, second].ravel()], axis=1))
    if not chunks:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.sort(np.concatenate(chunks), axis=1)
    short, long = lengths[pairs[:, 0]], lengths[pairs[:, 1]]
    feasible = np.minimum(short, long) >= _MIN_LENGTH_RATIO * np.maximum(short, long)
    return _unique_pairs(pairs[feasible], len(lengths))


def _unique_pairs(pairs: np.ndarray, count: int) -> np.ndarray:
    """Distinct rows of an (n, 2) array of sorted pairs, via one integer code per pair."""
    import numpy as np

    codes = np.unique(pairs[:, 0] * count + pairs[:, 1])
    return np.stack([codes // count, codes % count], axis=1)


def _fuzzy_pairs(titles: Sequence[_Title], threshold: float) -> list[tuple[float, int, int]]:
    """Pairs of distinct titles (by number, a < b) that pass the fuzzy match, with scores.

    Small blocks are scored together in one ``cpdist`` call over their pairs
    (a call per tiny block would cost more than its scoring); big blocks get a
    ``cdist`` each.  Both score the titles as written and word-sorted.
    """
    blocks = _blocks(titles)
    if sum(len(m) * (len(m) - 1) // 2 for m in blocks) <= _FEW_PAIRS:
        return _few_fuzzy_pairs(titles, blocks, threshold)
    import numpy as np
    from rapidfuzz import fuzz, process

    texts = [t.text for t in titles]
    ordered = [t.ordered for t in titles]
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    cutoff = max(0.0, threshold - 1e-9)
    found = []
    for members in blocks:
        if len(members) <= _SMALL_BLOCK:
            continue
        workers = -1 if len(members) >= _PARALLEL_BLOCK else 1
        hits = np.zeros((len(members), len(members)), dtype=np.uint8)
        for strings in ([texts[m] for m in members], [ordered[m] for m in members]):
            hits |= process.cdist(
                strings,
                strings,
                scorer=fuzz.ratio,
                score_cutoff=cutoff,
                dtype=np.uint8,
                workers=workers,
            )
        rows, cols = np.nonzero(np.triu(hits, 1))
        index = np.asarray(members, dtype=np.int64)
        found.append(np.sort(np.stack([index[rows], index[cols]], axis=1), axis=1))
    pairs = _small_block_pairs([m for m in blocks if len(m) <= _SMALL_BLOCK], lengths)
    if len(pairs):
        left, right = pairs[:, 0].tolist(), pairs[:, 1].tolist()
        keep = np.zeros(len(left), dtype=bool)
        for strings in (texts, ordered):
            scores = process.cpdist(
                [strings[i] for i in left],
                [strings[i] for i in right],
                scorer=fuzz.ratio,
                score_cutoff=cutoff,
                dtype=np.uint8,
                workers=-1,
            )
            keep |= scores > 0
        found.append(pairs[keep])
    if not found:
        return []
    result = []
    for a, b in _unique_pairs(np.concatenate(found), len(titles)).tolist():
        score = _title_match(titles[a], titles[b], threshold)
        if score is not None:
            result.append((score, a, b))
    return result


def _few_fuzzy_pairs(
    titles: Sequence[_Title], blocks: Sequence[Sequence[int]], threshold: float
) -> list[tuple[float, int, int]]:
    """``_fuzzy_pairs`` for few pairs, without numpy: the same pairs, scored one by one."""
    from rapidfuzz import fuzz

    cutoff = max(0.0, threshold - 1e-9)
    pairs: set[tuple[int, int]] = set()
    for members in blocks:
        for at, first in enumerate(members):
            for second in members[at + 1 :]:
                pairs.add((first, second) if first < second else (second, first))
    result = []
    for a, b in sorted(pairs):
        x, y = titles[a], titles[b]
        if min(len(x.text), len(y.text)) < _MIN_LENGTH_RATIO * max(len(x.text), len(y.text)):
            continue
        if not (
            fuzz.ratio(x.text, y.text, score_cutoff=cutoff)
            or fuzz.ratio(x.ordered, y.ordered, score_cutoff=cutoff)
        ):
            continue
        score = _title_match(x, y, threshold)
        if score is not None:
            result.append((score, a, b))
    return result


def _reason_for_key(key: str) -> str:
    kind = key_kind(key)
    return "same-url" if kind == "url" else f"same-{kind}-id"


def _content_order(candidates: Sequence[Candidate], keys: Sequence[str | None]) -> list[int]:
    """Positions sorted by content, so tie-breaks never depend on input order."""
    return sorted(
        range(len(candidates)),
        key=lambda p: (keys[p] or "", candidates[p].title, candidates[p].links),
    )


def find_duplicates(
    candidates: Sequence[Candidate], *, threshold: float = DEFAULT_THRESHOLD
) -> DedupeResult:
    """Group the candidates that are the same work (see the module docstring).

    ``threshold`` is the minimum ``fuzz.ratio`` (0-100) of two normalised
    titles, in original or word-sorted order, for a title-only merge.
    Raises ValueError on duplicate indices.
    """
    indices = [c.index for c in candidates]
    if len(set(indices)) != len(indices):
        raise ValueError("candidate indices must be unique")
    prepared: dict[str, _Title] = {}
    titles = [
        prepared.get(c.title) or prepared.setdefault(c.title, _prepare(c.title)) for c in candidates
    ]
    url_keys: dict[str, str] = {}
    keys: list[str | None] = []
    for c in candidates:
        if c.url and c.url.strip():
            keys.append(url_keys.get(c.url) or url_keys.setdefault(c.url, identity_key(c.url)))
        else:
            keys.append(None)

    labels: dict[int, dict[str, str]] = {}
    for pos, key in enumerate(keys):
        if key is not None and key_kind(key) == "github":
            labels[pos] = {"github": key}
    forest = _Forest({pos: pos for pos in range(len(candidates))}, labels)
    tree: list[tuple[int, int, str]] = []
    conflicts: list[Conflict] = []

    by_key: dict[str, list[int]] = defaultdict(list)
    for pos, key in enumerate(keys):
        if key is not None:
            by_key[key].append(pos)
    for key, members in by_key.items():
        if len(members) < 2:
            continue
        clusters, crowded = _cluster_url(members, titles, threshold)
        if len(clusters) > 1:
            for cluster in clusters:
                for pos in cluster.members:
                    forest.labels.setdefault(forest.find(pos), {})[f"url:{key}"] = cluster.label
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
        if _eligible(titles[pos]):
            by_text[titles[pos].text].append(pos)
    for members in by_text.values():
        for pos in members[1:]:
            for other in members:
                if other != pos and forest.union(other, pos):
                    tree.append((other, pos, "same-title"))
                    break

    texts = sorted(by_text)
    distinct = [titles[by_text[text][0]] for text in texts]
    for score, a, b in sorted(_fuzzy_pairs(distinct, threshold), key=lambda e: (-e[0], e[1], e[2])):
        reason = f"fuzzy-title {math.floor(score)}"
        for pa in by_text[texts[a]]:
            for pb in by_text[texts[b]]:
                if forest.union(pa, pb):
                    tree.append((pa, pb, reason))

    return _result(indices, forest, tree, conflicts)


def _result(
    indices: Sequence[int],
    forest: _Forest,
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
