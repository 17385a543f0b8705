"""Options every command shares: ``-q``/``-v`` and ``--color``, and the shape of ``--help``.

A command decorated with ``output_options`` receives one ``out: Output``
instead of three flags.  Colour is on for ``always``, off for ``never``; for
``auto`` (the default) it follows the terminal, and ``NO_COLOR`` (any value,
https://no-color.org) turns it off.
"""

from __future__ import annotations

import functools
import os
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Output:
    """How much to say and whether to colour it: -1 quiet, 0 normal, 1+ verbose."""

    verbosity: int = 0
    color: bool = False

    @property
    def quiet(self) -> bool:
        return self.verbosity < 0

    @property
    def verbose(self) -> bool:
        return self.verbosity > 0

    def info(self, message: str) -> None:
        """A progress note on stderr, unless quiet."""
        if not self.quiet:
            click.echo(message, err=True)

    def debug(self, message: str) -> None:
        """A detail on stderr, only when verbose."""
        if self.verbose:
            click.echo(message, err=True)


def use_color(choice: str, stream: IO[str] | None = None) -> bool:
    """``always``/``never`` as said; ``auto``: a terminal without ``NO_COLOR``."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    stream = stream or sys.stdout
    return stream.isatty() and not os.environ.get("NO_COLOR")


def output_options(func: F) -> F:
    """Add ``-q/--quiet``, ``-v/--verbose``, ``--color`` (and ``--no-color``); pass ``out``."""

    @functools.wraps(func)
    def wrapper(
        *args: Any, quiet: int, verbose: int, color: str, no_color: bool, **kwargs: Any
    ) -> Any:
        chosen = "never" if no_color else color
        return func(*args, out=Output(verbose - quiet, use_color(chosen)), **kwargs)

    decorated: Any = wrapper
    for option in (
        click.option("--no-color", is_flag=True, hidden=True, help="Same as --color never."),
        click.option(
            "--color",
            type=click.Choice(["auto", "always", "never"]),
            default="auto",
            show_default=True,
            help="Colour the output; auto: on a terminal, unless NO_COLOR is set.",
        ),
        click.option("-v", "--verbose", count=True, help="Say more (repeatable)."),
        click.option("-q", "--quiet", count=True, help="Say only what is wrong."),
    ):
        decorated = option(decorated)
    return decorated  # type: ignore[no-any-return]


def epilog(examples: list[str], exit_codes: str) -> str:
    """The end of a ``--help``: examples and exit codes, kept as written (``\\b``)."""
    lines = ["\b", "Examples:", *(f"  {example}" for example in examples)]
    codes = textwrap.wrap(f"Exit codes: {exit_codes}", 78, subsequent_indent="  ")
    return "\n".join([*lines, "", "\b", *codes])


def finite(name: str, minimum: float, maximum: float) -> click.ParamType:
    """A float option in ``[minimum, maximum]``: nan and inf rejected (they hang a run)."""

    class _Finite(click.ParamType):
        name = "number"

        def convert(self, value: Any, param: Any, ctx: Any) -> float:
            try:
                number = float(value)
            except (TypeError, ValueError):
                self.fail(f"{value!r} is not a number", param, ctx)
            if not (minimum <= number <= maximum):  # also false for nan
                self.fail(f"{value} is not in {minimum:g}..{maximum:g}", param, ctx)
            return number

    _Finite.name = name
    return _Finite()
