"""GitHub heading anchors: github-slugger's own test table, then markdown headings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from awesomelint.slug import (
    anchor,
    fragment_key,
    heading_text,
    number_repeats,
    slug,
    text_content,
    unique_slugs,
)

_TABLE = json.loads(
    (Path(__file__).parent / "fixtures" / "github_slugger" / "fixtures.json").read_text("utf-8")
)
CASES = _TABLE["cases"]


def test_the_table_names_its_source_and_licence() -> None:
    assert "github-slugger" in _TABLE["source"] and _TABLE["licence"].startswith("ISC")
    assert len(CASES) == 78


def test_every_github_slugger_case_in_order() -> None:
    """The cases run as one document: repeats are numbered across the whole table."""
    got = number_repeats(anchor(case["input"]) for case in CASES)
    wrong = [
        (case["name"], expected, actual)
        for case, expected, actual in zip(CASES, [c["expected"] for c in CASES], got, strict=True)
        if expected != actual
    ]
    assert wrong == []


@pytest.mark.parametrize(
    "case", [c for c in CASES if "markdownOverwrite" in c], ids=lambda c: c["name"]
)
def test_the_markdown_form_of_a_case_gives_the_same_anchor(case: dict[str, str]) -> None:
    markdown = case["markdownOverwrite"].removeprefix("# ")
    assert text_content(markdown) == case["input"]
    assert slug(markdown) == anchor(case["input"])


def test_repeats_are_numbered_like_github() -> None:
    assert number_repeats(["foo", "foo", "foo-1"]) == ["foo", "foo-1", "foo-1-1"]
    assert unique_slugs(["General", "Other", "General", "General"]) == [
        "general",
        "other",
        "general-1",
        "general-2",
    ]


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


def test_underscores_stay_unless_they_are_emphasis() -> None:
    assert slug("snake_case tools") == "snake_case-tools"
    assert slug("`__init__` files") == "__init__-files"
    assert slug("_italic_ tools") == "italic-tools"
    assert slug("__init__ files") == "init-files"  # GitHub shows it bold
    assert slug(r"\_private\_ names") == "_private_-names"
    assert slug("a_b_c and _d_") == "a_b_c-and-d"


def test_combining_marks_stay() -> None:
    assert slug("Cafe\u0301 tools") == "cafe\u0301-tools"
    assert slug("हिन्दी") == "हिन्दी"


def test_entities_are_decoded_not_kept_as_words() -> None:
    # awesome-selfhosted style spacing: the no-break space is dropped like any separator
    assert slug("&nbsp;Tools") == "tools"
    assert slug("Tools &amp; Libraries") == "tools--libraries"
    assert slug("Caf&eacute;") == "café"
    assert slug("A&#x20;B") == "a-b"
    assert heading_text("Tools &amp; Libraries") == "Tools & Libraries"
    assert slug("&notanentity;") == "notanentity"


def test_nested_link_text_and_html() -> None:
    assert slug("[Foo [bar]](https://x.org) baz") == "foo-bar-baz"
    assert slug("[![logo](https://x.org/l.png) Name](https://x.org)") == "-name"
    assert slug('<a name="tools"></a>Tools <img src="x.png">') == "tools-"
    assert slug("<b>Bold</b> <https://x.org>") == "bold-httpsxorg"
    assert slug("[ref link][ref] end") == "ref-link-end"


def test_heading_text_drops_images_and_keeps_link_text() -> None:
    assert heading_text("Awesome X [![Awesome](https://awesome.re/badge.svg)](https://a.re)") == (
        "Awesome X"
    )
    assert heading_text("[owner/repo](https://github.com/o/r) *tools*") == "owner/repo tools"
    assert heading_text("**bold *and* both**") == "bold and both"
    assert heading_text("2 * 3 = 6") == "2 * 3 = 6"


def test_fragment_key_tolerates_case_and_the_emoji_variation_selector() -> None:
    heading = slug("\u2764\ufe0f Love")
    assert heading == "\ufe0f-love"  # U+2764 is a symbol, U+FE0F a mark
    assert fragment_key("-love") == fragment_key(heading)
    assert fragment_key("User-Content-Tools") == fragment_key("tools")
    assert fragment_key("caf%C3%A9") == "café"


def test_deeply_nested_links_are_read_without_recursing_deeper() -> None:
    """1,000 links in link text: no RecursionError, the innermost text still shows."""
    heading = "[" * 1000 + "deep" + "](https://x.org)" * 1000
    assert "deep" in slug(heading)
