"""How alike two titles are, and how much a title alone says.

Titles are compared in the form :func:`awesomelint.titles.normalise_title`
gives.  Containment-rewarding scorers (``token_set_ratio``,
``partial_ratio``) are not used: "Emergent Abilities of Large Language
Models" is not "Are Emergent Abilities of Large Language Models a Mirage?".
A fuzzy match needs ``fuzz.ratio`` above the threshold (on the titles as
written or word-sorted), the same numbers ("GPT-2" is not "GPT-3"), similar
lengths, and every content word of each title matched, exactly or as a typo,
in the other.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from awesomelint.titles import content_tokens, normalise_title, title_core

from .similarity import ratio

__all__ = [
    "LABEL_WORDS",
    "Title",
    "compatible",
    "eligible",
    "generic_for",
    "prepare",
    "score",
    "title_match",
]

# Words of a link label that slip into titles ("Interpretability in the Wild (arXiv)").
LABEL_WORDS = frozenset(
    {"arxiv", "pdf", "paper", "preprint", "blog", "post", "video", "slides", "code", "github"}
    | {"website", "html", "abs", "openreview", "version"}
)
# Nouns that say what kind of document a page is, not which one: "Artificial intelligence
# glossary" of one parliament is not that of a company.
GENRE_WORDS = frozenset(
    {"glossary", "glossaries", "strategy", "strategies", "blog", "blogs", "guide", "guides"}
    | {"tutorial", "tutorials", "introduction", "overview", "homepage", "home", "website"}
    | {"site", "page", "documentation", "docs", "wiki", "course", "courses", "lecture"}
    | {"lectures", "notes", "handbook", "resources", "report", "policy", "policies"}
    | {"principles", "guidelines", "newsletter", "podcast", "channel", "video", "videos"}
    | {"talk", "talks", "slides", "faq", "news", "list", "awesome", "readme", "index"}
    | {"contents", "framework", "plan", "roadmap", "definitions", "terms", "terminology"}
    | {"posts", "post", "articles", "article", "paper", "papers", "book", "library"}
)
# The field's own topic, and words every country's document shares: they name no one work.
TOPIC_WORDS = frozenset(
    {"artificial", "intelligence", "ai", "machine", "learning", "ml", "deep", "llm", "llms"}
    | {"national", "international", "global", "government", "official", "public"}
)
_NOT_DISTINCTIVE = GENRE_WORDS | TOPIC_WORDS | LABEL_WORDS
_MIN_LENGTH_RATIO = 0.75
_WORD_SIMILARITY = 85.0  # a typo'd word still matches its counterpart
_COVERAGE = 0.75  # share of the shorter title's words the longer must hold on a shared URL
_MIN_TITLE_CHARS = 12  # a one-word title shorter than this is too generic to merge on
_HOST_WORD = re.compile(r"[a-z0-9]+")
_DIGIT = re.compile(r"\d")
_MAX_NAME_WORDS = 3  # a site's name in a title: "Neptune AI", "Distill Pub"


class Title:
    """A title prepared for comparison: its normal form and the views every step needs.

    Built once per distinct title (:func:`prepare`); the costlier views are
    computed on first use.
    """

    __slots__ = ("__dict__", "bag", "core", "numbers", "raw", "text", "tokens")

    def __init__(self, raw: str, text: str, tokens: tuple[str, ...], *, asides: bool = True):
        self.raw = raw
        self.text = text
        self.tokens = tokens  # content words, numbers included
        if _DIGIT.search(text):
            # content words without numbers, sorted, repeated; and numbers: GPT-2 is not GPT-3
            self.bag = tuple(sorted(t for t in tokens if not t.isdigit()))
            self.numbers = tuple(sorted(t for t in tokens if t.isdigit()))
        else:
            self.bag, self.numbers = tuple(sorted(tokens)), ()
        # the title without its (asides), when that differs: "X (ACL'23 BlackboxNLP)" is X
        self.core: Title | None = None
        if asides and ("(" in raw or "[" in raw):
            core = title_core(raw)
            if core and core != text:
                self.core = Title(core, core, content_tokens(core), asides=False)

    def __repr__(self) -> str:
        return f"Title({self.raw!r})"

    @cached_property
    def ordered(self) -> str:
        """Words sorted, so word order does not count."""
        return " ".join(sorted(self.text.split()))

    @cached_property
    def words(self) -> frozenset[str]:
        """Content words without numbers."""
        return frozenset(self.bag)

    @cached_property
    def counts(self) -> Counter[str]:
        """Content words without numbers, with their multiplicity."""
        return Counter(self.bag)


def prepare(title: str) -> Title:
    """The comparison form of a title."""
    text = normalise_title(title)
    return Title(title, text, content_tokens(text))


def eligible(title: Title) -> bool:
    """Enough title to merge on it alone (not "Code", "Pythia", "Blog")."""
    return len(title.tokens) >= 2 or len(title.text) >= _MIN_TITLE_CHARS


def generic_for(title: Title, host: str) -> bool:
    """Does the title say nothing a link on ``host`` does not: a genre, the topic, the site's name?

    "Artificial intelligence glossary", "National Strategy for Artificial
    Intelligence" anywhere; "Neptune-AI blog" on ``neptune.ai``.  Such a title
    cannot by itself make two different links one work.
    """
    rest = []
    for word in title.bag:
        if word not in _NOT_DISTINCTIVE and word not in rest:
            rest.append(word)
            if len(rest) > _MAX_NAME_WORDS:
                return False
    if not rest:
        return True
    names = set(_HOST_WORD.findall(host))
    return all(word in names for word in rest)


def _word_matched(word: str, others: frozenset[str]) -> bool:
    """The word, or a typo or inflection of it (``models``/``model``), is among ``others``."""
    if word in others:
        return True
    if len(word) < 3:
        return False
    return any(ratio(word, other, score_cutoff=_WORD_SIMILARITY) for other in others)


def _aligned(a: Title, b: Title) -> bool:
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


def length_ok(a: int, b: int) -> bool:
    """Lengths close enough for one title to be a variant of the other."""
    return min(a, b) >= _MIN_LENGTH_RATIO * max(a, b)


def score(a: Title, b: Title, threshold: float) -> float | None:
    """The fuzzy score of two titles of one work, or None if they name different works."""
    if a.numbers != b.numbers or not a.text or not b.text:
        return None
    if not length_ok(len(a.text), len(b.text)):
        return None
    value = max(ratio(a.text, b.text), ratio(a.ordered, b.ordered))
    if value < threshold or not _aligned(a, b):
        return None
    return value


def title_match(a: Title, b: Title, threshold: float) -> float | None:
    """Fuzzy score on full titles, else on titles without their asides."""
    value = score(a, b, threshold)
    if value is None and (a.core is not None or b.core is not None):
        value = score(a.core or a, b.core or b, threshold)
    return value


def compatible(a: Title, b: Title, threshold: float) -> bool:
    """Could two titles on one URL name the same work?  Lenient: the URL already says yes.

    Only clearly different titles are incompatible: most of the shorter
    title's words missing from the longer one, or numbers that disagree.
    """
    wa, wb = a.words - LABEL_WORDS, b.words - LABEL_WORDS
    if not wa or not wb or a.text == b.text:
        return True
    if title_match(a, b, threshold) is not None:
        return True
    (short, short_numbers), (long, long_numbers) = sorted(
        ((wa, a.numbers), (wb, b.numbers)), key=lambda pair: (len(pair[0]), sorted(pair[0]))
    )
    if Counter(short_numbers) - Counter(long_numbers):
        return False
    covered = sum(1 for word in short if _word_matched(word, long))
    return covered >= _COVERAGE * len(short)
