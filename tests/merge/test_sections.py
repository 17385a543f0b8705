"""Heading keys, boilerplate and the mapping of other lists' headings onto the spine."""

from __future__ import annotations

import pytest

from awesomelint.merge import MergePlan, merge_documents
from awesomelint.merge.sections import covers, heading_key, is_boilerplate, keys_match
from awesomelint.parse import parse_text


@pytest.mark.parametrize(
    "heading",
    [
        "📢 News",  # the emoji heading of several paper lists' update logs
        "Make a Contribution",
        "Star Trends",
        "Stargazers over time",
        "Citation",
        "Bibtex",
        "Updates: June 2024: GitHub repository launched!",
        "Contributing and Collaborating",  # JShollaj/awesome-llm-interpretability
        "License",
        "Acknowledgements",
        "⬆ Back to top",
    ],
)
def test_boilerplate_headings(heading: str) -> None:
    assert is_boilerplate(heading)


@pytest.mark.parametrize("heading", ["New papers", "Survey", "Tools", "Sparse Coding", "Updating"])
def test_content_headings_are_not_boilerplate(heading: str) -> None:
    assert not is_boilerplate(heading)


def test_outline_numbers_are_not_part_of_a_heading_but_numbers_in_a_name_are() -> None:
    assert heading_key("10. Surveys") == heading_key("B1.0 Surveys") == heading_key("survey")
    assert keys_match(heading_key("Section 10"), heading_key("Section 1")) == 0
    assert keys_match(heading_key("Surveys"), heading_key("survey")) == 100
    assert covers(heading_key("Survey"), heading_key("Surveys & Reviews"))
    assert not covers(heading_key("General"), heading_key("General tools"))


def _numbered(first: int, last: int, name: str) -> str:
    lines = [f"# {name}", ""]
    for n in range(first, last + 1):
        lines += [
            f"## Section {n}",
            "",
            f"- [Paper {name} {n}](https://example.org/{name}/{n})",
            "",
        ]
    return "\n".join(lines)


def test_headings_that_differ_by_a_number_are_not_merged() -> None:
    """Sections 0-9 and 5-14: "Section 10" is not filed under "Section 1"."""
    docs = [parse_text(_numbered(0, 9, "a"), "a.md"), parse_text(_numbered(5, 14, "b"), "b.md")]
    result = merge_documents(docs, MergePlan())
    for merged in result.entries:
        number = merged.entry.title.rsplit(" ", 1)[1]
        if int(number) <= 9:
            assert merged.section == (f"Section {number}",)
        else:  # not in the spine: the catch-all, under its own heading
            assert merged.section == ("More resources", f"Section {number}")
