"""One fixture per entry dialect: what the parser reads from each."""

from __future__ import annotations

from pathlib import Path

from awesomelint.model import Block, Entry, Link, Tag
from awesomelint.parse import parse_file


def _entries(path: Path) -> list[Entry]:
    return list(parse_file(str(path)).entries())


def _by_title(entries: list[Entry], title: str) -> Entry:
    (entry,) = [e for e in entries if e.title == title]
    return entry


def test_classic_bullets_separators_and_nesting(dialects: Path) -> None:
    doc = parse_file(str(dialects / "classic.md"))
    entries = list(doc.entries())
    assert [e.title for e in entries] == [
        "Alpha",
        "Beta",
        "Gamma",
        "Delta",
        "Delta Plugin",
        "Why AtP* matters",
    ]
    alpha = entries[0]
    assert alpha.url == "https://alpha.example.org/"
    assert alpha.description == "Does the first thing."
    assert alpha.source.line == 7
    beta = entries[1]
    assert beta.description == "Second, with a [docs](https://beta.example.org/docs) link inside."
    assert beta.links == ()
    assert entries[2].description == "Third, em-dash separated."
    assert entries[3].description == "colon separated."
    assert [c.title for c in entries[3].children] == ["Delta Plugin"]
    assert entries[5].description == "With *emphasis* and `code`."
    assert doc.title == "Awesome Things"
    assert [s.title for s in doc.sections] == ["Tools", "Articles"]
    assert isinstance(doc.preamble[0], Block)


def test_bold_titles_with_venue_links_stars_and_notes(dialects: Path) -> None:
    entries = _entries(dialects / "bold_title.md")
    survey = _by_title(entries, "Toward Transparent AI: A Survey")
    assert survey.url == "https://ieeexplore.ieee.org/abstract/document/10136140"
    assert survey.url_label == "SaTML 2023"
    assert survey.links == (Link("arxiv 2207", "https://arxiv.org/abs/2207.13243"),)
    grokking = _by_title(entries, "Progress measures for grokking")
    assert Tag("star", "🌟") in grokking.tags
    assert grokking.notes == ("Highest scores at ICLR 2023.",)
    assert [c.title for c in grokking.children] == ["A Reply to the grokking paper"]
    lens = _by_title(entries, "TransformerLens")
    assert lens.url_label == "github"
    assert lens.notes == ("A library for mechanistic interpretability.",)
    heads = _by_title(entries, "In-context learning and induction heads")
    assert heads.url is None
    assert heads.notes == ("EMNLP 2023 best paper",)
    assert len(entries) == 5


def test_numbered_lists_and_quoted_titles(dialects: Path) -> None:
    entries = _entries(dialects / "numbered.md")
    assert [e.title for e in entries] == [
        "Finding Neurons in a Haystack",
        "Successor Heads: Recurring, Interpretable Attention Heads In The Wild",
        "Let's Verify Step by Step",
    ]
    assert entries[2].url == "https://openreview.net/forum?id=v8L0pN6EOi"
    assert entries[2].source.line == 8


def test_paragraph_entries_including_a_wrapped_one(dialects: Path) -> None:
    doc = parse_file(str(dialects / "paragraph.md"))
    entries = list(doc.entries())
    assert len(entries) == 3
    label = entries[0]
    assert label.title == "Label Words are Anchors: An Information Flow Perspective"
    assert (label.url, label.url_label) == ("https://arxiv.org/pdf/2305.14160.pdf", "pdf")
    assert label.tags == (Tag("venue", "EMNLP 2023"), Tag("date", "2023.5"))
    wrapped = entries[2]
    assert (
        wrapped.title == "Calibrate Before Use: Improving Few-Shot Performance of Language Models"
    )
    assert wrapped.url == "https://arxiv.org/pdf/2102.09690.pdf"
    assert wrapped.source.line == 10
    prose = [b for b in doc.blocks() if "prose" in b.text]
    assert len(prose) == 1


def test_front_matter_linked_heading_html_toc_and_empty_section(dialects: Path) -> None:
    doc = parse_file(str(dialects / "frontmatter_toc.md"))
    assert doc.front_matter == "title: mirrored list\ndraft: false"
    assert doc.title == "[owner/awesome-mirror](https://github.com/owner/awesome-mirror)"
    kinds = [b.kind for b in doc.blocks()]
    assert kinds.count("toc") == 1
    assert any("<img" in b.text for b in doc.blocks())
    assert [e.title for e in doc.entries()] == ["Tool"]
    empty = doc.sections[-1]
    assert (empty.title, empty.items, empty.children) == ("Empty", (), ())


def test_table_rows_are_entries_other_tables_verbatim(dialects: Path) -> None:
    doc = parse_file(str(dialects / "table.md"))
    entries = list(doc.entries())
    assert [e.title for e in entries] == ["Pile", "C4"]
    pile = entries[0]
    assert pile.description == "An 800GB dataset."
    assert pile.links == (Link("github", "https://github.com/EleutherAI/the-pile"),)
    assert pile.tags == (Tag("date", "2020"),)
    assert pile.source.line == 7
    assert any("| just | text |" in b.text for b in doc.blocks())


def test_reference_links_resolve_and_definitions_are_kept(dialects: Path) -> None:
    doc = parse_file(str(dialects / "references.md"))
    entries = list(doc.entries())
    assert [e.url for e in entries] == [
        "https://alpha.example.org/",
        "https://beta.example.org/",
        "https://gamma.example.org/",
    ]
    assert "[Text][#anchor]" in entries[2].description.replace("\\", "")
    kept = "\n".join(b.text for b in doc.blocks())
    assert "[alpha]: https://alpha.example.org/" in kept
    assert '[beta]: https://beta.example.org/ "Beta title"' in kept


def test_details_blocks_and_entries_without_links(dialects: Path) -> None:
    doc = parse_file(str(dialects / "details.md"))
    entries = list(doc.entries())
    assert [e.title for e in entries] == ["Hidden Tool", "Has link", "Missing Link Entry"]
    assert entries[2].url is None
    assert entries[2].description == "An entry that lost its link."
    texts = [b.text for b in doc.blocks()]
    assert texts[0].startswith("<details>") and texts[-1] == "</details>"


def test_crlf_and_bom(dialects: Path) -> None:
    doc = parse_file(str(dialects / "crlf_bom.md"))
    assert doc.newline == "\r\n"
    assert doc.title == "CRLF"
    assert [e.title for e in doc.entries()] == ["One"]


def test_prose_lists_and_paragraphs_are_not_entries() -> None:
    from awesomelint.parse import parse_text

    doc = parse_text(
        "# T\n\n## Updates\n\n- June 2024: launched.\n- July: more.\n\n"
        "Please see [CONTRIBUTING](https://x.example.org/c) for details.\n",
        "t.md",
    )
    assert list(doc.entries()) == []
    assert [b.text.splitlines()[0] for b in doc.blocks()] == [
        "- June 2024: launched.",
        "Please see [CONTRIBUTING](https://x.example.org/c) for details.",
    ]
