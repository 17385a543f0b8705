"""``awesomelint lint``: offline rules over each list; the default pre-commit hook.

Fast and quiet by design: nothing of the link checker (httpx) is imported, the
dedupe engine (rapidfuzz, numpy) only when its rules run, and a clean run
prints nothing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from awesomelint.config import find_config, load_config
from awesomelint.errors import AwesomelintError
from awesomelint.lint.presets import PRESETS
from awesomelint.lint.report import FORMATS
from awesomelint.lint.runner import FileResult, fix_file, lint_bytes, lint_file
from awesomelint.lint.settings import LintSettings, lint_settings
from awesomelint.parse import read_bytes

_SKIP_DIRS = frozenset({"node_modules", "__pycache__", "site-packages"})


def _expand(paths: tuple[str, ...]) -> Iterator[str]:
    """Files as given; directories as the markdown files under them (hidden ones skipped)."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
                for name in sorted(names):
                    if name.lower().endswith((".md", ".markdown")):
                        yield os.path.join(root, name)
        else:
            yield path


def resolve_format(name: str) -> str:
    """``auto`` is ``github`` under GitHub Actions, else ``text``."""
    if name != "auto":
        return name
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _use_color(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


class _Settings:
    """Settings per configuration file, each read once per run."""

    def __init__(self, config_file: str | None, presets: tuple[str, ...]) -> None:
        self.presets = presets
        self.fixed = lint_settings(load_config(config_file), presets) if config_file else None
        self.found: dict[Path | None, LintSettings] = {}

    def for_file(self, path: str) -> LintSettings:
        if self.fixed is not None:
            return self.fixed
        config = find_config(Path.cwd() if path == "-" else path)
        if config.path not in self.found:
            self.found[config.path] = lint_settings(config, self.presets)
        return self.found[config.path]


@click.command("lint")
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "--fix", is_flag=True, help="Apply the fixable diagnostics, then report what is left."
)
@click.option("--force", is_flag=True, help="With --fix, rewrite read-only files too.")
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["auto", "text", "json", "github", "sarif"]),
    default="auto",
    show_default=True,
    help="auto: github under GitHub Actions, else text.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Use this config file instead of the nearest .awesomelint.toml / pyproject.toml.",
)
@click.option(
    "--preset",
    "presets",
    multiple=True,
    type=click.Choice(PRESETS),
    help="Rule preset(s), instead of the config's (repeatable).",
)
@click.option(
    "--color/--no-color", default=None, help="Colour the text output (default: on a terminal)."
)
def lint(
    files: tuple[str, ...],
    fix: bool,
    force: bool,
    format_name: str,
    config_file: str | None,
    presets: tuple[str, ...],
    color: bool | None,
) -> int:
    """Check each markdown FILE (or the *.md under a directory) with offline rules.

    Exit codes: 0 clean (warnings allowed), 1 errors found, 2 a file or the
    configuration could not be read, or usage error.  ``awesomelint rules``
    lists the rules.
    """
    if fix and "-" in files:
        raise click.UsageError("--fix cannot rewrite standard input")
    try:
        settings = _Settings(config_file, presets)
    except AwesomelintError as exc:
        click.echo(f"awesomelint: {exc}", err=True)
        return 2
    status = 0
    results: list[FileResult] = []
    for path in _expand(files):
        try:
            chosen = settings.for_file(path)
            if path == "-":
                results.append(lint_bytes(read_bytes("-"), "<stdin>", chosen))
            elif fix:
                results.append(fix_file(path, chosen, force=force))
            else:
                results.append(lint_file(path, chosen))
        except AwesomelintError as exc:
            click.echo(f"awesomelint: {exc}", err=True)
            status = 2
        except Exception as exc:  # a bug in awesomelint: a message and exit 2, not a traceback
            click.echo(
                f"awesomelint: {path}: internal error ({type(exc).__name__}: {exc}); "
                "please report it",
                err=True,
            )
            status = 2
    name = resolve_format(format_name)
    colored = _use_color(color) and name == "text"
    output = FORMATS[name](results, color=colored)
    if output:
        click.echo(output, nl=False, color=colored or None)
    if status == 0 and any(d.severity == "error" for r in results for d in r.diagnostics):
        status = 1
    return status


__all__ = ["lint"]
