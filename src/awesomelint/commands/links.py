"""``awesomelint links [PATH...]``: check the links of awesome lists.

http(s) links (with their ``#fragments``), same-file anchors and local file
links.  Exit codes: 0 no broken links, 1 dead, invalid or fragment-missing
links (with ``--strict`` also blocked and timed-out ones), 2 usage, config or
I/O error, or no network at all.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import sys
from collections.abc import Coroutine, Iterator, MutableMapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import click

from awesomelint.commands.options import Output, epilog, finite, output_options
from awesomelint.commands.paths import expand, path_arguments
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
from awesomelint.links.config import check_pattern, links_config, parse_accept
from awesomelint.links.model import FAILING, STRICT_FAILING, LinkLike, Report, Settings, Verdict
from awesomelint.links.report import FORMATS, markdown
from awesomelint.validate import HEADER_TEXT

if TYPE_CHECKING:
    import asyncio

    from awesomelint.links.engine import Checking

T = TypeVar("T")
CI_CACHE = ".awesomelint-cache.sqlite3"
_STDIN = "<stdin>"


class Interrupted(Exception):
    """The user pressed Ctrl-C once: the run stops, the cache keeps what it has."""


def _fail(message: str) -> int:
    click.echo(f"awesomelint: {message}", err=True)
    return 2


def run_interruptible(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro``; the first Ctrl-C cancels it cleanly, a second one exits at once.

    The cache commits in transactions (SQLite, WAL), so leaving without a
    word on the second Ctrl-C still leaves it consistent; what matters is
    that nothing (a stuck cancellation, a DNS thread) can keep the user
    waiting.
    """
    import asyncio

    loop = asyncio.new_event_loop()
    task = loop.create_task(coro)
    presses = 0

    def interrupt() -> None:
        nonlocal presses
        presses += 1
        if presses == 1:
            task.cancel()
            return
        os.write(2, b"\nawesomelint: interrupted again: exiting now\n")
        os._exit(130)

    installed = False
    try:
        loop.add_signal_handler(signal.SIGINT, interrupt)
        installed = True
    except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or Windows
        pass
    try:
        return loop.run_until_complete(task)
    except asyncio.CancelledError:
        if presses:
            raise Interrupted from None
        raise
    finally:
        if installed:
            # until the cache is closed, a second Ctrl-C still means "now"
            signal.signal(signal.SIGINT, lambda *_: interrupt())
        _close_loop(loop)


_TEARDOWN = 2.0  # seconds the loop's teardown may take


def _close_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Close ``loop`` as ``asyncio.run`` does, and then some: a body stream left mid-way (a
    capped or endless answer) is finalised by a task the collector schedules late; run
    it too, or stderr gets "Task was destroyed but it is pending!" at exit."""
    import asyncio  # a warm run, answered by the cache, never loads it

    with contextlib.suppress(Exception):
        for _ in range(3):  # tasks left, then the generators' closers they leave behind
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            # bounded: a task stuck in its cancellation must not keep the user waiting
            if pending:
                loop.run_until_complete(asyncio.wait(pending, timeout=_TEARDOWN))
            loop.run_until_complete(asyncio.wait_for(loop.shutdown_asyncgens(), _TEARDOWN))
    loop.close()


class _Known(NamedTuple):
    """A link of a list read from the cache (a tuple: a warm run makes thousands)."""

    url: str
    file: str
    line: int


def _links_of(
    files: list[str], cache: LinkCache | None, anchors: MutableMapping[str, frozenset[str]]
) -> Iterator[LinkLike]:
    """Links of every list, file after file, filling ``anchors`` (InputError if unreadable).

    With a cache, an unchanged file (same bytes, same parser) is not parsed
    again: on a warm re-run parsing would cost more than checking.
    """
    from awesomelint.fileio import read_bytes

    fingerprint = parser_fingerprint() if cache is not None else ""
    for file in files:
        name = _STDIN if file == "-" else file
        data: bytes | None = read_bytes("-") if file == "-" else None
        key = ""
        if cache is not None and data is None:
            data = read_bytes(file)  # bounded; InputError if unreadable
        if cache is not None and data is not None:
            key = document_key(data, fingerprint)
            known = cache.document(key)
            if known is not None:
                anchors[name] = known[1]
                yield from (_Known(url, name, line) for url, line in known[0])
                continue
        refs, anchors[name] = _parse(name, data)
        yield from refs
        if cache is not None and key:
            cache.store_document(key, [(r.url, r.line) for r in refs], anchors[name])


def _parse(file: str, data: bytes | None) -> tuple[list[LinkLike], frozenset[str]]:
    """Parse one list: its links, and its anchors (``awesomelint.anchors``)."""
    from awesomelint.anchors import file_anchors
    from awesomelint.extract import iter_links
    from awesomelint.parse import decode, parse_text, read_file

    decoded = read_file(file) if data is None else decode(data, file)
    document = parse_text(decoded.text, file, decoded.newline, decoded.repairs)
    return list(iter_links(document)), file_anchors(document, decoded.text)


def _cache_path(explicit: str | None, configured: str | None) -> tuple[Path, bool]:
    """The cache file, and whether the user chose it (then a broken one is an error).

    In CI (``CI`` set) the default is a file in the workspace, which
    ``actions/cache`` can keep between runs; a runner's home is thrown away.
    """
    if explicit or configured:
        return Path(explicit or configured or ""), True
    if os.environ.get("CI"):
        workspace = os.environ.get("GITHUB_WORKSPACE") or os.getcwd()
        return Path(workspace) / CI_CACHE, False
    return default_path(), False


def _open_cache(explicit: str | None, configured: str | None, max_age: float) -> LinkCache | None:
    path, chosen = _cache_path(explicit, configured)
    try:
        return LinkCache(path, max_age)
    except CacheError as exc:
        if chosen:
            raise ConfigError(str(exc)) from None
        click.echo(f"awesomelint: warning: {exc}; running without cache", err=True)
        return None


def _settings(base: Settings, options: dict[str, Any]) -> Settings:
    """Flags over config: only the flags the user actually gave."""
    given = {key: value for key, value in options.items() if value is not None}
    if "exclude" in given:
        given["exclude"] = base.exclude + given["exclude"]
    return replace(base, **given)


def resolve_format(name: str) -> str:
    """``auto`` is ``github`` under GitHub Actions, else ``text``."""
    if name != "auto":
        return name
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _default_jobs() -> int:
    """One process: with the lean HEAD path a run is latency-bound again, and worker
    processes cost more CPU in pickling than they save (see lanes.py)."""
    return 1


def _write(path: str, text: str) -> None:
    from awesomelint.fileio import atomic_write

    atomic_write(path, text.encode("utf-8"))


def _append_summary(report: Report) -> None:
    """Append the markdown report to the job summary of a GitHub Actions run."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(markdown(report) + "\n")
    except OSError as exc:
        click.echo(f"awesomelint: warning: cannot write the step summary: {exc}", err=True)


