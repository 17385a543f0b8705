"""Entries of the upstream seed lists, read with simple regexes (not the real parser).

The dedupe tests need titles and links only; a few lines of regex per list
dialect keep them independent of the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# the in-repository copies of the seeds (byte for byte; lists/sources.toml)
SEEDS = Path(__file__).resolve().parents[1] / "lists" / "upstream"
SEED_FILES = {
    "000": "llm-papers-interpretability-after-2020.md",
    "001": "cooperleong00-awesome-llm-interpretability.md",
    "002": "jshollaj-awesome-llm-interpretability.md",
}

_PAPER_000 = re.compile(r"^(?P<title>.+?)\s*\\\[\[(?P<label>[^\]]+)\]\((?P<url>[^)]+)\)\\\]", re.S)
_BULLET_001 = re.compile(r"^\s*\* (?:ðŸŒŸ)?\*\*(?P<title>.+?)\*\*(?P<rest>.*)$")
_LINK_001 = re.compile(r"\[\[(?P<label>[^\]]*)\]\]\((?P<url>[^()\s]*(?:\([^)]*\))?[^()\s]*)\)")
_NUMBERED_002 = re.compile(r"^\d+\. \[(?P<title>.+?)\]\((?P<url>[^)\s]+)\)")


@dataclass(frozen=True)
class SeedEntry:
    """One entry: which list, its title, primary URL and secondary link targets."""

    seed: str
    title: str
    url: str | None
    links: tuple[str, ...]


def _read(seed: str) -> str:
    return (SEEDS / SEED_FILES[seed]).read_text(encoding="utf-8")


def seed_entries(seed: str) -> list[SeedEntry]:
    """The entries of one seed list, in document order."""
    text = _read(seed)
    if seed == "000":
        entries = []
        for paragraph in re.split(r"\n\s*\n", text):
            match = _PAPER_000.match(paragraph.strip())
            if match and not paragraph.lstrip().startswith("#"):
                title = " ".join(match.group("title").split())
                entries.append(SeedEntry(seed, title, match.group("url"), ()))
        return entries
    if seed == "001":
        entries = []
        for line in text.splitlines():
            match = _BULLET_001.match(line)
            if match:
                urls = [m.group("url") for m in _LINK_001.finditer(match.group("rest"))]
                primary = urls[0] if urls else None
                entries.append(SeedEntry(seed, match.group("title"), primary, tuple(urls[1:])))
        return entries
    return [
        SeedEntry(seed, m.group("title"), m.group("url"), ())
        for m in map(_NUMBERED_002.match, text.splitlines())
        if m
    ]


def all_seed_entries() -> list[SeedEntry]:
    """Every entry of the three lists that have entries (004 is a skeleton)."""
    return [entry for seed in SEED_FILES for entry in seed_entries(seed)]
