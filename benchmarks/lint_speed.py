"""Lint speed: awesomelint against awesome-lint (npm) on one generated list, and the hook path.

Generates a classic awesome list of ``--entries`` (10,000: ~1.5 MB) entries
``- [Name](url) - Description.`` in 100 sections with a table of contents, and
times, as separate processes (interpreter / node start included):

- ``awesomelint lint`` with the default preset and with ``--preset awesome``;
- ``awesome-lint`` (installed with npm into ``--npm-dir`` on first use);
- ``awesomelint lint`` on an 80 KB list, the size of the biggest classic
  awesome lists: the pre-commit hook's case.

Prints medians of ``--runs`` runs and the ratio.  Goals (issue 5): at least 8x
faster than awesome-lint on the big list; the 80 KB lint under 0.5 s.

    python benchmarks/lint_speed.py [--entries 10000] [--runs 5] [--npm-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AWESOME_LINT = "awesome-lint@2.3.0"
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


def _median(command: list[str], cwd: Path, runs: int) -> tuple[float, int]:
    times, code = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, capture_output=True)
        times.append(time.perf_counter() - start)
        code = done.returncode
    return statistics.median(times), code


def _awesomelint() -> list[str]:
    script = Path(sys.executable).with_name("awesomelint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "awesomelint"]


def _install_awesome_lint(npm_dir: Path) -> Path | None:
    cli = npm_dir / "node_modules" / "awesome-lint" / "cli.js"
    if cli.exists():
        return cli
    if shutil.which("npm") is None or shutil.which("node") is None:
        return None
    npm_dir.mkdir(parents=True, exist_ok=True)
    print(f"installing {AWESOME_LINT} into {npm_dir} ...", flush=True)
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(npm_dir), AWESOME_LINT],
        check=True,
        capture_output=True,
    )
    return cli if cli.exists() else None


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
    args = parser.parse_args()

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
        verdict = "met" if hook < 0.5 else "NOT met"
        print(f"awesomelint lint, 80 KB list       : {hook:6.3f} s  (goal < 0.5 s: {verdict})")


if __name__ == "__main__":
    main()
