"""Hostile shapes never crash the parser nor cost it superlinear time (issue 13, items 10 and 19).

Sizes here are small; the timings at two sizes are in benchmarks/adversarial_parse.py.
These tests assert what is read, never how long it took.
"""

from __future__ import annotations

import pytest

from awesomelint.guard import lost_links
from awesomelint.model import Block
from awesomelint.parse import parse_text
from awesomelint.parse.entries import peel_meta, rest_of
from awesomelint.parse.tokens import tokenize
from awesomelint.render import render

_DEEP = {
    "quotes": ">" * 400 + " a [x](https://x.org)\n",
    "list of 175 levels": "".join("  " * i + "- x\n" for i in range(175)) + "[x](https://x.org)\n",
    "dashes before a link": "- " * 1000 + "[a](https://a.org)\n",
    "emphasis": "*" * 500 + "a" + "*" * 500 + "\n",
}
_DENSE = {
    "closing brackets": "](" * 2000 + "\n",
    "links in one paragraph": " ".join(f"[a{i}](https://a.org/{i})" for i in range(1000)) + "\n",
    "open images": "![a](" * 1000 + "\n",
    "nested brackets": "[" * 2000 + "a" + "]" * 2000 + "\n",
    "spaces": "a" + " " * 2000 + "b\n",
}


@pytest.mark.parametrize("name", sorted({**_DEEP, **_DENSE}))
def test_a_hostile_block_is_kept_unread_and_written_back(name: str) -> None:
    hostile = {**_DEEP, **_DENSE}[name]
    text = (
        "# T\n\n- [Kept](https://kept.org) - Read.\n\n"
        + hostile
        + "\n- [After](https://after.org)\n"
    )
    for fast in (True, False):
        doc = parse_text(text, "t.md", fast=fast)
        assert [e.title for e in doc.entries()] == ["Kept", "After"], name
        unread = [b for b in doc.blocks() if b.kind == "unread"]
        assert len(unread) == 1 and unread[0].text == hostile.rstrip("\n")
    once = render(doc)
    assert not lost_links(text, once)
    assert render(parse_text(once, "t.md")) == once


def test_nesting_within_bounds_is_still_read() -> None:
    text = "".join("  " * i + f"- [L{i}](https://l.org/{i})\n" for i in range(10))
    (top,) = parse_text(text, "t.md").items()
    assert not isinstance(top, Block)
    assert len(list(top.walk())) == 10


def test_peeling_metadata_is_bounded() -> None:
    (paragraph,) = tokenize(["x" + " · x" * 1000 + "\n"])
    rest = rest_of(list(paragraph.children))
    description, meta = peel_meta(rest, rest.text, only_meta=False)
    assert len(meta.tags) == 64
    assert description.count("·") == 1000 - 64
