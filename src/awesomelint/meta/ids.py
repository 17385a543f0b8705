"""Identifiers of entries: the one place meta asks what work a URL names.

URL identity lives in ``canonical`` today and moves to a ``urls`` package;
:func:`work_key` is the one adapter, so that move is a one-line change here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from awesomelint.model import Entry

#: Kinds of keys that name papers (checked against titles) and repositories.
PAPER_KINDS = frozenset({"arxiv", "openreview", "doi", "acl"})
REPO_KINDS = frozenset({"github"})
_ACL_DOI_PREFIX = "10.18653/v1/"


def work_key(url: str) -> str | None:
    """``arxiv:2310.11207``, ``github:owner/repo`` ... for ``url``, or None."""
    from awesomelint.canonical import work_key as key_of

    return key_of(url)


def landing_url(key: str) -> str:
    """The canonical page of a paper key (``https://arxiv.org/abs/2304.01373``)."""
    ident = value(key)
    return {
        "arxiv": f"https://arxiv.org/abs/{ident}",
        "doi": f"https://doi.org/{ident}",
        "acl": f"https://aclanthology.org/{ident}",
        "openreview": f"https://openreview.net/forum?id={ident}",
    }.get(kind(key), ident)


def kind(key: str) -> str:
    """``arxiv`` for ``arxiv:2310.11207``."""
    return key.partition(":")[0]


def value(key: str) -> str:
    """``2310.11207`` for ``arxiv:2310.11207``."""
    return key.partition(":")[2]


def acl_doi(acl_id: str) -> str | None:
    """The DOI an ACL Anthology paper has (new ids and old ones from 2016 on), else None."""
    if "." in acl_id or (len(acl_id) == 8 and acl_id[1:3].isdigit() and int(acl_id[1:3]) >= 16):
        return (_ACL_DOI_PREFIX + acl_id).lower()
    return None


@dataclass(frozen=True)
class Ident:
    """One identifier of an entry: key, the URL as written, and whether it is the primary link."""

    key: str
    url: str
    primary: bool


def identifiers(entry: Entry) -> tuple[Ident, ...]:
    """The paper and repository identifiers of an entry's own links, primary first, once each."""
    seen: set[str] = set()
    found: list[Ident] = []
    for position, url in enumerate(entry.urls()):
        key = work_key(url)
        if key is None or key in seen or kind(key) not in PAPER_KINDS | REPO_KINDS:
            continue
        seen.add(key)
        found.append(Ident(key, url, primary=position == 0 and bool(entry.url)))
    return tuple(found)


def entries_of(paths: list[str]) -> Iterator[Entry]:
    """Every entry of the lists (InputError if one cannot be read)."""
    from awesomelint.parse import parse_file

    for path in paths:
        yield from parse_file(path).entries()
