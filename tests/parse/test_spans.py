"""Every item records its exact span: the source text of any item can be recovered from it."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesomelint.model import Block, Document, Entry, Span
from awesomelint.parse import parse_text, read_file
from tests_support import DIALECTS, SEEDS


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _check(doc: Document, lines: list[str]) -> int:
    checked = 0
    for item in doc.items():
        assert item.span is item.source
        text = item.span.text_of(lines)
        assert text and text == text.strip("\n")
        if isinstance(item, Block):
            assert text == item.text, item.span
        for entry in item.walk() if isinstance(item, Entry) else ():
            own = entry.span.text_of(lines)
            assert own and not own[0].isspace(), entry.span
            assert lines[entry.span.last_line - 1].strip(), entry.span
            if entry.url_span is not None:
                assert entry.url_span.text_of(lines) == entry.url
            for link in entry.links:
                if link.span is not None:
                    assert link.span.text_of(lines) == link.url
                    assert entry.span.line <= link.span.line <= entry.span.last_line
            checked += 1
    for section in doc.all_sections():
        assert section.span.text_of(lines).lstrip("# ").startswith(section.title[:1])
    return checked


def test_spans_are_exact_in_every_seed_and_fixture() -> None:
    checked = 0
    for path in [*SEEDS.values(), *sorted(DIALECTS.glob("*.md"))]:
        decoded = read_file(str(path))
        for fast in (True, False):
            doc = parse_text(decoded.text, str(path), decoded.newline, decoded.repairs, fast=fast)
            checked += _check(doc, _lines(decoded.text))
    assert checked > 700


def test_an_item_span_covers_its_nested_lines_and_stops_before_blank_ones() -> None:
    text = (
        "## S\n\n"
        "- [A](https://a.org) - A.\n"
        "  - [A1](https://a.org/1) - Child.\n"
        "\n"
        "- [B](https://b.org)\n"
        "\n"
        "[ref]: https://ref.org\n"
    )
    a, b, definitions = parse_text(text, "t.md").sections[0].items
    assert isinstance(a, Entry) and isinstance(b, Entry) and isinstance(definitions, Block)
    assert a.span == Span("t.md", 3, 1, 4, 0)
    assert a.span.text_of(_lines(text)) == (
        "- [A](https://a.org) - A.\n  - [A1](https://a.org/1) - Child."
    )
    assert a.children[0].span == Span("t.md", 4, 3, 4, 0)
    assert a.url_span == Span("t.md", 3, 7, 3, 20)
    assert b.span == Span("t.md", 6, 1, 6, 0)
    assert definitions.text == "[ref]: https://ref.org"


def test_links_and_setext_headings_have_spans(tmp_path: Path) -> None:
    text = "Tools\n=====\n\n* **Title** [[pdf](https://p.org/x.pdf)] [[code](https://c.org)]\n"
    doc = parse_text(text, "t.md")
    assert doc.title == "Tools"
    (entry,) = doc.entries()
    assert entry.url == "https://p.org/x.pdf"
    (code,) = entry.links
    assert code.span == Span("t.md", 4, 50, 4, 63)
    assert code.span.text_of(_lines(text)) == "https://c.org"
    doc = parse_text("# T\n\nSub\n---\n\n- [a](https://a.org)\n", "t.md")
    assert doc.sections[0].span == Span("t.md", 3, 1, 4, 0)


_LINES = st.sampled_from(
    [
        "- [Alpha](https://a.org/x) - Does alpha.",
        "* [Beta](https://b.org) - Beta.",
        "  - [Nested](https://n.org) - Nested.",
        "1. **Bold** [[pdf](https://p.org/p.pdf)]",
        "   *Authors*. [[code](https://c.org)]",
        "- ",
        "- ![img](https://i.org/i.png)",
        "  > quoted",
        "- Group",
        "## Section",
        "Prose with a [link](https://p.org).",
        "| [T](https://t.org) | d |",
        "|---|---|",
        "> **[Q](https://q.org)** quoted entry",
        "```",
        "[ref]: https://ref.org",
        "",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, max_size=25))
def test_spans_are_exact_on_generated_lists(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    for fast in (True, False):
        _check(parse_text(text, "t.md", fast=fast), _lines(text))
