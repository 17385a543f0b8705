"""Measure lint precision on a corpus of real lists: counts, a sample to judge, the table.

    python tools/lint_precision.py [--preset default] [--group "classic software"]
                                   [--judged tools/data/lint_judged.tsv] [--sample 10]
                                   [--not-in PRESET] [ROOT]

Lints every ``*.md`` list under ROOT (default ``../shared/corpus``; ``INDEX.md``
is the corpus's description, not a list; ``--group`` keeps the files its table
puts in that group) and prints, per rule, how many diagnostics it gave, then a
deterministic sample of up to ``--sample`` of them per rule (file, line,
message and the source line, trimmed) for a person to judge by reading the
source.  ``--not-in PRESET`` leaves out the rules PRESET enables too (the
awesome preset's own rules: ``--preset awesome --not-in default``).

Judgments are a TSV file of ``rule, file, line, verdict, cause`` (verdict
``ok``, ``wrong`` or ``na``, a diagnostic the corpus cannot settle, such as a
relative link whose target lives in the list's repository, which the corpus
does not hold; cause in the judge's words, never text copied from a list).
With one, each sampled line shows its verdict and the table gives, per rule:
diagnostics, judged, wrong, and every wrong one with its cause; the goal is
at most 5% wrong overall and no rule above 10%.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from awesomelint.config import Config
from awesomelint.errors import AwesomelintError
from awesomelint.lint.diagnostic import Diagnostic
from awesomelint.lint.runner import lint_file
from awesomelint.lint.settings import lint_settings
from awesomelint.rules import RULES, find_rule

_ROW = re.compile(r"^\|\s*\d+\s*\|\s*([^|]+?)\s*\|\s*`([^`]+)`")
_SHOWN = 160  # characters of a source line shown beside its diagnostic


@dataclass(frozen=True)
class Judgment:
    verdict: str
    cause: str


def corpus_files(root: Path, group: str | None) -> list[Path]:
    """The lists under ``root``, only those of ``group`` (INDEX.md's table) if given."""
    files = sorted(p for p in root.glob("*.md") if p.name != "INDEX.md")
    if group is None:
        return files
    index = root / "INDEX.md"
    members = set()
    for line in index.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match and match.group(1).strip().lower() == group.lower():
            members.add(match.group(2))
    return [p for p in files if p.name in members]


def read_judgments(path: Path) -> dict[tuple[str, str, int], Judgment]:
    """(rule name, file name, line) -> verdict and cause."""
    found = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if not row or row[0].startswith("#") or row[0] == "rule":
                continue
            rule, name, line, verdict, cause = (row + [""] * 5)[:5]
            if verdict not in ("ok", "wrong", "na"):
                raise SystemExit(f"{path}: verdict must be ok, wrong or na: {row}")
            found[(rule, name, int(line))] = Judgment(verdict, cause)
    return found


def _order(d: Diagnostic) -> str:
    """A stable pseudo-random order: the sample spreads over files, the same every run."""
    key = f"{Path(d.file).name}\0{d.line}\0{d.column}\0{d.rule}\0{d.message}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def _name(rule_id: str) -> str:
    rule = find_rule(rule_id)
    return rule.NAME if rule is not None else rule_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("root", nargs="?", default="../shared/corpus")
    parser.add_argument("--preset", default="default")
    parser.add_argument("--group", help='only the INDEX.md group, e.g. "classic software"')
    parser.add_argument("--judged", type=Path, help="TSV of rule, file, line, verdict, cause")
    parser.add_argument("--sample", type=int, default=10)
    parser.add_argument(
        "--not-in", dest="not_in", help="leave out the rules this preset enables too"
    )
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()  # messages name paths: one spelling, one sample
    files = corpus_files(root, args.group)
    if not files:
        print(f"no lists under {root}", file=sys.stderr)
        return 2
    settings = lint_settings(Config(None, {}), (args.preset,))
    skip = set()
    if args.not_in:
        skip = {r.ID for r in RULES if args.not_in in r.PRESETS}
    by_rule: dict[str, list[tuple[Diagnostic, str]]] = defaultdict(list)
    for path in files:
        try:
            result = lint_file(str(path), settings)
        except AwesomelintError as exc:
            print(f"{path.name}: {exc}", file=sys.stderr)
            continue
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
        for d in result.diagnostics:
            if d.rule in skip:
                continue
            source = lines[d.line - 1] if 1 <= d.line <= len(lines) else ""
            by_rule[d.rule].append((d, source))
    judged = read_judgments(args.judged) if args.judged else {}
    scope = f"--preset {args.preset}" + (f' --group "{args.group}"' if args.group else "")
    if args.not_in:
        scope += f" (rules not in {args.not_in})"
    print(f"# lint precision: {scope}, {len(files)} lists under {root}\n")
    print("## diagnostics per rule\n")
    counts = Counter({rule: len(found) for rule, found in by_rule.items()})
    for rule in sorted(counts):
        print(f"{rule} {_name(rule):<26} {counts[rule]:>6}")
    print(f"{'total':<33} {sum(counts.values()):>6}\n")
    rows = []
    wrong_lines: list[str] = []
    unsettled: list[str] = []
    unjudged = 0
    print(f"## sample (up to {args.sample} per rule)\n")
    for rule in sorted(by_rule):
        name = _name(rule)
        sample = sorted(by_rule[rule], key=lambda pair: _order(pair[0]))[: args.sample]
        sample.sort(key=lambda pair: (Path(pair[0].file).name, pair[0].line, pair[0].column))
        print(f"### {rule} {name}: {len(sample)} of {counts[rule]}")
        judged_here = wrong_here = 0
        for d, source in sample:
            file_name = Path(d.file).name
            verdict = judged.get((name, file_name, d.line))
            mark = "?" if verdict is None else verdict.verdict
            if verdict is None:
                unjudged += 1
            elif verdict.verdict == "na":
                unsettled.append(f"{name} {file_name}:{d.line}: {verdict.cause}")
            else:
                judged_here += 1
                if verdict.verdict == "wrong":
                    wrong_here += 1
                    wrong_lines.append(f"{name} {file_name}:{d.line}: {verdict.cause}")
            shown = source.strip()
            shown = shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…"
            print(f"[{mark}] {file_name}:{d.line}:{d.column} {d.message}")
            print(f"      | {shown}")
        print()
        rows.append((rule, name, counts[rule], judged_here, wrong_here))
    if judged:
        print("## precision\n")
        print("| rule | diagnostics | judged | wrong |")
        print("|---|---:|---:|---:|")
        for rule, name, count, judged_here, wrong_here in rows:
            share = f" ({100 * wrong_here / judged_here:.0f}%)" if judged_here else ""
            print(f"| {rule} {name} | {count} | {judged_here} | {wrong_here}{share} |")
        total_judged = sum(r[3] for r in rows)
        total_wrong = sum(r[4] for r in rows)
        share = 100 * total_wrong / total_judged if total_judged else 0.0
        total = sum(r[2] for r in rows)
        print(f"| total | {total} | {total_judged} | {total_wrong} ({share:.1f}%) |\n")
        if wrong_lines:
            print("wrong:")
            for line in wrong_lines:
                print(f"- {line}")
        if unsettled:
            print("\nnot judged (the corpus cannot settle them):")
            for line in unsettled:
                print(f"- {line}")
        if unjudged:
            print(f"\n{unjudged} sampled diagnostics are not judged yet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
