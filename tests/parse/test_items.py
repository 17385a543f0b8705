"""A list is read item by item: one odd item stays a block in its place, its neighbours entries."""

from __future__ import annotations

import pytest

from awesomelint.guard import lost_links
from awesomelint.model import Block, Entry
from awesomelint.parse import parse_text
from awesomelint.render import render

_ODD = {
    "empty item (awesome-go)": "- ",
    "nested bullet on one line": "* * [x](https://x.org)",
    "empty link text": "- [](https://empty.org)",
    "lone image": "- ![logo](https://img.org/logo.png)",
    "quote inside": "- [Q](https://q.org) - Quoted.\n  > a quote",
    "code inside": "- [C](https://c.org) - Code.\n\n  ```\n  make\n  ```",
}


@pytest.mark.parametrize("name", sorted(_ODD))
def test_an_odd_item_stays_a_block_between_entries(name: str) -> None:
    odd = _ODD[name]
    bullet = odd[0]
    first, last = f"{bullet} [A](https://a.org) - First.", f"{bullet} [B](https://b.org) - Last."
    text = f"## Tools\n\n{first}\n{odd}\n{last}\n"
    doc = parse_text(text, "t.md")
    items = list(doc.sections[0].items)
    assert [type(item).__name__ for item in items] == ["Entry", "Block", "Entry"], name
    block = items[1]
    assert isinstance(block, Block)
    assert block.text == odd
    assert block.source.text_of(text.split("\n")) == block.text
    assert [e.title for e in doc.entries()] == ["A", "B"]
    once = render(doc)
    assert not lost_links(text, once)
    assert render(parse_text(once, "t.md")) == once


def test_unlinked_group_labels_hold_their_entries() -> None:
    # awesome-python's shape: a plain label over linked entries
    text = (
        "## Admin Panels\n\n"
        "- Subcategory\n"
        "    - [ajenti](https://github.com/ajenti/ajenti) - The admin panel.\n"
        "    - [django-grappelli](https://github.com/sehmaschine/django-grappelli) - A skin.\n"
        "- [flask-admin](https://github.com/flask-admin/flask-admin) - Admin for Flask.\n"
    )
    doc = parse_text(text, "t.md")
    group, flask = doc.sections[0].items
    assert isinstance(group, Entry) and group.title == "Subcategory" and group.url is None
    assert [c.title for c in group.children] == ["ajenti", "django-grappelli"]
    assert group.children[1].source.column == 5
    assert isinstance(flask, Entry) and flask.title == "flask-admin"
    assert len(list(doc.entries())) == 4


def test_a_series_label_with_a_colon_is_a_group() -> None:
    # practical-tutorials/project-based-learning README.md
    text = (
        "## C#\n\n"
        "- Learn Python For Data Science by Doing Several Projects (video):\n"
        "  - [Part 1: Introduction](https://www.youtube.com/watch?v=T5pRlIbr6gg)\n"
        "  - [Part 2: Titanic Data Set](https://www.youtube.com/watch?v=4jQvb3e7eRw)\n"
    )
    (group,) = parse_text(text, "t.md").sections[0].items
    assert isinstance(group, Entry)
    assert [c.title for c in group.children] == ["Part 1: Introduction", "Part 2: Titanic Data Set"]
