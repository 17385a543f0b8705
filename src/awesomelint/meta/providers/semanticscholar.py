"""Semantic Scholar's Graph API: venues in batches, and title search.

``POST {root}/paper/batch?fields=...`` with ``{"ids": ["ARXIV:2310.11207",
"DOI:10.x/y", "ACL:2023.acl-long.1"]}`` (at most 500 ids) answers a JSON list
in the same order, ``null`` for an unknown id.  ``GET
{root}/paper/search?query=...`` answers ``{"total": n, "offset": 0, "next":
10, "data": [...]}``; a paper's ``externalIds`` names its arXiv id and DOI.
An API key, when set in ``S2_API_KEY``, goes in the ``x-api-key`` header.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from awesomelint.meta.http import Api, ProviderError
from awesomelint.meta.model import Record
from awesomelint.meta.providers.base import expect, text_of

PAGE = 500
FIELDS = "title,venue,year,authors,externalIds"
_PREFIX = {"arxiv": "ARXIV", "doi": "DOI", "acl": "ACL"}
_NO_VENUE = frozenset({"", "arxiv", "arxiv.org"})


def _headers(root: str) -> dict[str, str]:
    headers = {"Accept": "application/json"}
    key = os.environ.get("S2_API_KEY")
    if key and root.startswith("https:"):  # never in clear text
        headers["x-api-key"] = key
    return headers


def external_keys(paper: dict[str, Any]) -> tuple[str, ...]:
    """Our keys for a paper's ``externalIds`` (arXiv first)."""
    ids = paper.get("externalIds") or {}
    keys = []
    if isinstance(ids, dict):
        if isinstance(ids.get("ArXiv"), str):
            keys.append(f"arxiv:{ids['ArXiv'].lower()}")
        if isinstance(ids.get("DOI"), str):
            keys.append(f"doi:{ids['DOI'].lower()}")
        if isinstance(ids.get("ACL"), str):
            keys.append(f"acl:{ids['ACL']}")
    return tuple(keys)


class SemanticScholar:
    """Venue and year of papers known by arXiv id, DOI or ACL id; title search."""

    name = "semanticscholar"
    batch = PAGE

    def __init__(self, root: str) -> None:
        self.root = root

    def accepts(self, key: str) -> bool:
        return key.partition(":")[0] in _PREFIX

    async def fetch(self, api: Api, keys: Sequence[str]) -> list[Record]:
        asked = [f"{_PREFIX[k.partition(':')[0]]}:{k.partition(':')[2]}" for k in keys]
        response = await api.request(
            self.name,
            "POST",
            f"{self.root}/paper/batch",
            params={"fields": FIELDS},
            json={"ids": asked},
            headers=_headers(self.root),
            ids=len(asked),
        )
        if response.status != 200:
            raise ProviderError(f"HTTP {response.status} from {self.root}/paper/batch")
        papers = response.json()
        expect(isinstance(papers, list) and len(papers) == len(keys), self.name, "batch list")
        records = []
        for key, paper in zip(keys, papers, strict=True):
            if paper is None:
                records.append(Record(key, self.name, found=False))
                continue
            expect(isinstance(paper, dict), self.name, "paper is not an object")
            records.append(_record(key, paper))
        return records

    async def search(self, api: Api, key: str, title: str) -> Record:
        """The best hits for ``title``: a record whose ``ids`` name the first hit's work."""
        response = await api.request(
            self.name,
            "GET",
            f"{self.root}/paper/search",
            params={"query": title, "fields": FIELDS, "limit": "5", "offset": "0"},
            headers=_headers(self.root),
            ids=1,
        )
        if response.status != 200:
            raise ProviderError(f"HTTP {response.status} from {self.root}/paper/search")
        data = response.json()
        hits = data.get("data") if isinstance(data, dict) else None
        expect(isinstance(hits, list), self.name, "search without 'data'")
        assert isinstance(hits, list)
        from awesomelint.meta.match import similarity

        best = max(
            (h for h in hits if isinstance(h, dict) and text_of(h.get("title"))),
            key=lambda h: similarity(title, text_of(h.get("title"))),
            default=None,
        )
        if best is None:
            return Record(key, "semanticscholar-search", found=False)
        return Record(
            key,
            "semanticscholar-search",
            title=text_of(best.get("title")),
            ids=external_keys(best),
        )


def _record(key: str, paper: dict[str, Any]) -> Record:
    venue = text_of(paper.get("venue"))
    authors = paper.get("authors") or []
    return Record(
        key=key,
        provider="semanticscholar",
        title=text_of(paper.get("title")),
        venue="" if venue.lower() in _NO_VENUE else venue,
        year=paper.get("year") if isinstance(paper.get("year"), int) else None,
        authors=tuple(text_of(a.get("name")) for a in authors if isinstance(a, dict)),
        ids=external_keys(paper),
    )
