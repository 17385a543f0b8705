"""``awesomelint merge``: upstream lists (files or URLs) in, one canonical list out."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click

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


def _default_cache() -> Path:
    import os

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "awesomelint" / "lists"


@click.command("merge")
@click.argument("inputs", nargs=-1, required=True)
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
@click.option(
    "--metadata",
    is_flag=True,
    help="Decide shared-id conflicts by the ids' real titles (awesomelint meta's APIs, cached).",
)
@click.option("--allow-private", is_flag=True, help="With --metadata: allow private API roots.")
def merge(
    inputs: tuple[str, ...],
    output: str,
    report: str | None,
    sections: str,
    prefer: str,
    title: str | None,
    cache_dir: str | None,
    timeout: float,
    metadata: bool = False,
    allow_private: bool = False,
) -> int:
    """Merge INPUT lists (files or http(s) URLs) into one deduplicated list.

    Nothing is written when an input cannot be read or fetched (exit 2) or when
    any input link would be missing from the output (exit 1).
    """
    from awesomelint.merge import check_links, merge_documents, report_data
    from awesomelint.render import render

    cache = Path(cache_dir) if cache_dir else _default_cache()
    try:
        documents = [_load(source, cache, timeout) for source in inputs]
    except AwesomelintError as exc:
        click.echo(f"awesomelint: {exc}", err=True)
        return 2
    decide = None
    if metadata:
        from awesomelint.meta.merging import metadata_decider

        local = next((s for s in inputs if not s.startswith(("http://", "https://"))), ".")
        try:
            decide = metadata_decider(local, allow_private, lambda m: click.echo(m, err=True))
        except AwesomelintError as exc:
            click.echo(f"awesomelint: {exc}", err=True)
            return 2
    result = merge_documents(
        documents,
        sections=sections,  # type: ignore[arg-type]
        prefer=prefer,  # type: ignore[arg-type]
        title=title,
        decide=decide,
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


def _wrong_links(result) -> list[str]:  # type: ignore[no-untyped-def]
    wrong = sum(c.reason.startswith("wrong-link") for c in result.conflicts)
    return [f"of them wrong links (by metadata): {wrong}"] if wrong else []


def _summary(result, output: str) -> None:  # type: ignore[no-untyped-def]
    reasons = Counter(m.reason.split()[0] for m in result.merges)
    by_reason = ", ".join(f"{name} {count}" for name, count in sorted(reasons.items()))
    lines = [
        f"inputs: {len(result.inputs)}",
        f"entries in: {result.entries_in}, entries out: {len(result.entries)}",
        f"merges: {len(result.merges)}" + (f" ({by_reason})" if by_reason else ""),
        f"conflicts (shared URL, different titles; kept apart): {len(result.conflicts)}",
        *_wrong_links(result),
        f"wrote {output}",
    ]
    click.echo("\n".join(lines), err=True)
    sys.stderr.flush()
