from __future__ import annotations

from awesomelint.lint.runner import lint_context
from lint_support import context, fixed, lint, positions, settings
from tests_support import SEEDS

RULE = "list-numbering"


def test_a_jump_is_reported_at_the_first_wrong_number_and_fixed() -> None:
    text = "1. [a](https://x.org/a)\n8. [b](https://x.org/b)\n9. [c](https://x.org/c)\n"
    [found] = lint(text, RULE)
    assert (found.line, found.column) == (2, 1)
    assert "from 1 to 8 (expected 2)" in found.message
    result, left = fixed(text, RULE)
    assert left == []
    assert result == text.replace("8.", "2.").replace("9.", "3.")


def test_repeated_numbers_and_other_starts_are_fine() -> None:
    text = "1. a\n1. b\n1. c\n\ntext\n\n3. d\n4. e\n"
    assert positions(text, RULE) == []


def test_a_repeated_list_with_a_stray_number() -> None:
    result, _ = fixed("1. a\n1. b\n5. c\n", RULE)
    assert result == "1. a\n1. b\n1. c\n"


def test_nested_and_separate_lists_are_counted_apart() -> None:
    text = (
        "1. a\n   1. x\n   2. y\n2. b\n   - note\n3. c\n\n## Next\n\n1. d\n2. e\n\n"
        "```\n1. code\n```\n\n1. f\n2. g\n"
    )
    assert positions(text, RULE) == []


def test_a_paragraph_after_a_blank_line_ends_the_list() -> None:
    assert positions("1. a\n2. b\n\nParagraph.\n\n1. c\n2. d\n", RULE) == []


def test_seed_002_groups_list() -> None:
    ctx = context(SEEDS["002"].read_text(encoding="utf-8"), "002.md")
    [found] = lint_context(ctx, settings(RULE))
    assert found.line == 116


def test_an_item_indented_less_than_its_content_column_is_in_the_same_list() -> None:
    # dqxiu/ICL_PaperList (trimmed): " 9." is indented by one space between 8. and 10.
    text = (
        "8. **An information flow perspective for understanding in-context learning.**\n"
        "   *Lean Wang, Lei Li.* [[pdf](https://arxiv.org/abs/2305.14160)]\n\n\n"
        " 9. **An Explanation of In-context Learning as Implicit Bayesian Inference.**\n\n"
        "   *Sang Michael Xie, Aditi Raghunathan.* [[pdf](https://arxiv.org/pdf/2111.02080)]\n\n\n"
        "10. **Data Distributional Properties Drive Emergent In-Context Learning.**\n"
    )
    assert positions(text, RULE) == []
    assert positions(text.replace(" 9.", " 7."), RULE) == [(5, 2)]
