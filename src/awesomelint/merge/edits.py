"""What the maintainer changed by hand in the merged list since the last run.

The merged file is the maintainer's too.  A re-run compares the current output
with the previous report, which records for every entry what the upstream
lists alone would give (title, description, section).  Whatever differs was
edited by hand and wins over upstream on this and every later run: an edited
title or description, an entry moved to another section, an entry added, an
entry deleted (remembered in the report, so it stays deleted).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from awesomelint.merge.ids import entry_key
from awesomelint.model import Document, Entry, Section
from awesomelint.slug import heading_text
from awesomelint.titles import normalise_title

SOURCES_HEADING = "Sources"
REPORT_FORMAT = 2  # the report a re-run can trust to tell hand edits apart


@dataclass(frozen=True)
class Upstream:
    """What the upstream lists alone gave an entry on the previous run."""

    title: str
    description: str
    section: tuple[str, ...]


@dataclass(frozen=True)
class HandEdits:
    """Hand changes by the id the previous report gave the entry (``merge.ids``).

    ``by_key`` maps a URL identity shared by just one previous entry to its id,
    so an edit still finds its entry when upstream changed what the id is made of.
    """

    titles: Mapping[str, str] = field(default_factory=dict)
    descriptions: Mapping[str, str] = field(default_factory=dict)
    sections: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    dropped: Mapping[str, tuple[str, str | None]] = field(default_factory=dict)  # id -> title, url
    added: tuple[tuple[Entry, tuple[str, ...]], ...] = ()
    previous: Mapping[str, Upstream] = field(default_factory=dict)
    by_key: Mapping[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.titles or self.descriptions or self.sections or self.dropped or self.added)

    def id_for(self, entry_id: str, key: str) -> str | None:
        """The previous run's id of an entry: its own, or the one its URL had."""
        if entry_id in self.previous or entry_id in self.dropped:
            return entry_id
        return self.by_key.get(key)


def output_entries(document: Document) -> Iterator[tuple[Entry, tuple[str, ...]]]:
    """Every entry of a merged list with its section path ("Sources" left out)."""
    for item in document.preamble:
        if isinstance(item, Entry):
            yield from ((e, ()) for e in item.walk())

    def walk(section: Section, above: tuple[str, ...]) -> Iterator[tuple[Entry, tuple[str, ...]]]:
        here = (*above, heading_text(section.title))
        for item in section.items:
            if isinstance(item, Entry):
                yield from ((e, here) for e in item.walk())
        for child in section.children:
            yield from walk(child, here)

    sections = list(document.sections)
    if sections and heading_text(sections[-1].title) == SOURCES_HEADING:
        sections.pop()  # the credits merge writes last, not entries
    for section in sections:
        yield from walk(section, ())


def _path(text: object) -> tuple[str, ...]:
    return tuple(p for p in str(text or "").split(" > ") if p)


def read_edits(output: Document, report: Mapping[str, object]) -> HandEdits:
    """The hand edits in ``output`` against the previous run's ``report`` (its JSON data)."""
    entries = report.get("entries")
    if (
        report.get("format") != REPORT_FORMAT
        or not isinstance(entries, list)
        or not all(isinstance(e, dict) and {"id", "key", "upstream"} <= set(e) for e in entries)
    ):
        return HandEdits()  # a report from before edits were tracked: nothing to compare
    previous: dict[str, Upstream] = {}
    added_before: set[str] = set()
    exact: dict[tuple[str, str], str] = {}
    ids_of_key: dict[str, list[str]] = {}
    for record in entries:
        up = record["upstream"]
        previous[record["id"]] = Upstream(
            str(up.get("title", "")), str(up.get("description", "")), _path(up.get("section"))
        )
        exact[(record["key"], normalise_title(str(record.get("title", ""))))] = record["id"]
        ids_of_key.setdefault(record["key"], []).append(record["id"])
        if record.get("added"):
            added_before.add(record["id"])
    found = list(output_entries(output))
    claimed = {exact.get((entry_key(e), normalise_title(e.title))) for e, _ in found}
    titles: dict[str, str] = {}
    descriptions: dict[str, str] = {}
    sections: dict[str, tuple[str, ...]] = {}
    added: list[tuple[Entry, tuple[str, ...]]] = []
    seen: set[str] = set()
    for entry, path in found:
        key = entry_key(entry)
        entry_id = exact.get((key, normalise_title(entry.title)))
        if entry_id is None:
            # a retitled entry: the one record of its URL that no other output entry claims
            free = [i for i in ids_of_key.get(key, ()) if i not in claimed and i not in seen]
            entry_id = free[0] if len(free) == 1 else None
        if entry_id is None or entry_id in added_before:
            if entry_id not in seen:
                added.append((entry, path))
            if entry_id:
                seen.add(entry_id)
            continue
        if entry_id in seen:
            continue  # a cross-listing: the first place speaks for the entry
        seen.add(entry_id)
        before = previous[entry_id]
        if entry.title != before.title:
            titles[entry_id] = entry.title
        if entry.description != before.description:
            descriptions[entry_id] = entry.description
        if path != before.section:
            sections[entry_id] = path
    dropped: dict[str, tuple[str, str | None]] = {}
    for record in report.get("hand_dropped", []) or []:
        if isinstance(record, dict) and record.get("id") and record["id"] not in seen:
            dropped[record["id"]] = (str(record.get("title", "")), record.get("url"))
    for record in entries:
        if record["id"] not in seen and record["id"] not in added_before:
            dropped[record["id"]] = (str(record.get("title", "")), record.get("url"))
    by_key = {key: ids[0] for key, ids in ids_of_key.items() if len(ids) == 1}
    return HandEdits(titles, descriptions, sections, dropped, tuple(added), previous, by_key)
