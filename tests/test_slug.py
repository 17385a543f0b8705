"""GitHub heading anchors."""

from __future__ import annotations

from awesomelint.slug import slug, unique_slugs


def test_github_slug_rules() -> None:
    assert slug("Paper & Blog") == "paper--blog"
    assert slug("Tools/Techniques/Methods") == "toolstechniquesmethods"
    # an image has no text content: a badge leaves the space before it
    assert slug("Awesome LLM Interpretability ![](https://x.org/badge.svg)") == (
        "awesome-llm-interpretability-"
    )
    assert slug("Awesome X [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)") == (
        "awesome-x-"
    )
    assert slug("[owner/repo](https://github.com/owner/repo)") == "ownerrepo"
    assert slug("Émigré *bold* `code`") == "émigré-bold-code"


def test_repeated_headings_get_suffixes() -> None:
    assert unique_slugs(["General", "Other", "General", "General"]) == [
        "general",
        "other",
        "general-1",
        "general-2",
    ]


def test_heading_text_drops_images_and_keeps_link_text() -> None:
    from awesomelint.slug import heading_text

    assert heading_text("Awesome X [![Awesome](https://awesome.re/badge.svg)](https://a.re)") == (
        "Awesome X"
    )
    assert heading_text("[owner/repo](https://github.com/o/r) *tools*") == "owner/repo tools"
