from __future__ import annotations

import pytest

from lint_support import fixed, lint, positions

RULE = "reversed-link"


def test_reversed_links_are_swapped() -> None:
    # the shape of the reversed links issue 9 found by reading real paper lists (trimmed)
    text = "- Tree of Thoughts (Paper)[https://arxiv.org/abs/2305.10601], (code)[#code]\n"
    assert positions(text, RULE) == [(1, 20), (1, 63)]
    repaired, left = fixed(text, RULE)
    assert repaired == (
        "- Tree of Thoughts [Paper](https://arxiv.org/abs/2305.10601), [code](#code)\n"
    )
    assert left == []


@pytest.mark.parametrize(
    "text",
    [
        "- [Paper](https://arxiv.org/abs/2305.10601)\n",
        "- [a](https://x.org/a_(b))[c](https://x.org/c)\n",  # a destination, then a link
        "- f(x)[https://x.org] is code-like\n",
        "- (see)[1] with a reference label\n\n[1]: https://x.org\n",
        "- `(a)[https://x.org]` in code\n",
        "- (a)[https://x.org](https://y.org) is a link after parentheses\n",
        "- escaped \\(a)[https://x.org]\n",
    ],
)
def test_what_is_not_reversed(text: str) -> None:
    assert lint(text, RULE) == []
