from __future__ import annotations

import pytest

from lint_support import fixed, lint, positions

RULE = "list-item-marker"


def test_a_link_glued_to_its_bullet() -> None:
    text = "- [a](https://x.org/a) - A.\n-[b](https://x.org/b) - B.\n+**[c](https://x.org/c)**\n"
    assert positions(text, RULE) == [(2, 1), (3, 1)]
    repaired, left = fixed(text, RULE)
    assert repaired == (
        "- [a](https://x.org/a) - A.\n- [b](https://x.org/b) - B.\n+ **[c](https://x.org/c)**\n"
    )
    assert left == []


def test_sub_items_typed_without_the_space() -> None:
    # e2b-dev/awesome-ai-agents (trimmed): MultiOn's use cases
    text = (
        "- Use cases\n"
        "\t- A lot of cool real use cases, e.g.,\n"
        "\t-Sending an email fully autonomously\n"
        "\t-Posting a tweet\n"
    )
    assert positions(text, RULE) == [(3, 2), (4, 2)]
    repaired, _ = fixed(text, RULE)
    assert repaired.endswith("\t- Sending an email fully autonomously\n\t- Posting a tweet\n")


def test_empty_items() -> None:
    # e2b-dev/awesome-ai-agents (trimmed): an empty bullet closing a links list
    text = "### Links\n- [GitHub](https://github.com/jbexta/AgentPilot)\n- \n\n### Description\n-\n"
    assert positions(text, RULE) == [(3, 1), (6, 1)]
    repaired, left = fixed(text, RULE)
    assert repaired == (
        "### Links\n- [GitHub](https://github.com/jbexta/AgentPilot)\n\n### Description\n"
    )
    assert left == []


@pytest.mark.parametrize(
    "text",
    [
        "Title\n-\n",  # a setext heading underline
        "*[Emphasised](https://x.org)* - A.\n",
        "- [x](https://x.org)\n---\n",
        "Some text\n-Word at the start of a wrapped line.\n",
        "```sh\n-[x]\n-\n```\n",
        "- a\n- b\n  -Mid-line dash after an indent change\n",
        "| a |\n|---|\n",
    ],
)
def test_what_is_not_a_glued_bullet(text: str) -> None:
    assert lint(text, RULE) == []


def test_an_empty_item_left_by_a_conversion() -> None:
    # psf/requests HISTORY.md 0.2.3 (trimmed): the bullet's text ended up indented below it
    text = "0.2.3 (2011-02-15)\n------------------\n\n-\n\n    New HTTPHandling Methods\n"
    assert positions(text, RULE) == [(4, 1)]
