from __future__ import annotations

from lint_support import positions

RULE = "missing-link"
# missing-link reports an unlinked item among linked siblings, so the list has both
LINKED = "".join(f"- [{n}](https://x.org/{n})\n" for n in "pqrstuvw")
TEXT = (
    """\
- **A**
<!-- awesomelint-disable-next-line AL003 -->
- **B**
<!-- awesomelint-disable-next-line duplicate-entry -->
- **C**
<!-- awesomelint-disable missing-link -->
- **D**
- **E**
<!-- awesomelint-enable -->
- **F** <!-- awesomelint-disable-line -->
- **G**
"""
    + LINKED
)


def test_next_line_range_and_line_directives() -> None:
    assert [line for line, _ in positions(TEXT, RULE)] == [1, 5, 11]


def test_disable_all_then_enable_one() -> None:
    text = "<!-- awesomelint-disable -->\n- **A**\n<!-- awesomelint-enable AL003 -->\n- **B**\n"
    assert positions(text + LINKED, RULE) == [(4, 1)]


def test_disable_file_and_rule_lists() -> None:
    off = "\n<!-- awesomelint-disable-file AL001, AL003 -->\n"
    assert positions("- **A**\n" + LINKED + off, RULE) == []
    other = "\n<!-- awesomelint-disable-file AL001 -->\n"
    assert positions("- **A**\n" + LINKED + other, RULE) == [(1, 1)]


def test_directives_in_code_blocks_are_text() -> None:
    text = "```\n<!-- awesomelint-disable-file -->\n```\n\n- **A**\n"
    assert positions(text + LINKED, RULE) == [(5, 1)]


def test_awesome_lint_comments_are_honoured_with_its_rule_names() -> None:
    # kdeldycke/awesome-falsehood starts with <!--lint disable awesome-heading-->
    from lint_support import lint

    text = "<!--lint disable awesome-heading-->\n\n## Falsehoods\n\n- [a](https://x.org/a) - A.\n"
    assert lint(text, "main-heading") == []
    assert [d.line for d in lint("## Falsehoods\n", "main-heading")] == [1]
    ignored = "<!--lint ignore awesome-list-item-->\n- [a](https://x.org/a): A.\n"
    assert lint(ignored, "awesome-list-item") == []
    assert [d.line for d in lint("- [a](https://x.org/a): A.\n", "awesome-list-item")] == [1]


def test_the_remark_lint_prefix_is_read_and_a_typo_silences_nothing() -> None:
    from lint_support import lint

    # <!--lint disable remark-lint:awesome-badge--> stands in a corpus list
    prefixed = "<!--lint disable remark-lint:awesome-heading-->\n\n## Falsehoods\n"
    assert lint(prefixed, "main-heading") == []
    typo = "<!--lint disable awesome-headnig-->\n\n## Falsehoods\n"
    assert len(lint(typo, "main-heading")) == 1
    only_ours_lacks = "<!--lint disable no-dead-urls-->\n\n## Falsehoods\n"
    assert len(lint(only_ours_lacks, "main-heading")) == 1
