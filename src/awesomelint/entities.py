"""HTML entities as CommonMark reads them, for every layer that compares or shows text.

CommonMark decodes an entity only when it is complete: ``&amp;``, ``&#38;``,
``&#x26;``, or a whole HTML5 name ended by ``;``.  ``html.unescape`` also
decodes the legacy names without ``;``, which turns the ``&not`` of
``?id=1&noteId=2`` into ``¬``: never use it on markdown.
"""

from __future__ import annotations

import html
import re
from html.entities import html5

ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entity(reference: str) -> str:
    """The text an entity or character reference (``&…;``) stands for; itself if none."""
    if reference[1] != "#" and reference[1:] not in html5:
        return reference
    return html.unescape(reference)


def decode_entities(text: str) -> str:
    """``text`` with every complete entity decoded, the rest (``&noteId=``) kept."""
    if "&" not in text:
        return text
    return ENTITY.sub(lambda match: decode_entity(match.group(0)), text)
