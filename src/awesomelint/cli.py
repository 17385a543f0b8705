"""The thin click front end: each subcommand lives in its own module, imported on use.

Lazy loading keeps ``awesomelint lint`` (the pre-commit path) from importing
httpx or rapidfuzz.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys

import click

# name -> "module:attribute" of a click.Command
_COMMANDS: dict[str, str] = {
    "fmt": "awesomelint.commands.fmt:fmt",
    "merge": "awesomelint.commands.merge:merge",
    "links": "awesomelint.commands.links:links",
    "lint": "awesomelint.commands.lint:lint",
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

    A subcommand reports its exit code by returning an int.
    """
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
    sys.exit(main())
