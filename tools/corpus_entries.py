"""Entries read per corpus file against the approximate count its INDEX.md gives.

    python tools/corpus_entries.py CORPUS_DIR

A recognition check, not a test: it prints one row per file listed in the
folder's INDEX.md (entries read, the index's count, the share) and exits 1
when a file reads fewer than 95% of its count.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from awesomelint.model import Document
from awesomelint.parse import parse_file

_ROW = re.compile(
    r"^\| *\d+ *\|[^|]*\| *`(?P<file>[^`]+)` *\|(?:[^|]*\|){6} *~?(?P<count>[\d,]+) *\|"
)


def _counts(index: Path) -> dict[str, int]:
    counts = {}
    for line in index.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            counts[match["file"]] = int(match["count"].replace(",", ""))
    return counts


def _entries(doc: Document) -> int:
    """Entries, not counting ones that only point at an anchor of the same page."""
    return sum(1 for e in doc.entries() if not (e.url or "").startswith("#"))


def main(argv: list[str]) -> int:
    root = Path(argv[0] if argv else "../shared/corpus")
    short = 0
    for name, expected in sorted(_counts(root / "INDEX.md").items()):
        read = _entries(parse_file(str(root / name)))
        share = read / expected if expected else 1.0
        short += share < 0.95
        mark = "" if share >= 0.95 else "  <"
        print(f"{name[:60]:60} {read:6} {expected:6} {share:7.0%}{mark}")
    print(f"{short} file(s) under 95%")
    return 1 if short else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
