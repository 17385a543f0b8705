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
