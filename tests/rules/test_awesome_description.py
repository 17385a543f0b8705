from __future__ import annotations

from lint_support import lint, positions

RULE = "awesome-description"


def test_lower_case_start_and_missing_punctuation_are_both_reported() -> None:
    found = lint(
        "- [Inseq](https://github.com/inseq-team/inseq) - interpretability for models\n", RULE
    )
    assert {d.message for d in found} == {
        "description should start with a capital letter",
        "description should end with punctuation (. ! ?)",
    }
    assert {(d.line, d.column) for d in found} == {(1, 50)}


def test_accepted_descriptions() -> None:
    text = (
        "- [a](https://x.org/a) - Interpretability for models.\n"
        "- [b](https://x.org/b) - iOS tooling!\n"
        "- [c](https://x.org/c) - `pip install c` does it.\n"
        "- [d](https://x.org/d) - 3D views?\n"
        "- [e](https://x.org/e) - *Emphasised* (really).\n"
        "- [f](https://x.org/f)\n"
    )
    assert positions(text, RULE) == []
