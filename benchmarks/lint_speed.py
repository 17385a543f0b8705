"""Lint speed: awesomelint against awesome-lint (npm) on one generated list, and the hook path.

Generates a classic awesome list of ``--entries`` (10,000: ~1.5 MB) entries
``- [Name](url) - Description.`` in 100 sections with a table of contents, and
times, as separate processes (interpreter / node start included):

- ``awesomelint lint`` with the default preset and with ``--preset awesome``;
- ``awesome-lint`` (installed with npm into ``--npm-dir`` on first use);
- ``awesomelint lint`` on an 80 KB list, the size of the biggest classic
  awesome lists: the pre-commit hook's case;
- the hook on real lists, paired: ``awesomelint lint`` and ``markdownlint-cli2``
  (npm, installed like awesome-lint) on the corpus's classic lists
  (awesome-nodejs, awesome-php, awesome-aws: 60-100 KB; awesome-react, 17 KB;
  free-for-dev, 250 KB), run alternately so both see the same machine, when
  ``../shared/corpus`` exists beside the repository (``--corpus DIR`` to point
  elsewhere); then the console script (what pre-commit runs) against
  ``python -m awesomelint`` on the first of them.

Our runs use compiled bytecode, as ``pip install`` leaves it (the environment
may forbid writing it: ``PYTHONDONTWRITEBYTECODE`` is dropped for them, and one
warm-up run writes it).  Prints medians of ``--runs`` runs and the ratios.
Goals: at least 8x faster than awesome-lint on the big list (issue 5); on the
real lists under 0.3 s and at least 3x faster than markdownlint-cli2 (issue 8).

    python benchmarks/lint_speed.py [--entries 10000] [--runs 5] [--npm-dir DIR]
                                    [--corpus DIR] [--only-corpus]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AWESOME_LINT = "awesome-lint@2.3.0"
MARKDOWNLINT = "markdownlint-cli2@0.18.1"
# the corpus's classic lists: three of 60-100 KB (the goal's size), awesome-react (17 KB,
# the small case) and free-for-dev (250 KB, nested prose entries: the big case)
CLASSIC_LISTS = (
    "sindresorhus__awesome-nodejs__readme.md",
    "ziadoz__awesome-php__README.md",
    "donnemartin__awesome-aws__README.md",
    "enaqx__awesome-react__README.md",
    "ripienaar__free-for-dev__README.md",
)
_ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "attention circuit neuron sparse probing causal transformer language model feature "
    "superposition interpretability mechanistic analysis representation layer head activation "
    "patching editing knowledge reasoning emergent scaling lens steering vector memory toolkit"
).split()
SYLLABLES = "ka lo mi nu pe ra si to va ze bri cor dex fal gon hul".split()


def _name(index: int) -> str:
    """A unique made-up project name per index (no accidental duplicates)."""
    parts = []
    while True:
        index, digit = divmod(index, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
        if index == 0:
            break
    return "".join(parts).capitalize()


def generate(entries: int, seed: int = 0) -> str:
    """An awesome-lint-clean list: badge, contents, sections of 100 entries."""
    rng = random.Random(seed)
    sections = max(1, entries // 100)
    lines = [
        "# Awesome Generated [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
        "",
        "> A generated list for benchmarks.",
        "",
        "## Contents",
        "",
    ]
    lines += [f"- [Section {s}](#section-{s})" for s in range(sections)]
    for index in range(entries):
        if index % 100 == 0:
            lines += ["", f"## Section {index // 100}", ""]
        name = f"{_name(index)} {rng.choice(WORDS).capitalize()}"
        words = [rng.choice(WORDS) for _ in range(rng.randint(7, 12))]
        description = " ".join(words).capitalize()
        owner = f"{rng.choice(SYLLABLES)}{index % 97}"
        lines.append(
            f"- [{name}](https://github.com/{owner}/{name.lower().replace(' ', '-')}) - "
            f"{description}."
        )
    return "\n".join(lines) + "\n"


def _env() -> dict[str, str]:
    """Our environment: bytecode may be written and read, as after ``pip install``."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _time(command: list[str], cwd: Path) -> tuple[float, int]:
    elapsed, _, code = _timed(command, cwd)
    return elapsed, code


