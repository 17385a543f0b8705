from __future__ import annotations

from lint_support import positions

RULE = "duplicate-heading"

SIBLINGS = "## Tools\n\n- [a](https://x.org)\n\n## Tools\n"
COUSINS = "## Methods\n\n### General\n\n## Tasks\n\n### General\n"


def test_sibling_headings_with_one_text() -> None:
    assert positions(SIBLINGS, RULE) == [(5, 1)]


def test_the_same_heading_under_different_parents_is_an_outline() -> None:
    assert positions(COUSINS, RULE) == []
    assert positions(COUSINS, RULE, siblings_only=False) == [(7, 1)]


def test_per_agent_headings_are_an_outline_but_a_repeat_inside_one_agent_is_not() -> None:
    # e2b-dev/awesome-ai-agents (trimmed): each agent is a "##" heading whose <details>
    # holds "### Category" and "### Description"; BabyDeerAGI's block has Category twice
    agent = "## [{0}](https://x.org/{0})\nAn agent\n\n<details>\n\n### Category\nGeneral\n\n"
    text = (
        "# Awesome AI Agents\n\n"
        + agent.format("BabyCatAGI")
        + "### Description\n- Tasks\n\n</details>\n\n"
        + agent.format("BabyDeerAGI")
        + "### Category\nGeneral purpose\n\n### Description\n- Parallel tasks\n\n</details>\n"
    )
    found = positions(text, "duplicate-heading")
    assert found == [(24, 1)]  # the second Category of BabyDeerAGI only
