"""Link extraction: every link of a document with its line."""

from __future__ import annotations

from awesomelint.extract import blank_code, iter_links, links_in_markdown
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


def _urls(markdown: str) -> list[str]:
    return [link.url for link in iter_links(parse_text(markdown, "t.md"))]


def test_links_in_code_are_not_links() -> None:
    text = (
        "# T\n\n## Usage\n\n"
        "Run `curl https://code-span.example/x` or see [docs](https://docs.org).\n\n"
        "```sh\ncurl https://fenced.example/install.sh\n[x](https://fenced-link.example)\n```\n\n"
        "    wget https://indented.example/file\n\n"
        "<pre>https://pre.example</pre> <code>https://code.example</code>\n\n"
        "~~~\n<https://tilde.example>\n~~~\n\n"
        "- [Tool](https://tool.org) - Install with `pip install x` from https://desc.org.\n"
    )
    assert _urls(text) == ["https://docs.org", "https://tool.org", "https://desc.org"]


def test_nested_list_items_are_not_indented_code() -> None:
    text = "# T\n\n## A\n\n- [a](https://a.org)\n\n    - [b](https://b.org)\n"
    assert _urls(text) == ["https://a.org", "https://b.org"]


def test_image_urls_inside_links_are_links() -> None:
    # the badge line of sindresorhus/awesome-nodejs's heading
    text = (
        "# Awesome Node.js [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n"
        "## A\n\n- [x](https://x.org) - Fast. [![stars](https://img.shields.io/s.svg)](https://y.org)\n"
    )
    assert _urls(text) == [
        "https://awesome.re",
        "https://awesome.re/badge.svg",
        "https://x.org",
        "https://y.org",
        "https://img.shields.io/s.svg",
    ]


def test_a_label_keeps_its_code_span() -> None:
    [ref] = list(iter_links(parse_text("# T\n\nSee [`tool`](https://t.org).\n", "t.md")))
    assert (ref.url, ref.label) == ("https://t.org", "`tool`")


def test_blank_code_keeps_positions() -> None:
    text = "a `https://x.org` b\n```\nhttps://y.org\n```\nc"
    blanked = blank_code(text)
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    assert "https" not in blanked and blanked.startswith("a `") and blanked.endswith("\nc")


def test_an_autolink_holds_no_angle_bracket() -> None:
    """Each try stops at the next ``<``, which keeps ``<http://`` repeated linear (issue 13)."""
    found = links_in_markdown("<http://a.org <http://b.org>", "t.md", 1)
    assert [ref.url for ref in found] == ["http://b.org"]


def test_html_code_tags_pair_in_one_pass() -> None:
    text = "a <code>https://x.org</code> b <CODE>y</code> <pre>\nz\n</pre> <code>https://open.org"
    blanked = blank_code(text)
    assert "x.org" not in blanked and "<CODE> </code>" in blanked and "\n \n" in blanked
    assert blanked.endswith("<code>https://open.org")  # an unclosed tag hides nothing


def test_a_nested_list_seen_without_its_parent_is_not_code() -> None:
    """A block that starts with an indented item is a nested list: its links count."""
    text = "    - [nested](https://nested.org)\n\n        [deeper](https://deeper.org)"
    assert [ref.url for ref in links_in_markdown(text, "t.md", 1)] == [
        "https://nested.org",
        "https://deeper.org",
    ]
    assert "https" not in blank_code("Intro.\n\n    curl https://code.example")
