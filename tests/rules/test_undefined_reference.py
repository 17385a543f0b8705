from __future__ import annotations

from lint_support import fixed, lint, positions

RULE = "undefined-reference"


def test_an_anchor_label_is_reported_and_fixed_into_an_anchor_link() -> None:
    text = (
        "- [Model Enhancement](#model-enhancement)\n  - [Knowledge Editing][#knowledge-editing]\n"
    )
    [found] = lint(text, RULE)
    assert (found.line, found.column) == (2, 5)
    assert "[Knowledge Editing](#knowledge-editing)" in found.message
    result, left = fixed(text, RULE)
    assert left == []
    assert result.endswith("  - [Knowledge Editing](#knowledge-editing)\n")


def test_an_undefined_label_is_reported_without_fix() -> None:
    [found] = lint("See [TransformerLens][tl].\n", RULE)
    assert found.fix is None and '"tl"' in found.message


def test_defined_labels_match_case_and_space_insensitively() -> None:
    text = "See [TransformerLens][The  TL] and [Pythia][].\n\n[the tl]: https://x.org\n[pythia]: https://y.org\n"
    assert positions(text, RULE) == []


def test_collapsed_reference_to_an_undefined_label() -> None:
    assert positions("See [Pythia][].\n", RULE) == [(1, 5)]


def test_inline_links_footnotes_and_code_are_not_references() -> None:
    text = "[a](https://x.org) [b][^1] `[c][d]` [e] [f]: g\n\n[^1]: note\n"
    assert positions(text, RULE) == []


def test_fenced_code_is_skipped() -> None:
    assert positions("```\n[a][b]\n```\n", RULE) == []
