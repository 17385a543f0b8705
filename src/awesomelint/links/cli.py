"""``awesomelint links FILE...``: check every http(s) link and same-file anchor of the lists.

Exit codes: 0 no dead links, 1 dead or invalid links (with ``--strict`` also
blocked and timed-out ones), 2 usage, config or I/O error.
"""

from __future__ import annotations

import asyncio
import os
import re
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

import click

from awesomelint.config import find_config, load_config
from awesomelint.errors import AwesomelintError, ConfigError
from awesomelint.links.cache import (
    CacheError,
    LinkCache,
    default_path,
    document_key,
    parse_age,
    parser_fingerprint,
)
from awesomelint.links.config import links_config, parse_accept
from awesomelint.links.model import FAILING, STRICT_FAILING, LinkLike, Report, Settings
from awesomelint.links.report import FORMATS
from awesomelint.validate import HEADER_TEXT, FiniteFloat


def _fail(message: str) -> int:
    click.echo(f"awesomelint: {message}", err=True)
    return 2


def _progress(stream: TextIO) -> Callable[[int, int], None]:
    """A one-line progress bar, redrawn at most ten times a second."""
    last = 0.0

    def show(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if done < total and now - last < 0.1:
            return
        last = now
        width = 30
        filled = width * done // max(total, 1)
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} URLs")
        if done >= total:
            stream.write("\r" + " " * (width + 30) + "\r")
        stream.flush()

    return show


def _read_lists(
    files: tuple[str, ...], cache: LinkCache | None
) -> tuple[list[LinkLike], dict[str, frozenset[str]]]:
    """Links of every list and the anchors its headings make (InputError if unreadable).

    With a cache, an unchanged file (same bytes, same parser) is not parsed
    again: on a warm re-run parsing would cost more than checking.
    """
    from awesomelint.extract import LinkRef
    from awesomelint.parse import read_bytes

    fingerprint = parser_fingerprint() if cache is not None else ""
    links: list[LinkLike] = []
    anchors: dict[str, frozenset[str]] = {}
    for file in files:
        data: bytes | None = None
        key = ""
        if cache is not None:
            data = read_bytes(file)  # bounded; InputError if unreadable
        if cache is not None and data is not None:
            key = document_key(data, fingerprint)
            known = cache.document(key)
            if known is not None:
                links.extend(LinkRef(url, file, line, "") for url, line in known[0])
                anchors[file] = known[1]
                continue
        refs, anchors[file] = _parse(file, data)
        links.extend(refs)
        if cache is not None and key:
            cache.store_document(key, [(r.url, r.line) for r in refs], anchors[file])
    return links, anchors


def _parse(file: str, data: bytes | None) -> tuple[list[LinkLike], frozenset[str]]:
    """Parse one list: its links, and the anchors of its headings and HTML ids."""
    from awesomelint.extract import iter_links
    from awesomelint.links.fragments import document_anchors
    from awesomelint.parse import decode, parse_text, read_file

    decoded = read_file(file) if data is None else decode(data, file)
    document = parse_text(decoded.text, file, decoded.newline, decoded.repairs)
    headings = [document.title] if document.title else []
    headings += [section.title for section in document.all_sections()]
    return list(iter_links(document)), document_anchors(headings, decoded.text)


def _open_cache(explicit: str | None, configured: str | None, max_age: float) -> LinkCache | None:
    """The cache file; a broken default cache only warns, a named one is an error."""
    path = Path(explicit or configured or default_path())
    try:
        return LinkCache(path, max_age)
    except CacheError as exc:
        if explicit or configured:
            raise ConfigError(str(exc)) from None
        click.echo(f"awesomelint: warning: {exc}; running without cache", err=True)
        return None


def _settings(base: Settings, options: dict[str, Any]) -> Settings:
    """Flags over config: only the flags the user actually gave."""
    given = {key: value for key, value in options.items() if value is not None}
    if "exclude" in given:
        given["exclude"] = base.exclude + given["exclude"]
    return replace(base, **given)


