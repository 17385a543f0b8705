from __future__ import annotations

from lint_support import fixed, positions

RULE = "blank-lines"


def test_extra_blank_lines_are_reported_and_deleted() -> None:
    text = "# T\n\n\n\n- [a](https://x.org)\n  \n\n"
    assert positions(text, RULE) == [(3, 1), (7, 1)]
    result, left = fixed(text, RULE)
    assert left == [] and result == "# T\n\n- [a](https://x.org)\n  \n"


def test_blank_lines_at_an_end_without_newline() -> None:
    result, left = fixed("# T\n\n\n ", RULE)
    assert left == [] and result == "# T\n"


def test_fenced_code_keeps_its_blank_lines_and_maximum_is_an_option() -> None:
    assert positions("```\na\n\n\nb\n```\n", RULE) == []
    assert positions("a\n\n\nb\n", RULE, maximum=2) == []
