"""Acceptance on the four upstream lists: every real defect, by the right rule, and no noise."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from awesomelint.config import Config
from awesomelint.lint.runner import fix_file, lint_file
from awesomelint.lint.settings import lint_settings
from awesomelint.parse import parse_file
from awesomelint.rules import find_rule
from tests_support import SEEDS

# rule name -> count, with the default preset (what the pre-commit hook runs)
EXPECTED = {
    "000": {"mojibake": 1},
    "001": {
        "mojibake": 16,
        "missing-link": 1,
        # its eight copies each stand in a second topic section, on purpose; the neelnanda.io
        # guide under two names is one page, not a wrong paper link
        "label-mismatch": 5,
        "link-in-destination": 1,
        "double-slash-url": 1,
    },
    "002": {
        "placeholder-url": 1,
        "list-numbering": 1,
        "shared-url": 3,
        "duplicate-description": 1,
        "unbalanced-punctuation": 3,
        "tracking-parameter": 1,
        # its ToC links #awesome-llm-interpretability, but GitHub's anchor of the heading
        # "Awesome LLM Interpretability ![](badge)" keeps the space before the badge
        "broken-fragment": 1,
    },
    "004": {
        "broken-fragment": 21,
        "undefined-reference": 1,
        "empty-section": 5,
        "toc-sync": 2,
        # its two images/*.png live in the upstream repository, not beside our copy
        "broken-local-link": 2,
    },
}


def lint_seed(key: str, preset: str = "default") -> list[tuple[str, int]]:
    result = lint_file(str(SEEDS[key]), lint_settings(Config(), (preset,)))
    return [(find_rule(d.rule).NAME, d.line) for d in result.diagnostics]  # type: ignore[union-attr]


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_default_preset_counts(key: str) -> None:
    assert Counter(name for name, _ in lint_seed(key)) == EXPECTED[key]


def test_each_known_defect_by_the_right_rule() -> None:
    found = {key: set(lint_seed(key)) for key in SEEDS}
    assert ("mojibake", 16) in found["000"]
    assert {("mojibake", 80), ("mojibake", 124)} <= found["001"]
    assert ("missing-link", 185) in found["001"]
    assert {("label-mismatch", 98), ("label-mismatch", 234)} <= found["001"]  # 2303/2302, github
    assert ("link-in-destination", 129) in found["001"]
    assert ("double-slash-url", 49) in found["001"]
    assert {("placeholder-url", 12), ("list-numbering", 116)} <= found["002"]
    assert {("shared-url", 82), ("shared-url", 84), ("shared-url", 85)} <= found["002"]
    assert ("undefined-reference", 56) in found["004"]
    assert {("broken-fragment", 37), ("empty-section", 63)} <= found["004"]


def test_strict_adds_only_hygiene() -> None:
    extra = Counter(name for name, _ in lint_seed("001", "strict")) - Counter(
        name for name, _ in lint_seed("001")
    )
    assert set(extra) == {"insecure-url", "blank-lines", "final-newline"}


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_fix_leaves_nothing_fixable_and_keeps_every_entry(key: str, tmp_path: Path) -> None:
    copy = tmp_path / SEEDS[key].name
    shutil.copyfile(SEEDS[key], copy)
    copy.chmod(0o644)
    before = len(list(parse_file(str(copy)).entries()))
    settings = lint_settings(Config(), ("strict",))
    result = fix_file(str(copy), settings)
    assert not [d for d in result.diagnostics if d.fix is not None]
    again = lint_file(str(copy), settings)
    assert again.diagnostics == result.diagnostics
    assert not parse_file(str(copy)).repairs  # the mojibake is gone from the file itself
    assert len(list(parse_file(str(copy)).entries())) == before
