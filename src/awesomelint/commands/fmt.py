"""``awesomelint fmt``: make each list consistent with itself, never losing a link."""

from __future__ import annotations

import dataclasses
import difflib
import sys
from dataclasses import dataclass

import click

from awesomelint.commands.options import Output, epilog, output_options
from awesomelint.commands.paths import expand, path_arguments
from awesomelint.config import find_config
from awesomelint.errors import AwesomelintError
from awesomelint.fileio import atomic_write
from awesomelint.format import Change, FmtSettings, fmt_settings, format_source
from awesomelint.guard import lost_links
from awesomelint.parse import decode, parse_text, read_bytes

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Formatted:
    """The outcome for one file: its new bytes, the links the rewrite would lose, and
    every changed line with the reason for it."""

    original: bytes
    formatted: bytes
    lost: tuple[str, ...]
    changes: tuple[Change, ...] = ()

    @property
    def changed(self) -> bool:
        return self.original != self.formatted


def format_bytes(
    data: bytes, name: str, settings: FmtSettings | None = None, style: str | None = None
) -> Formatted:
    """Format a list's bytes; keeps the BOM and line ends of the input.

    ``settings`` default to the ``[fmt]`` table of the config nearest ``name``;
    ``style`` (``keep`` / ``canonical``) overrides theirs.
    """
    decoded = decode(data, name)
    if settings is None:
        settings = fmt_settings(find_config(name if name != "<stdin>" else "."))
    if style is not None:
        settings = dataclasses.replace(settings, style=style)  # type: ignore[arg-type]
    document = parse_text(decoded.text, name, decoded.newline, decoded.repairs)
    body = data[3:] if data.startswith(_BOM) else data
    result = format_source(body.decode("utf-8"), document, settings)
    text = result.text
    lost = lost_links(decoded.text, text.replace("\r\n", "\n").replace("\r", "\n"))
    formatted = (_BOM if data.startswith(_BOM) else b"") + text.encode("utf-8")
    return Formatted(original=data, formatted=formatted, lost=tuple(lost), changes=result.changes)


def _read(path: str) -> bytes:
    return read_bytes(path)


def _diff(path: str, result: Formatted) -> str:
    before = result.original.decode("utf-8", "replace").splitlines(keepends=True)
    after = result.formatted.decode("utf-8").splitlines(keepends=True)
    return "".join(difflib.unified_diff(before, after, f"{path} (original)", f"{path} (formatted)"))


@click.command(
    "fmt",
    epilog=epilog(
        [
            "awesomelint fmt                     # the markdown files of this repository",
            "awesomelint fmt README.md docs/ --exclude CHANGELOG.md",
            "awesomelint fmt --check .           # CI: exit 1 if a file would change",
            "cat README.md | awesomelint fmt -   # formatted list on stdout",
        ],
        "0 done (or nothing to do); 1 a file would change under --check or --diff, or a "
        "link would be lost; 2 a file could not be read.",
    ),
)
@path_arguments()
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any file would change.")
@click.option(
    "--diff", "show_diff", is_flag=True, help="Print a unified diff; write nothing; exit 1 if any."
)
@click.option(
    "--stdout", "to_stdout", is_flag=True, help="Print the formatted list; write nothing."
)
@click.option(
    "--style",
    type=click.Choice(["keep", "canonical"]),
    default=None,
    help="keep (default): fix only what breaks the list's own style; canonical: one shape.",
)
@click.option("--force", is_flag=True, help="Rewrite read-only files too.")
@output_options
def fmt(
    paths: tuple[str, ...],
    exclude_paths: tuple[str, ...],
    check: bool,
    show_diff: bool,
    to_stdout: bool,
    style: str | None,
    force: bool,
    out: Output,
) -> int:
    """Make each markdown file consistent with itself (atomically, only when it changes).

    PATH: files, directories, quoted globs, or - for standard input; none: the
    markdown files of the current git repository.  A file is left untouched,
    and the exit code is 1, when any link of the input would be missing from
    the output.
    """
    status = 0
    files = expand(paths, exclude_paths)
    if not files:
        out.info("awesomelint: warning: no markdown files found")
    for path in files:
        name = "<stdin>" if path == "-" else path
        try:
            result = format_bytes(_read(path), name, style=style)
        except AwesomelintError as exc:
            click.echo(f"awesomelint: {exc}", err=True)
            status = 2
            continue
        if result.lost:
            shown = ", ".join(result.lost[:10]) + (" …" if len(result.lost) > 10 else "")
            click.echo(
                f"awesomelint: {name}: not formatted: {len(result.lost)} link(s) would be lost: "
                f"{shown}",
                err=True,
            )
            status = max(status, 1)
            continue
        if to_stdout or path == "-":
            sys.stdout.buffer.write(result.formatted)
            sys.stdout.flush()
        if show_diff and result.changed:
            click.echo(_diff(name, result), nl=False)
            status = max(status, 1)  # as --check: a diff to show is a file that would change
        if check:
            if result.changed:
                click.echo(f"would reformat {name}", err=True)
                status = max(status, 1)
            continue
        if result.changed and not (to_stdout or show_diff or path == "-"):
            try:
                atomic_write(path, result.formatted, expect=result.original, force=force)
            except OSError as exc:
                click.echo(f"awesomelint: {path}: cannot write ({exc.strerror or exc})", err=True)
                status = 2
                continue
            click.echo(f"reformatted {name}", err=True)
    return status
