from __future__ import annotations

from awesomelint.lint.runner import lint_context
from lint_support import context, lint, positions, settings
from tests_support import SEEDS

RULE = "toc-sync"


def test_a_heading_left_out_of_the_toc() -> None:
    text = (
        "## Contents\n\n- [Papers](#papers)\n- [Tools](#tools)\n\n"
        "## Papers\n\n## Tools\n\n## Tools2\n"
    )
    [found] = lint(text, RULE)
    assert (found.line, found.column) == (10, 1)
    assert '"Tools2"' in found.message and "(line 3)" in found.message


def test_entries_out_of_order() -> None:
    text = "## Contents\n\n- [Tools](#tools)\n- [Papers](#papers)\n\n## Papers\n\n## Tools\n"
    [found] = lint(text, RULE)
    assert found.line == 4 and '"Papers" after "Tools"' in found.message


def test_customary_headings_and_unlisted_depths_are_not_expected() -> None:
    text = (
        "# List\n\n## Contents\n\n- [Papers](#papers)\n- [API](#api)\n\n## Papers\n\n"
        "### Sub\n\n## API\n\n### .match\n\n### .parse\n\n"
        "## Contributing and Collaborating\n\n## License\n"
    )
    assert positions(text, RULE) == []


def test_a_list_with_one_anchor_among_notes_is_not_a_toc() -> None:
    text = "## Notes\n\n- It is slow.\n- See [Why](#why).\n\n## Why\n\n## Other\n"
    assert positions(text, RULE) == []


def test_a_toc_entry_with_a_broken_link_still_names_its_heading_by_text() -> None:
    text = (
        "## Contents\n\n- [Techniques](#mi-techniques)\n- [Tools](#tools)\n\n"
        "## Techniques\n\n## Tools\n"
    )
    assert positions(text, RULE) == []


def test_seed_004_and_002() -> None:
    ctx = context(SEEDS["004"].read_text(encoding="utf-8"), "004.md")
    found = lint_context(ctx, settings(RULE))
    assert [(d.line, d.message.split('"')[1]) for d in found] == [
        (69, "Opinions and Discussions"),
        (71, "Other Resources"),
    ]
    ctx = context(SEEDS["002"].read_text(encoding="utf-8"), "002.md")
    assert lint_context(ctx, settings(RULE)) == []


def test_a_toc_in_groups_under_labels_is_one_toc() -> None:
    # terryum/awesome-deep-learning-papers (trimmed): a second group after a label, with
    # a gloss after each link, then a thematic break
    text = (
        "## Contents\n\n"
        "* [Understanding](#understanding)\n"
        "* [Optimization](#optimization)\n\n"
        "*(More than Top 100)*\n\n"
        "* [New Papers](#new-papers) : Less than 6 months\n"
        "* [Old Papers](#old-papers) : Before 2012\n\n"
        "* * *\n\n"
        "### Understanding\n\n### Optimization\n\n### New papers\n\n### Old Papers\n"
    )
    assert lint(text, RULE) == []


def test_a_promotion_above_a_short_toc_is_not_expected_in_it() -> None:
    # e2b-dev/awesome-ai-agents (trimmed)
    text = (
        "- [Open source projects](#open-source-projects)\n"
        "- [Closed-source projects](#closed-source-projects)\n\n"
        "## Have anything to add?\n\n## Open source projects\n\n## Closed-source projects\n"
    )
    assert lint(text, RULE) == []
