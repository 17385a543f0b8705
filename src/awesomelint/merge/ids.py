"""Stable ids for merged entries and their sources, so decisions outlive re-runs.

An id is a short hash of what an entry *is* (its URL identity, else its
normalised title), never of its position, so it does not change when unrelated
entries are added, removed or moved upstream.
"""

from __future__ import annotations

import hashlib

from awesomelint.model import Entry
from awesomelint.titles import normalise_title
from awesomelint.urls import identity_key


def _short(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def entry_key(entry: Entry) -> str:
    """What the entry points at: its primary URL's identity, else its title."""
    if entry.url and entry.url.strip():
        return identity_key(entry.url)
    return "title:" + normalise_title(entry.title)


def source_id(entry: Entry) -> str:
    """One upstream entry: its identity and its title (two titles on one URL differ)."""
    return _short(entry_key(entry) + "\x00" + normalise_title(entry.title))
