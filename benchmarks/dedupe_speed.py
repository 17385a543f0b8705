"""Speed, memory and accuracy of the dedupe engine on synthetic awesome-list entries.

Generates ``--n`` entries (default 100,000) with one of three title generators
(``--titles``, default all three in turn):

- ``papers``: paper-like titles over a 30,000-word Zipf vocabulary;
- ``zipf``: a fixed vocabulary of 400 words with Zipf-like frequencies, as real
  titles reuse a few hundred words ("language", "models" are everywhere);
- ``formulaic``: "Interpretability of transformer N", "Chapter N", "Entry N x"
  (``--formula`` picks one), titles that differ only by a number.

Each title goes with arXiv / OpenReview / GitHub / blog links; about
``--dup-rate`` (10 %) of the entries are near-duplicates of another entry --
case, punctuation, quote, typo, word-order and URL-form variants (arXiv
``pdf`` / ``abs`` / ``v2``, ``http``, ``www.``, trailing slash, ``utm_*``),
OpenReview links for arXiv papers (title-only matches) and entries without a
link -- and about 2 % are traps: different works whose title contains or
nearly equals another's ("X" / "Are X a Mirage?" / "X: A Survey" / "Towards
X", one word or one number changed), and different works sharing a wrongly
copied URL.

Each measurement runs in its own process, so the peak RSS is its own.  Prints
the median wall and CPU time of ``find_duplicates`` over ``--runs`` runs, the
peak RSS, precision and recall over pairs of entries, and the ratio against
the floor: normalising every title and URL, which any engine must do.  With
``--scaling`` it also times 10k, 20k, 50k and 100k (or ``--sizes``) and prints
the exponent of a least-squares fit of time against size (1.0 is linear).
Goals (issue 10): at 100,000 entries under 5 s, under 512 MiB, precision >=
0.99, recall >= 0.98, exponent near 1.

    python benchmarks/dedupe_speed.py --n 100000 --runs 3 --scaling
    python benchmarks/dedupe_speed.py --titles formulaic --formula "Entry {n} {x}" --n 50000
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import resource
import statistics
import string
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from awesomelint.dedupe import Candidate, find_duplicates
from awesomelint.titles import content_tokens, normalise_title
from awesomelint.urls import canonical_url, identity_key
from awesomelint.urls.parts import split
from awesomelint.urls.sites import work_of

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
FORMULAS = ("Interpretability of transformer {n}", "Chapter {n}", "Entry {n} {x}")
GENERATORS = ("papers", "zipf", "formulaic")


@dataclass(frozen=True)
class Entry:
    """A synthetic entry and the id of the work it really is."""

    work: int
    title: str
    url: str | None


def _vocabulary(
    rng: random.Random, size: int, *, distinct: bool = False, start: Sequence[str] = ()
) -> list[str]:
    """Made-up words after ``start``; ``distinct``: no two within a typo (fuzz.ratio < 80).

    Distinct words keep a one-word change a different work, not an inflection
    ("model" / "models" are one word to the engine).
    """
    from rapidfuzz import fuzz, process

    syllables = [a + b for a in "bcdfgklmnprstvz" for b in "aeiou"]
    words: list[str] = []
    for word in start:
        if not (distinct and process.extractOne(word, words, scorer=fuzz.ratio, score_cutoff=80)):
            words.append(word)
    seen: set[str] = set(words)
    while len(words) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if word in seen:
            continue
        if distinct and process.extractOne(word, words, scorer=fuzz.ratio, score_cutoff=80):
            continue
        seen.add(word)
        words.append(word)
    return words if start else sorted(words)


class _Generator:
    """Titles and links of one kind, deterministic for a seed."""

    def __init__(self, seed: int, kind: str = "papers", formula: str | None = None) -> None:
        self.rng = random.Random(seed)
        self.kind = kind
        self.formulas = (formula,) if formula else FORMULAS
        self.number = 0
        if kind == "zipf":
            common = _vocabulary(self.rng, 0, distinct=True, start=_COMMON)
            self.words = _vocabulary(self.rng, 400, distinct=True, start=common)
            rank = {w: i for i, w in enumerate(common)}  # the common words lead, in their order
            self.words.sort(key=lambda w: (rank.get(w, len(rank)), w))
            exponent = 1.0
        else:
            self.words = _COMMON + _vocabulary(self.rng, 30_000)
            exponent = 0.9
        self.cumulative = list(
            itertools.accumulate(1.0 / (rank + 1) ** exponent for rank in range(len(self.words)))
        )
        self.next_id = 0

    def _word(self) -> str:
        if self.kind == "formulaic":
            return str(self.rng.randint(1, 10_000_000))
        return self.rng.choices(self.words, cum_weights=self.cumulative)[0]

    def title(self) -> str:
        rng = self.rng
        if self.kind == "formulaic":
            self.number += 1
            formula = self.formulas[self.number % len(self.formulas)]
            return formula.format(n=self.number, x=rng.choice(string.ascii_lowercase))
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
        if len(word) > 5 and not word.isdigit():  # a typo in a number makes another work
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


def _bag(title: str) -> str:
    """Numbers and content words, sorted: two works with one bag would be one title."""
    return " ".join(sorted(content_tokens(normalise_title(title))))


def generate(
    n: int, dup_rate: float, seed: int, kind: str = "papers", formula: str | None = None
) -> list[Entry]:
    """``n`` entries: distinct works, near-duplicates (``dup_rate``) and traps (2 %)."""
    gen = _Generator(seed, kind, formula)
    rng = gen.rng
    entries: list[Entry] = []
    works: list[Entry] = []
    used: set[str] = set()  # distinct works never share a title (nor its words, reordered)
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
            if _bag(trap.title) not in used:
                used.add(_bag(trap.title))
                works.append(trap)
                entries.append(trap)
        else:
            work = Entry(len(works), gen.title(), gen.url())
            if _bag(work.title) in used:
                continue
            used.add(_bag(work.title))
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


def measure(kind: str, n: int, runs: int, dup_rate: float, seed: int, formula: str | None) -> dict:
    """One configuration, timed ``runs`` times in this process."""
    entries = generate(n, dup_rate, seed, kind, formula)
    candidates = [Candidate(i, e.title, e.url) for i, e in enumerate(entries)]
    start = time.perf_counter()
    for title in {e.title for e in entries}:
        normalise_title(title)
    for url in {e.url for e in entries if e.url}:
        identity_key(url)
    floor = time.perf_counter() - start
    walls, cpus = [], []
    result = None
    for _ in range(runs):
        for cached in (split, work_of, canonical_url, identity_key):  # the floor's are not warm
            cached.cache_clear()
        start, cpu = time.perf_counter(), time.process_time()
        result = find_duplicates(candidates)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    assert result is not None
    precision, recall = accuracy(entries, result.groups)
    return {
        "kind": kind if formula is None else f"{kind} {formula!r}",
        "n": len(entries),
        "works": len({e.work for e in entries}),
        "walls": walls,
        "cpus": cpus,
        "floor": floor,
        "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "precision": precision,
        "recall": recall,
        "groups": len(result.groups),
        "conflicts": len(result.conflicts),
    }


def _in_child(kind: str, n: int, args: argparse.Namespace) -> dict:
    command = [sys.executable, __file__, "--child", kind, "--n", str(n), "--runs", str(args.runs)]
    command += ["--dup-rate", str(args.dup_rate), "--seed", str(args.seed)]
    if args.formula:
        command += ["--formula", args.formula]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _exponent(points: Sequence[tuple[int, float]]) -> float:
    """Slope of log(time) against log(size), least squares."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def _row(m: dict) -> str:
    wall, cpu = statistics.median(m["walls"]), statistics.median(m["cpus"])
    return (
        f"{m['kind']:<44} {m['n']:>7} {wall:7.2f} s {cpu:7.2f} s {m['rss_mib']:6.0f} MiB "
        f"{m['precision']:.4f} {m['recall']:.4f} {wall / max(m['floor'], 1e-9):6.1f}x"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="number of entries")
    parser.add_argument("--runs", type=int, default=3, help="timed runs (median reported)")
    parser.add_argument("--dup-rate", type=float, default=0.10, help="share of near-duplicates")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--titles", choices=(*GENERATORS, "all"), default="all")
    parser.add_argument("--formula", help="one formula for --titles formulaic: 'Chapter {n}'")
    parser.add_argument("--scaling", action="store_true", help="also time --sizes, fit exponent")
    parser.add_argument("--sizes", default="10000,20000,50000,100000")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        found = measure(args.child, args.n, args.runs, args.dup_rate, args.seed, args.formula)
        print(json.dumps(found))
        return 0
    kinds = GENERATORS if args.titles == "all" else (args.titles,)
    sizes = [int(s) for s in args.sizes.split(",")] if args.scaling else [args.n]
    print(f"median of {args.runs} runs; floor = normalising every title and URL once")
    print(
        f"{'titles':<44} {'entries':>7} {'wall':>9} {'cpu':>9} {'peak RSS':>10} "
        f"{'prec.':>6} {'recall':>6} {'/floor':>7}"
    )
    for kind in kinds:
        walls, cpus = [], []
        for n in sizes:
            found = _in_child(kind, n, args)
            print(_row(found), flush=True)
            walls.append((found["n"], statistics.median(found["walls"])))
            cpus.append((found["n"], statistics.median(found["cpus"])))
        if len(walls) > 1:
            print(
                f"{'':<44} fitted exponent: wall {_exponent(walls):.2f}, cpu {_exponent(cpus):.2f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
