from __future__ import annotations

from lint_support import fixed, lint

RULE = "link-in-destination"

NESTED = (
    "* **Attention Dynamic Memory** "
    "[[arxiv 2305]]([10.48550/arXiv.2305.13417](http://arxiv.org/abs/2305.13417)) "
    "[[github]](https://github.com/shacharKZ/x)\n"
)


def test_a_link_inside_a_destination_is_reported_at_the_inner_link() -> None:
    [found] = lint(NESTED, RULE)
    assert (found.line, found.column) == (1, NESTED.index("([10.") + 2)
    assert "http://arxiv.org/abs/2305.13417" in found.message


def test_the_fix_keeps_the_inner_url() -> None:
    text, left = fixed(NESTED, RULE)
    assert left == []
    assert "[[arxiv 2305]](http://arxiv.org/abs/2305.13417) [[github]]" in text


def test_ordinary_and_bracketed_links_are_not_reported() -> None:
    text = "- [[arxiv 2305]](http://arxiv.org/abs/2305.13417) and [a](https://x.org/(b))\n"
    assert lint(text, RULE) == []


def test_code_spans_are_not_markdown() -> None:
    assert lint("Write `[a]([b](c))` to confuse readers.\n", RULE) == []