@click.command("links")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True
)
@click.option("--fix", is_flag=True, help="Rewrite permanently redirected links in the files.")
@click.option("--force", is_flag=True, help="With --fix, rewrite read-only files too.")
@click.option("--strict", is_flag=True, help="Fail on blocked and timed-out links too.")
@click.option("--config", "config_file", metavar="PATH", help="Config file to use.")
@click.option("--cache", "cache_file", metavar="PATH", help="Cache file (SQLite).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option("--max-cache-age", metavar="AGE", help="Oldest usable cache entry: 3600, 12h, 1d.")
@click.option("--check-fragments", is_flag=True, default=None, help="Check #fragments of pages.")
@click.option("--allow-private", is_flag=True, help="Allow requests to non-public addresses.")
@click.option("--timeout", type=FiniteFloat(0.001), help="Seconds per request.")
@click.option("--retries", type=click.IntRange(min=0), help="Retries of transient failures.")
@click.option("--max-concurrency", type=click.IntRange(min=1), help="Requests in flight.")
@click.option("--host-concurrency", type=click.IntRange(min=1), help="Requests per host.")
@click.option("--host-interval", type=FiniteFloat(0), help="Seconds between requests.")
@click.option("--exclude", multiple=True, metavar="REGEX", help="Skip matching URLs.")
@click.option("--accept", metavar="CODES", help="Accepted statuses, e.g. 200..299,429.")
@click.option("--user-agent", metavar="UA", type=HEADER_TEXT, help="User-Agent header.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a tty).")
def links(
    files: tuple[str, ...],
    fmt: str,
    fix: bool,
    force: bool,
    strict: bool,
    config_file: str | None,
    cache_file: str | None,
    no_cache: bool,
    max_cache_age: str | None,
    check_fragments: bool | None,
    allow_private: bool,
    timeout: float | None,
    retries: int | None,
    max_concurrency: int | None,
    host_concurrency: int | None,
    host_interval: float | None,
    exclude: tuple[str, ...],
    accept: str | None,
    user_agent: str | None,
    progress: bool | None,
) -> int:
    """Check the http(s) links of awesome lists: dead, moved, blocked, timed out."""
    try:
        config = load_config(config_file) if config_file else find_config(files[0])
        conf = links_config(config)
        try:
            accepted = parse_accept(accept) if accept else None
            max_age = parse_age(max_cache_age) if max_cache_age else conf.max_cache_age
            for pattern in exclude:
                re.compile(pattern)
        except (ValueError, re.error) as exc:
            raise click.UsageError(str(exc)) from None
        settings = _settings(
            conf.settings,
            {
                "accept": accepted,
                "exclude": exclude or None,
                "timeout": timeout,
                "retries": retries,
                "max_concurrency": max_concurrency,
                "host_concurrency": host_concurrency,
                "host_interval": host_interval,
                "user_agent": user_agent,
                "check_fragments": check_fragments,
                "allow_private": allow_private or None,
                "github_token": os.environ.get("GITHUB_TOKEN") or None,
            },
        )
        cache = None if no_cache else _open_cache(cache_file, conf.cache, max_age)
    except click.UsageError as exc:
        return _fail(exc.format_message())
    except AwesomelintError as exc:
        return _fail(str(exc))

    show = progress if progress is not None else sys.stderr.isatty()
    from awesomelint.links.engine import check

    try:
        link_refs, anchors = _read_lists(files, cache)
        report: Report = asyncio.run(
            check(
                link_refs,
                settings,
                anchors=anchors,
                cache=cache,
                progress=_progress(sys.stderr) if show else None,
            )
        )
    except AwesomelintError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        click.echo("awesomelint: interrupted; the cache keeps what was checked", err=True)
        return 130
    except sqlite3.Error as exc:
        return _fail(f"cache: {exc}")
    finally:
        if cache is not None:
            cache.close()

    click.echo(FORMATS[fmt](report), nl=False)
    if fix:
        from awesomelint.fileio import WriteRefused
        from awesomelint.links.fix import apply, rewrites

        try:
            fixed = apply(rewrites(report.results), force=force)
        except WriteRefused as exc:
            return _fail(f"--fix: {exc.filename}: cannot write ({exc})")
        except (OSError, UnicodeDecodeError, AwesomelintError) as exc:
            return _fail(f"--fix: {exc}")
        total = sum(fixed.values())
        if total:
            click.echo(f"awesomelint: fixed {total} links in {len(fixed)} files", err=True)
    failing = FAILING | STRICT_FAILING if strict else FAILING
    return 1 if any(result.verdict in failing for result in report.results) else 0
