"""Fetching upstream lists over HTTP, with a cache so a re-run works offline."""

from __future__ import annotations

import hashlib
from pathlib import Path

from awesomelint.errors import InputError
from awesomelint.fileio import atomic_write

MAX_LIST_BYTES = 20 * 1024 * 1024


def _cache_file(url: str, cache_dir: Path) -> Path:
    return cache_dir / (hashlib.sha256(url.encode()).hexdigest()[:32] + ".md")


def fetch_list(url: str, cache_dir: Path, *, timeout: float = 30.0) -> bytes:
    """The list at ``url``; the cached copy when the fetch fails; else ``InputError``."""
    import httpx

    cached = _cache_file(url, cache_dir)
    try:
        with (
            httpx.Client(follow_redirects=True, timeout=timeout) as client,
            client.stream("GET", url, headers={"User-Agent": "awesomelint"}) as response,
        ):
            if response.status_code != 200:
                raise InputError(f"{url}: HTTP {response.status_code}")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_LIST_BYTES:
                    raise InputError(f"{url}: larger than {MAX_LIST_BYTES} bytes, not a list")
                chunks.append(chunk)
        data = b"".join(chunks)
    except (httpx.HTTPError, InputError) as exc:
        reason = str(exc) if isinstance(exc, InputError) else f"{url}: {type(exc).__name__}"
        if cached.exists():
            import click

            click.echo(f"awesomelint: {reason}; using the cached copy {cached}", err=True)
            return cached.read_bytes()
        raise InputError(f"cannot fetch {reason.removeprefix(url + ': ')} ({url})") from None
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(str(cached), data)
    except OSError:
        pass  # a cache we cannot write costs only the offline re-run
    return data
