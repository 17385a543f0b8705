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


def test_a_nested_bold_line_without_link_is_a_note_not_an_entry() -> None:
    """Under an entry, only a title with a link is a nested entry; a bold line is a note.

    (A note written back as a sub-bullet must read as a note again, and release-note
    style items put bold sentences in their sub-paragraphs.)
    """
    text = "- [Lenses](https://x.org/lenses)\n  - **Tuned Lens**\n"
    assert positions(text, RULE) == []
