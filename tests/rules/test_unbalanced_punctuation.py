from __future__ import annotations

import pytest

from awesomelint.lint.runner import lint_context
from lint_support import context, lint, settings
from tests_support import SEEDS

RULE = "unbalanced-punctuation"


@pytest.mark.parametrize(
    "description",
    [
        'Code for "Git Re-Basin.”',
        "Analyses (of heads.",
        "Analyses of heads).",
        'An "odd quote.',
        "Curly “only open.",
        "Mixed [bracket).",
    ],
)
def test_unbalanced_descriptions(description: str) -> None:
    [found] = lint(f"1. [X](https://x.org) - {description}\n", RULE)
    assert found.line == 1 and "description" in found.message


@pytest.mark.parametrize(
    "description",
    [
        "Uses (see [the paper](https://x.org/a_(b))) and “quotes”.",
        'Straight "quotes" and GPT-3’s apostrophe.',
        "Steps: 1) probe, 2) patch, a) b) :)",
        "A URL https://x.org/a(b in text and `code (`.",
    ],
)
def test_balanced_descriptions(description: str) -> None:
    assert lint(f"1. [X](https://x.org) - {description}\n", RULE) == []


def test_titles_are_checked() -> None:
    [found] = lint("- [Causal Scrubbing (Redwood](https://x.org)\n", RULE)
    assert "title" in found.message


def test_seed_002_mismatched_quotes() -> None:
    ctx = context(SEEDS["002"].read_text(encoding="utf-8"), "002.md")
    assert [d.line for d in lint_context(ctx, settings(RULE))] == [35, 65, 76]
