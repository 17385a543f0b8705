"""Which pairs of distinct titles are worth scoring: blocking with bounded blocks.

A fuzzy match (see :mod:`.scoring`) needs the same numbers and every content
word of each title matched, exactly or as a typo, in the other.  So two
titles of one work share their numbers and all their content words but at
most one, which differs by a typo (or in an ending only).  Every distinct title (and its core, the
title without its asides) is filed under exact keys that say just that:

- ``F``: its numbers and its bag of content words (reordered words, another
  stopword, another punctuation);
- ``S``: its numbers and the bag of its words' first four letters
  (inflections in several words: "Sparse Probings of Neuron");
- ``M``: its numbers and its bag minus one word, for each word (a typo in
  that word).

Numbers are part of every key: "Chapter 7" and "Chapter 8" are never
compared, however many chapters there are.  A block of at most
:data:`BLOCK_BOUND` titles is compared pair by pair.  A bigger block (words
that every title has) is never compared all against all: its ``M`` members
are split further by the one-character deletions of their left-out word (a
typo is one such edit, symmetric deletion finds it), and whatever is still
over the bound is compared by an exact key only, the word-sorted title.  The
work is therefore linear in the number of titles for any vocabulary.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from .scoring import Title

__all__ = ["BLOCK_BOUND", "candidate_pairs"]

BLOCK_BOUND = 32
_SLOTS = 1 << 16  # more words than a title has
_STEM = 4  # "probing" and "probings", "neuron" and "neurons" share their stem
_MIN_TYPO_WORD = 3  # shorter words only ever match exactly (scoring._word_matched)


def _keys(title: Title) -> list[str]:
    """The blocking keys of one title form: ``F``, ``S`` ("" if the same), then ``M`` per word.

    Keys are strings (cheaper to hash than tuples): the kind, the numbers, then
    the words; ``M`` key i + 2 leaves out word i of the sorted bag, a repeated
    word giving its key once.
    """
    bag = title.bag
    if not bag:
        return []
    head = " ".join(title.numbers) + "|"
    joined = " ".join(bag)
    stems = " ".join(sorted(word[:_STEM] for word in bag))
    keys = ["F" + head + joined, "S" + head + stems if stems != joined else ""]
    if len(bag) == 1:
        keys.append("M" + head)
        return keys
    start = 0
    previous = ""
    for word in bag:
        end = start + len(word)
        if word != previous:
            previous = word
            rest = joined[: max(start - 1, 0)] + joined[end:] if start else joined[end + 1 :]
            keys.append("M" + head + rest)
        else:
            keys.append("")
        start = end + 1
    return keys


def _deletions(word: str) -> set[str]:
    """The word and its one-character deletions."""
    if len(word) < _MIN_TYPO_WORD:
        return {word}
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _exact(members: Iterable[int], titles: Sequence[Title], out: set[tuple[int, int]]) -> None:
    """Pairs of members with the same word-sorted title."""
    same: dict[str, list[int]] = defaultdict(list)
    for member in members:
        same[titles[member].ordered].append(member)
    for group in same.values():
        _all_pairs(group, out)


def _all_pairs(members: Sequence[int], out: set[tuple[int, int]]) -> None:
    ordered = sorted(set(members))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            out.add((a, b))


def _split(
    members: Sequence[tuple[int, str]], titles: Sequence[Title], out: set[tuple[int, int]]
) -> None:
    """An oversized block: by deletion neighbourhood of the left-out word, else exactly."""
    by_variant: dict[str, list[int]] = defaultdict(list)
    for member, word in members:
        for variant in _deletions(word):
            by_variant[variant].append(member)
    for group in by_variant.values():
        if len(group) < 2:
            continue
        if len(group) <= BLOCK_BOUND:
            _all_pairs(group, out)
        else:
            _exact(group, titles, out)


def candidate_pairs(titles: Sequence[Title]) -> set[tuple[int, int]]:
    """Pairs ``(a, b)``, ``a < b``, of title numbers that share a bounded block."""
    # A member is one int: form number * _SLOTS + slot (0 F, 1 S, i + 2 the M key leaving
    # out word i); the word is read back only for oversized blocks.
    forms: list[Title] = []
    blocks: dict[str, list[int]] = defaultdict(list)
    owner: list[int] = []
    for number, title in enumerate(titles):
        for form in (title,) if title.core is None else (title, title.core):
            code = len(forms) * _SLOTS
            forms.append(form)
            owner.append(number)
            for slot, key in enumerate(_keys(form)):
                if key:
                    blocks[key].append(code + slot)
    out: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if len(members) < 2:
            continue
        if len(members) <= BLOCK_BOUND and not key.endswith("|"):
            _all_pairs([owner[m // _SLOTS] for m in members], out)
        elif key[0] == "M":
            left_out = []
            for m in members:
                form, slot = divmod(m, _SLOTS)
                left_out.append((owner[form], forms[form].bag[slot - 2]))
            _split(left_out, titles, out)
        else:
            _exact((owner[m // _SLOTS] for m in members), titles, out)
    return out
