"""``awesomelint merge``: upstream lists (files or URLs) in, one canonical list out."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click

from awesomelint.commands.options import Output, epilog, output_options
from awesomelint.commands.paths import expand
from awesomelint.errors import AwesomelintError
from awesomelint.fileio import atomic_write
from awesomelint.model import Document
from awesomelint.parse import parse_bytes, read_file
from awesomelint.parse.document import parse_text


def _load(source: str, cache_dir: Path, timeout: float) -> Document:
    if source.startswith(("http://", "https://")):
        from awesomelint.fetch import fetch_list

        return parse_bytes(fetch_list(source, cache_dir, timeout=timeout), source)
    decoded = read_file(source)
    return parse_text(decoded.text, source, decoded.newline, decoded.repairs)


def _sources(inputs: tuple[str, ...], exclude: tuple[str, ...]) -> list[str]:
    """URLs as given; files, directories and globs as every command reads them."""
    out: list[str] = []
    for source in inputs:
        is_url = source.startswith(("http://", "https://"))
        out.extend([source] if is_url else expand([source], exclude))
    return out


def _default_cache() -> Path:
    import os

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "awesomelint" / "lists"


@click.command(
    "merge",
    epilog=epilog(
        [
            "awesomelint merge a.md b.md -o merged.md",
            "awesomelint merge lists/ 'more/*.md' --exclude 'draft-*' -o merged.md --report r.json",
            "awesomelint merge https://raw.githubusercontent.com/o/r/main/README.md a.md -o m.md",
        ],
        "0 written; 1 not written, an input link would be lost; 2 an input could not be read "
        "or fetched, or usage error.",
    ),
)
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--exclude", "exclude_paths", multiple=True, metavar="GLOB", help="Skip matching input files."
)
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="The merged list."
)
@click.option(
    "--report", type=click.Path(dir_okay=False), help="Write every decision as JSON here."
)
@click.option(
    "--sections",
    type=click.Choice(["majority", "first", "flat"]),
    default="majority",
    show_default=True,
    help="Where a merged entry goes: the section most sources use, the first's, or none.",
)
@click.option(
    "--prefer",
    type=click.Choice(["first", "last", "longest"]),
    default="longest",
    show_default=True,
    help="Which title or description wins where sources disagree.",
)
@click.option("--title", help="Main heading of the merged list (default: the first input's).")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    help="Where fetched lists are kept for offline re-runs (default: the user cache).",
)
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds per fetch.")
@output_options
def merge(
    inputs: tuple[str, ...],
    exclude_paths: tuple[str, ...],
    out: Output,
    output: str,
    report: str | None,
    sections: str,
    prefer: str,
    title: str | None,
    cache_dir: str | None,
    timeout: float,
) -> int:
    """Merge INPUT lists (files or http(s) URLs) into one deduplicated list.

    Nothing is written when an input cannot be read or fetched (exit 2) or when
    any input link would be missing from the output (exit 1).
    """
    from awesomelint.merge import check_links, merge_documents, report_data
    from awesomelint.render import render

    cache = Path(cache_dir) if cache_dir else _default_cache()
    try:
        documents = [_load(source, cache, timeout) for source in _sources(inputs, exclude_paths)]
    except AwesomelintError as exc:
        click.echo(f"awesomelint: {exc}", err=True)
        return 2
    result = merge_documents(
        documents,
        sections=sections,  # type: ignore[arg-type]
        prefer=prefer,  # type: ignore[arg-type]
        title=title,
    )
    text = render(result.document)
    missing = check_links(documents, text)
    if missing:
        shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
        click.echo(
            f"awesomelint: not written: {len(missing)} input link(s) would be lost: {shown}",
            err=True,
        )
        return 1
    writes = [(output, text)]
    if report:
        writes.append(
            (report, json.dumps(report_data(result), indent=2, ensure_ascii=False) + "\n")
        )
    for path, content in writes:
        try:
            atomic_write(path, content.encode("utf-8"))
        except OSError as exc:
            click.echo(f"awesomelint: {path}: cannot write ({exc.strerror or exc})", err=True)
            return 2
    _summary(result, output)
    return 0


def _summary(result, output: str) -> None:  # type: ignore[no-untyped-def]
    reasons = Counter(m.reason.split()[0] for m in result.merges)
    by_reason = ", ".join(f"{name} {count}" for name, count in sorted(reasons.items()))
    lines = [
        f"inputs: {len(result.inputs)}",
        f"entries in: {result.entries_in}, entries out: {len(result.entries)}",
        f"merges: {len(result.merges)}" + (f" ({by_reason})" if by_reason else ""),
        f"conflicts (shared URL, different titles; kept apart): {len(result.conflicts)}",
        f"wrote {output}",
    ]
    click.echo("\n".join(lines), err=True)
    sys.stderr.flush()
