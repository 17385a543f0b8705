"""The link guard: which targets count, and that losses are found."""

from __future__ import annotations

from awesomelint.guard import link_targets, lost_links


def test_targets_of_every_kind() -> None:
    text = (
        "[a](https://a.org/x_(y)) <https://b.org> see https://c.org/p.\n"
        '[d]: https://d.org "T"\n[e](docs/e.md) ![i](img/i.png)\n'
        "[n]([10.1/x](http://arxiv.org/abs/1))\n"
    )
    assert {
        "https://a.org/x_(y)",
        "https://b.org",
        "https://c.org/p",
        "https://d.org",
        "docs/e.md",
        "img/i.png",
        "http://arxiv.org/abs/1",
    } <= link_targets(text)


def test_escapes_and_entities_compare_equal() -> None:
    assert lost_links("[a](https://a.org/?a=1&amp;b=2)", "[a](https://a.org/?a=1&b=2)") == []
    assert lost_links("[a](https://a.org/a\\_b)", "[a](https://a.org/a_b)") == []


def test_loss_is_reported_sorted() -> None:
    before = "[b](https://b.org) [a](https://a.org) [c](https://c.org)"
    assert lost_links(before, "[c](https://c.org)") == ["https://a.org", "https://b.org"]


# From papers lists that link OpenReview discussions (forum?id=…&noteId=…).
OPENREVIEW = "https://openreview.net/forum?id=abc&noteId=def"


def test_an_ampersand_that_starts_no_entity_is_text() -> None:
    assert f"{OPENREVIEW}" in link_targets(f"- [Paper]({OPENREVIEW}) - Reviews.")
    # the same URL written with &amp; is the same link
    written = OPENREVIEW.replace("&", "&amp;")
    assert lost_links(f"[P]({OPENREVIEW})", f"[P]({written})") == []
    assert lost_links(f"see {OPENREVIEW} now", f"[P]({OPENREVIEW})") == []


def test_decoding_the_legacy_entity_is_a_loss() -> None:
    """Turning ``&noteId`` into ``¬eId`` changes the link: the guard must see it."""
    assert lost_links(f"[P]({OPENREVIEW})", "[P](https://openreview.net/forum?id=abc\u00aceId=def)")


def test_merge_compares_model_urls_and_output_text_alike() -> None:
    from awesomelint.guard import missing_web_links

    urls = [OPENREVIEW, "https://a.org/?x=1&y=2", "https://a.org/?x=1&amp;z=2"]
    output = (
        f"- [P]({OPENREVIEW})\n- [A](https://a.org/?x=1&amp;y=2)\n- [Z](https://a.org/?x=1&z=2)\n"
    )
    assert missing_web_links(urls, output) == []
    assert missing_web_links(urls, "- nothing\n") == sorted(urls)


# A citation block as papers lists give it (fenced BibTeX, the URL in braces).
BIBTEX = """```bibtex
@misc{elhage2021mathematical,
  title={A Mathematical Framework for Transformer Circuits},
  url={https://transformer-circuits.pub/2021/framework/index.html}
}
```
"""


def test_a_bibtex_brace_is_not_part_of_the_url() -> None:
    url = "https://transformer-circuits.pub/2021/framework/index.html"
    assert url in link_targets(BIBTEX)
    assert lost_links(BIBTEX, f"[Framework]({url})\n\n{BIBTEX}") == []
    assert lost_links(f"[Framework]({url})", BIBTEX) == []
    assert lost_links(BIBTEX, "nothing") == [url]


def test_merge_keeps_a_bibtex_url_written_in_text() -> None:
    from awesomelint.extract import links_in_markdown
    from awesomelint.guard import missing_web_links

    line = "@misc{k, url={https://arxiv.org/abs/2301.00001}}"
    [ref] = list(links_in_markdown(line, "t.md", 1))
    assert ref.url == "https://arxiv.org/abs/2301.00001"
    assert missing_web_links([ref.url, ref.url + "}"], line) == []
