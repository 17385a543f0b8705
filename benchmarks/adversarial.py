"""Superlinear inputs (issue 13, finding 19): each stage must stay near-linear.

Every case is one hostile input, built at a size N and at 2N, and run through
the real function of one stage (``parse``, ``fmt``, ``lint``, ``extract``,
``dedupe``) in a child process with a timeout and a memory cap, so a hang or
a blow-up is reported, not waited on.  The child warms up on a small input of
the same shape (imports and caches are not counted), then times the stage
in-process, ``--runs`` times at N and at 2N, interleaved, so both sizes run
under the same load.  Sizes are chosen so that N takes at least ~50 ms on a quiet
machine (they were doubled when a faster machine took most of them to ~35 ms): below
that a ratio is timer noise.

Printed per case: the median CPU seconds of this process at N and 2N, the
growth ratio t(2N)/t(N) (per doubling of the input's bytes: an N-level list
holds N^2 of them), and the median wall seconds at 2N.  The ratio is taken on
CPU time because the machine is shared: wall time there swings with the
neighbours' load (shown for reference, not judged).  PASS when the ratio is
at most 2.5 and 2N takes under 5 s of CPU.  A case that cannot finish at its
nominal N is measured again at N/4 (then N/16) so today's growth still shows;
it fails.
The peer is linear growth: the goal ratio of 2.5 leaves room for noise over
the ideal 2.0.

    python benchmarks/adversarial.py                 # every case, 5 runs each
    python benchmarks/adversarial.py --only spaces-text --runs 7 --timeout 60
"""

from __future__ import annotations

import argparse
import gc
import math
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

