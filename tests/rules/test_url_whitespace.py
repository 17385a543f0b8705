from __future__ import annotations

from lint_support import lint, positions

RULE = "url-whitespace"


def test_a_space_that_breaks_an_inline_link() -> None:
    text = "- [Attention](https://github.com/clarkkev/attention analysis) - Maps.\n"
    assert positions(text, RULE) == [(1, 15)]


def test_a_space_inside_an_angle_bracket_destination() -> None:
    assert positions("- [a](<https://x.org/a b>)\n", RULE) == [(1, 8)]


def test_an_invisible_space_inside_a_url() -> None:
    assert positions("- [a](https://x.org/a\u200bb)\n", RULE) == [(1, 7)]


def test_a_link_title_is_not_part_of_the_url() -> None:
    text = '- [a](https://x.org/a "Title") [b](https://x.org/b%20c)\n'
    assert positions(text, RULE) == []


def test_a_space_before_the_closing_parenthesis_is_a_valid_link() -> None:
    # terryum/awesome-deep-learning-papers (trimmed): CommonMark reads it as a link
    assert lint("- [[pdf]](https://arxiv.org/pdf/1509.06461.pdf )\n", RULE) == []
