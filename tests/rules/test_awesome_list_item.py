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


def test_real_list_shapes_are_accepted() -> None:
    # rust-unofficial/awesome-rust, a reference-link list, a marker before the link, and a
    # group label with nested entries (trimmed)
    text = (
        "* [zhiburt/tabled](https://github.com/zhiburt/tabled) [[tabled](https://crates.io/"
        "crates/tabled)] - An easy to use library for pretty print tables.\n"
        "* [OpenCV](https://github.com/opencv) :zap: - Open source computer vision.\n"
        "- [Dotfiles Are Meant to Be Forked][9] - An essay.\n"
        "- 👍 [foo](https://x.org/foo) - A tool.\n"
        "* Game Servers\n"
        "  * [a](https://x.org/a) - A server.\n"
        "\n[9]: https://zachholman.com/2010/08/dotfiles-are-meant-to-be-forked/\n"
    )
    assert lint(text, RULE) == []


def test_the_lists_own_separator_is_its_shape() -> None:
    # analysis-tools-dev/static-analysis: an em dash in every item (trimmed)
    text = "".join(f"- [tool{n}](https://x.org/{n}) — Tool number {n}.\n" for n in range(12))
    assert lint(text, RULE) == []
    odd = text + "- [other](https://x.org/o): Other tool.\n"
    assert [d.line for d in lint(odd, RULE)] == [13]
