from __future__ import annotations

import pytest

from awesomelint.lint.runner import lint_context
from lint_support import context, lint, settings
from tests_support import SEEDS

RULE = "placeholder-url"


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/your-username/awesome-x/workflows/Awesome%20Bot/badge.svg",
        "https://github.com/YourUserName/repo",
        "https://example.com/paper.pdf",
        "https://docs.example.org/x",
        "https://github.com/username/repo",
        "https://github.com/user/repo",
        "https://gitlab.com/my-org/%3Cproject%3E",
    ],
)
def test_placeholders_are_reported(url: str) -> None:
    assert len(lint(f"- [x]({url})\n", RULE)) == 1


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/JShollaj/awesome-llm-interpretability",
        "https://github.com/user-attribution/repo",
        "https://example.community/x",
        "https://github.com/username-real/project",
    ],
)
def test_real_urls_are_not(url: str) -> None:
    assert lint(f"- [x]({url})\n", RULE) == []


def test_seed_002_badge_in_the_heading() -> None:
    ctx = context(SEEDS["002"].read_text(encoding="utf-8"), "002.md")
    [found] = lint_context(ctx, settings(RULE))
    assert (found.line, found.column) == (12, 36) and "your-username" in found.message
