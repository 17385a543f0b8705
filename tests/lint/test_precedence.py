"""One diagnostic per defect: the most specific rule speaks for a broken link token."""

from __future__ import annotations

from pathlib import Path

from awesomelint.config import Config
from awesomelint.lint.precedence import PRECEDENCE, token_starts
from awesomelint.lint.runner import lint_context, lint_file
from awesomelint.lint.settings import lint_settings
from awesomelint.rules import find_rule
from lint_support import context

HEAD = "# Papers\n\n## Optimization\n\n"
SIBLINGS = "- [A](https://x.org/a) - A.\n- [B](https://x.org/b) - B.\n"


def _default(line: str) -> list[tuple[str, int]]:
    found = lint_context(context(HEAD + line + "\n" + SIBLINGS), lint_settings(Config(), ()))
    return [(d.rule, d.column) for d in found if d.line == 5]


def test_the_order_names_real_rules_once() -> None:
    assert len(set(PRECEDENCE)) == len(PRECEDENCE)
    assert all(find_rule(rule) is not None for rule in PRECEDENCE)


def test_an_unclosed_destination_is_one_defect_not_four() -> None:
    # terryum/awesome-deep-learning-papers, "Layer Normalization", with its ")" lost and
    # a second link after it: link-syntax, url-whitespace, broken-fragment and
    # unbalanced-punctuation all see the one missing parenthesis
    line = (
        "- **Layer Normalization** (2016), J. Ba et al. "
        "[[pdf]](https://arxiv.org/pdf/1607.06450v1.pdf [[web]](#nowhere)"
    )
    assert _default(line) == [("AL007", 55)]


def test_defects_of_two_tokens_on_one_line_are_both_reported() -> None:
    # the same real line with a space in its URL and a second link to a missing heading
    line = (
        "- **Layer Normalization** (2016), J. Ba et al. "
        "[[pdf]](https://arxiv.org/pdf/1607.06450v1.pdf 2) [[web]](#nowhere)"
    )
    assert _default(line) == [("AL012", 56), ("AL015", 106)]


def test_token_starts() -> None:
    assert token_starts("- [a](u) [b][c] `[x]` \\[y] [[pdf]](v)") == [2, 9, 27]
    assert token_starts("- [a](u [b](v)") == [2]  # the unclosed "(" swallows the rest


def test_an_entry_rule_is_quiet_where_its_entry_wraps_onto_a_broken_token() -> None:
    # jxzhangjhu/Awesome-LLM-Uncertainty-Reliability-Robustness (trimmed): a paragraph
    # entry whose link line lacks a "]"; unbalanced-punctuation sees it a line earlier
    text = (
        "## Calibration\n\n"
        "**Calibrate Before Use: Improving Few-Shot Performance of Language Models** \\\n"
        "*Tony Z. Zhao, Eric Wallace, Shi Feng, Dan Klein, Sameer Singh* \\\n"
        "ICML 2021. [[Paper](https://arxiv.org/abs/2102.09690)]"
        "[[Github](https://github.com/tonyzhaozh/few-shot-learning) \\\n"
        "19 Feb 2021\n"
    )
    found = lint_context(context(text), lint_settings(Config(), ()))
    assert [d.rule for d in found] == ["AL007"]


def test_a_scheme_less_url_is_reported_as_malformed_not_also_as_a_missing_file(
    tmp_path: Path,
) -> None:
    # the shape of braces' README, "(www.gnu.org/…)": malformed-url and broken-local-link
    # both see the one target; the first names what is wrong with it
    readme = tmp_path / "README.md"
    readme.write_text(HEAD + "- [GNU](www.gnu.org/software/make/) - Make.\n" + SIBLINGS)
    found = lint_file(str(readme), lint_settings(Config(), ())).diagnostics
    assert [(d.rule, d.line) for d in found] == [("AL030", 5)]
