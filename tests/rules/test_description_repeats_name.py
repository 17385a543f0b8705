from __future__ import annotations

from lint_support import positions

RULE = "description-repeats-name"


def test_a_description_starting_with_the_name() -> None:
    text = (
        "1. [Comgra](https://github.com/FlorianDietz/comgra) - Comgra helps you analyze networks.\n"
    )
    assert positions(text, RULE) == [(1, 55)]


def test_the_name_as_a_word_prefix_or_later_is_fine() -> None:
    text = (
        "- [Rome](https://x.org/r) - Romen is another word; ROME appears later.\n"
        "- [Pythia](https://x.org/p) - A suite; Pythia is great.\n"
    )
    assert positions(text, RULE) == []
