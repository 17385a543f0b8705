from __future__ import annotations

from awesomelint.lint.runner import lint_context
from lint_support import context, fixed, lint, positions, settings
from tests_support import SEEDS

RULE = "broken-fragment"


def test_a_missing_anchor_with_a_heading_of_the_same_text_is_fixed() -> None:
    text = "- [Techniques](#mi-techniques)\n\n## Techniques\n"
    [found] = lint(text, RULE)
    assert (found.line, found.column) == (1, 16)
    result, left = fixed(text, RULE)
    assert left == []
    assert result.startswith("- [Techniques](#techniques)\n")


def test_a_missing_anchor_without_such_heading_has_no_fix() -> None:
    [found] = lint("- [Features](#features)\n\n## Techniques\n", RULE)
    assert found.fix is None and "#features" in found.message


def test_existing_anchors_in_every_form() -> None:
    text = (
        "# My List\n\n[top](#) [title](#my-list) [Upper](#General) [again](#general-1) "
        "[html](#custom) [encoded](#caf%C3%A9) [note](#user-content-fn-x) [^x]\n\n[^x]: A note.\n\n"
        '## General\n\n## General\n\n<a name="custom"></a>\n\n## Café\n'
    )
    assert positions(text, RULE) == []


def test_seed_004_toc_fragments() -> None:
    ctx = context(SEEDS["004"].read_text(encoding="utf-8"), "004.md")
    found = lint_context(ctx, settings(RULE))
    assert len(found) == 21
    assert [d.line for d in found] == [37, *range(39, 56), 57, 58, 59]
    assert sum(d.fix is not None for d in found) == 2  # Techniques, Findings and Applications
