"""Does a listed title name the resolved paper?  Fuzzy, but never rewarding containment.

Scores are rapidfuzz ``ratio`` and ``token_sort_ratio`` on normalised titles
(``awesomelint.titles``): "Emergent Abilities of Large Language Models" is
not "Are Emergent Abilities of Large Language Models a Mirage?".  The one
shortening allowed is a whole segment: lists often cite a paper by its main
title without the subtitle ("Can Large Language Models Explain Themselves?"
for "...? A Study of LLM-Generated Self-Explanations"), which is an
abbreviation, not another paper.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from awesomelint.titles import content_tokens, normalise_title, title_core

Verdict = Literal["same", "abbreviated", "different", "unknown"]
DEFAULT_THRESHOLD = 90.0
# Where a title splits into main title and subtitle.
_SEGMENT = re.compile(r"\s*(?::|\?|!|\s[-\u2013\u2014]\s)\s*")
_MIN_SEGMENT_WORDS = 2
# A "title" made only of these is a link label, not a title ("[pdf]", "Paper").
_LABELS = frozenset(
    {"pdf", "paper", "arxiv", "link", "code", "github", "blog", "post", "video", "slides"}
    | {"website", "html", "abs", "openreview", "here", "preprint"}
)


def _score(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


@lru_cache(maxsize=16384)
def _forms(title: str) -> frozenset[str]:
    """The title normalised, with and without its (asides); cached: lists repeat titles."""
    forms = {normalise_title(title), title_core(title)}
    forms.discard("")
    return frozenset(forms)


@lru_cache(maxsize=16384)
def _segments(title: str) -> frozenset[str]:
    """Normalised main titles and subtitles with enough words to name a paper alone."""
    parts = [p for p in _SEGMENT.split(title) if p.strip()]
    if len(parts) < 2:
        return frozenset()
    found: set[str] = set()
    for part in parts:
        for form in _forms(part):
            if len(content_tokens(form)) >= _MIN_SEGMENT_WORDS:
                found.add(form)
    return frozenset(found)


def similarity(listed: str, resolved: str) -> float:
    """The best score (0-100) of the two whole titles, as written or without asides."""
    pairs = [(a, b) for a in _forms(listed) for b in _forms(resolved)]
    return max((_score(a, b) for a, b in pairs), default=0.0)


def compare(listed: str, resolved: str, threshold: float = DEFAULT_THRESHOLD) -> Verdict:
    """``same``, ``abbreviated`` (a whole main title or subtitle of one is the other's),
    ``different``, or ``unknown`` when either title has no words to compare."""
    listed_forms, resolved_forms = _forms(listed), _forms(resolved)
    if any(set(form.split()) - _LABELS for form in listed_forms & resolved_forms):
        return "same"  # the common case: equal once normalised
    words = {w for form in listed_forms for w in form.split()} - _LABELS
    if not words or not resolved_forms:
        return "unknown"
    if similarity(listed, resolved) >= threshold:
        return "same"
    left = _forms(listed) | _segments(listed)
    right = _forms(resolved) | _segments(resolved)
    for a in left:
        for b in right:
            if _score(a, b) >= threshold:
                return "abbreviated"
    return "different"


def matches(listed: str, resolved: str, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """The listed title names the resolved work (exactly or abbreviated)."""
    return compare(listed, resolved, threshold) in ("same", "abbreviated")
