"""Speed, memory and accuracy of the dedupe engine on synthetic awesome-list entries.

Generates ``--n`` entries (default 100,000): distinct works with paper-like
titles (Zipf-distributed vocabulary, so words like "language" and "models"
are everywhere) and arXiv / OpenReview / GitHub / blog links, of which about
``--dup-rate`` (10 %) are near-duplicates of another entry -- case,
punctuation, quote, typo, word-order and URL-form variants (arXiv ``pdf`` /
``abs`` / ``v2``, ``http``, ``www.``, trailing slash, ``utm_*``), OpenReview
links for arXiv papers (title-only matches) and entries without a link -- and
about 2 % are traps: different works whose title contains or nearly equals
another's ("X" / "Are X a Mirage?" / "X: A Survey" / "Towards X", one word
or one number changed), and different works sharing a wrongly copied URL.

Prints the median wall time of ``find_duplicates`` over ``--runs`` runs, the
process's peak RSS, and precision and recall over pairs of entries.

    python benchmarks/dedupe_speed.py --n 100000 --runs 3
"""

from __future__ import annotations

import argparse
import itertools
import random
import resource
import statistics
import string
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from awesomelint.dedupe import Candidate, find_duplicates

_COMMON = (  # noqa: SIM905 - a word list reads best as text
    "language models large neural networks learning transformer attention interpretability "
    "mechanistic circuits features representations sparse training deep analysis understanding "
    "reasoning knowledge editing probing vision multimodal scaling emergent in-context tuning "
    "benchmark evaluation robust efficient generalization alignment safety causal towards "
    "survey explaining model data heads neurons layers tokens memory prompting"
).split()
_GLUE = ("of", "in", "for", "with", "and", "on", "via", "the", "a")
_TRAP_WRAPS = (
    "Are {} a Mirage?",
    "{}: A Survey",
    "Towards {}",
    "Beyond {}",
    "{} Revisited",
    "On the Limits of {}",
    "Rethinking {}",
    "{} in Practice",
)


@dataclass(frozen=True)
class Entry:
    """A synthetic entry and the id of the work it really is."""

    work: int
    title: str
    url: str | None


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    syllables = [a + b for a in "bcdfgklmnprstvz" for b in "aeiou"]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class _Generator:
    """Paper-like titles and links, deterministic for a seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = _COMMON + _vocabulary(self.rng, 30_000)
        self.cumulative = list(
            itertools.accumulate(1.0 / (rank + 1) ** 0.9 for rank in range(len(self.words)))
        )
        self.next_id = 0

    def _word(self) -> str:
        return self.rng.choices(self.words, cum_weights=self.cumulative)[0]

    def title(self) -> str:
        rng = self.rng
        parts = []
        for _ in range(rng.randint(3, 9)):
            parts.append(self._word())
            if rng.random() < 0.25:
                parts.append(rng.choice(_GLUE))
        if rng.random() < 0.15:
            parts.insert(rng.randrange(len(parts) + 1), str(rng.randint(1, 2025)))
        words = [w.capitalize() if rng.random() < 0.7 else w for w in parts]
        if rng.random() < 0.4:
            head = rng.randint(1, 2)
            return " ".join(words[:head]) + ": " + " ".join(words[head:])
        return " ".join(words)

    def url(self, *, repository: bool = True) -> str:
        """A new link; ``repository=False`` for a paper's second home (OpenReview, a blog)."""
        self.next_id += 1
        n, kind = self.next_id, self.rng.random()
        if not repository and 0.7 <= kind < 0.85:
            kind = 0.6
        if kind < 0.55:
            return f"https://arxiv.org/abs/{2000 + n // 90000}.{n % 90000:05d}"
        if kind < 0.7:
            return "https://openreview.net/forum?id=" + "".join(
                self.rng.choice(string.ascii_letters) for _ in range(10)
            )
        if kind < 0.85:
            return f"https://github.com/owner{n}/Repo{n}"
        return f"https://blog{n % 97}.example.org/posts/{n}/"


def _url_variant(rng: random.Random, url: str) -> str:
    if "arxiv.org/abs/" in url:
        ident = url.rsplit("/", 1)[1]
        return rng.choice(
            [
                f"https://arxiv.org/pdf/{ident}.pdf",
                f"http://arxiv.org/abs/{ident}v2",
                f"https://www.arxiv.org/pdf/{ident}v1",
                f"https://arxiv.org/abs/{ident}?utm_source=twitter",
            ]
        )
    if "openreview" in url:
        return url.replace("/forum?", "/pdf?")
    if "github.com" in url:
        return url.lower() + rng.choice(["/", "#readme", ".git"])
    return url.replace("https://", "http://www.").rstrip("/") + "?utm_medium=email"


