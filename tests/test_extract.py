"""Link extraction: every link of a document with its line."""

from __future__ import annotations

from awesomelint.extract import iter_links
from awesomelint.parse import parse_file, parse_text
from tests_support import SEEDS


def test_links_with_lines_from_entries_and_blocks() -> None:
    doc = parse_text(
        "# T\n\nIntro [home](https://home.org).\n\n## A\n\n"
        "- [x](https://x.org) - See [y](https://y.org). · [pdf](https://x.org/pdf)\n"
        '\n<img src="https://img.org/a.png"/>\n\n[ref]: https://ref.org\n',
        "t.md",
    )
    found = [(link.url, link.line) for link in iter_links(doc)]
    assert found == [
        ("https://home.org", 3),
        ("https://x.org", 7),
        ("https://x.org/pdf", 7),
        ("https://y.org", 7),
        ("https://img.org/a.png", 9),
        ("https://ref.org", 11),
    ]


def test_seed_links_include_nested_destination_and_anchors() -> None:
    doc = parse_file(str(SEEDS["001"]))
    urls = {link.url for link in iter_links(doc)}
    assert "http://arxiv.org/abs/2305.13417" in urls
    toc = parse_file(str(SEEDS["004"]))
    anchors = [link for link in iter_links(toc) if link.url.startswith("#")]
    assert ("#mi-techniques", 37) in [(a.url, a.line) for a in anchors]
