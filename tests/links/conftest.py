"""Fixtures: real loopback HTTP servers and a helper that runs the engine on a list of URLs."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from awesomelint.links.cache import LinkCache
from awesomelint.links.engine import check
from awesomelint.links.model import Report, Result, Settings

from .server import Server

# Fast, private-friendly settings: the tests' servers live on 127.0.0.0/8.
FAST = Settings(
    allow_private=True,
    timeout=2.0,
    retries=2,
    backoff_base=0.01,
    backoff_cap=0.05,
    retry_after_cap=2.0,
)


@dataclass(frozen=True)
class Ref:
    """A LinkRef stand-in for engine-level tests."""

    url: str
    file: str = "list.md"
    line: int = 1


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server().start()
    yield srv
    srv.stop()


@pytest.fixture
def farm() -> Iterator[Server]:
    """One server answering on 127.0.0.2 to 127.0.0.4 (three hosts)."""
    srv = Server(("127.0.0.2", "127.0.0.3", "127.0.0.4")).start()
    yield srv
    srv.stop()


def run(
    urls: list[str],
    settings: Settings = FAST,
    cache: LinkCache | None = None,
    anchors: dict[str, frozenset[str]] | None = None,
    **changes: object,
) -> Report:
    """Check ``urls`` (each on its own line of list.md) and return the report."""
    refs = [Ref(url, line=i + 1) for i, url in enumerate(urls)]
    return asyncio.run(
        check(refs, replace(settings, **changes), cache=cache, anchors=anchors)  # type: ignore[arg-type]
    )


def one(url: str, **changes: object) -> Result:
    """The result for a single URL."""
    (result,) = run([url], **changes).results
    return result


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "cache.sqlite3"
