"""``lint`` and ``merge`` of a 100,000-entry list against markdownlint-cli2 on the same file.

The list is made of ``dedupe_speed``'s entries (``--titles``, default ``zipf``: a
vocabulary of 400 words with Zipf-like frequencies, as real titles reuse words,
so dedupe's blocks are as crowded as on real lists), about 10 % of them
near-duplicates, 100 entries a section.  Each tool runs as a user runs it (a
fresh process; markdownlint-cli2 from npm, as ``lint_speed.py`` installs it),
in turn, ``--runs`` times; medians of wall time are printed with the ratio
against markdownlint-cli2.  Goal (issue 10): ``awesomelint lint`` and
``awesomelint merge`` both faster than markdownlint-cli2 on the same file.

    python benchmarks/big_list.py [--entries 100000] [--runs 3] [--titles zipf]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dedupe_speed import GENERATORS, generate  # noqa: E402
from lint_speed import MARKDOWNLINT, _awesomelint, _install, _timed  # noqa: E402


def big_list(entries: int, titles: str, seed: int = 0) -> str:
    """A list of ``entries`` generated entries, every one with a link."""
    lines = ["# Awesome Big", "", "> A generated list for benchmarks.", ""]
    for index, entry in enumerate(generate(entries, 0.10, seed, titles)):
        if index % 100 == 0:
            lines += ["", f"## Part {index // 100}", ""]
        url = entry.url or f"https://blog.example.org/{index}"
        title = entry.title.replace("[", "(").replace("]", ")")
        lines.append(f"- [{title}]({url}) - Entry {index} of the generated list.")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--titles", choices=GENERATORS, default="zipf")
    parser.add_argument(
        "--npm-dir",
        type=Path,
        default=Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
        / "awesomelint-bench-npm",
    )
    args = parser.parse_args()
    cli = _install(args.npm_dir, MARKDOWNLINT, "markdownlint-cli2-bin.mjs")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        big = work / "README.md"
        big.write_text(big_list(args.entries, args.titles), encoding="utf-8")
        print(f"{args.entries} entries ({args.titles} titles), {big.stat().st_size / 1e6:.1f} MB")
        ours = _awesomelint()
        commands = {
            "awesomelint lint": [*ours, "lint", "README.md"],
            "awesomelint merge": [
                *ours,
                "merge",
                "README.md",
                "-o",
                "merged.md",
                "--report",
                "merged.json",
                "--quiet",
            ],
        }
        if cli is not None:
            commands["markdownlint-cli2"] = ["node", str(cli), "README.md"]
        else:
            print("no npm: markdownlint-cli2 not run")
        walls: dict[str, list[float]] = {name: [] for name in commands}
        codes: dict[str, set[int]] = {name: set() for name in commands}
        for _ in range(args.runs):  # in turn, so load on the machine hits every tool alike
            for name, command in commands.items():
                (work / "merged.md").unlink(missing_ok=True)  # a fresh merge, not a re-run
                (work / "merged.json").unlink(missing_ok=True)
                wall, _, code = _timed(command, work)
                walls[name].append(wall)
                codes[name].add(code)
    theirs = statistics.median(walls["markdownlint-cli2"]) if cli is not None else None
    for name, times in walls.items():
        median = statistics.median(times)
        ratio = f"  {theirs / median:5.2f}x markdownlint-cli2's speed" if theirs else ""
        print(
            f"{name:20} median {median:7.2f} s over {args.runs} runs "
            f"(exit {sorted(codes[name])}){ratio}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
