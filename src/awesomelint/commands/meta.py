"""``awesomelint meta PATH...``: check what each link points at, through the official APIs.

Exit codes: 0 no findings (info findings do not count), 1 findings, 2 usage,
config or I/O error, or with ``--strict`` a provider that could not be asked.
"""

from __future__ import annotations

import asyncio
import sqlite3

import click

from awesomelint.commands.paths import expand, path_arguments
from awesomelint.config import find_config, load_config
from awesomelint.errors import AwesomelintError

_FORMATS = ("github", "json", "sarif", "text")


def _warn(message: str) -> None:
    click.echo(f"awesomelint: {message}", err=True)


def _fail(message: str) -> int:
    click.echo(f"awesomelint: {message}", err=True)
    return 2


@click.command("meta")
@path_arguments()
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default="text", show_default=True)
@click.option("--fix", is_flag=True, help="Rewrite moved repositories to their new owner/name.")
@click.option("--fix-titles", is_flag=True, help="With --fix: also set drifted titles.")
@click.option(
    "--fix-papers", is_flag=True, help="With --fix: re-point wrong-paper links a search found."
)
@click.option("--title-drift", is_flag=True, default=None, help="Report abbreviated titles too.")
@click.option("--strict", is_flag=True, help="Exit 2 when a provider could not be asked.")
@click.option("--config", "config_file", metavar="PATH", help="Config file to use.")
@click.option("--cache", "cache_file", metavar="PATH", help="Cache file (SQLite).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option("--max-cache-age", metavar="AGE", help="Oldest usable record: 3600, 12h, 7d.")
@click.option("--allow-private", is_flag=True, help="Allow API roots on non-public addresses.")
@click.option(
    "--provider",
    "providers",
    multiple=True,
    metavar="NAME",
    help="Ask only these providers (repeatable; default: config or all).",
)
def meta(
    paths: tuple[str, ...],
    exclude_paths: tuple[str, ...],
    fmt: str,
    fix: bool,
    fix_titles: bool,
    fix_papers: bool,
    title_drift: bool | None,
    strict: bool,
    config_file: str | None,
    cache_file: str | None,
    no_cache: bool,
    max_cache_age: str | None,
    allow_private: bool,
    providers: tuple[str, ...],
) -> int:
    """Check that each entry's links point at what it says: papers, venues, repositories.

    PATH: files, directories or quoted globs, as for every command.
    """
    from dataclasses import replace

    from awesomelint.meta.cache import open_cache
    from awesomelint.meta.config import PROVIDERS, meta_config, parse_age
    from awesomelint.meta.findings import FAILING, Options

    files = tuple(expand(paths, exclude_paths))
    if not files:
        return _fail("no markdown files to check")
    try:
        config = load_config(config_file) if config_file else find_config(files[0])
        config.check_keys()
        conf = meta_config(config)
        if providers:
            unknown = sorted(set(providers) - set(PROVIDERS))
            if unknown:
                raise click.UsageError(f"unknown provider {unknown[0]!r}")
            conf = replace(conf, providers=tuple(dict.fromkeys(providers)))
        try:
            max_age = parse_age(max_cache_age) if max_cache_age else conf.max_cache_age
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
        if (fix_titles or fix_papers) and not fix:
            raise click.UsageError("--fix-titles and --fix-papers need --fix")
        cache = None if no_cache else open_cache(cache_file, conf.cache, max_age, _warn)
    except click.UsageError as exc:
        return _fail(exc.format_message())
    except AwesomelintError as exc:
        return _fail(str(exc))

    from awesomelint.meta.engine import check
    from awesomelint.meta.report import FORMATS, outage_line

    options = Options(
        threshold=conf.title_threshold,
        stale_days=conf.stale_days,
        # --fix-titles is for drifted titles: it turns their report on
        title_drift=fix_titles or (conf.title_drift if title_drift is None else title_drift),
    )
    try:
        report = asyncio.run(
            check(files, conf, allow_private=allow_private, cache=cache, options=options)
        )
    except AwesomelintError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        click.echo("awesomelint: interrupted; the cache keeps every finished batch", err=True)
        return 130
    except sqlite3.Error as exc:
        return _fail(f"cache: {exc}")
    finally:
        if cache is not None:
            cache.close()

    click.echo(FORMATS[fmt](report), nl=False)
    for outage in report.outages:
        click.echo(f"awesomelint: {outage_line(outage)}", err=True)
    remaining = list(report.findings)
    if fix:
        from awesomelint.meta.fix import apply

        kinds = (
            {"url"} | ({"title"} if fix_titles else set()) | ({"paper"} if fix_papers else set())
        )
        chosen = [f.fix for f in report.findings if f.fix is not None and f.fix.kind in kinds]
        try:
            done = apply(chosen)
        except (OSError, UnicodeDecodeError) as exc:
            return _fail(f"--fix: {exc}")
        for file, why in done.refused.items():
            click.echo(f"awesomelint: {file}: not written: {why}", err=True)
        total = sum(done.fixed.values())
        if total:
            click.echo(f"awesomelint: fixed {total} entries in {len(done.fixed)} files", err=True)
        remaining = [
            f
            for f in report.findings
            if not (f.fix is not None and f.fix.kind in kinds and f.file in done.fixed)
        ]
        if done.refused:
            return 1
    if strict and report.outages:
        return 2
    return 1 if any(f.level in FAILING for f in remaining) else 0
