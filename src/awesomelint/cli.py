"""The thin click front end: each subcommand lives in its own module, imported on use.

Lazy loading keeps ``awesomelint lint`` (the pre-commit path) from importing
httpx or rapidfuzz.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys

import click

from awesomelint import __version__
from awesomelint.errors import AwesomelintError

# name -> "module:attribute" of a click.Command
_COMMANDS: dict[str, str] = {
    "export": "awesomelint.commands.export:export",
    "fmt": "awesomelint.commands.fmt:fmt",
    "merge": "awesomelint.commands.merge:merge",
    "links": "awesomelint.commands.links:links",
    "lint": "awesomelint.commands.lint:lint",
    "meta": "awesomelint.commands.meta:meta",
    "rules": "awesomelint.commands.rules:rules",
}


def _available(target: str) -> bool:
    try:
        return importlib.util.find_spec(target.split(":")[0]) is not None
    except ModuleNotFoundError:
        return False


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name, target in _COMMANDS.items() if _available(target))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = _COMMANDS.get(name)
        if target is None or not _available(target):
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="awesomelint", prog_name="awesomelint")
def cli() -> None:
    """Lint, format, link-check and merge awesome lists."""


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (0 ok, 1 problems found, 2 usage or I/O error).

    A subcommand reports its exit code by returning an int.  This is the one
    error boundary: no input ever shows a traceback.  An error about the input
    or the configuration is one line; anything else is a bug of ours, reported
    in one line that asks for a report, with exit 2 (1 would read as "problems
    found").
    """
    try:
        return _run(argv)
    except Exception as exc:  # noqa: BLE001 - the boundary: whatever escaped is a bug
        click.echo(internal_error(exc), err=True)
        return 2


# the commands whose every output is written and closed when they return (the
# pre-commit hooks): their process may end without tearing the interpreter down
_PROMPT_EXIT = frozenset({"lint", "fmt"})


def run() -> None:
    """The console script and ``python -m awesomelint``: ``main``, then the exit.

    After ``lint`` and ``fmt`` the process ends at once (``os._exit``, once the
    standard streams are flushed): tearing down the interpreter's modules and
    objects took ~15 ms, a tenth of the hook's run on a real list.  Other
    commands (the link cache, fetches) exit the ordinary way.
    """
    argv = sys.argv[1:]
    code = main(argv)
    command = next((arg for arg in argv if not arg.startswith("-")), None)
    if command not in _PROMPT_EXIT:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):  # the reader went away: nothing more to say
        code = code or 1
    os._exit(code)


def internal_error(exc: BaseException) -> str:
    """The one line an internal error prints."""
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    return (
        f"awesomelint: internal error ({type(exc).__name__}{': ' + detail if detail else ''}); "
        "this is a bug, please report it with the command and the file that caused it "
        "(awesomelint --version: " + __version__ + ")"
    )


def _run(argv: list[str] | None) -> int:
    try:
        rv = cli.main(args=argv, prog_name="awesomelint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.UsageError as exc:
        exc.show()
        return 2
    except click.ClickException as exc:
        exc.show()
        return 2
    except AwesomelintError as exc:
        click.echo(f"awesomelint: {exc}", err=True)
        return 2
    except RecursionError:
        click.echo("awesomelint: input nested too deeply to read", err=True)
        return 2
    except click.Abort:
        click.echo("awesomelint: aborted", err=True)
        return 130
    except KeyboardInterrupt:
        click.echo("awesomelint: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 1
    return rv if isinstance(rv, int) else 0


if __name__ == "__main__":
    run()
