from __future__ import annotations

from awesomelint.lint.runner import lint_context
from lint_support import context, lint, settings
from tests_support import SEEDS

RULE = "duplicate-description"


def test_a_copied_description_that_names_the_other_entry() -> None:
    text = (
        "- [Quantization Model](https://arxiv.org/abs/2303.13506) - Proposes the Quantization "
        "model of scaling.\n"
        "- [Docstring circuit](https://x.org/docstrings) - Proposes the Quantization model of "
        "scaling\n"
    )
    [found] = lint(text, RULE)
    assert found.line == 2 and '"Quantization Model" (line 1)' in found.message


def test_a_description_true_of_both_entries_is_not_reported() -> None:
    # ripienaar/free-for-dev, two tunnelling services (trimmed)
    text = (
        "  * [localhost.run](https://localhost.run/) - Expose locally running servers over a "
        "tunnel to a public URL.\n"
        "  * [ngrok.com](https://ngrok.com/) - Expose locally running servers over a tunnel to a "
        "public URL.\n"
    )
    assert lint(text, RULE) == []


def test_short_descriptions_and_the_same_work_are_not_reported() -> None:
    text = (
        "- [A](https://x.org/a) - Official code.\n- [B](https://x.org/b) - Official code.\n"
        "- [C](https://arxiv.org/abs/2303.13506) - Proposes a model of neural scaling laws.\n"
        "- [C](https://arxiv.org/pdf/2303.13506) - Proposes a model of neural scaling laws.\n"
    )
    assert lint(text, RULE) == []


def test_seed_002_docstring_circuit() -> None:
    ctx = context(SEEDS["002"].read_text(encoding="utf-8"), "002.md")
    [found] = lint_context(ctx, settings(RULE))
    assert found.line == 106 and "(line 57)" in found.message


def test_short_words_shared_by_chance_do_not_name_the_other_entry() -> None:
    # fffaraz/awesome-cpp: LiquidFun is built on Box2D and says so in Box2D's words; the
    # "2" and "d" of "Box2D" meet the "2D" of the description by chance
    text = (
        "* [Box2D](https://github.com/erincatto/Box2D) - A 2D physics engine for games. "
        "[BSD-like]\n"
        "* [LiquidFun](https://github.com/google/liquidfun) - A 2D physics engine for games. "
        "[BSD-like]\n"
    )
    assert lint(text, RULE) == []