def _check(
    links: Iterator[LinkLike],
    settings: Settings,
    anchors: dict[str, frozenset[str]],
    cache: LinkCache | None,
    progress: Any,
    jobs: int,
    suggest: bool,
) -> Report:
    """Check the links; the event loop is started only when something must be requested."""
    from awesomelint.links.engine import Checking

    checking = Checking(links, settings, anchors=anchors, cache=cache)
    report = checking.offline()  # a warm re-run ends here, without a loop or an HTTP client
    if report is not None and not (suggest and _dead(report)):
        return report
    return run_interruptible(_online(checking, report, settings, cache, progress, jobs, suggest))


def _dead(report: Report) -> list[str]:
    return [r.url for r in report.results if r.verdict is Verdict.DEAD and r.url.startswith("http")]


async def _online(
    checking: Checking,
    report: Report | None,
    settings: Settings,
    cache: LinkCache | None,
    progress: Any,
    jobs: int,
    suggest: bool,
) -> Report:
    if report is None:
        report = await checking.run(progress, jobs)
    dead = _dead(report)
    if suggest and dead and not report.network_down:
        from awesomelint.links.wayback import snapshots

        found = await snapshots(dead, settings, cache)
        results = tuple(replace(r, archive=found.get(r.url)) for r in report.results)
        report = replace(report, results=results)
    return report


_EPILOG = epilog(
    [
        "awesomelint links                        # the markdown files of this repository",
        "awesomelint links README.md docs/ 'lists/**/*.md' --exclude-path CHANGELOG.md",
        "cat list.md | awesomelint links -        # standard input",
        "awesomelint links --format markdown --output report.md --suggest-archive",
    ],
    "0 no broken links; 1 dead, invalid or fragment-missing links (--strict: also blocked and "
    "timed out); 2 usage, config or I/O error, or no network at all.",
)


