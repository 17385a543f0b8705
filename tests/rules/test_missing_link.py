from __future__ import annotations

from lint_support import positions

RULE = "missing-link"


def test_a_bold_title_without_link_is_reported() -> None:
    text = "## A\n\n- **In-context Learning and Induction Heads**\n- **Toy Models** [[blog]](https://x.org/t)\n"
    assert positions(text, RULE) == [(3, 1)]


def test_a_link_in_the_description_or_a_note_counts() -> None:
    text = (
        "- **Tuned Lens** - see [the paper](https://arxiv.org/abs/2303.08112)\n"
        "- **Logit Lens**\n"
        "  - [post](https://www.lesswrong.com/posts/AcKRB8wDpdaN6v6ru)\n"
    )
    assert positions(text, RULE) == []


def test_a_group_of_nested_entries_is_not_reported() -> None:
    text = "- **Lenses**\n  - [Tuned Lens](https://arxiv.org/abs/2303.08112)\n"
    assert positions(text, RULE) == []


def test_nested_entry_without_link_is_reported_at_its_line() -> None:
    text = "- [Lenses](https://x.org/lenses)\n  - **Tuned Lens**\n"
    assert positions(text, RULE) == [(2, 3)]
