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

A key is not a string but a 64-bit sum of its words' hashes (a multiset
hash): the ``M`` key leaving out a word is the ``F`` sum minus that word,
so all keys come from a few numpy sums, and blocks from one sort.  Two keys
that collide by chance only add a pair that the scoring then rejects.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

try:  # where hashlib takes it from; importing hashlib also loads OpenSSL's (3 ms on lint's path)
    from _blake2 import blake2b
except ImportError:  # an interpreter without the builtin module
    from hashlib import blake2b

from .scoring import Title

__all__ = ["BLOCK_BOUND", "candidate_pairs"]

BLOCK_BOUND = 16
_MIN_TYPO_WORD = 3  # shorter words only ever match exactly (scoring._word_matched)
_STEM = 4  # "probing" and "probings", "neuron" and "neurons" share their stem
_KIND_F, _KIND_S, _KIND_M = 0, 1, 2
# Added to a sum to tell the kinds of key apart (odd 64-bit constants).
_TAGS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9)


def _hash(text: str) -> int:
    """A 64-bit hash that does not change between runs (``hash()`` does)."""
    return int.from_bytes(blake2b(text.encode(), digest_size=8).digest(), "little")


def _deletions(word: str) -> set[str]:
    """The word and its one-character deletions."""
    if len(word) < _MIN_TYPO_WORD:
        return {word}
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _all_pairs(members: Iterable[int], out: list[tuple[int, int]]) -> None:
    ordered = sorted(set(members))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            out.append((a, b))


def _exact(members: Iterable[int], titles: Sequence[Title], out: list[tuple[int, int]]) -> None:
    """Pairs of members with the same word-sorted title."""
    same: dict[str, list[int]] = defaultdict(list)
    for member in members:
        same[titles[member].ordered].append(member)
    for group in same.values():
        _all_pairs(group, out)


def _split(
    members: Sequence[tuple[int, str]], titles: Sequence[Title], out: list[tuple[int, int]]
) -> None:
    """An oversized ``M`` block: by deletion neighbourhood of the left-out word, else exactly."""
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


_FEW_FORMS = 4000  # below this, plain Python is quicker than importing numpy (lint's path)
_MASK = (1 << 64) - 1


def candidate_pairs(titles: Sequence[Title]) -> list[tuple[int, int]]:
    """Sorted distinct pairs ``(a, b)``, ``a < b``, of title numbers that share a bounded block."""
    forms = [
        (number, form)
        for number, title in enumerate(titles)
        for form in ((title,) if title.core is None else (title, title.core))
        if form.bag
    ]
    if len(forms) <= _FEW_FORMS:
        return _few_candidate_pairs(forms, titles)
    return _many_candidate_pairs(titles)


def _few_candidate_pairs(forms, titles: Sequence[Title]) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """The same keys and blocks as the numpy path, in plain Python, for small lists."""
    entries: dict[int, list[tuple[int, str | None]]] = defaultdict(list)  # key -> (owner, word)
    typo_entries: list[tuple[int, int, str]] = []
    stems: list[tuple[int, int]] = []
    for number, form in forms:
        bag = form.bag
        numbers = sum(_hash("#" + digits) for digits in form.numbers)
        word_hashes = [_hash(word) for word in bag]
        bag_sum = (sum(word_hashes) + numbers) & _MASK
        stem_sum = (sum(_hash("~" + word[:_STEM]) for word in bag) + numbers) & _MASK
        entries[(bag_sum + _TAGS[_KIND_F]) & _MASK].append((number, None))
        stems.append(((stem_sum + _TAGS[_KIND_S]) & _MASK, number))
        if len(bag) == 1:
            typo_entries.append(
                (((bag_sum - word_hashes[0] + _TAGS[_KIND_M]) & _MASK), number, bag[0])
            )
        else:
            previous = ""
            for offset, word in enumerate(bag):
                if word != previous and len(word) >= _MIN_TYPO_WORD:
                    key = (bag_sum - word_hashes[offset] + _TAGS[_KIND_M]) & _MASK
                    typo_entries.append((key, number, word))
                previous = word
    for key, number in stems:
        entries[key].append((number, None))
    for key, number, word in typo_entries:
        entries[key].append((number, word))
    out: list[tuple[int, int]] = []
    for run in entries.values():
        if len(run) < 2:
            continue
        if len(run) <= BLOCK_BOUND:
            _all_pairs((owner for owner, _ in run), out)
            continue
        _split([(owner, word) for owner, word in run if word is not None], titles, out)
        _exact((owner for owner, word in run if word is None), titles, out)
    return sorted({(a, b) if a < b else (b, a) for a, b in out if a != b})


