"""Superlinear inputs (issue 13, finding 19): each stage must stay near-linear.

Every case is one hostile input, built at a size N and at 2N, and run through
the real function of one stage (``parse``, ``fmt``, ``lint``, ``extract``,
``dedupe``) in a child process with a timeout and a memory cap, so a hang or
a blow-up is reported, not waited on.  Printed per case: the median time of
``--runs`` runs at each size (the child times the stage alone, after a warm-up
on a small input of the same shape, so imports are not counted), the growth
ratio t(2N)/t(N), and PASS when the ratio is at most 2.5 and the larger size
takes under 5 s (a case under 50 ms at 2N passes: its ratio would be timer
noise).  A case that cannot finish at its nominal N is measured again at N/4
(then N/16) so today's growth still shows; it fails.
The peer is linear growth: the goal ratio of 2.5 leaves room for noise over
the ideal 2.0.

    python benchmarks/adversarial.py                 # every case, 3 runs each
    python benchmarks/adversarial.py --only spaces-text --runs 5 --timeout 60
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

GOAL_RATIO = 2.5
GOAL_SECONDS = 5.0
NOISE_FLOOR = 0.05  # below this at 2N the ratio is timer noise: counted as a pass


@dataclass(frozen=True)
class Case:
    """A hostile input at size ``n`` and the stage it goes through."""

    name: str
    stage: str
    n: int  # the smaller size; the larger is 2n
    build: Callable[[int], str]
    what: str


def _list(body: str) -> str:
    return f"# Awesome Adversarial\n\n## Section\n\n{body}\n"


CASES = [
    Case("brackets-paren", "fmt", 4000, lambda n: _list("x " + "](" * n), "a line of `](` x N"),
    Case(
        "paragraph-links",
        "fmt",
        2500,
        lambda n: _list(" ".join(f"[w{i}](https://x.org/{i})" for i in range(n))),
        "one paragraph of N links",
    ),
    Case("image-opens", "fmt", 2500, lambda n: _list("![a](" * n), "`![a](` x N"),
    Case("nested-brackets", "fmt", 2500, lambda n: _list("[" * n + "a" + "]" * n), "`[`xN a `]`xN"),
    Case(
        "spaces-text",
        "fmt",
        50_000,
        lambda n: _list("- [a](https://x.org) - a" + " " * n + "b"),
        "a run of N spaces in a description",
    ),
    Case(
        "spaces-destination",
        "fmt",
        50_000,
        lambda n: _list("x](" + " " * n + "\x01"),
        "`](` then N spaces, no destination",
    ),
    Case(
        "meta-peel",
        "parse",
        2500,
        lambda n: _list("- [T](https://x.org) - d" + " · x" * n),
        "` · x` x N after an entry (metadata peeler)",
    ),
    Case(
        "autolink-opens",
        "extract",
        5000,
        lambda n: _list("see " + "<http://" * n),
        "`<http://` x N (link extraction)",
    ),
    Case("quotes", "fmt", 200, lambda n: _list(">" * n + " q"), "`>` x N"),
    Case(
        "deep-list",
        "fmt",
        100,
        lambda n: _list("\n".join("  " * i + f"- [l{i}](https://x.org/{i})" for i in range(n))),
        "an N-level list",
    ),
    Case(
        "dash-run", "fmt", 500, lambda n: _list("- " * n + "[x](https://x.org)"), "`- ` x N, a link"
    ),
    Case("emphasis", "fmt", 500, lambda n: _list("*" * n + "a" + "*" * n), "`*`xN a `*`xN"),
    Case(
        "paragraph-links-lint",
        "lint",
        2500,
        lambda n: _list(" ".join(f"[w{i}](https://x.org/{i})" for i in range(n))),
        "one paragraph of N links, through lint",
    ),
    Case(
        "titles-transformer",
        "dedupe",
        2500,
        lambda n: "\n".join(f"Interpretability of transformer {i}" for i in range(n)),
        'dedupe "Interpretability of transformer N"',
    ),
    Case(
        "titles-entry",
        "dedupe",
        10_000,
        lambda n: "\n".join(f"Entry {i} x" for i in range(n)),
        'dedupe "Entry N x"',
    ),
]
BY_NAME = {case.name: case for case in CASES}


def _stage(stage: str, text: str) -> Callable[[], object]:
    """The real function of ``stage``, ready to run on ``text`` (set-up not timed)."""
    data = text.encode("utf-8")
    if stage == "parse":
        from awesomelint.parse import parse_bytes

        return lambda: parse_bytes(data, "adversarial.md")
    if stage == "fmt":
        from awesomelint.commands.fmt import format_bytes

        return lambda: format_bytes(data, "adversarial.md")
    if stage == "lint":
        from awesomelint.config import Config
        from awesomelint.lint.runner import lint_bytes
        from awesomelint.lint.settings import lint_settings

        settings = lint_settings(Config(), ("default",))
        return lambda: lint_bytes(data, "adversarial.md", settings)
    if stage == "extract":
        from awesomelint.extract import links_in_markdown

        return lambda: list(links_in_markdown(text, "adversarial.md", 1))
    if stage == "dedupe":
        from awesomelint.dedupe import Candidate, find_duplicates

        candidates = [
            Candidate(i, title, f"https://e{i}.example.org/")
            for i, title in enumerate(text.split("\n"))
        ]
        return lambda: find_duplicates(candidates)
    raise ValueError(f"unknown stage {stage}")


def child(name: str, n: int, memory_mb: int) -> None:
    """Run one case once at size ``n``; print the seconds its stage took."""
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    case = BY_NAME[name]
    # warm-up on a small input of the same shape: imports (mistletoe builds its Unicode
    # tables on import, ~1 s) and caches are paid here, not in the figure
    _stage(case.stage, case.build(max(2, n // 50)))()
    run = _stage(case.stage, case.build(n))
    start = time.perf_counter()
    run()
    print(f"{time.perf_counter() - start:.6f}")


@dataclass(frozen=True)
class Timing:
    seconds: float | None  # median; None when a run did not finish
    note: str = ""


def measure(case: Case, n: int, runs: int, timeout: float, memory_mb: int) -> Timing:
    """Median of ``runs`` child runs; a timeout or a crash ends the series."""
    times: list[float] = []
    for _ in range(runs):
        argv = [sys.executable, __file__, "--child", case.name, str(n), str(memory_mb)]
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return Timing(None, f"timeout >{timeout:g}s")
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["?"])[-1]
            kind = "MemoryError" if "MemoryError" in last else last.split(":")[0][:40]
            return Timing(None, f"crash: {kind}")
        times.append(float(done.stdout.strip().splitlines()[-1]))
    return Timing(statistics.median(times))


def _cell(timing: Timing) -> str:
    return f"{timing.seconds:8.3f}" if timing.seconds is not None else timing.note


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", action="append", choices=sorted(BY_NAME), help="case(s)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (median)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per child run")
    parser.add_argument("--memory-mb", type=int, default=3072, help="address-space cap per run")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    parser.add_argument("--child", nargs=3, metavar=("CASE", "N", "MB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], int(args.child[1]), int(args.child[2]))
        return 0
    cases = [BY_NAME[name] for name in args.only] if args.only else CASES
    print(
        f"goal: t(2N)/t(N) <= {GOAL_RATIO} and t(2N) < {GOAL_SECONDS:g} s; "
        f"median of {args.runs} runs; peer: linear growth (ratio 2.0)"
    )
    header = f"{'case':22} {'stage':7} {'N':>7} {'t(N) s':>10} {'t(2N) s':>18} {'ratio':>6}"
    header += "  verdict"
    print(header)
    print("-" * len(header))
    failed = 0
    for case in cases:
        n = max(1, int(case.n * args.scale))
        small = measure(case, n, args.runs, args.timeout, args.memory_mb)
        shrunk = False
        for _ in range(2):  # too slow to time at all: a smaller N still shows the growth
            if small.note.startswith("timeout") and n >= 16:
                n, shrunk = n // 4, True
                small = measure(case, n, args.runs, args.timeout, args.memory_mb)
        large = (
            measure(case, 2 * n, args.runs, args.timeout, args.memory_mb)
            if small.seconds is not None
            else Timing(None, "not run")
        )
        ratio = (
            large.seconds / max(small.seconds, 1e-6)
            if small.seconds is not None and large.seconds is not None
            else None
        )
        ok = (
            not shrunk
            and ratio is not None
            and (
                large.seconds < NOISE_FLOOR
                or (ratio <= GOAL_RATIO and large.seconds < GOAL_SECONDS)
            )
        )
        failed += not ok
        shown = f"{ratio:6.2f}" if ratio is not None else "     -"
        print(
            f"{case.name:22} {case.stage:7} {str(n) + ('*' if shrunk else ''):>7} "
            f"{_cell(small):>10} {_cell(large):>18} "
            f"{shown}  {'PASS' if ok else 'FAIL'}",
            flush=True,
        )
    print(f"\n{len(cases) - failed}/{len(cases)} cases meet the goal")
    print("* N cut to a quarter (or a sixteenth): the nominal size did not finish in time")
    for case in cases:
        print(f"  {case.name}: {case.what}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
