from __future__ import annotations

from lint_support import lint, positions

RULE = "double-slash-url"


def test_a_doubled_slash_in_the_path_is_reported_at_it() -> None:
    text = "* **Alignment Survey** [[arxiv 2309]](https://arxiv.org/abs//2309.15025)\n"
    assert positions(text, RULE) == [(1, text.index("//2309") + 1)]


def test_urls_inside_the_path_and_clean_urls_are_not_reported() -> None:
    text = (
        "- [a](https://web.archive.org/web/2020/https://example.org/x)\n"
        "- [b](https://arxiv.org/abs/2309.15025)\n"
        "- [c](https://example.org/?next=//x)\n"
    )
    assert positions(text, RULE) == []


def test_a_sites_own_doubled_slash_is_not_reported_a_pasted_url_is() -> None:
    # jwasham/coding-interview-university and practical-tutorials (trimmed)
    text = (
        "- [GFS](http://static.googleusercontent.com/media/research.google.com/en//archive/"
        "gfs-sosp2003.pdf)\n"
        "- [Meta Crush Saga](https://jguegant.github.io//jguegant.github.io/blogs/tech/x.html)\n"
    )
    assert [d.line for d in lint(text, RULE)] == [2]
