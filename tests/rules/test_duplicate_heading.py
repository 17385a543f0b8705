from __future__ import annotations

from lint_support import positions

RULE = "duplicate-heading"

SIBLINGS = "## Tools\n\n- [a](https://x.org)\n\n## Tools\n"
COUSINS = "## Methods\n\n### General\n\n## Tasks\n\n### General\n"


def test_sibling_headings_with_one_text() -> None:
    assert positions(SIBLINGS, RULE) == [(5, 1)]


def test_the_same_heading_under_different_parents_is_an_outline() -> None:
    assert positions(COUSINS, RULE) == []
    assert positions(COUSINS, RULE, siblings_only=False) == [(7, 1)]
