"""Format and lint every list under some folders and print one row per file: a measurement.

    python tools/corpus_check.py [--style keep|canonical] [--diffs DIR] [--windows N] ROOT ...

For each ``*.md`` / ``*.markdown`` / ``*.txt`` file it prints: the entries read
and the count the folder's ``INDEX.md`` gives for the file ("≈ entries", blank
without one), the links ``fmt`` would lose, whether the guard would refuse,
whether formatting the output again changes nothing, and the share of lines
``fmt`` changed with a count per reason.  Crashes of ``fmt`` or ``lint --preset
strict`` and a fast path that reads differently from mistletoe are noted too.
``--diffs DIR`` writes each file's unified diff there for reading.  Exit 1 when
any file loses a link, is refused, is not a fixed point or crashes.

``--windows N`` also reads N documents cut from the files (one to four runs of
up to 40 lines each, from random files, seeded) both ways, fast path and
mistletoe alone, and counts those read differently: whole files rarely put the
fast path's boundaries to the test, random cuts do (a failing cut is written to
``--diffs`` when given).
"""

from __future__ import annotations

import argparse
import difflib
import re
import statistics
import sys
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from awesomelint.commands.fmt import format_bytes
from awesomelint.config import Config
from awesomelint.errors import AwesomelintError
from awesomelint.format import FmtSettings
from awesomelint.lint.context import LintContext
from awesomelint.lint.runner import lint_context
from awesomelint.lint.settings import lint_settings
from awesomelint.parse import decode, parse_text

_SUFFIXES = (".md", ".markdown", ".txt")


@dataclass
class Row:
    name: str
    entries: int | None = None
    expected: int | None = None
    lost: int = 0
    refused: bool = False
    idempotent: bool = True
    lines: int = 0
    changed: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return 100.0 * self.changed / self.lines if self.lines else 0.0

    @property
    def bad(self) -> bool:
        crashed = any(note.startswith("CRASH") for note in self.notes)
        return bool(self.lost or self.refused or not self.idempotent or crashed)


def _files(roots: list[str]) -> Iterator[Path]:
    for root in roots:
        base = Path(root)
        paths = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in paths:
            if path.suffix.lower() in _SUFFIXES and path.is_file():
                yield path


def index_counts(folder: Path) -> dict[str, int]:
    """File name → the "≈ entries" figure of the folder's INDEX.md table (empty without one)."""
    index = folder / "INDEX.md"
    if not index.is_file():
        return {}
    counts: dict[str, int] = {}
    columns: list[str] | None = None
    for line in index.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            columns = None
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if columns is None:
            columns = cells
            continue
        if "File" not in columns or "≈ entries" not in columns or len(cells) < len(columns):
            continue
        name = cells[columns.index("File")].strip("`")
        figure = re.sub(r"[^\d]", "", cells[columns.index("≈ entries")])
        if name and figure:
            counts[name] = int(figure)
    return counts


def _changed_lines(before: bytes, after: bytes) -> int:
    old = before.decode("utf-8", "replace").splitlines()
    new = after.decode("utf-8", "replace").splitlines()
    changed = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag != "equal":
            changed += max(i2 - i1, j2 - j1)
    return changed


def check(path: Path, settings: FmtSettings, expected: int | None, lint: object) -> Row:
    row = Row(path.name, expected=expected)
    data = path.read_bytes()
    name = str(path)
    try:
        decoded = decode(data, name)
        document = parse_text(decoded.text, name, decoded.newline, decoded.repairs)
        row.entries = sum(1 for _ in document.entries())
        result = format_bytes(data, name, settings)
    except AwesomelintError as exc:
        row.notes.append(f"refused as input: {exc}")
        row.refused = True
        return row
    except Exception:  # the sweep exists to find these
        row.notes.append("CRASH fmt " + traceback.format_exc(limit=3).replace("\n", " | "))
        return row
    row.lines = len(decoded.text.splitlines())
    row.lost = len(result.lost)
    row.refused = bool(result.lost)
    if not result.lost:
        again = format_bytes(result.formatted, name, settings)
        row.idempotent = again.formatted == result.formatted
        row.changed = _changed_lines(data, result.formatted)
        row.reasons = Counter(change.reason for change in result.changes)
        if settings.style == "keep" and sum(row.reasons.values()) != row.changed:
            row.reasons["unexplained"] = row.changed - sum(row.reasons.values())
    fast = document
    if fast != parse_text(decoded.text, name, decoded.newline, decoded.repairs, fast=False):
        row.notes.append("fast path differs")
    try:
        lint_context(LintContext.from_decoded(decoded, name), lint)  # type: ignore[arg-type]
    except Exception:
        row.notes.append("CRASH lint " + traceback.format_exc(limit=3).replace("\n", " | "))
    return row


