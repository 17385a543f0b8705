"""Values of the metadata checker: what a provider said, what was found, what went wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Level = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Record:
    """What a provider knows about one identifier (a paper or a repository).

    ``found`` False means the provider answered definitively that the id does
    not exist (a deleted repository); such records are cached like others.
    Papers use ``title``/``venue``/``year``/``authors``/``withdrawn``;
    repositories ``name``/``archived``/``pushed_at``/``stars``.
    """

    key: str
    provider: str
    found: bool = True
    title: str = ""
    venue: str = ""
    year: int | None = None
    authors: tuple[str, ...] = ()
    withdrawn: bool = False
    name: str = ""  # a repository's current owner/name as the API spells it
    archived: bool = False
    pushed_at: str = ""  # ISO 8601
    stars: int | None = None
    ids: tuple[str, ...] = ()  # other keys of the same work (an arXiv paper's DOI ...)

    def to_json(self) -> dict[str, Any]:
        """A plain dict for the cache and ``--format json``."""
        return {
            "key": self.key,
            "provider": self.provider,
            "found": self.found,
            "title": self.title,
            "venue": self.venue,
            "year": self.year,
            "authors": list(self.authors),
            "withdrawn": self.withdrawn,
            "name": self.name,
            "archived": self.archived,
            "pushed_at": self.pushed_at,
            "stars": self.stars,
            "ids": list(self.ids),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Record:
        """The inverse of ``to_json``; KeyError/TypeError/ValueError on a damaged row."""
        return cls(
            key=str(data["key"]),
            provider=str(data["provider"]),
            found=bool(data["found"]),
            title=str(data["title"]),
            venue=str(data["venue"]),
            year=None if data["year"] is None else int(data["year"]),
            authors=tuple(str(a) for a in data["authors"]),
            withdrawn=bool(data["withdrawn"]),
            name=str(data["name"]),
            archived=bool(data["archived"]),
            pushed_at=str(data["pushed_at"]),
            stars=None if data["stars"] is None else int(data["stars"]),
            ids=tuple(str(i) for i in data.get("ids", ())),
        )


@dataclass(frozen=True)
class Fix:
    """Replace ``old`` by ``new`` on ``line`` of ``file`` (a URL, or a title with --fix-titles)."""

    file: str
    line: int
    old: str
    new: str
    kind: Literal["url", "title"] = "url"


@dataclass(frozen=True)
class Finding:
    """One problem with one entry: rule, level, where, what, and an optional fix."""

    rule: str
    level: Level
    file: str
    line: int
    message: str
    url: str = ""
    key: str = ""
    fix: Fix | None = None
    suggestion: str = ""  # e.g. the id the listed title really has (never applied)


@dataclass(frozen=True)
class Outage:
    """A provider that could not be asked: reported once, with the entries left unchecked."""

    provider: str
    label: str
    reason: str
    unchecked: int


@dataclass(frozen=True)
class EntryInfo:
    """An entry as the report shows it, with the records of its identifiers (enrichment)."""

    file: str
    line: int
    title: str
    records: tuple[Record, ...] = ()


@dataclass(frozen=True)
class Report:
    """Everything one run found."""

    findings: tuple[Finding, ...]
    outages: tuple[Outage, ...]
    entries: tuple[EntryInfo, ...]
    requests: int = 0
    ids_sent: int = 0
    cached: int = 0
    elapsed: float = 0.0
    per_provider: tuple[tuple[str, int, int], ...] = field(default=())  # name, requests, ids
