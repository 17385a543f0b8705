"""The lists/upstream/ share of the hand-checked gold set (tests/data/merge_gold.json).

tools/merge_gold.py scores the whole set over the corpus's paper lists too; a fresh
clone has only lists/upstream/, so this test scores that share.
"""

from __future__ import annotations

import importlib.util
import sys

from tests_support import ROOT

_spec = importlib.util.spec_from_file_location("merge_gold", ROOT / "tools" / "merge_gold.py")
assert _spec is not None and _spec.loader is not None
merge_gold = importlib.util.module_from_spec(_spec)
sys.modules["merge_gold"] = merge_gold  # dataclasses look their module up there
_spec.loader.exec_module(merge_gold)


def test_the_upstream_share_of_the_gold_set_holds_clusters_and_traps() -> None:
    gold = merge_gold.load_gold(upstream_only=True)
    assert len(gold["clusters"]) >= 10 and len(gold["traps"]) >= 8


def test_the_engine_alone_merges_no_trap_and_loses_no_link() -> None:
    score = merge_gold.run(ROOT.parent, None, upstream_only=True)
    assert score.traps_merged == 0 and score.links_lost == 0
    assert score.recall >= 0.85  # renamed papers need a decision or the metadata check


def test_with_the_merge_files_decisions_every_gold_pair_merges() -> None:
    score = merge_gold.run(ROOT.parent, str(ROOT / "lists" / "merge.toml"), upstream_only=True)
    assert score.misses == [] and score.recall == 1.0
    assert score.traps_merged == 0 and score.links_lost == 0