def _show(row: Row) -> str:
    entries = "" if row.entries is None else str(row.entries)
    expected = "" if row.expected is None else str(row.expected)
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(row.reasons.items())) or "-"
    name = row.name if len(row.name) <= 52 else row.name[:24] + "…" + row.name[-27:]
    return (
        f"| {name} | {entries} | {expected} | {row.lost} | {'yes' if row.refused else 'no'} "
        f"| {'yes' if row.idempotent else 'NO'} | {row.changed}/{row.lines} "
        f"| {row.share:.2f}% | {reasons} |" + (f" {'; '.join(row.notes)}" if row.notes else "")
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("roots", nargs="+")
    parser.add_argument("--style", choices=("keep", "canonical"), default="keep")
    parser.add_argument("--diffs", help="write each file's unified diff into this folder")
    parser.add_argument("--windows", type=int, default=0, help="random cuts read both ways")
    parser.add_argument("--seed", type=int, default=0, help="seed of --windows")
    args = parser.parse_args(argv)
    settings = FmtSettings(style=args.style)
    lint = lint_settings(Config(None, {}), ("strict",))
    rows: list[Row] = []
    print(
        "| file | entries | ≈ INDEX | lost | refused | idempotent | lines changed | share "
        "| reasons |"
    )
    print("|---|---:|---:|---:|---|---|---:|---:|---|")
    for path in _files(args.roots):
        row = check(path, settings, index_counts(path.parent).get(path.name), lint)
        rows.append(row)
        print(_show(row), flush=True)
        if args.diffs and row.changed:
            _write_diff(Path(args.diffs), path, settings)
    shares = [row.share for row in rows if row.lines]
    if shares:
        print(
            f"\n{len(rows)} files; lines changed: median {statistics.median(shares):.2f}%, "
            f"max {max(shares):.2f}%; links lost {sum(r.lost for r in rows)}; "
            f"refused {sum(r.refused for r in rows)}; "
            f"not idempotent {sum(not r.idempotent for r in rows)}"
        )
    differ = 0
    if args.windows:
        differ = _windows(list(_files(args.roots)), args.windows, args.seed, args.diffs)
        print(f"{args.windows} random cuts read both ways: {differ} read differently")
    return 1 if differ or any(row.bad for row in rows) else 0


def _windows(paths: list[Path], count: int, seed: int, folder: str | None) -> int:
    """How many of ``count`` random cuts the fast path reads differently from mistletoe."""
    import random

    from awesomelint.parse import parse_text

    texts = []
    for path in paths:
        try:
            texts.append(path.read_text(encoding="utf-8").split("\n"))
        except (OSError, UnicodeDecodeError):
            continue
    if not texts:
        return 0
    rng = random.Random(seed)
    differ = 0
    for number in range(count):
        parts = []
        for _ in range(rng.randint(1, 4)):
            lines = rng.choice(texts)
            start = rng.randrange(len(lines))
            parts.append("\n".join(lines[start : start + rng.randint(1, 40)]))
        text = rng.choice(["\n", "\n\n"]).join(parts) + "\n"
        if parse_text(text, "cut.md") != parse_text(text, "cut.md", fast=False):
            differ += 1
            if folder:
                Path(folder).mkdir(parents=True, exist_ok=True)
                (Path(folder) / f"cut-{number}.md").write_text(text, encoding="utf-8")
    return differ


def _write_diff(folder: Path, path: Path, settings: FmtSettings) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = path.read_bytes()
    result = format_bytes(data, str(path), settings)
    before = data.decode("utf-8", "replace").splitlines(keepends=True)
    after = result.formatted.decode("utf-8", "replace").splitlines(keepends=True)
    diff = difflib.unified_diff(before, after, path.name, path.name + " (formatted)")
    (folder / (path.name + ".diff")).write_text("".join(diff), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