GOAL_RATIO = 2.5
GOAL_SECONDS = 5.0


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
    Case("brackets-paren", "fmt", 48_000, lambda n: _list("x " + "](" * n), "a line of `](` x N"),
    Case(
        "paragraph-links",
        "fmt",
        8000,
        lambda n: _list(" ".join(f"[w{i}](https://x.org/{i})" for i in range(n))),
        "one paragraph of N links",
    ),
    Case("image-opens", "fmt", 40_000, lambda n: _list("![a](" * n), "`![a](` x N"),
    Case(
        "nested-brackets", "fmt", 200_000, lambda n: _list("[" * n + "a" + "]" * n), "`[`xN a `]`xN"
    ),
    Case(
        "spaces-text",
        "fmt",
        3_000_000,
        lambda n: _list("- [a](https://x.org) - a" + " " * n + "b"),
        "a run of N spaces in a description",
    ),
    Case(
        "spaces-destination",
        "fmt",
        2_800_000,
        lambda n: _list("x](" + " " * n + "\x01"),
        "`](` then N spaces, no destination",
    ),
    Case(
        "meta-peel",
        "parse",
        5000,
        lambda n: _list("- [T](https://x.org) - d" + " · x" * n),
        "` · x` x N after an entry (metadata peeler)",
    ),
    Case(
        "autolink-opens",
        "extract",
        160_000,
        lambda n: _list("see " + "<http://" * n),
        "`<http://` x N (link extraction)",
    ),
    Case("quotes", "fmt", 3_200_000, lambda n: _list(">" * n + " q"), "`>` x N"),
    Case(
        "deep-list",
        "fmt",
        800,
        lambda n: _list("\n".join("  " * i + f"- [l{i}](https://x.org/{i})" for i in range(n))),
        "an N-level list",
    ),
    Case(
        "dash-run",
        "fmt",
        1_600_000,
        lambda n: _list("- " * n + "[x](https://x.org)"),
        "`- ` x N, a link",
    ),
    Case(
        "twenty-levels",
        "fmt",
        36,
        lambda n: _list(
            "\n\n".join(
                "\n".join("  " * i + f"- [l{k}.{i}](https://x.org/{k}/{i})" for i in range(20))
                for k in range(n)
            )
        ),
        "N lists of 20 nested levels (just under the parser's depth bound)",
    ),
    Case("emphasis", "fmt", 1_200_000, lambda n: _list("*" * n + "a" + "*" * n), "`*`xN a `*`xN"),
    Case(
        "paragraph-links-lint",
        "lint",
        8000,
        lambda n: _list(" ".join(f"[w{i}](https://x.org/{i})" for i in range(n))),
        "one paragraph of N links, through lint",
    ),
    Case(
        "copies-lint",
        "lint",
        20_000,
        lambda n: _list("\n".join(f"- [Dup](https://dup.org/x) - Same {i}." for i in range(n))),
        "N copies of one entry, through lint (duplicate-entry was cubic in a group)",
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


def child(name: str, n: int, memory_mb: int, runs: int) -> None:
    """Time one case in this process: ``runs`` runs at ``n`` and at ``2n``, interleaved.

    Prints one line per run: the size, and the CPU and wall seconds its stage took.
    Interleaving puts both sizes under the same load (the machine is shared), and timing
    in-process keeps the interpreter's start and the imports out of the figures.
    """
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    case = BY_NAME[name]
    # warm-up on a small input of the same shape: imports (mistletoe builds its Unicode
    # tables on import, ~1 s) and caches are paid here, not in the figure
    _stage(case.stage, case.build(max(2, n // 50)))()
    stages = {size: _stage(case.stage, case.build(size)) for size in (n, 2 * n)}
    for _ in range(runs):
        for size, run in stages.items():
            gc.collect()  # the last run's garbage is not this run's cost
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            print(size, f"{cpu:.6f}", f"{wall:.6f}", flush=True)


@dataclass(frozen=True)
class Timing:
    small: float | None  # median CPU seconds at n; None when a run did not finish
    large: float | None  # median CPU seconds at 2n
    wall: float | None = None  # median wall seconds at 2n
    note: str = ""


def measure(case: Case, n: int, runs: int, timeout: float, memory_mb: int) -> Timing:
    """Medians of ``runs`` interleaved runs at n and 2n; a timeout or a crash ends the series.

    ``timeout`` bounds one run: the child gets ``timeout`` for its set-up and warm-up
    and ``timeout`` per run after that.
    """
    argv = [sys.executable, __file__, "--child", case.name, str(n), str(memory_mb), str(runs)]
    try:
        done = subprocess.run(
            argv, capture_output=True, text=True, timeout=timeout * (2 * runs + 1)
        )
        output, failure = done.stdout, done.returncode != 0
    except subprocess.TimeoutExpired as expired:
        out = expired.stdout or b""
        output = out.decode() if isinstance(out, bytes) else out
        failure = True
        done = None
    times: dict[int, list[float]] = {n: [], 2 * n: []}
    walls: list[float] = []
    for line in output.splitlines():
        size, cpu, wall = line.split()
        times[int(size)].append(float(cpu))
        if int(size) == 2 * n:
            walls.append(float(wall))
    if failure:
        if done is None:
            note = f"timeout >{timeout:g}s"
        else:
            last = (done.stderr.strip().splitlines() or ["?"])[-1]
            note = "crash: " + ("MemoryError" if "MemoryError" in last else last[:40])
        small = statistics.median(times[n]) if times[n] else None
        return Timing(small, None, note)
    return Timing(
        statistics.median(times[n]), statistics.median(times[2 * n]), statistics.median(walls)
    )


def growth(case: Case, n: int, timing: Timing) -> float | None:
    """The time ratio per doubling of the input's bytes.

    Most cases double their bytes when N doubles; an N-level list quadruples them, so its
    ratio is normalised to the growth its bytes would show at twice the bytes.
    """
    if timing.small is None or timing.large is None:
        return None
    ratio = timing.large / max(timing.small, 1e-6)
    bytes_growth = len(case.build(2 * n).encode()) / len(case.build(n).encode())
    return ratio ** (math.log(2) / math.log(bytes_growth)) if bytes_growth > 1.01 else ratio


def _cell(seconds: float | None, note: str = "", width: int = 9) -> str:
    return f"{seconds:{width}.3f}" if seconds is not None else f"{note[:width]:>{width}}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", action="append", choices=sorted(BY_NAME), help="case(s)")
    parser.add_argument("--runs", type=int, default=5, help="runs per size (median)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per run")
    parser.add_argument("--memory-mb", type=int, default=3072, help="address-space cap per run")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    parser.add_argument(
        "--child", nargs=4, metavar=("CASE", "N", "MB", "RUNS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.child:
        name, n, memory_mb, runs = args.child
        child(name, int(n), int(memory_mb), int(runs))
        return 0
    cases = [BY_NAME[name] for name in args.only] if args.only else CASES
    print(
        f"goal: t(2N)/t(N) <= {GOAL_RATIO} and t(2N) < {GOAL_SECONDS:g} s; CPU seconds, "
        f"in-process medians of {args.runs} interleaved runs; peer: linear growth (ratio 2.0)"
    )
    header = (
        f"{'case':22} {'stage':7} {'N':>8} {'bytes(N)':>9} {'t(N) s':>9} {'t(2N) s':>9}"
        f" {'ratio':>6} {'wall(2N)':>9}  verdict"
    )
    print(header)
    print("-" * len(header))
    failed = 0
    for case in cases:
        n = max(1, int(case.n * args.scale))
        timing = measure(case, n, args.runs, args.timeout, args.memory_mb)
        shrunk = False
        for _ in range(2):  # too slow to time at all: a smaller N still shows the growth
            if timing.small is None and timing.note.startswith("timeout") and n >= 16:
                n, shrunk = n // 4, True
                timing = measure(case, n, args.runs, args.timeout, args.memory_mb)
        ratio = growth(case, n, timing)
        ok = (
            not shrunk
            and ratio is not None
            and timing.large is not None
            and ratio <= GOAL_RATIO
            and timing.large < GOAL_SECONDS
        )
        failed += not ok
        shown = f"{ratio:6.2f}" if ratio is not None else "     -"
        print(
            f"{case.name:22} {case.stage:7} {str(n) + ('*' if shrunk else ''):>8} "
            f"{len(case.build(n).encode()):>9} {_cell(timing.small, timing.note)} "
            f"{_cell(timing.large, timing.note)} {shown} {_cell(timing.wall, timing.note)}"
            f"  {'PASS' if ok else 'FAIL'}",
            flush=True,
        )
    print(f"\n{len(cases) - failed}/{len(cases)} cases meet the goal")
    print("* N cut to a quarter (or a sixteenth): the nominal size did not finish in time")
    print("ratio: per doubling of the input's bytes (deep-list's bytes grow as N squared)")
    for case in cases:
        print(f"  {case.name}: {case.what}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
