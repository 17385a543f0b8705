from __future__ import annotations

from lint_support import lint, positions

RULE = "unknown-rule-in-directive"
ENTRY = "- [Luxon](https://github.com/moment/luxon) - Library for working with dates and times.\n"


def test_an_unknown_name_in_our_directive_is_named_at_its_line_as_written() -> None:
    text = ENTRY + "<!-- awesomelint-disable-next-line AL001 AL999 -->\n" + ENTRY
    found = lint(text, RULE)
    assert [(d.line, d.column) for d in found] == [(2, 42)]
    assert '"AL999"' in found[0].message


def test_awesome_lint_names_known_unmapped_and_unknown() -> None:
    # kdeldycke/awesome-falsehood: <!--lint disable awesome-heading-->; the prefixed form
    # <!--lint disable remark-lint:awesome-badge--> is from another corpus list
    known = (
        "<!--lint disable awesome-heading-->\n"
        "<!--lint disable remark-lint:awesome-badge-->\n"
        "<!--lint ignore no-dead-urls awesome-spell-check-->\n"
        "<!--lint enable double-link-->\n"
    )
    assert lint(known + ENTRY, RULE) == []
    unknown = "<!--lint ignore awesome-list-itme-->\n" + ENTRY
    assert positions(unknown, RULE) == [(1, 17)]
    assert "awesome-list-itme" in lint(unknown, RULE)[0].message


def test_directives_in_code_are_text() -> None:
    assert lint("```\n<!-- awesomelint-disable nope -->\n```\n" + ENTRY, RULE) == []
