from __future__ import annotations

from lint_support import fixed, positions

RULE = "final-newline"


def test_a_missing_final_newline_is_reported_and_added() -> None:
    assert positions("# T\n\nlast", RULE) == [(3, 5)]
    text, left = fixed("# T\n\nlast", RULE)
    assert left == [] and text == "# T\n\nlast\n"


def test_a_final_newline_is_enough() -> None:
    assert positions("# T\n", RULE) == []
