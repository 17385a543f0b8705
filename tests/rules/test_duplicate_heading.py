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


def test_a_heading_that_links_to_its_namesake_is_navigation() -> None:
    # kilimchoi/engineering-blogs (trimmed): a menu of headings above the sections
    text = (
        "# Software Engineering Blogs\n\n### [Companies](#companies-1)\n\n| [A](#a-companies) |\n"
        "|:-:|\n| [B](#b-companies) |\n\n### Companies\n\n#### A companies\n\n"
        "* [Airbnb](https://medium.com/airbnb-engineering)\n\n### Companies\n"
    )
    assert positions(text, "duplicate-heading") == [(15, 1)]  # the real repeat only
