"""Parse and parse+render speed on a generated 10,000-entry (~1.5 MB) classic list.

Prints medians of several runs (wall, and CPU time beside it: on a shared
machine the steadier figure), and the ratio against mistletoe's own parse of
the same text (mistletoe reads all of it; our fast path reads such a list
without it).  Goal (issue 8): parse+render under 0.3 s on a 2-core machine.

    python benchmarks/parse_speed.py [--entries 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

WORDS = (
    "attention circuit neuron sparse probing causal transformer language model feature "
    "superposition interpretability mechanistic analysis representation layer head "
    "activation patching editing knowledge reasoning emergent scaling"
).split()


def generate(entries: int, seed: int = 0) -> str:
    """A classic awesome list: sections of 100 ``- [Name](url) - Description.`` entries."""
    rng = random.Random(seed)
    lines = ["# Awesome Generated", "", "A generated list for benchmarks.", ""]
    for index in range(entries):
        if index % 100 == 0:
            lines += ["", f"## Section {index // 100}", ""]
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 7))).title()
        desc = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 10))).capitalize()
        lines.append(f"- [{title}](https://example{index % 50}.org/papers/{index}) - {desc}.")
    return "\n".join(lines) + "\n"


GOAL = 0.3  # seconds, parse+render of 10,000 entries (issue 8)


def _median(func, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median wall and CPU seconds of ``runs`` calls."""
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        func()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    import mistletoe

    from awesomelint.parse import parse_bytes
    from awesomelint.render import render

    text = generate(args.entries)
    data = text.encode()
    document = parse_bytes(data, "bench.md")
    assert sum(1 for _ in document.entries()) == args.entries

    floor, _ = _median(lambda: mistletoe.Document(text), args.runs)
    parse, parse_cpu = _median(lambda: parse_bytes(data, "bench.md"), args.runs)
    both, both_cpu = _median(lambda: render(parse_bytes(data, "bench.md")), args.runs)
    print(f"list: {args.entries} entries, {len(data) / 1e6:.2f} MB; medians of {args.runs} runs")
    print(f"mistletoe.Document alone : {floor:.3f} s")
    print(
        f"awesomelint parse        : {parse:.3f} s wall / {parse_cpu:.3f} s CPU"
        f"  ({parse / floor:.2f}x mistletoe)"
    )
    print(
        f"awesomelint parse+render : {both:.3f} s wall / {both_cpu:.3f} s CPU"
        f"  ({both / floor:.2f}x mistletoe)"
    )
    verdict = "met" if both < GOAL else "NOT met"
    print(
        f"goal parse+render < {GOAL} s: {verdict}  (wall {both / GOAL:.2f}x the goal, "
        f"CPU {both_cpu / GOAL:.2f}x)"
    )


if __name__ == "__main__":
    main()
