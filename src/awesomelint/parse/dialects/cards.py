"""Card entries: a paragraph per paper, title first, links and metadata on the lines below."""

from __future__ import annotations

from typing import Any

from awesomelint.model import Block, Entry, Span


def entries_from_cards(children: list[Any], span: Span, lines: list[str]) -> list[Entry | Block]:
    """The entries a card paragraph holds; empty when it is prose."""
    return []
