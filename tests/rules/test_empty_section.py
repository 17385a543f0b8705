from __future__ import annotations

from awesomelint.lint.runner import lint_context
from lint_support import context, lint, positions, settings
from tests_support import SEEDS

RULE = "empty-section"


def test_innermost_empty_sections_are_reported() -> None:
    text = "## P\n\n### Techniques\n\n### Evaluation\n\n- [a](https://x.org)\n\n## N\n\nSoon.\n"
    assert positions(text, RULE) == [(3, 1)]


def test_a_parent_of_empty_sections_is_not_reported_again() -> None:
    assert positions("## Papers\n\n### A\n\n### B\n", RULE) == [(3, 1), (5, 1)]


def test_seed_004() -> None:
    ctx = context(SEEDS["004"].read_text(encoding="utf-8"), "004.md")
    assert [d.line for d in lint_context(ctx, settings(RULE))] == [63, 65, 67, 69, 71]


def test_a_heading_used_as_a_note_is_not_an_empty_section() -> None:
    # fffaraz/awesome-cpp and EgoAlpha/prompt-in-context-learning (trimmed)
    text = (
        "## Tools\n\n- [A](https://x.org/a)\n\n"
        "#### *If you see a project that is no longer maintained, please submit a PR.*\n\n"
        "# CONTINUE...\n"
    )
    assert lint(text, RULE) == []
