"""Union-find with cannot-link labels, and the split of one URL's candidates by title."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .scoring import LABEL_WORDS, Title, compatible

__all__ = ["Forest", "KeyCluster", "MAX_TITLES_PER_URL", "cluster_url", "components"]

MAX_TITLES_PER_URL = 64  # beyond that a URL is a hub, compared by exact title only


@dataclass
class Forest:
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

    def label(self, node: int, name: str, value: str) -> None:
        """Give the set of ``node`` a label (kept if it already has one of that name)."""
        self.labels.setdefault(self.find(node), {}).setdefault(name, value)

    def union(self, a: int, b: int, *, force: tuple[str, ...] = ()) -> bool:
        """Join the sets of a and b; False if already joined or their labels disagree.

        Labels whose names start with one of ``force`` may disagree (a human's
        ``same`` decision overrides what the engine inferred).
        """
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        la, lb = self.labels.get(ra, {}), self.labels.get(rb, {})
        for name, value in la.items():
            if lb.get(name, value) != value and not name.startswith(force or ("\0",)):
                return False
        if ra > rb:
            ra, rb = rb, ra
            la, lb = lb, la
        self.parent[rb] = ra
        if lb:
            self.labels[ra] = {**lb, **la}
            self.labels.pop(rb, None)
        return True


def components(nodes: Sequence[int], edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected components of a small graph, each sorted, ordered by first node."""
    forest = Forest({node: node for node in nodes}, {})
    for a, b in edges:
        forest.union(a, b)
    found: dict[int, list[int]] = defaultdict(list)
    for node in nodes:
        found[forest.find(node)].append(node)
    return sorted((sorted(members) for members in found.values()), key=lambda c: c[0])


@dataclass(frozen=True)
class KeyCluster:
    """Candidates on one URL with compatible titles."""

    members: tuple[int, ...]  # positions
    label: str  # content-derived name, so conflicts constrain independently of order


def cluster_url(
    members: Sequence[int], titles: Sequence[Title], threshold: float
) -> tuple[list[KeyCluster], bool]:
    """Split the candidates of one URL into clusters of compatible titles.

    Returns the clusters and whether the URL was too busy to compare pairwise.
    Titles without words say nothing: they join the titled cluster if there
    is exactly one, else form their own.
    """
    by_text: dict[str, list[int]] = defaultdict(list)
    for pos in members:
        by_text[titles[pos].text].append(pos)
    texts = sorted(text for text in by_text if titles[by_text[text][0]].words - LABEL_WORDS)
    blank = sorted(pos for text, poss in by_text.items() if text not in texts for pos in poss)
    crowded = len(texts) > MAX_TITLES_PER_URL
    edges: list[tuple[int, int]] = []
    if not crowded:
        edges = [
            (i, j)
            for i in range(len(texts))
            for j in range(i + 1, len(texts))
            if compatible(titles[by_text[texts[i]][0]], titles[by_text[texts[j]][0]], threshold)
        ]
    found = components(range(len(texts)), edges)
    clusters = [sorted(pos for k in component for pos in by_text[texts[k]]) for component in found]
    labels = [texts[component[0]] for component in found]
    if len(clusters) == 1:
        clusters[0] = sorted(clusters[0] + blank)
    elif blank:
        clusters.append(blank)
        labels.append("")
    return [KeyCluster(tuple(c), label) for c, label in zip(clusters, labels, strict=True)], crowded