def _many_candidate_pairs(titles: Sequence[Title]) -> list[tuple[int, int]]:
    """``candidate_pairs`` with numpy: keys summed and sorted in C for big lists."""
    import numpy as np

    forms = [
        (number, form)
        for number, title in enumerate(titles)
        for form in ((title,) if title.core is None else (title, title.core))
        if form.bag
    ]
    vocabulary = {word for _, form in forms for word in form.bag}
    word_hash = {word: _hash(word) for word in vocabulary}
    stem_hash = {word: _hash("~" + word[:_STEM]) for word in vocabulary}
    number_hash: dict[str, int] = {}
    owners: list[int] = []  # per form: the title it belongs to
    number_sums: list[int] = []  # per form: its numbers' hash sum
    starts: list[int] = []  # per form: index of its first word
    typo_words: list[int] = []  # word indices that get an M key
    words: list[str] = []
    mask = (1 << 64) - 1
    for number, form in forms:
        bag = form.bag
        owners.append(number)
        total = 0
        for digits in form.numbers:
            found = number_hash.get(digits)
            if found is None:
                found = number_hash[digits] = _hash("#" + digits)
            total += found
        number_sums.append(total & mask)
        first = len(words)
        starts.append(first)
        if len(bag) == 1:
            typo_words.append(first)
        else:
            previous = ""
            for offset, word in enumerate(bag):
                if word != previous and len(word) >= _MIN_TYPO_WORD:
                    typo_words.append(first + offset)
                previous = word
        words.extend(bag)
    if not owners:
        return []
    start = np.asarray(starts, dtype=np.int64)
    whash = np.fromiter(map(word_hash.__getitem__, words), dtype=np.uint64, count=len(words))
    shash = np.fromiter(map(stem_hash.__getitem__, words), dtype=np.uint64, count=len(words))
    nsum = np.asarray(number_sums, dtype=np.uint64)
    word_form = np.repeat(np.arange(len(starts)), np.diff(np.append(start, len(words))))
    bag_sum = np.add.reduceat(whash, start) + nsum
    stem_sum = np.add.reduceat(shash, start) + nsum
    typo = np.asarray(typo_words, dtype=np.int64)
    keys = np.concatenate(
        [
            bag_sum + np.uint64(_TAGS[_KIND_F]),
            stem_sum + np.uint64(_TAGS[_KIND_S]),
            bag_sum[word_form[typo]] - whash[typo] + np.uint64(_TAGS[_KIND_M]),
        ]
    )
    form_ids = np.arange(len(starts), dtype=np.int64)
    entry_form = np.concatenate([form_ids, form_ids, word_form[typo]])
    entry_word = np.concatenate([np.full(2 * len(starts), -1, dtype=np.int64), typo])
    owner = np.asarray(owners, dtype=np.int64)

    order = np.argsort(keys, kind="stable")
    ranked = keys[order]
    cuts = np.flatnonzero(ranked[1:] != ranked[:-1]) + 1
    run_start = np.concatenate([[0], cuts])
    run_size = np.diff(np.concatenate([run_start, [len(ranked)]]))

    chunks = []
    for size in np.unique(run_size[(run_size >= 2) & (run_size <= BLOCK_BOUND)]).tolist():
        begins = run_start[run_size == size]
        members = owner[entry_form[order[begins[:, None] + np.arange(size)]]]
        first, second = np.triu_indices(size, 1)
        chunks.append(np.stack([members[:, first].ravel(), members[:, second].ravel()], axis=1))
    out: list[tuple[int, int]] = []
    big = run_size > BLOCK_BOUND
    for begin, size in zip(run_start[big].tolist(), run_size[big].tolist(), strict=True):
        entries = order[begin : begin + size].tolist()
        left_out = [
            (int(owner[entry_form[e]]), words[entry_word[e]]) for e in entries if entry_word[e] >= 0
        ]
        _split(left_out, titles, out)
        _exact((int(owner[entry_form[e]]) for e in entries if entry_word[e] < 0), titles, out)
    if out:
        chunks.append(np.asarray(out, dtype=np.int64).reshape(-1, 2))
    if not chunks:
        return []
    pairs = np.sort(np.concatenate(chunks), axis=1)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    count = len(titles)
    codes = np.unique(pairs[:, 0] * count + pairs[:, 1])
    return list(zip((codes // count).tolist(), (codes % count).tolist(), strict=True))