def _title_variant(rng: random.Random, title: str) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return rng.choice([title.lower(), title.upper(), title.title()])
    if kind == 1:
        return rng.choice([f'"{title}"', f"{title}.", title.replace(":", " -"), f"**{title}**"])
    if kind == 2:
        words = title.split()
        i = rng.randrange(len(words))
        word = words[i]
        if len(word) > 5:
            j = rng.randrange(1, len(word) - 1)
            words[i] = word[:j] + word[j + 1 :]
        return " ".join(words)
    if kind == 3 and ": " in title:
        head, tail = title.split(": ", 1)
        return f"{tail}: {head}"
    if kind == 3:
        words = title.split()
        i = rng.randrange(max(1, len(words) - 1))
        words[i : i + 2] = reversed(words[i : i + 2])
        return " ".join(words)
    if kind == 4:
        return title.replace("’", "'").replace(" ", "  ") + " "
    return title.lower().replace(" ", " ", 1)


def generate(n: int, dup_rate: float, seed: int) -> list[Entry]:
    """``n`` entries: distinct works, near-duplicates (``dup_rate``) and traps (2 %)."""
    gen = _Generator(seed)
    rng = gen.rng
    entries: list[Entry] = []
    works: list[Entry] = []
    used: set[str] = set()  # distinct works never share a title
    while len(entries) < n:
        roll = rng.random()
        if works and roll < dup_rate:
            base = rng.choice(works)
            link = rng.random()
            if base.url and link < 0.5:
                url: str | None = _url_variant(rng, base.url)
            elif link < 0.8:
                url = gen.url(repository=False)  # the same paper on OpenReview, a blog
            else:
                url = None
            entries.append(Entry(base.work, _title_variant(rng, base.title), url))
        elif works and roll < dup_rate + 0.02:
            base = rng.choice(works)
            if rng.random() < 0.1 and base.url:
                trap = Entry(len(works), gen.title(), base.url)  # a wrongly copied link
            elif rng.random() < 0.7:
                trap = Entry(len(works), rng.choice(_TRAP_WRAPS).format(base.title), gen.url())
            else:
                words = base.title.split()
                i = rng.randrange(len(words))
                words[i] = str(rng.randint(2, 9)) if words[i].isdigit() else gen._word()
                trap = Entry(len(works), " ".join(words), gen.url())
            if trap.title.lower() not in used:
                used.add(trap.title.lower())
                works.append(trap)
                entries.append(trap)
        else:
            work = Entry(len(works), gen.title(), gen.url())
            used.add(work.title.lower())
            works.append(work)
            entries.append(work)
    return entries


def _pairs(sizes: Counter[object]) -> int:
    return sum(c * (c - 1) // 2 for c in sizes.values())


def accuracy(entries: Sequence[Entry], groups: Sequence[Sequence[int]]) -> tuple[float, float]:
    """Precision and recall over pairs of entries (same work vs same group)."""
    group_of = {index: g for g, group in enumerate(groups) for index in group}
    predicted = _pairs(Counter(group_of.values()))
    true = _pairs(Counter(e.work for e in entries))
    both = _pairs(Counter((group_of[i], e.work) for i, e in enumerate(entries)))
    return (both / predicted if predicted else 1.0, both / true if true else 1.0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="number of entries")
    parser.add_argument("--runs", type=int, default=3, help="timed runs (median reported)")
    parser.add_argument("--dup-rate", type=float, default=0.10, help="share of near-duplicates")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    entries = generate(args.n, args.dup_rate, args.seed)
    candidates = [Candidate(i, e.title, e.url) for i, e in enumerate(entries)]
    times = []
    result = None
    for _ in range(args.runs):
        start = time.perf_counter()
        result = find_duplicates(candidates)
        times.append(time.perf_counter() - start)
    assert result is not None
    precision, recall = accuracy(entries, result.groups)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"entries      {len(entries)}")
    print(f"works        {len({e.work for e in entries})}")
    print(
        f"time         {statistics.median(times):.2f} s (median of {args.runs}: "
        + ", ".join(f"{t:.2f}" for t in times)
        + ")"
    )
    print(f"peak RSS     {peak_kib / 1024:.0f} MiB")
    print(f"precision    {precision:.4f}")
    print(f"recall       {recall:.4f}")
    print(f"groups       {len(result.groups)} ({len(result.duplicate_groups())} with duplicates)")
    print(f"conflicts    {len(result.conflicts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
