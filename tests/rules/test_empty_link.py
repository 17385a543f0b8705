from __future__ import annotations

import pytest

from lint_support import lint, positions

RULE = "empty-link"


@pytest.mark.parametrize(
    "line",
    [
        "- [x]()\n",
        "- [x](#)\n",
        "- [x]( <> )\n",
        "- [blog](...)\n",
        "- [site](…)\n",
        '- <a href="">Paper</a>\n',
        "- <a href='#'>Code</a>\n",
        "- The slides are [here].\n",
    ],
)
def test_targets_that_go_nowhere(line: str) -> None:
    assert len(lint(line, RULE)) == 1


def test_an_empty_link_in_a_nested_list() -> None:
    # e2b-dev/awesome-ai-agents (trimmed): a link and an image left empty
    text = "- Links\n  - [Web]()\n\n![Image]()\n"
    assert positions(text, RULE) == [(2, 5), (4, 1)]


@pytest.mark.parametrize(
    "line",
    [
        "- [⬆ back to top](#)\n",
        "**[⬆ Back to Index](#)**\n",
        '<a href="#">↑ Top</a>\n',
        "- [here](https://developer.here.com/) - Maps APIs.\n",  # free-for-dev: a product
        "- see [here][1]\n\n[1]: https://x.org\n",
        "- see [here]\n\n[here]: https://x.org\n",
        "- an escaped \\[here] and `[x]()` in code\n",
        "- Paper [[link]](https://x.org/p) and [[here]][1]\n\n[1]: https://x.org\n",
        "- [x](https://x.org) - a task list item [ ] and [link](https://x.org/a).\n",
    ],
)
def test_real_links_and_idioms_are_not_reported(line: str) -> None:
    assert lint(line, RULE) == []


def test_code_blocks_are_examples() -> None:
    assert lint("```md\n- [x]()\n```\n", RULE) == []


def test_a_placeholder_that_says_so_is_deliberate() -> None:
    # BradyFU/Awesome-Multimodal-Large-Language-Models (trimmed): "Coming soon", typo included
    assert lint("| [Coming soon]() | [Comins Soon]() | [TBD]() |\n", RULE) == []
    assert lint("- [VIP](https://arxiv.org/pdf/2305.13903.pdf) · [Coming soon](<>)\n", RULE) == []


def test_an_empty_project_link_in_a_paper_entry() -> None:
    # dqxiu/ICL_PaperList (trimmed)
    text = "*Mingda Chen*. [[pdf](https://aclanthology.org/2022.naacl-main.260.pdf)], "
    text += "[[project]()]\n"
    assert positions(text, RULE) == [(1, 76)]
