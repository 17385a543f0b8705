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


def test_a_page_shared_by_the_parts_of_one_release_is_not_reported() -> None:
    # llm-jp/awesome-japanese-llm: two sizes of one model family on one release page; a
    # library and its model in one repository; a generic "Learn More" link text (trimmed)
    text = (
        "- [Llama 3.1 Swallow 8B](https://swallow-llm.github.io/llama3.1-swallow.ja.html)\n"
        "- [Llama 3.1 Swallow 70B](https://swallow-llm.github.io/llama3.1-swallow.ja.html)\n"
        "- [The ESM protein library](https://github.com/facebookresearch/esm)\n"
        "- [The ESM-2 protein model](https://github.com/facebookresearch/esm)\n"
        "- [Learn More](https://arxiv.org/abs/2304.01373)\n"
        "- [Pythia: A Suite for Analyzing Large Language Models](https://arxiv.org/abs/2304.01373)\n"
    )
    assert lint(text, RULE) == []


def test_seed_001_one_page_under_two_names_is_not_a_wrong_link() -> None:
    """The neelnanda.io guide listed twice: a duplicate at worst, no paper's link is wrong."""
    ctx = context(SEEDS["001"].read_text(encoding="utf-8"), "001.md")
    assert lint_context(ctx, settings(RULE)) == []
