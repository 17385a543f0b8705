"""Score a merge against the hand-checked gold set (tests/data/merge_gold.json).

    python tools/merge_gold.py [--corpus ../shared/corpus] [--config lists/merge.toml]
                               [--upstream-only]

The gold set names works listed in several lists (clusters that must become one
entry: same arXiv id, a venue page and its arXiv copy, renamed papers) and
look-alikes that are different works (traps that must stay apart).  Members are
found in the merged list by their file and link.  Prints pair recall, traps
merged and links lost, and every miss.  ``--config`` applies a merge file's
decisions (its inputs are replaced by the gold set's files); ``--upstream-only``
scores the share of the gold set that lies in lists/upstream/ (what a test can
run on a fresh clone).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "merge_gold.json"
UPSTREAM = ROOT / "lists" / "upstream"


@dataclass
class Score:
    """What a merge got right and wrong against the gold set."""

    pairs: int = 0
    merged_pairs: int = 0
    traps: int = 0
    traps_merged: int = 0
    links_lost: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.merged_pairs / self.pairs if self.pairs else 1.0


def load_gold(upstream_only: bool = False) -> dict:  # type: ignore[type-arg]
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    if upstream_only:
        local = {p.name for p in UPSTREAM.glob("*.md")}

        def keep(members: list[dict]) -> list[dict]:  # type: ignore[type-arg]
            return [m for m in members if m["file"] in local]

        gold["clusters"] = [
            {**c, "members": keep(c["members"])}
            for c in gold["clusters"]
            if len(keep(c["members"])) >= 2
        ]
        gold["traps"] = [t for t in gold["traps"] if len(keep(t["members"])) == 2]
    return gold


def files_of(gold: dict, corpus: Path) -> list[Path]:  # type: ignore[type-arg]
    """The lists the gold set names: lists/upstream/ first (the spine), then the corpus."""
    names = {
        m["file"] for group in ("clusters", "traps") for c in gold[group] for m in c["members"]
    }
    local = sorted(p for p in UPSTREAM.glob("*.md") if p.name in names)
    return local + sorted(corpus / n for n in names if not (UPSTREAM / n).is_file())


def score(gold: dict, documents, result, text: str) -> Score:  # type: ignore[no-untyped-def,type-arg]
    """Pair recall over the clusters, traps merged, and input links the output lost."""
    from awesomelint.merge import check_links
    from awesomelint.urls import canonical_url

    where: dict[tuple[str, str], set[int]] = {}
    lines: dict[tuple[str, int], set[int]] = {}
    for n, merged in enumerate(result.entries):
        for s in merged.sources:
            lines.setdefault((Path(s.file).name, s.line), set()).add(n)
        files = {Path(s.file).name for s in merged.sources}
        urls = {canonical_url(u) for u in merged.entry.urls()}
        urls |= {canonical_url(s.url) for s in merged.sources if s.url}
        for file in files:
            for url in urls:
                where.setdefault((file, url), set()).add(n)

    # entries the merge left out (no link of their own left, dropped): merged with nothing
    gone = {(Path(x.file).name, x.line) for x in result.left_out if x.what.startswith("entry ")}

    def find(member: dict) -> set[int]:  # type: ignore[type-arg]
        # the entry read from that line, else the one holding that link in that file
        if (member["file"], member["line"]) in gone:
            return set()
        return lines.get((member["file"], member["line"])) or where.get(
            (member["file"], canonical_url(member["url"])), set()
        )

    out = Score()
    for cluster in gold["clusters"]:
        for a, b in combinations(cluster["members"], 2):
            out.pairs += 1
            if find(a) & find(b):
                out.merged_pairs += 1
            else:
                out.misses.append(
                    f"missed ({cluster['kind']}) {cluster['id']}: {a['file']}:{a['line']} "
                    f"{'' if find(a) else '(not read) '}~ {b['file']}:{b['line']}"
                    f"{'' if find(b) else ' (not read)'}"
                )
    for trap in gold["traps"]:
        out.traps += 1
        a, b = trap["members"]
        if find(a) & find(b):
            out.traps_merged += 1
            out.misses.append(f"TRAP MERGED ({trap['kind']}): {a['title']!r} ~ {b['title']!r}")
    out.links_lost = len(check_links(result, text, documents))
    return out


def run(corpus: Path, config: str | None, upstream_only: bool) -> Score:
    import dataclasses

    from awesomelint.merge import MAX_LINE, MergePlan, load_plan, merge_documents
    from awesomelint.parse import parse_file
    from awesomelint.render import render

    gold = load_gold(upstream_only)
    files = files_of(gold, corpus)
    plan = load_plan(config) if config else MergePlan()
    plan = dataclasses.replace(plan, inputs=(), spine=0, output=None, report=None)
    documents = [parse_file(str(f)) for f in files]
    result = merge_documents(documents, plan)
    return score(gold, documents, result, render(result.document, width=MAX_LINE))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--config", help="apply this merge file's decisions")
    parser.add_argument("--upstream-only", action="store_true")
    args = parser.parse_args()
    if not args.upstream_only and not (args.corpus / "INDEX.md").is_file():
        print(f"no corpus at {args.corpus} (try --upstream-only)", file=sys.stderr)
        return 2
    result = run(args.corpus, args.config, args.upstream_only)
    for miss in result.misses:
        print(miss)
    print(
        f"pair recall {result.recall:.3f} ({result.merged_pairs}/{result.pairs}), "
        f"traps merged {result.traps_merged}/{result.traps}, links lost {result.links_lost}"
    )
    print("goal: pair recall >= 0.98, 0 traps merged, 0 links lost")
    return 0 if result.recall >= 0.98 and not result.traps_merged and not result.links_lost else 1


if __name__ == "__main__":
    sys.exit(main())
