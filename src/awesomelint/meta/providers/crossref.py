"""Crossref's REST API: ``{root}/works?filter=doi:A,doi:B&rows=N`` for DOIs and ACL papers.

A works list answers ``{"status": "ok", "message": {"total-results": n,
"items": [...]}}``; an item has ``DOI``, ``title`` (a list), ``container-title``
(a list), ``issued.date-parts`` and ``author`` (``given``/``family``).
Lists are paged with ``offset``.  ACL Anthology papers have DOIs
``10.18653/v1/<id>``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from awesomelint.meta.http import Api, ProviderError
from awesomelint.meta.ids import acl_doi
from awesomelint.meta.model import Record
from awesomelint.meta.providers.base import expect, text_of

PAGE = 50


def doi_of(key: str) -> str | None:
    """The DOI to ask for a ``doi:`` or ``acl:`` key."""
    kind, _, ident = key.partition(":")
    if kind == "doi":
        return ident.lower()
    if kind == "acl":
        return acl_doi(ident)
    return None


class Crossref:
    """Batched DOI filters."""

    name = "crossref"
    batch = PAGE

    def __init__(self, root: str) -> None:
        self.url = f"{root}/works"

    def accepts(self, key: str) -> bool:
        return doi_of(key) is not None

    async def fetch(self, api: Api, keys: Sequence[str]) -> list[Record]:
        wanted: dict[str, str] = {}
        for key in keys:
            doi = doi_of(key)
            if doi:
                wanted[doi] = key
        found: dict[str, Record] = {}
        offset = 0
        while wanted:
            response = await api.request(
                self.name,
                "GET",
                self.url,
                params={
                    "filter": ",".join(f"doi:{doi}" for doi in wanted),
                    "rows": str(len(wanted)),
                    "offset": str(offset),
                },
                headers={"Accept": "application/json"},
                ids=len(wanted) if offset == 0 else 0,
            )
            if response.status != 200:
                raise ProviderError(f"HTTP {response.status} from {self.url}")
            data = response.json()
            message = data.get("message") if isinstance(data, dict) else None
            expect(isinstance(message, dict), self.name, "no 'message'")
            assert isinstance(message, dict)
            items = message.get("items")
            total = message.get("total-results")
            expect(isinstance(items, list) and isinstance(total, int), self.name, "no items")
            assert isinstance(items, list) and isinstance(total, int)
            for item in items:
                doi = text_of(item.get("DOI") if isinstance(item, dict) else None).lower()
                if doi in wanted:
                    found[doi] = _record(wanted[doi], item)
            offset += len(items)
            if not items or offset >= min(total, len(wanted)):
                break
        return [
            found.get(doi) or Record(key, self.name, found=False) for doi, key in wanted.items()
        ]


def _first(value: Any) -> str:
    return text_of(value[0]) if isinstance(value, list) and value else ""


def _record(key: str, item: dict[str, Any]) -> Record:
    title = _first(item.get("title"))
    expect(bool(title), "crossref", f"work {item.get('DOI')} without title")
    parts = (item.get("issued") or {}).get("date-parts") or [[None]]
    year = parts[0][0] if parts and parts[0] and isinstance(parts[0][0], int) else None
    authors = tuple(
        " ".join(p for p in (text_of(a.get("given")), text_of(a.get("family"))) if p)
        for a in item.get("author") or ()
        if isinstance(a, dict)
    )
    return Record(
        key=key,
        provider="crossref",
        title=title,
        venue=_first(item.get("container-title")),
        year=year,
        authors=authors,
        withdrawn=text_of(item.get("subtype")) == "retraction",
    )
