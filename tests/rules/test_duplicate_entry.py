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


def test_a_copy_in_another_section_is_reported_at_the_lower_severity() -> None:
    [found] = lint(TWO_SECTIONS, RULE)
    assert (found.line, found.severity) == (7, "warning")
    assert "another section" in found.message


def test_cross_section_severity_is_configurable() -> None:
    assert lint(TWO_SECTIONS, RULE, cross_section_severity="off") == []
    [found] = lint(TWO_SECTIONS, RULE, cross_section_severity="error")
    assert found.severity == "error"


def test_same_work_by_fuzzy_title_without_links() -> None:
    text = "- **Toy Models of Superposition**\n- **Toy models of superposition.**\n"
    [found] = lint(text, RULE)
    assert found.line == 2


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


def test_the_threshold_option_reaches_the_engine() -> None:
    text = "- **Sparse Probing of Neurons**\n- **Sparse Probings of Neuron**\n"
    assert len(lint(text, RULE, threshold=80)) == 1
    assert lint(text, RULE, threshold=99) == []


def test_seed_001_copies_are_all_found() -> None:
    ctx = context(SEEDS["001"].read_text(encoding="utf-8"), "001.md")
    found = lint_context(ctx, settings(RULE))
    assert [d.line for d in found] == [210, 238, 261, 262, 275, 280, 299, 348]
    assert {d.severity for d in found} == {"warning"}  # each copy stands in another section
    grokking = next(d for d in found if d.line == 275)
    assert "Progress measures for grokking" in grokking.message and "line 174" in grokking.message
