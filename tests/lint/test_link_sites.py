"""Where each link's URL stands: every occurrence placed once, at its own column."""

from __future__ import annotations

from lint_support import context


def _sites(text: str) -> list[tuple[str, int | None, int | None]]:
    return [(site.ref.url, site.line, site.column) for site in context(text).link_sites]


def test_a_url_that_prefixes_an_earlier_one_is_placed_at_its_own_link() -> None:
    line = "See [a](https://x.org/10) and [b](https://x.org/1)."
    sites = _sites(f"# T\n\n{line}\n")
    assert sites == [
        ("https://x.org/10", 3, line.index("https://x.org/10") + 1),
        ("https://x.org/1", 3, line.rindex("https://x.org/1") + 1),
    ]


def test_an_autolink_before_a_markdown_link_of_the_same_url_keeps_its_own_column() -> None:
    # the extractor yields a line's markdown links before its autolinks
    line = "<https://a.org> [x](https://b.org) [y](https://a.org)"
    sites = _sites(f"# T\n\n{line}\n")
    columns = sorted(column for url, _, column in sites if url == "https://a.org")
    assert columns == [line.index("https://a.org") + 1, line.rindex("https://a.org") + 1]
    assert all(number == 3 for _, number, _ in sites)


def test_a_repeated_url_gets_successive_columns() -> None:
    line = "[a](https://a.org) [b](https://a.org) <https://a.org>"
    columns = [column for _, _, column in _sites(f"# T\n\n{line}\n")]
    assert len(columns) == 3 and len(set(columns)) == 3 and None not in columns


def test_a_paragraph_of_many_links_places_each() -> None:
    # one paragraph of 3,000 links (issue 13, finding 19): each placed, in order
    line = " ".join(f"[w{i}](https://x.org/{i})" for i in range(3000))
    sites = _sites(f"# T\n\n{line}\n")
    assert [column for _, _, column in sites] == [
        line.index(f"(https://x.org/{i})") + 2 for i in range(3000)
    ]
