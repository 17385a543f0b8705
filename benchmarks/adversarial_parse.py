"""The parser on hostile shapes (issue 13, items 10 and 19): each at two sizes, and the growth.

Each input is parsed and rendered at size n and 2n; the goal is a growth ratio of at most 2.5
when the input doubles (near-linear) and under 5 s at the larger size.  n starts at the size
the issue names and is doubled until one run takes at least 50 ms (below that a ratio is
timer noise); n and 2n are then timed in turn (CPU seconds of this process, medians: the
machine is shared, and wall time swings with the neighbours' load).  Peer: the same input
given to mistletoe alone at the issue's size, where mistletoe survives it at all (it raises
RecursionError on the deep shapes and is quadratic on the dense ones).

    python benchmarks/adversarial_parse.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    "'>' x n": (lambda n: ">" * n + " a\n", 400),
    "n-level list": (lambda n: "".join("  " * i + "- x\n" for i in range(n)), 175),
    "'- ' x n + link": (lambda n: "- " * n + "[a](https://a.org)\n", 1000),
    "'*' x n + a + '*' x n": (lambda n: "*" * n + "a" + "*" * n + "\n", 500),
    "'](' x n": (lambda n: "](" * n + "\n", 20_000),
    "paragraph of n links": (
        lambda n: " ".join(f"[a{i}](https://a.org/{i})" for i in range(n)) + "\n",
        5_000,
    ),
    "'![a](' x n": (lambda n: "![a](" * n + "\n", 5_000),
    "'[' x n + a + ']' x n": (lambda n: "[" * n + "a" + "]" * n + "\n", 5_000),
    "run of n spaces": (lambda n: "- [a](https://a.org) -" + " " * n + "x\n", 20_000),
    "entry + ' · x' x n": (lambda n: "- [a](https://a.org) - d" + " · x" * n + "\n", 5_000),
}


def _once(func: Callable[[], object]) -> float:
    start = time.process_time()
    func()
    return time.process_time() - start


def _parse_time(text: str) -> float:
    from awesomelint.parse import parse_text
    from awesomelint.render import render

    return _once(lambda: render(parse_text(text, "x.md")))


def _medians(small: Callable[[], object], large: Callable[[], object], runs: int) -> tuple:
    """Median CPU seconds of ``small`` and ``large``, run in turn (both under the same load)."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        times[0].append(_once(small))
        times[1].append(_once(large))
    return statistics.median(times[0]), statistics.median(times[1])


def _mistletoe(text: str) -> str:
    import mistletoe

    sys.setrecursionlimit(1000)
    try:
        start = time.perf_counter()
        mistletoe.Document(text)
        return f"{time.perf_counter() - start:.3f} s"
    except RecursionError:
        return "RecursionError"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from awesomelint.parse import parse_text
    from awesomelint.render import render

    failed = 0
    print(f"{'shape':26} {'issue n':>7} {'n':>8} {'t(n)':>8} {'t(2n)':>8} {'ratio':>6}  mistletoe")
    print("(CPU s; ratio: growth of the time per doubling of the input's size; mistletoe alone")
    print(" at the issue's n)")
    for name, (make, size) in SHAPES.items():
        n = size
        while n < size * 1024 and _parse_time(make(n)) < 0.05:
            n *= 2
        small, large = make(n), make(2 * n)
        t1, t2 = _medians(
            lambda text=small: render(parse_text(text, "x.md")),
            lambda text=large: render(parse_text(text, "x.md")),
            args.runs,
        )
        # the growth per doubling of the input's bytes (an n-level list holds n^2 bytes)
        growth = len(large) / len(small)
        ratio = (t2 / t1) * 2 / growth if t1 > 0 else 1.0
        ok = ratio <= 2.5 and t2 < 5
        failed += not ok
        peer = _mistletoe(make(size)) if size <= 5_000 else "(skipped: minutes)"
        mark = "" if ok else "  NOT met"
        print(f"{name:26} {size:7} {n:8} {t1:8.3f} {t2:8.3f} {ratio:6.2f}  {peer}{mark}")
    print(f"goal ratio <= 2.5 and t(2n) < 5 s: {'met' if not failed else f'{failed} NOT met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
