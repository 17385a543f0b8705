"""Entry dialects beyond the list item: one module per shape a list may write entries in.

``entries`` (the parent module) reads the list-item dialects every other one
builds on; each module here turns one more shape into entries.
"""

from __future__ import annotations

from awesomelint.parse.dialects.cards import entry_from_card
from awesomelint.parse.dialects.groups import is_group_label
from awesomelint.parse.dialects.paragraph import entry_from_paragraph
from awesomelint.parse.dialects.table import entry_from_row

__all__ = ["entry_from_card", "entry_from_paragraph", "entry_from_row", "is_group_label"]
