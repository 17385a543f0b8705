"""A persistent verdict cache in one SQLite file, so scheduled CI runs skip known URLs.

Only definitive verdicts are kept (ok, redirected, dead by 404/410): a timeout
or a 429 says something about one moment, not about the URL.  The ids and
names of pages read for ``#fragment`` checks are kept beside their verdicts,
with the same expiry, so a warm run checks fragments without a request.
Writes are batched in transactions (a verdict and its page's anchors in the
same one), so an interrupted run leaves a consistent file that keeps
everything committed so far.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import sys
import time
from collections.abc import Callable, Container, Iterable
from pathlib import Path
from typing import Any

from awesomelint import __version__
from awesomelint.links.model import Outcome, Verdict

_DOCUMENTS = """
CREATE TABLE IF NOT EXISTS documents (
    key TEXT PRIMARY KEY,
    links TEXT NOT NULL,
    anchors TEXT NOT NULL,
    stored_at REAL NOT NULL
) WITHOUT ROWID
"""
_SCHEMA = """
CREATE TABLE IF NOT EXISTS verdicts (
    url TEXT PRIMARY KEY,
    verdict TEXT NOT NULL,
    status INTEGER,
    redirect_to TEXT,
    final_url TEXT,
    detail TEXT NOT NULL DEFAULT '',
    checked_at REAL NOT NULL
) WITHOUT ROWID
"""
# The anchors of a page read for its fragments; NULL: read, but no anchors known (not HTML).
_ANCHORS = """
CREATE TABLE IF NOT EXISTS anchors (
    url TEXT PRIMARY KEY,
    anchors TEXT,
    checked_at REAL NOT NULL
) WITHOUT ROWID
"""
_DEFINITE_DEAD = frozenset({404, 410})
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$", re.IGNORECASE)
_FLUSH_EVERY = 200
_CHUNK = 900  # URLs per lookup query, under SQLite's oldest limit of 999 parameters
_KEEP_DOCUMENTS = 30 * 86400.0
# What link extraction depends on: a change to any of these invalidates parsed documents.
_PARSER_MODULES = ("parse", "extract.py", "model.py", "slug.py", "links/fragments.py")


def parser_fingerprint() -> str:
    """Version and file stamps of the parser, so a cached extraction never outlives its code."""
    root = Path(__file__).resolve().parents[1]
    stamps = [__version__]
    for name in _PARSER_MODULES:
        target = root / name
        files = sorted(target.glob("*.py")) if target.is_dir() else [target]
        for file in files:
            try:
                stat = file.stat()
            except OSError:
                continue
            stamps.append(f"{file.name}:{stat.st_mtime_ns}:{stat.st_size}")
    return "|".join(stamps)


def document_key(data: bytes, fingerprint: str) -> str:
    """Cache key of a list file's extracted links: its bytes and the parser's fingerprint."""
    return hashlib.sha256(fingerprint.encode() + b"\0" + data).hexdigest()


def _anchor_set(text: str | None) -> frozenset[str] | None:
    """The anchors stored as a JSON list (None: no anchors known); ValueError if damaged."""
    if text is None:
        return None
    names = json.loads(text)
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ValueError("not a list of anchors")
    return frozenset(names)


_MISS = Outcome(Verdict.SKIPPED, detail="not in the cache")  # a row that cannot answer


def _outcome(
    verdict: str,
    status: int | None,
    redirect_to: str | None,
    final_url: str | None,
    detail: str,
    want_anchors: bool,
    read: bool,
    names: str | None,
) -> Outcome:
    """The cached outcome of one row, or ``_MISS`` when the row cannot answer.

    A page wanted with its anchors answers only when they were read: a page
    that works but whose anchors are unknown (or expired) must be read again.
    """
    value = _VERDICTS.get(verdict)
    if value is None:
        return _MISS
    anchors = None
    if want_anchors and value in _READ:
        if not read:
            return _MISS
        try:
            anchors = _anchor_set(names)
        except ValueError:  # damaged by hand: read the page again
            return _MISS
    return Outcome(
        value,
        status=status,
        redirect_to=redirect_to,
        final_url=final_url,
        detail=detail,
        anchors=anchors,
        cached=True,
    )


class CacheError(Exception):
    """The cache file cannot be opened or is not a cache."""


def default_path() -> Path:
    """The cache file in the user's cache directory (XDG on Unix, LOCALAPPDATA on Windows)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "awesomelint" / "links.sqlite3"


def parse_age(text: str) -> float:
    """Seconds from an age like ``3600``, ``30m``, ``12h``, ``1d``, ``2w``; ValueError otherwise."""
    match = _AGE.match(text)
    if not match:
        raise ValueError(f"not an age: {text!r} (use e.g. 3600, 30m, 12h, 1d)")
    return float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()]


def cacheable(outcome: Outcome) -> bool:
    """True for verdicts that stay true for a while."""
    if outcome.verdict in (Verdict.OK, Verdict.REDIRECTED):
        return True
    return outcome.verdict is Verdict.DEAD and outcome.status in _DEFINITE_DEAD