@click.command("links", epilog=_EPILOG)
@path_arguments(exclude_flag="--exclude-path")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", *sorted(FORMATS)]),
    default="auto",
    show_default=True,
    help="auto: github under GitHub Actions, else text.",
)
@click.option("--output", "output_file", metavar="FILE", help="Write the report to FILE.")
@click.option("--fix", is_flag=True, help="Rewrite permanently redirected links in the files.")
@click.option("--force", is_flag=True, help="With --fix, rewrite read-only files too.")
@click.option("--strict", is_flag=True, help="Fail on blocked and timed-out links too.")
@click.option("--config", "config_file", metavar="PATH", help="Config file to use.")
@click.option(
    "--cache",
    "cache_file",
    metavar="PATH",
    help=f"Cache file (SQLite). Default: the user cache; {CI_CACHE} in the workspace under CI.",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option(
    "--max-cache-age", metavar="AGE", help="Oldest usable cache entry: 3600, 12h, 1d. [default: 1d]"
)
@click.option(
    "--check-fragments/--no-check-fragments",
    default=None,
    help="Check the #fragment of links against the page's ids. [default: check]",
)
@click.option(
    "--root-dir", type=click.Path(file_okay=False), help="Where /root-relative links point."
)
@click.option(
    "--suggest-archive", is_flag=True, help="Name a Wayback Machine snapshot of dead links."
)
@click.option("--archive-api", metavar="URL", help="The Wayback availability API to ask.")
@click.option("--allow-private", is_flag=True, help="Allow requests to non-public addresses.")
@click.option("--timeout", type=finite("seconds", 0.001, 3600), help="Seconds per request. [15]")
@click.option("--retries", type=click.IntRange(0, 20), help="Retries of transient failures. [2]")
@click.option("--max-concurrency", type=click.IntRange(1, 1024), help="Requests in flight. [64]")
@click.option("--host-concurrency", type=click.IntRange(1, 1024), help="Requests per host. [4]")
@click.option(
    "--host-interval", type=finite("seconds", 0, 3600), help="Seconds between requests. [0]"
)
@click.option("--jobs", type=click.IntRange(1, 64), help="Worker processes, hosts shared out. [1]")
@click.option("--exclude", multiple=True, metavar="REGEX", help="Skip matching URLs.")
@click.option("--accept", metavar="CODES", help="Accepted statuses, e.g. 200..299,429.")
@click.option("--user-agent", metavar="UA", type=HEADER_TEXT, help="User-Agent header.")
@click.option("--progress/--no-progress", default=None, help="Progress line (default: on a tty).")
@output_options
def links(
    paths: tuple[str, ...],
    exclude_paths: tuple[str, ...],
    fmt: str,
    output_file: str | None,
    fix: bool,
    force: bool,
    strict: bool,
    config_file: str | None,
    cache_file: str | None,
    no_cache: bool,
    max_cache_age: str | None,
    check_fragments: bool | None,
    root_dir: str | None,
    suggest_archive: bool,
    archive_api: str | None,
    allow_private: bool,
    timeout: float | None,
    retries: int | None,
    max_concurrency: int | None,
    host_concurrency: int | None,
    host_interval: float | None,
    jobs: int | None,
    exclude: tuple[str, ...],
    accept: str | None,
    user_agent: str | None,
    progress: bool | None,
    out: Output,
) -> int:
    """Check the links of awesome lists: dead, moved, blocked, timed out, missing anchors.

    PATH: files, directories, quoted globs, or - for standard input.
    """
    files = expand(paths, exclude_paths)
    if not files:
        return _fail("no markdown files to check")
    if fix and "-" in files:
        return _fail("--fix cannot rewrite standard input")
    try:
        first = files[0] if files[0] != "-" else os.getcwd()
        config = load_config(config_file) if config_file else find_config(first)
        conf = links_config(config)
        try:
            accepted = parse_accept(accept) if accept else None
            max_age = parse_age(max_cache_age) if max_cache_age else conf.max_cache_age
            for pattern in exclude:
                check_pattern(pattern)
            if archive_api is not None and not archive_api.startswith(("http://", "https://")):
                raise ValueError(f"--archive-api: not an http(s) URL: {archive_api}")
        except ValueError as exc:
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
                "root_dir": root_dir,
                "archive_api": archive_api,
                "github_token": os.environ.get("GITHUB_TOKEN") or None,
            },
        )
        cache = None if no_cache else _open_cache(cache_file, conf.cache, max_age)
    except click.UsageError as exc:
        return _fail(exc.format_message())
    except AwesomelintError as exc:
        return _fail(str(exc))

    show = progress if progress is not None else (sys.stderr.isatty() and not out.quiet)
    bar = None
    if show:
        from awesomelint.links.progress import ProgressLine

        bar = ProgressLine(sys.stderr)
    anchors: dict[str, frozenset[str]] = {}
    interrupted = False
    try:
        report = _check(
            _links_of(files, cache, anchors),
            settings,
            anchors,
            cache,
            bar,
            jobs or conf.jobs or _default_jobs(),
            suggest_archive,
        )
    except AwesomelintError as exc:
        return _fail(str(exc))
    except (Interrupted, KeyboardInterrupt):
        interrupted = True
        click.echo("\nawesomelint: interrupted; the cache keeps what was checked", err=True)
        return 130
    except sqlite3.Error as exc:
        return _fail(f"cache: {exc}")
    finally:
        if bar is not None:
            bar.clear()
        if cache is not None:
            cache.close()
        # after an interrupt we are on the way out: another Ctrl-C must not turn it into a
        # traceback (or a kill by signal), so it is ignored for the few instructions left
        signal.signal(signal.SIGINT, signal.SIG_IGN if interrupted else signal.default_int_handler)

    if report.network_down:
        return _fail(
            f"no request could get out ({report.network_down}): is the network down? "
            "No link was judged."
        )
    text = FORMATS[resolve_format(fmt)](report)
    if output_file:
        try:
            _write(output_file, text)
        except OSError as exc:
            return _fail(f"--output {output_file}: {exc.strerror or exc}")
    elif not (out.quiet and text.count("\n") <= 1 and fmt in ("auto", "text")):
        click.echo(text, nl=False)
    _append_summary(report)
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
            out.info(f"awesomelint: fixed {total} links in {len(fixed)} files")
    failing = FAILING | STRICT_FAILING if strict else FAILING
    return 1 if any(result.verdict in failing for result in report.results) else 0