def _timed(command: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds (user + system) of one run, and its exit code."""
    cpu = _cpu()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, env=_env())
    return time.perf_counter() - start, _cpu() - cpu, done.returncode


def _median(command: list[str], cwd: Path, runs: int) -> tuple[float, int]:
    times, code = [], 0
    for _ in range(runs):
        elapsed, code = _time(command, cwd)
        times.append(elapsed)
    return statistics.median(times), code


def _awesomelint() -> list[str]:
    script = Path(sys.executable).with_name("awesomelint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "awesomelint"]


def _install(npm_dir: Path, package: str, entry: str) -> Path | None:
    """``package`` from npm in ``npm_dir`` (once), and its ``entry`` script; None without npm."""
    cli = npm_dir / "node_modules" / package.rsplit("@", 1)[0] / entry
    if cli.exists():
        return cli
    if shutil.which("npm") is None or shutil.which("node") is None:
        return None
    npm_dir.mkdir(parents=True, exist_ok=True)
    print(f"installing {package} into {npm_dir} ...", flush=True)
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(npm_dir), package],
        check=True,
        capture_output=True,
    )
    return cli if cli.exists() else None


def _install_awesome_lint(npm_dir: Path) -> Path | None:
    return _install(npm_dir, AWESOME_LINT, "cli.js")


def corpus_run(corpus: Path, npm_dir: Path, runs: int) -> None:
    """The hook on real lists: awesomelint and markdownlint-cli2, alternately, per file.

    Wall time is the goal; CPU time (user + system) is printed beside it
    because on a shared machine it is the steadier of the two.
    """
    files = [corpus / name for name in CLASSIC_LISTS if (corpus / name).exists()]
    if not files:
        print(f"real lists: none of the classic lists in {corpus}")
        return
    cli = _install(npm_dir, MARKDOWNLINT, "markdownlint-cli2-bin.mjs")
    ours = _awesomelint()
    print(f"real lists from {corpus}, medians of {runs} alternating runs (wall / CPU):")
    print(f"{'list':16} {'KB':>4} {'awesomelint':>16} {'markdownlint-cli2':>18} {'ratio':>12}")
    walls, ratios, cpu_ratios = [], [], []
    with tempfile.TemporaryDirectory(prefix="awesomelint-bench-") as temp:
        work = Path(temp)
        for file in files:
            shutil.copyfile(file, work / "README.md")
            _time([*ours, "lint", "README.md"], work)  # writes the bytecode, warms the cache
            mine, theirs = [], []
            for _ in range(runs):
                mine.append(_timed([*ours, "lint", "README.md"], work)[:2])
                if cli is not None:
                    theirs.append(_timed(["node", str(cli), "README.md"], work)[:2])
            wall = statistics.median(w for w, _ in mine)
            cpu = statistics.median(c for _, c in mine)
            name = file.name.split("__")[1]
            size = file.stat().st_size / 1e3
            in_goal = 60 <= size <= 100  # the goal is stated for 60-100 KB lists
            if in_goal:
                walls.append(wall)
            if not theirs:
                print(f"{name:16} {size:4.0f} {wall:6.3f} / {cpu:5.3f} s   (npm missing)")
                continue
            their_wall = statistics.median(w for w, _ in theirs)
            their_cpu = statistics.median(c for _, c in theirs)
            if in_goal:
                ratios.append(their_wall / wall)
                cpu_ratios.append(their_cpu / cpu)
            print(
                f"{name:16} {size:4.0f} {wall:6.3f} / {cpu:5.3f} s {their_wall:7.3f} / "
                f"{their_cpu:5.3f} s {their_wall / wall:5.1f}x / {their_cpu / cpu:4.1f}x"
                + ("" if in_goal else "  (not 60-100 KB: outside the goal)")
            )
        _entry_points(files[0], work, runs)
    if not walls:
        return
    worst = max(walls)
    verdict = "met" if worst < 0.3 else "NOT met"
    print(f"slowest awesomelint median: {worst:.3f} s wall  (goal < 0.3 s: {verdict})")
    if ratios:
        least = min(ratios)
        verdict = "met" if least >= 3 else "NOT met"
        print(
            f"least speed-up over markdownlint-cli2: {least:.1f}x wall, "
            f"{min(cpu_ratios):.1f}x CPU  (goal >= 3x: {verdict})"
        )


def _entry_points(file: Path, work: Path, runs: int) -> None:
    """The console script (pre-commit's ``entry: awesomelint lint``) and ``python -m``."""
    shutil.copyfile(file, work / "README.md")
    script = Path(sys.executable).with_name("awesomelint")
    commands = {"python -m awesomelint": [sys.executable, "-m", "awesomelint"]}
    if script.exists():
        commands["awesomelint (script)"] = [str(script)]
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(_timed([*command, "lint", "README.md"], work)[:2])
    name = file.name.split("__")[1]
    for label, found in times.items():
        wall = statistics.median(w for w, _ in found)
        cpu = statistics.median(c for _, c in found)
        print(f"{label:22} on {name}: {wall:6.3f} / {cpu:5.3f} s (wall / CPU)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--npm-dir",
        type=Path,
        default=Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
        / "awesomelint-bench",
    )
    parser.add_argument("--corpus", type=Path, default=_ROOT.parent / "shared" / "corpus")
    parser.add_argument("--only-corpus", action="store_true", help="just the real-list run")
    args = parser.parse_args()
    if args.corpus.is_dir():
        corpus_run(args.corpus, args.npm_dir, max(args.runs, 5))
    if args.only_corpus:
        return

    # outside any git repository, so awesome-lint's git and GitHub rules stop at once
    with tempfile.TemporaryDirectory(prefix="awesomelint-bench-") as temp:
        work = Path(temp)
        big = work / "README.md"
        big.write_text(generate(args.entries), encoding="utf-8")
        small_dir = work / "small"
        small_dir.mkdir()
        small = small_dir / "README.md"
        small.write_text(generate(500, seed=1), encoding="utf-8")
        ours = _awesomelint()
        print(
            f"big list: {args.entries} entries, {big.stat().st_size / 1e6:.2f} MB; "
            f"small list: {small.stat().st_size / 1e3:.0f} KB; medians of {args.runs} runs"
        )

        default, code = _median([*ours, "lint", "README.md"], work, args.runs)
        print(f"awesomelint lint (default preset)  : {default:6.2f} s  (exit {code})")
        command = [*ours, "lint", "--preset", "awesome", "README.md"]
        awesome, code = _median(command, work, args.runs)
        print(f"awesomelint lint --preset awesome  : {awesome:6.2f} s  (exit {code})")

        cli = _install_awesome_lint(args.npm_dir)
        if cli is None:
            print("awesome-lint                       : not run (npm/node missing)")
        else:
            theirs, code = _median(["node", str(cli), "README.md"], work, args.runs)
            print(f"awesome-lint {AWESOME_LINT.split('@')[1]:<22}: {theirs:6.2f} s  (exit {code})")
            ratio = theirs / awesome
            verdict = "met" if ratio >= 8 else "NOT met"
            print(f"speed-up (awesome preset)          : {ratio:6.1f}x  (goal >= 8x: {verdict})")
            print(f"speed-up (default preset)          : {theirs / default:6.1f}x")

        hook, code = _median([*ours, "lint", "README.md"], small_dir, max(args.runs, 7))
        verdict = "met" if hook < 0.3 else "NOT met"
        print(f"awesomelint lint, 80 KB list       : {hook:6.3f} s  (goal < 0.3 s: {verdict})")


if __name__ == "__main__":
    main()
