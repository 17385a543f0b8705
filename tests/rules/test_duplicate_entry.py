from __future__ import annotations

from awesomelint.lint.runner import lint_context
from lint_support import context, lint, settings
from tests_support import SEEDS

RULE = "duplicate-entry"

SAME_SECTION = """\
## Papers

- [Toy Models of Superposition](https://arxiv.org/abs/2209.10652)
- [Softmax Linear Units](https://transformer-circuits.pub/2022/solu/index.html)
- [Toy models of superposition](http://www.arxiv.org/pdf/2209.10652v2.pdf)
"""

TWO_SECTIONS = """\
## Arithmetic

- [Progress measures for grokking](https://openreview.net/forum?id=9XFSbDPmdW)

## Grokking

- [Progress Measures for Grokking](https://openreview.net/pdf?id=9XFSbDPmdW)
"""


def test_a_copy_in_the_same_section_is_an_error_on_the_later_line() -> None:
    [found] = lint(SAME_SECTION, RULE)
    assert (found.line, found.column, found.severity) == (5, 1, "error")
    assert '"Toy Models of Superposition" (line 3)' in found.message
    assert "arXiv id" in found.message


def test_a_copy_in_another_section_is_deliberate_unless_configured() -> None:
    assert lint(TWO_SECTIONS, RULE) == []  # a paper under two topics, a library per language
    [found] = lint(TWO_SECTIONS, RULE, cross_section_severity="warning")
    assert (found.line, found.severity) == (7, "warning")
    assert "another section" in found.message
    [found] = lint(TWO_SECTIONS, RULE, cross_section_severity="error")
    assert found.severity == "error"


def test_the_same_long_title_without_links() -> None:
    text = (
        "- **Toy Models of Superposition in Neural Networks**\n"
        "- **Toy models of superposition in neural networks.**\n"
    )
    [found] = lint(text, RULE)
    assert found.line == 2


def test_a_short_or_only_similar_title_is_not_a_copy() -> None:
    # two different books, both "Essential C" (free-programming-books), and two Go
    # libraries whose names differ by a letter (awesome-go: go-joe, go-jose), trimmed
    text = (
        "- [Essential C](http://cslibrary.stanford.edu/101/EssentialC.pdf)\n"
        "- [Essential C](https://www.programming-books.io/essential/c/)\n"
        "- [go-joe](https://github.com/zhulik/go-joe) - JOSE and JWT for Go.\n"
        "- [go-jose](https://github.com/square/go-jose) - An implementation of JOSE.\n"
    )
    assert lint(text, RULE) == []


def test_a_title_inside_a_longer_title_is_another_work() -> None:
    text = (
        "- [Emergent Abilities of Large Language Models](https://arxiv.org/abs/2206.07682)\n"
        "- [Are Emergent Abilities of Large Language Models a Mirage?]"
        "(https://arxiv.org/abs/2304.15004)\n"
    )
    assert lint(text, RULE) == []


def test_urls_equal_up_to_scheme_www_and_trailing_slash() -> None:
    text = (
        "- [TransformerLens](https://github.com/TransformerLensOrg/TransformerLens)\n"
        "- [TransformerLens](http://www.github.com/transformerlensorg/TransformerLens/)\n"
    )
    assert [d.line for d in lint(text, RULE)] == [2]


def test_seed_001_copies_are_all_found() -> None:
    ctx = context(SEEDS["001"].read_text(encoding="utf-8"), "001.md")
    found = lint_context(ctx, settings(RULE, cross_section_severity="warning"))
    assert [d.line for d in found] == [210, 238, 261, 262, 275, 280, 299, 348]
    assert {d.severity for d in found} == {"warning"}  # each copy stands in another section
    grokking = next(d for d in found if d.line == 275)
    assert "Progress measures for grokking" in grokking.message and "line 174" in grokking.message


def test_the_same_title_on_two_links_is_two_works() -> None:
    # arthurspk/guiadevbrasil (trimmed): two playlists with one name; the same video twice
    text = (
        "- [Curso de PHP para Iniciantes](https://www.youtube.com/playlist?list=PLa)\n"
        "- [Curso de PHP para iniciantes](https://www.youtube.com/playlist?list=PLb)\n"
        "- [Gatsby JS - Introdução ao tutorial](https://www.youtube.com/watch?v=3b2PinXRqYU)\n"
        "- [Gatsby JS - Introdução ao tutorial](https://www.youtube.com/watch?v=3b2PinXRqYU"
        "&ab_channel=ThiagoFranchin)\n"
    )
    assert [d.line for d in lint(text, RULE)] == [4]


def test_two_parts_of_one_release_on_one_page_are_not_copies() -> None:
    # llm-jp/awesome-japanese-llm (trimmed): two models announced in one article
    text = (
        "- [neoAI-JP-QwQ-32B](https://zenn.dev/neoai/articles/1670bd029093b0)\n"
        "- [neoAI-JP-DeepSeek-Qwen-32B](https://zenn.dev/neoai/articles/1670bd029093b0)\n"
    )
    assert lint(text, RULE) == []
