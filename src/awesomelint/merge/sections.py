"""Headings across lists: what a heading is about, which are boilerplate, the merged tree.

A merged list has one taxonomy: the spine's (one chosen input, or a tree the
merge file writes).  Headings of the other lists are mapped onto it; this
module holds what a heading *means* for that mapping (its key) and the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from awesomelint.dedupe.similarity import ratio
from awesomelint.slug import heading_text

_WORD = re.compile(r"[^\W_]+")
# "10. Surveys", "B1.0 Surveys", "1.2) Probing", "IV. Tools": an outline number, not a name
_OUTLINE = re.compile(r"^\s*(?:[A-Za-z]?\d+(?:\.\d+)*[.)]?|[IVXLivxl]{1,5}[.)])\s+")
_SECTION_MATCH = 90.0

# Upstream housekeeping, not content: left out of a merged list unless the merge file keeps it.
_BOILERPLATE_FIRST = frozenset(
    "acknowledgement acknowledgements acknowledgment acknowledgments bibtex changelog cite "
    "citation citations citing contact contacts contributor contributors contributing "
    "contribution contributions contribute credit credits licence license news sponsor "
    "sponsors stargazers update updates".split()
)
_BOILERPLATE_PHRASES = (
    "back to top",
    "how to cite",
    "how to contribute",
    "make a contribution",
    "star history",
    "star trends",
    "stargazers over time",
    "what s new",
    "whats new",
    "latest news",
    "join us",
    "support us",
)


def _words(title: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(_OUTLINE.sub("", heading_text(title)))]


@lru_cache(maxsize=8192)
def heading_key(title: str) -> str:
    """What a heading is about: lower-case words, plurals folded, outline numbers dropped.

    "## 10. Surveys & Reviews", "### B1.0 Surveys" and "## survey" share the
    key's first word; numbers that are part of the name ("Section 10") stay.
    """
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in _words(title))


@lru_cache(maxsize=8192)
def _numbers(key: str) -> tuple[str, ...]:
    return tuple(w for w in key.split() if any(ch.isdigit() for ch in w))


@lru_cache(maxsize=8192)
def keys_match(a: str, b: str) -> float:
    """How alike two heading keys are (0-100); headings whose numbers differ never match."""
    if a == b:
        return 100.0
    if not a or not b or _numbers(a) != _numbers(b):
        return 0.0
    return ratio(a, b)


_VAGUE = frozenset("general other misc miscellaneous more overview introduction".split())


@lru_cache(maxsize=8192)
def covers(spine_key: str, key: str) -> bool:
    """Does a spine heading name the topic of a more specific one ("survey" ⊂ "survey review")?

    Only short headings, and not vague spine headings such as "General".
    """
    words, spine = key.split(), spine_key.split()
    if not spine or not words or len(words) > 3 or set(spine) & _VAGUE:
        return False
    if _numbers(spine_key) != _numbers(key):
        return False
    return set(spine) <= set(words) or (len(spine) <= 3 and set(words) <= set(spine))


@lru_cache(maxsize=8192)
def is_boilerplate(title: str) -> bool:
    """A section about the list itself (contributing, licence, citation, news, stars …)."""
    words = _words(title)
    if not words:
        return False
    if words[0] in _BOILERPLATE_FIRST or any(w.startswith("contribut") for w in words):
        return True
    text = f" {' '.join(words)} "
    return any(f" {phrase} " in text for phrase in _BOILERPLATE_PHRASES)


@dataclass
class Node:
    """A section of the merged tree: its heading, and where it came from."""

    title: str
    key: str
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    _path: tuple[str, ...] | None = field(default=None, repr=False, compare=False)
    # children by key (the first child of a key, as a scan would find it): lists of
    # hundreds of sections place every entry through here
    _by_key: dict[str, Node] = field(default_factory=dict, repr=False, compare=False)

    def add(self, title: str) -> Node:
        """The child with this heading's key, created when there is none."""
        key = heading_key(title)
        node = self._by_key.get(key)
        if node is None:
            node = self._by_key[key] = Node(title=title, key=key, parent=self)
            self.children.append(node)
        return node

    def path(self) -> tuple[str, ...]:
        """The heading texts from the top of the tree down to this node (a node never moves)."""
        if self.parent is None:
            return ()
        if self._path is None:
            self._path = (*self.parent.path(), heading_text(self.title))
        return self._path

    def walk(self):  # type: ignore[no-untyped-def]
        """Every node below this one, depth first."""
        for child in self.children:
            yield child
            yield from child.walk()

    def find_path(self, path: tuple[str, ...]) -> Node | None:
        """The node at ``path`` (heading texts, matched by their keys)."""
        node = self
        for part in path:
            node = node._by_key.get(heading_key(part))  # type: ignore[assignment]
            if node is None:
                return None
        return node

    def best_match(self, key: str) -> Node | None:
        """The node whose heading key means the same as ``key`` (shallowest of the best)."""
        best: tuple[float, int, int] | None = None
        found: Node | None = None
        for order, node in enumerate(self.walk()):
            score = keys_match(node.key, key)
            if score < _SECTION_MATCH:
                if not covers(node.key, key):
                    continue
                score = 50.0  # a topic heading over a specific one: the weakest match
            rank = (score, -len(node.path()), -order)
            if best is None or rank > best:
                best, found = rank, node
        return found
