from __future__ import annotations

import pytest

from awesomelint.lint.runner import lint_context
from lint_support import context, lint, settings
from tests_support import SEEDS

RULE = "unbalanced-punctuation"


@pytest.mark.parametrize(
    "description",
    [
        'Code for "Git Re-Basin.”',
        "Analyses (of heads.",
        "Analyses of heads).",
        'An "odd quote.',
        "Curly “only open.",
        "Mixed [bracket).",
    ],
)
def test_unbalanced_descriptions(description: str) -> None:
    [found] = lint(f"1. [X](https://x.org) - {description}\n", RULE)
    assert found.line == 1 and "description" in found.message


@pytest.mark.parametrize(
    "description",
    [
        "Uses (see [the paper](https://x.org/a_(b))) and “quotes”.",
        'Straight "quotes" and GPT-3’s apostrophe.',
        "Steps: 1) probe, 2) patch, a) b) :)",
        "A URL https://x.org/a(b in text and `code (`.",
    ],
)
def test_balanced_descriptions(description: str) -> None:
    assert lint(f"1. [X](https://x.org) - {description}\n", RULE) == []


def test_titles_are_checked() -> None:
    [found] = lint("- [Causal Scrubbing (Redwood](https://x.org)\n", RULE)
    assert "title" in found.message


def test_seed_002_mismatched_quotes() -> None:
    ctx = context(SEEDS["002"].read_text(encoding="utf-8"), "002.md")
    assert [d.line for d in lint_context(ctx, settings(RULE))] == [35, 65, 76]


def test_brackets_and_quotes_that_balance_in_the_source_are_not_reported() -> None:
    # rust-unofficial/awesome-rust (a keyword link in brackets) and ThuCCSLab/Awesome-LM-SSP
    # (an HTML badge with quoted attributes), trimmed
    text = (
        "* OGM [[ogm](https://crates.io/keywords/ogm)]\n"
        '- [2023/11] **[DeepInception](https://arxiv.org/abs/2311.03191)** [<img src="https://'
        'x.org/github.svg" alt="Code" width="15" height="15">](https://github.com/tmlr/x)\n'
    )
    assert lint(text, RULE) == []


def test_a_stray_bracket_in_the_source_is_reported() -> None:
    # arthurspk/guiadevbrasil (trimmed)
    text = "- [Curso Completo de CSS 3 - Jornada do Dev)](https://goo.gl/ebjzVG)\n"
    [found] = lint(text, RULE)
    assert found.line == 1 and '")" without "("' in found.message


def test_a_bare_url_in_parentheses_keeps_its_closing_parenthesis() -> None:
    # terryum/awesome-deep-learning-papers: a link broken by a space, "[[pdf]] (url)"
    text = (
        "- Empirical evaluation of gated recurrent neural networks (2014), J. Chung et al. "
        "[[pdf]](https://arxiv.org/pdf/1412.3555)\n"
        "- Improving distributional similarity with lessons learned from word embeddings, "
        "O. Levy et al. [[pdf]] (https://www.transacl.org/ojs/index.php/tacl/article/download/570/124)\n"
    )
    assert lint(text, "unbalanced-punctuation") == []
    assert len(lint(text.replace("/124)", "/124"), "unbalanced-punctuation")) == 1
    # ripienaar/free-for-dev (trimmed): the pair closes before a full stop
    sentence = (
        "- [Public Cloud Threat Intelligence](https://cloudintel.himanshuanand.com/) - Indicators,"
        " a portion is on github (https://github.com/unknownhad/AWSAttacks). Full list via API\n"
    )
    assert lint(sentence, "unbalanced-punctuation") == []
