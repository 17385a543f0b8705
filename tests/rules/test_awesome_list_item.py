from __future__ import annotations

from lint_support import lint, positions

RULE = "awesome-list-item"


def test_items_must_start_with_a_link() -> None:
    text = "- **TransformerLens** [[github]](https://github.com/a/b)\n"
    [found] = lint(text, RULE)
    assert (found.line, found.column) == (1, 3) and "start with a link" in found.message


def test_link_and_description_separated_by_a_dash() -> None:
    text = "- [CircuitsVis](https://github.com/a/c): Visualizations.\n"
    [found] = lint(text, RULE)
    assert found.column == text.index("): ") + 2 and '" - "' in found.message


def test_awesome_shapes_pass() -> None:
    text = (
        "- [TransformerLens](https://github.com/a/b) - A library.\n"
        "* [CircuitsVis](https://github.com/a/c)\n"
        "1. [Pythia](https://github.com/a/d) - Models.\n"
        "- [A [nested] name](https://x.org/(a)) - Fine.\n"
    )
    assert positions(text, RULE) == []


def test_paragraph_entries_are_not_list_items() -> None:
    assert positions("Title. \\[[pdf](https://arxiv.org/pdf/2307.06435.pdf)\\]\n", RULE) == []
