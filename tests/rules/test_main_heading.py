from __future__ import annotations

import pytest

from awesomelint.rules.main_heading import title_case_problem
from lint_support import lint, positions

RULE = "main-heading"


def test_a_kebab_case_title_and_a_second_main_heading() -> None:
    found = lint("# awesome-mechanistic-interpretability-LM-papers\n\n# Other\n", RULE)
    assert [(d.line, d.message) for d in found] == [
        (1, 'main heading should be in title case ("awesome")'),
        (3, "a second main heading (the first is at line 1); use ## for sections"),
    ]


def test_no_main_heading() -> None:
    assert positions("## Section\n\n- [a](https://x.org)\n", RULE) == [(1, 1)]


@pytest.mark.parametrize(
    "title",
    [
        "Awesome LLM Interpretability",
        "Awesome-LLM-Interpretability",
        "Tools of the Trade",
        "Awesome iOS and macOS",
        "Awesome GPT-2 Circuits",
    ],
)
def test_title_case_titles(title: str) -> None:
    assert title_case_problem(title) is None


def test_linked_titles_are_not_checked() -> None:
    assert positions("# [owner/awesome-list](https://github.com/owner/awesome-list)\n", RULE) == []


def test_an_html_logo_heading_is_a_main_heading() -> None:
    # sindresorhus/awesome (trimmed)
    text = (
        '<h1 align="center">\n\t<img width="500" src="media/logo.svg" alt="Awesome">\n'
        "</h1>\n\n## Platforms\n"
    )
    assert lint(text, RULE) == []


def test_a_site_named_by_its_domain_is_a_name() -> None:
    # ripienaar/free-for-dev
    assert lint("# free-for.dev\n\n## Analytics\n", "main-heading") == []
    assert len(lint("# free for dev\n\n## Analytics\n", "main-heading")) == 1
