"""One metadata run: read lists, resolve identifiers, draw findings, count what was sent."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from awesomelint.meta import ids as idmod
from awesomelint.meta.cache import MetaCache
from awesomelint.meta.config import LABELS, MetaConfig
from awesomelint.meta.findings import Options, all_findings, with_suggestion
from awesomelint.meta.model import EntryInfo, Finding, Outage, Report
from awesomelint.meta.resolver import Session
from awesomelint.model import Entry


def read_entries(files: Sequence[str]) -> list[tuple[Entry, tuple[idmod.Ident, ...]]]:
    """Entries with their identifiers, in document order (InputError if a file is unreadable)."""
    found = []
    for entry in idmod.entries_of(list(files)):
        idents = idmod.identifiers(entry)
        if idents:
            found.append((entry, idents))
    return found


def _suppressed(findings: list[Finding]) -> list[Finding]:
    """Drop findings an inline ``awesomelint-disable`` directive silences."""
    from awesomelint.lint.directives import parse_directives, suppressed

    by_file: dict[str, tuple] = {}
    kept = []
    for finding in findings:
        if finding.file not in by_file:
            try:
                text = Path(finding.file).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            by_file[finding.file] = parse_directives(enumerate(text.split("\n"), 1))
        if not suppressed(by_file[finding.file], finding.rule, finding.rule, finding.line):
            kept.append(finding)
    return kept


async def check(
    files: Sequence[str],
    conf: MetaConfig,
    *,
    allow_private: bool,
    cache: MetaCache | None,
    options: Options,
) -> Report:
    """Resolve every identifier of the lists' entries and report what they point at."""
    began = time.monotonic()
    entries = read_entries(files)
    session = Session(conf, allow_private, cache)
    try:
        keys = [i.key for _, idents in entries for i in idents]
        resolution = await session.resolve(keys)
        findings = all_findings(entries, resolution.records, options)
        titles = {(e.source.file, e.source.line): e.title for e, _ in entries}
        wrong = {
            f"{f.file}:{f.line}:{f.key}": titles[(f.file, f.line)]
            for f in findings
            if f.rule == "wrong-paper"
        }
        hits = await session.search(wrong) if wrong else {}
        findings = [
            with_suggestion(f, hits[tag], wrong[tag], options.threshold)
            if f.rule == "wrong-paper" and (tag := f"{f.file}:{f.line}:{f.key}") in hits
            else f
            for f in findings
        ]
    finally:
        await session.aclose()
    outages = []
    for provider, reason in sorted(resolution.down.items()):
        left = resolution.unanswered.get(provider, set())
        unchecked = sum(1 for _, idents in entries if any(i.key in left for i in idents))
        outages.append(Outage(provider, LABELS[provider], reason, unchecked))
    infos = tuple(
        EntryInfo(
            entry.source.file,
            entry.source.line,
            entry.title,
            tuple(
                r
                for i in idents
                for r in sorted(resolution.records.get(i.key, ()), key=lambda r: r.provider)
                if r.found
            ),
        )
        for entry, idents in entries
    )
    requests = session.requests
    ids_sent = session.ids_sent
    return Report(
        findings=tuple(_suppressed(findings)),
        outages=tuple(outages),
        entries=infos,
        requests=sum(requests.values()),
        ids_sent=sum(ids_sent.values()),
        cached=resolution.cached,
        elapsed=time.monotonic() - began,
        per_provider=tuple(
            (name, requests.get(name, 0), ids_sent.get(name, 0)) for name in sorted(requests)
        ),
    )
