"""Merge speed on real lists: the corpus's paper lists plus lists/upstream/.

Runs ``awesomelint merge`` as a user would (a fresh interpreter each time, output
to a temporary folder, a fresh merge each run) and prints the median wall and
CPU time of several runs, split into parse, merge and render (CPU) from an
in-process run.  Goal (merge v2 issue):
under 2 s wall for the 14 corpus paper lists plus lists/upstream/.  The corpus is
read from ``../shared/corpus`` (its INDEX.md names the paper lists); it is not in
a user's clone, so this is a benchmark, not a test.

    python benchmarks/merge_speed.py [--corpus ../shared/corpus] [--runs 5]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def paper_lists(corpus: Path) -> list[Path]:
    """The corpus files INDEX.md files under the "ML/LLM papers" group."""
    found = []
    for line in (corpus / "INDEX.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 4 and cells[2] == "ML/LLM papers":
            found.append(corpus / cells[3].strip("`"))
    return found


def inputs(corpus: Path) -> list[Path]:
    upstream = sorted((ROOT / "lists" / "upstream").glob("*.md"))
    return [*upstream, *paper_lists(corpus)]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _in_process(files: list[Path]) -> dict[str, float]:
    from awesomelint.merge import MAX_LINE, merge_documents
    from awesomelint.parse import parse_file
    from awesomelint.render import render

    start = time.process_time()  # CPU: on a shared machine the steadier figure
    documents = [parse_file(str(f)) for f in files]
    parsed = time.process_time()
    result = merge_documents(documents)
    merged = time.process_time()
    render(result.document, width=MAX_LINE)
    done = time.process_time()
    return {
        "parse": parsed - start,
        "merge": merged - parsed,
        "render": done - merged,
        "entries in": result.entries_in,
        "entries out": len(result.entries),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not (args.corpus / "INDEX.md").is_file():
        print(f"no corpus at {args.corpus}: nothing to measure", file=sys.stderr)
        return 2
    files = inputs(args.corpus)
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} lists, {size / 1e6:.2f} MB")
    walls, codes = [], set()
    with tempfile.TemporaryDirectory() as tmp:
        command = [
            sys.executable,
            "-m",
            "awesomelint",
            "merge",
            *map(str, files),
            "-o",
            f"{tmp}/out.md",
            "--report",
            f"{tmp}/report.json",
        ]
        cpus = []
        for _ in range(args.runs):
            Path(f"{tmp}/out.md").unlink(missing_ok=True)  # a fresh merge, not a re-run
            Path(f"{tmp}/report.json").unlink(missing_ok=True)
            cpu, start = _children_cpu(), time.perf_counter()
            done = subprocess.run(command, capture_output=True, check=False)
            walls.append(time.perf_counter() - start)
            cpus.append(_children_cpu() - cpu)
            codes.add(done.returncode)
    stages = [_in_process(files) for _ in range(min(args.runs, 3))]
    print(
        f"awesomelint merge: median {statistics.median(walls):.2f} s wall, "
        f"{statistics.median(cpus):.2f} s CPU (user + system; steadier on a shared machine) "
        f"over {args.runs} runs"
    )
    print(f"  exit codes seen: {sorted(codes)} (1 = refused: a link would be lost)")
    for name in ("parse", "merge", "render"):
        print(
            f"  {name}: {statistics.median(s[name] for s in stages):.2f} s CPU (in process, median)"
        )
    print(f"  entries in {stages[0]['entries in']:.0f}, out {stages[0]['entries out']:.0f}")
    goal = 2.0
    print(f"goal: under {goal:.1f} s wall; ratio {statistics.median(walls) / goal:.2f}x the goal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
