from __future__ import annotations

from awesomelint.lint.runner import lint_context
from lint_support import context, lint, settings
from tests_support import SEEDS

RULE = "shared-url"


def test_different_titles_on_one_url_are_reported_after_the_first() -> None:
    text = (
        "- [Pythia: A Suite for Analyzing Large Language Models](https://arxiv.org/abs/2304.01373)\n"
        "- [Emergent and Predictable Memorization](https://arxiv.org/abs/2304.01373)\n"
    )
    [found] = lint(text, RULE)
    assert (found.line, found.column) == (2, 43)
    assert '"Pythia: A Suite for Analyzing Large Language Models" (line 1)' in found.message


def test_one_work_under_two_forms_of_a_title_is_not_a_conflict() -> None:
    text = (
        "* **200 Concrete Open Problems in Mechanistic Interpretability: Introduction** "
        "[[AF]](https://www.alignmentforum.org/s/yivyHaCAmMJ3CqSyj)\n"
        "* **Concrete Open Problems in Mechanistic Interpretability** "
        "[[LW]](https://www.lesswrong.com/s/yivyHaCAmMJ3CqSyj)\n"
    )
    assert lint(text, RULE) == []


def test_seed_002_four_titles_on_one_arxiv_url() -> None:
    ctx = context(SEEDS["002"].read_text(encoding="utf-8"), "002.md")
    found = lint_context(ctx, settings(RULE))
    assert [d.line for d in found] == [82, 84, 85]
    assert all("2310.11207" in d.message and "(line 75)" in d.message for d in found)


def test_seed_001_two_titles_on_one_neelnanda_url() -> None:
    ctx = context(SEEDS["001"].read_text(encoding="utf-8"), "001.md")
    [found] = lint_context(ctx, settings(RULE))
    assert found.line == 8 and "getting-started" in found.message
