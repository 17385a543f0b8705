"""The interface every provider implements, and helpers they share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from awesomelint.meta.http import Api, ProviderError
from awesomelint.meta.model import Record


class Provider(Protocol):
    """Answers a batch of identifiers with one record each (``found=False`` if unknown)."""

    name: str
    batch: int  # most identifiers one request may carry

    def accepts(self, key: str) -> bool:
        """Can this provider say something about ``key``?"""
        ...

    async def fetch(self, api: Api, keys: Sequence[str]) -> list[Record]:
        """Records for ``keys`` (at most ``batch``); ProviderError if the API failed."""
        ...


def expect(condition: bool, provider: str, what: str) -> None:
    """Raise a clear ProviderError when a response is not shaped as documented."""
    if not condition:
        raise ProviderError(f"malformed response from the {provider} API: {what}")


def text_of(value: Any) -> str:
    """A string field, whitespace collapsed ('' for anything else)."""
    return " ".join(value.split()) if isinstance(value, str) else ""
