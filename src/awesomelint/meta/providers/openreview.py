"""OpenReview's API v2: ``{root}/notes?ids=a,b`` answers ``{"notes": [...], "count": n}``.

A v2 note keeps its fields under ``content`` as ``{"value": ...}``
(``title``, ``venue``, ``venueid``, ``authors``); ``venueid`` ends in
``Withdrawn_Submission`` for a withdrawn paper, and ``venue`` reads
"Submitted to ..." while a submission has no decision.  Results are paged
with ``limit`` and ``offset``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from awesomelint.meta.http import Api, ProviderError
from awesomelint.meta.model import Record
from awesomelint.meta.providers.base import expect, text_of

PAGE = 50


def _field(content: dict[str, Any], name: str) -> Any:
    value = content.get(name)
    return value.get("value") if isinstance(value, dict) else value  # v1 notes: bare values


class OpenReview:
    """Batched note lookups by forum id."""

    name = "openreview"
    batch = PAGE

    def __init__(self, root: str) -> None:
        self.url = f"{root}/notes"

    def accepts(self, key: str) -> bool:
        return key.startswith("openreview:")

    async def fetch(self, api: Api, keys: Sequence[str]) -> list[Record]:
        wanted = {key.partition(":")[2]: key for key in keys}
        found: dict[str, Record] = {}
        offset = 0
        while True:
            response = await api.request(
                self.name,
                "GET",
                self.url,
                params={"ids": ",".join(wanted), "limit": str(len(wanted)), "offset": str(offset)},
                headers={"Accept": "application/json"},
                ids=len(wanted) if offset == 0 else 0,
            )
            if response.status == 404:
                break  # none of them exists
            if response.status != 200:
                raise ProviderError(f"HTTP {response.status} from {self.url}")
            data = response.json()
            notes = data.get("notes") if isinstance(data, dict) else None
            expect(isinstance(notes, list), self.name, "no 'notes' list")
            assert isinstance(notes, list)
            for note in notes:
                record = _record(note)
                if record.key.partition(":")[2] in wanted:
                    found[wanted[record.key.partition(":")[2]]] = record
            offset += len(notes)
            count = data.get("count")
            total = count if isinstance(count, int) else offset
            if not notes or offset >= min(total, len(wanted)):
                break
        return [found.get(key) or Record(key, self.name, found=False) for key in wanted.values()]


def _record(note: Any) -> Record:
    expect(isinstance(note, dict) and isinstance(note.get("id"), str), "openreview", "note id")
    content = note.get("content")
    expect(isinstance(content, dict), "openreview", "note without content")
    title = text_of(_field(content, "title"))
    expect(bool(title), "openreview", f"note {note['id']} without title")
    venue = text_of(_field(content, "venue"))
    venueid = text_of(_field(content, "venueid"))
    withdrawn = "withdrawn" in venueid.lower() or "withdrawn" in venue.lower()
    published = venue if venue and not venue.lower().startswith("submitted to") else ""
    when = note.get("pdate") or note.get("cdate")
    year = (
        dt.datetime.fromtimestamp(when / 1000, dt.UTC).year
        if isinstance(when, int | float) and when > 0
        else None
    )
    authors = _field(content, "authors")
    return Record(
        key=f"openreview:{note['id']}",
        provider="openreview",
        title=title,
        venue="" if withdrawn else published,
        year=year,
        authors=tuple(text_of(a) for a in authors) if isinstance(authors, list) else (),
        withdrawn=withdrawn,
    )
