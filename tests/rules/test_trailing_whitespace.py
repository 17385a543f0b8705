from __future__ import annotations

from lint_support import fixed, positions

RULE = "trailing-whitespace"


def test_trailing_blanks_are_reported_and_deleted() -> None:
    text = "# T \n\nA line\t\nlast  \n"
    assert positions(text, RULE) == [(1, 4), (3, 7), (4, 5)]
    result, left = fixed(text, RULE)
    assert left == [] and result == "# T\n\nA line\nlast\n"


def test_a_two_space_line_break_inside_a_paragraph_is_allowed() -> None:
    text = "first  \nsecond\n"
    assert positions(text, RULE) == []
    assert positions(text, RULE, allow_line_break=False) == [(1, 6)]


def test_fenced_code_is_not_checked() -> None:
    assert positions("```\ncode   \n```\n", RULE) == []
