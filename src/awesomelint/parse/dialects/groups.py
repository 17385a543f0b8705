"""Group labels: an unlinked item over nested entries (awesome-python's ``- Subcategory``).

Such an item is read as an entry without a URL whose children are the
nested entries, not as prose, so the nested entries are seen by lint,
dedupe and merge.
"""

from __future__ import annotations

from typing import Any

from awesomelint.parse.entries import has_link, is_title_led
from awesomelint.parse.tokens import kind

# a label is a short line of text, not a paragraph of prose
_MAX_LABEL = 120


def is_group_label(item: Any) -> bool:
    """An item whose first paragraph is short text with no link, over a list with an entry."""
    children = item.children or []
    if len(children) < 2 or kind(children[0]) not in ("Paragraph", "Heading"):
        return False
    head = list(children[0].children)
    if any(has_link(token) for token in head):
        return False
    if sum(len(getattr(token, "content", "")) for token in head) > _MAX_LABEL:
        return False
    for block in children[1:]:
        if kind(block) != "List":
            continue
        for sub in block.children or []:
            first = (sub.children or [None])[0]
            if first is not None and kind(first) == "Paragraph":
                spans = list(first.children)
                if is_title_led(spans) and any(has_link(t) for t in spans):
                    return True
    return False