_COLUMNS = {
    "verdicts": ["url", "verdict", "status", "redirect_to", "final_url", "detail", "checked_at"],
    "documents": ["key", "links", "anchors", "stored_at"],
    "anchors": ["url", "anchors", "checked_at"],
}
# Tables other commands keep in the same file (meta's records, meta/cache.py): ours too.
_SHARED_WITH = frozenset({"meta_records"})
_VERDICTS = {verdict.value: verdict for verdict in Verdict}
_READ = frozenset({Verdict.OK, Verdict.REDIRECTED})  # verdicts under which anchors matter
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _warn(message: str) -> None:
    print(f"awesomelint: warning: {message}", file=sys.stderr, flush=True)


class LinkCache:
    """Reads fresh verdicts, buffers new ones, commits them in batches.

    A cache only saves time, so no cache problem may end a run: a damaged
    SQLite file is moved aside (renamed ``*.corrupt``, never deleted), and a
    file that is read-only, locked by another run for longer than
    ``lock_timeout``, not a database, or another program's database is
    bypassed.  Each is reported once, in one line, through ``warn``; from then
    on the cache answers nothing and stores nothing.
    """

    def __init__(
        self,
        path: Path,
        max_age: float,
        now: float | None = None,
        *,
        lock_timeout: float = 10.0,
        warn: Callable[[str], None] = _warn,
    ) -> None:
        self.path = path
        self.max_age = max_age
        self.problem: str | None = None  # why the cache was given up, once it was
        self._warn = warn
        self._now = time.time() if now is None else now
        self._pending: list[tuple[str, str, int | None, str | None, str | None, str, float]] = []
        self._pending_anchors: list[tuple[str, str | None, float]] = []
        self._db: sqlite3.Connection | None = None
        self._json = True  # SQLite has json_each (nearly every build does)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheError(f"cannot use cache {path}: {exc.strerror or exc}") from None
        try:
            self._db = sqlite3.connect(path, timeout=lock_timeout, isolation_level=None)
            foreign = self._foreign()  # before any write: never change another program's file
            if not foreign:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute(_SCHEMA)
                self._db.execute(_DOCUMENTS)
                self._db.execute(_ANCHORS)
        except sqlite3.Error as exc:
            self._give_up(exc)
            return
        if foreign:
            self._give_up(None, f"is not an awesomelint cache ({foreign})")

    def _foreign(self) -> str | None:
        """Why the database is not one of ours (other tables, or ours with other columns)."""
        assert self._db is not None
        rows = self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = {row[0] for row in rows}
        others = sorted(tables - set(_COLUMNS) - _SHARED_WITH)
        if others:
            return f"it holds table {others[0]!r}"
        for table in sorted(tables & set(_COLUMNS)):
            found = [row[1] for row in self._db.execute(f"PRAGMA table_info({table})")]
            if found != _COLUMNS[table]:
                return f"its table {table!r} has other columns"
        return None

    def _give_up(self, exc: sqlite3.Error | None, what: str = "") -> None:
        """Stop using the cache for this run, say why in one line, move a damaged file aside."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        self._pending = []
        self._pending_anchors = []
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        reason = what or str(exc)
        if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) and self._is_sqlite_file():
            aside = self._move_aside()
            reason += f"; moved aside to {aside}" if aside else ""
        elif code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            reason = f"locked by another process ({exc})"
        elif code == sqlite3.SQLITE_READONLY or (
            self.path.exists() and not os.access(self.path, os.W_OK)
        ):
            reason = f"read-only ({exc})" if exc else reason
        self.problem = reason
        self._warn(f"cache {self.path}: {reason}; continuing without it")

    def _is_sqlite_file(self) -> bool:
        try:
            with self.path.open("rb") as handle:
                return handle.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
        except OSError:
            return False

    def _move_aside(self) -> Path | None:
        """Rename the damaged file (and its WAL files) out of the way; None if that fails."""
        aside = self.path.with_name(f"{self.path.name}.{int(time.time())}.corrupt")
        try:
            self.path.rename(aside)
        except OSError:
            return None
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(OSError):  # stale WAL files belong to the old file
                self.path.with_name(self.path.name + suffix).unlink()
        return aside

    @property
    def active(self) -> bool:
        """False once the cache was given up for this run."""
        return self._db is not None

    def lookup(
        self, urls: Iterable[str], anchored: Container[str] = frozenset()
    ) -> dict[str, Outcome]:
        """Fresh cached outcomes for those of ``urls`` the cache knows, in one query per chunk.

        A URL in ``anchored`` wants its page's anchors too: a page that works
        but whose anchors are not cached (or expired) is a miss.  Verdicts
        and anchors each expire by their own time, so neither is ever older
        than ``max_age``.
        """
        self.flush()
        found: dict[str, Outcome] = {}
        if self._db is None:
            return found
        wanted = list(dict.fromkeys(urls))
        oldest = self._now - self.max_age
        # A warm run reads thousands of rows that differ only by URL: one Outcome serves them.
        alike: dict[tuple[object, ...], Outcome] = {}
        try:
            for i in range(0, len(wanted), _CHUNK):
                rows = self._rows(wanted[i : i + _CHUNK], oldest)
                for url, verdict, status, redirect_to, final_url, detail, read, names in rows:
                    want = url in anchored
                    key = (verdict, status, redirect_to, final_url, detail, want, read, names)
                    if final_url == url:  # the common case; then rows alike share one value
                        key = (verdict, status, redirect_to, None, detail, want, read, names)
                    outcome = alike.get(key)
                    if outcome is None:
                        outcome = alike[key] = _outcome(*key)
                    if outcome is not _MISS:
                        found[url] = outcome
        except sqlite3.Error as exc:
            self._give_up(exc)
            return {}
        return found

    def _rows(self, urls: list[str], oldest: float) -> list[tuple[Any, ...]]:
        """The fresh rows of ``urls``, with their fresh anchors if any: one query.

        The URLs go in as one JSON array (``json_each``), which SQLite joins
        faster than a list of bound parameters; a SQLite built without JSON
        gets the parameter list.
        """
        assert self._db is not None
        columns = (
            "SELECT v.url, v.verdict, v.status, v.redirect_to, v.final_url, v.detail,"
            " a.checked_at IS NOT NULL, a.anchors"
        )
        anchors = "LEFT JOIN anchors AS a ON a.url = v.url AND a.checked_at >= ?1"
        if self._json:
            try:
                return self._db.execute(
                    f"{columns} FROM json_each(?2) AS j JOIN verdicts AS v ON v.url = j.value"
                    f" {anchors} WHERE v.checked_at >= ?1",
                    (oldest, json.dumps(urls)),
                ).fetchall()
            except sqlite3.OperationalError as exc:
                if "json_each" not in str(exc):
                    raise
                self._json = False
        marks = ",".join("?" * len(urls))
        return self._db.execute(
            f"{columns} FROM verdicts AS v {anchors}"
            f" WHERE v.checked_at >= ?1 AND v.url IN ({marks})",
            (oldest, *urls),
        ).fetchall()

    def store(self, url: str, outcome: Outcome, read: bool = False) -> None:
        """Remember a definitive outcome (others are ignored); commits every few hundred.

        ``read``: the page was read for its anchors, which are kept with it
        (``outcome.anchors`` None: read, but not HTML, so no anchors known).
        """
        if self._db is None or outcome.cached or not cacheable(outcome):
            return
        now = time.time()
        self._pending.append(
            (
                url,
                outcome.verdict.value,
                outcome.status,
                outcome.redirect_to,
                outcome.final_url,
                outcome.detail,
                now,
            )
        )
        if read and outcome.verdict in _READ:
            names = None if outcome.anchors is None else json.dumps(sorted(outcome.anchors))
            self._pending_anchors.append((url, names, now))
        if len(self._pending) >= _FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        """Commit buffered outcomes in one transaction."""
        if not self._pending or self._db is None:
            return
        rows, self._pending = self._pending, []
        anchors, self._pending_anchors = self._pending_anchors, []
        try:
            with self._db:  # a verdict and its page's anchors land together or not at all
                self._db.execute("BEGIN")
                self._db.executemany("INSERT OR REPLACE INTO verdicts VALUES (?,?,?,?,?,?,?)", rows)
                self._db.executemany("INSERT OR REPLACE INTO anchors VALUES (?,?,?)", anchors)
        except sqlite3.Error as exc:
            self._give_up(exc)

    def document(self, key: str) -> tuple[list[tuple[str, int]], frozenset[str]] | None:
        """Links (url, line) and anchors extracted earlier from identical bytes, if any."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT links, anchors FROM documents WHERE key = ?", (key,)
            ).fetchone()
        except sqlite3.Error as exc:
            self._give_up(exc)
            return None
        if row is None:
            return None
        try:
            links = [(str(url), int(line)) for url, line in json.loads(row[0])]
            return links, frozenset(json.loads(row[1]))
        except (ValueError, TypeError):
            return None

    def store_document(
        self, key: str, links: list[tuple[str, int]], anchors: frozenset[str]
    ) -> None:
        """Remember what a list file's bytes hold, so an unchanged file is not parsed again."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.execute(
                    "INSERT OR REPLACE INTO documents VALUES (?,?,?,?)",
                    (key, json.dumps(links), json.dumps(sorted(anchors)), time.time()),
                )
        except sqlite3.Error as exc:
            self._give_up(exc)

    def close(self) -> None:
        """Flush, forget long-unused entries and close; safe to call twice, never raises."""
        self.flush()
        if self._db is None:
            return
        try:
            oldest = time.time() - max(self.max_age, _KEEP_DOCUMENTS)
            with self._db:
                self._db.execute("BEGIN")
                self._db.execute("DELETE FROM documents WHERE stored_at < ?", (oldest,))
                self._db.execute("DELETE FROM verdicts WHERE checked_at < ?", (oldest,))
                self._db.execute("DELETE FROM anchors WHERE checked_at < ?", (oldest,))
        except sqlite3.Error as exc:
            self._give_up(exc)
            return
        db, self._db = self._db, None
        with contextlib.suppress(sqlite3.Error):
            db.close()
