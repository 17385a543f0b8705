from __future__ import annotations

from lint_support import positions

RULE = "missing-link"
TEXT = """\
- **A**
<!-- awesomelint-disable-next-line AL003 -->
- **B**
<!-- awesomelint-disable-next-line duplicate-entry -->
- **C**
<!-- awesomelint-disable missing-link -->
- **D**
- **E**
<!-- awesomelint-enable -->
- **F** <!-- awesomelint-disable-line -->
- **G**
"""


def test_next_line_range_and_line_directives() -> None:
    assert [line for line, _ in positions(TEXT, RULE)] == [1, 5, 11]


def test_disable_all_then_enable_one() -> None:
    text = "<!-- awesomelint-disable -->\n- **A**\n<!-- awesomelint-enable AL003 -->\n- **B**\n"
    assert positions(text, RULE) == [(4, 1)]


def test_disable_file_and_rule_lists() -> None:
    assert positions("- **A**\n\n<!-- awesomelint-disable-file AL001, AL003 -->\n", RULE) == []
    assert positions("- **A**\n\n<!-- awesomelint-disable-file AL001 -->\n", RULE) == [(1, 1)]


def test_directives_in_code_blocks_are_text() -> None:
    text = "```\n<!-- awesomelint-disable-file -->\n```\n\n- **A**\n"
    assert positions(text, RULE) == [(5, 1)]
