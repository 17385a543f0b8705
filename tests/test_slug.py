"""GitHub heading anchors."""

from __future__ import annotations

from awesomelint.slug import slug, unique_slugs


def test_github_slug_rules() -> None:
    assert slug("Paper & Blog") == "paper--blog"
    assert slug("Tools/Techniques/Methods") == "toolstechniquesmethods"
    assert slug("Awesome LLM Interpretability ![](https://x.org/badge.svg)") == (
        "awesome-llm-interpretability"
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
