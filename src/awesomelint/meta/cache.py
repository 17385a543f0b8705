"""Provider answers in the link checker's SQLite cache file, in a table of their own.

Keys are identifiers (``arxiv:2310.11207``), never URLs, so the link
verdicts and the metadata records cannot collide; the TTL is meta's own
(7 days by default).  Only parsed, well-formed answers are stored (a
malformed or failed response never reaches ``store``), and each provider
batch is committed in one transaction, so an interrupted run leaves a
consistent file holding every batch finished before it.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from awesomelint.links.cache import CacheError, default_path
from awesomelint.meta.model import Record

__all__ = ["CacheError", "MetaCache", "default_path", "open_cache"]

_KEEP = 7 * 86400.0
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta_records (
    key TEXT NOT NULL,
    provider TEXT NOT NULL,
    record TEXT NOT NULL,
    stored_at REAL NOT NULL,
    PRIMARY KEY (provider, key)
) WITHOUT ROWID
"""


class MetaCache:
    """Fresh records by (provider, key); batches written atomically."""

    def __init__(self, path: Path, max_age: float, now: float | None = None) -> None:
        self.path = path
        self.max_age = max_age
        self._now = time.time() if now is None else now
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=10, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(f"cannot use cache {path}: {exc}") from None

    def lookup(self, provider: str, keys: Iterable[str]) -> dict[str, Record]:
        """The fresh records of ``provider`` for those of ``keys`` it has."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, Record] = {}
        oldest = self._now - self.max_age
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT key, record FROM meta_records"
                f" WHERE provider = ? AND stored_at >= ? AND key IN ({marks})",
                (provider, oldest, *chunk),
            )
            for key, text in rows:
                try:
                    found[key] = Record.from_json(json.loads(text))
                except (KeyError, TypeError, ValueError):
                    continue  # a damaged row is a miss, not an error
        return found

    def store(self, records: Iterable[Record]) -> None:
        """Commit one batch of records in one transaction."""
        now = time.time()
        rows = [
            (r.key, r.provider, json.dumps(r.to_json(), ensure_ascii=False), now) for r in records
        ]
        if not rows:
            return
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO meta_records VALUES (?,?,?,?)", rows)

    def close(self) -> None:
        """Forget expired records and close; safe to call twice."""
        try:
            with self._db:
                self._db.execute("BEGIN")
                # a short --max-cache-age reads less; it does not throw away what others may use
                oldest = time.time() - max(self.max_age, _KEEP)
                self._db.execute("DELETE FROM meta_records WHERE stored_at < ?", (oldest,))
        except sqlite3.ProgrammingError:
            pass
        finally:
            self._db.close()


def open_cache(
    explicit: str | None, configured: str | None, max_age: float, warn: Callable[[str], None]
) -> MetaCache | None:
    """The shared cache file; a broken default cache only warns, a named one is an error."""
    from awesomelint.errors import ConfigError

    path = Path(explicit or configured or default_path())
    try:
        return MetaCache(path, max_age)
    except CacheError as exc:
        if explicit or configured:
            raise ConfigError(str(exc)) from None
        warn(f"warning: {exc}; running without cache")
        return None
