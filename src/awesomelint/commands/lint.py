"""``awesomelint lint``: offline rules over each list; the default pre-commit hook.

Fast and quiet by design: nothing of the link checker (httpx) is imported, the
dedupe engine (rapidfuzz, numpy) only when its rules run, and a clean run
prints nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from awesomelint.commands.options import Output, epilog, output_options
from awesomelint.commands.paths import expand, path_arguments
from awesomelint.config import find_config, load_config
from awesomelint.errors import AwesomelintError
from awesomelint.lint.presets import PRESETS
from awesomelint.lint.report import FORMATS
from awesomelint.lint.runner import FileResult, fix_file, lint_bytes, lint_file
from awesomelint.lint.settings import LintSettings, lint_settings
from awesomelint.parse import read_bytes


def resolve_format(name: str) -> str:
    """``auto`` is ``github`` under GitHub Actions, else ``text``."""
    if name != "auto":
        return name
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


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


@click.command(
    "lint",
    epilog=epilog(
        [
            "awesomelint lint                    # the markdown files of this repository",
            "awesomelint lint README.md docs/ 'lists/*.md' --exclude CHANGELOG.md",
            "awesomelint lint --fix README.md",
            "cat README.md | awesomelint lint -",
        ],
        "0 clean (warnings allowed); 1 errors found; 2 a file or the configuration could "
        "not be read, or usage error.",
    ),
)
@path_arguments()
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
@output_options
def lint(
    paths: tuple[str, ...],
    exclude_paths: tuple[str, ...],
    fix: bool,
    force: bool,
    format_name: str,
    config_file: str | None,
    presets: tuple[str, ...],
    out: Output,
) -> int:
    """Check markdown files with offline rules (``awesomelint rules`` lists them).

    PATH: files, directories, quoted globs, or - for standard input; none: the
    markdown files of the current git repository.
    """
    files = expand(paths, exclude_paths)
    if not files:
        out.info("awesomelint: warning: no markdown files found")
        return 0
    if fix and "-" in files:
        raise click.UsageError("--fix cannot rewrite standard input")
    try:
        settings = _Settings(config_file, presets)
    except AwesomelintError as exc:
        click.echo(f"awesomelint: {exc}", err=True)
        return 2
    status = 0
    results: list[FileResult] = []
    for path in files:
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
    colored = out.color and name == "text"
    output = FORMATS[name](results, color=colored)
    if output:
        click.echo(output, nl=False, color=colored or None)
    if status == 0 and any(d.severity == "error" for r in results for d in r.diagnostics):
        status = 1
    return status


__all__ = ["lint"]
