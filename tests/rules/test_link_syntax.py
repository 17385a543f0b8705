from __future__ import annotations

from awesomelint.lint.runner import lint_context
from lint_support import context, positions, settings
from tests_support import SEEDS

RULE = "link-syntax"


def test_an_unbalanced_bracket_in_link_markdown() -> None:
    assert positions("- [[arxiv 2303](https://arxiv.org/abs/2303.08112) Tuned.\n", RULE) == [(1, 3)]


def test_a_closing_bracket_without_opening() -> None:
    assert positions("- arxiv 2303]](https://arxiv.org/abs/2303.08112)\n", RULE) == [(1, 13)]


def test_an_unclosed_destination() -> None:
    assert positions("- [Tracr](https://arxiv.org/abs/2301.05062 - Compiled.\n", RULE) == [(1, 10)]


def test_link_text_may_wrap_over_lines() -> None:
    text = "Calibrate Before Use [Improving Few-Shot\nPerformance](https://arxiv.org/pdf/2102.09690.pdf)\n"
    assert positions(text, RULE) == []


def test_escaped_brackets_and_prose_without_links_are_not_counted() -> None:
    text = (
        "Title. \\[[pdf](https://arxiv.org/pdf/2307.06435.pdf)\\] \\[2023.12\\]\n\nA [draft note\n"
    )
    assert positions(text, RULE) == []


def test_each_list_item_is_checked_on_its_own() -> None:
    text = "- [a](https://x.org/a\n- b)](https://x.org/b)\n"
    assert positions(text, RULE) == [(1, 6), (2, 5)]


def test_the_seeds_have_no_broken_link_syntax() -> None:
    for key, path in SEEDS.items():
        ctx = context(path.read_text(encoding="utf-8"), f"{key}.md")
        assert lint_context(ctx, settings(RULE)) == [], key
