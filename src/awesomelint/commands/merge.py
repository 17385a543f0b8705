"""``awesomelint merge``: upstream lists (files or URLs) in, one list with one taxonomy out."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click

from awesomelint.commands.options import Output, output_options
from awesomelint.commands.paths import expand
from awesomelint.errors import AwesomelintError, InputError
from awesomelint.fileio import atomic_write, output_clash
from awesomelint.model import Document
from awesomelint.parse import parse_bytes, parse_file
from awesomelint.validate import FiniteFloat


def _load(source: str, cache_dir: Path, timeout: float, allow_private: bool) -> Document:
    if source.startswith(("http://", "https://")):
        from awesomelint.fetch import fetch_list

        data = fetch_list(source, cache_dir, timeout=timeout, allow_private=allow_private)
        return parse_bytes(data, source)
    return parse_file(source)


def _load_spec(spec, cache_dir: Path, timeout: float, allow_private: bool) -> Document:  # type: ignore[no-untyped-def]
    """An input of the merge file: a URL is fetched and kept at its ``path``, a path read.

    When the URL cannot be fetched, the copy kept at ``path`` by an earlier run is read,
    so a merge file with URLs re-runs offline.
    """
    if not spec.url:
        return _load(spec.path, cache_dir, timeout, allow_private)
    from awesomelint.fetch import fetch_list

    try:
        data = fetch_list(spec.url, cache_dir, timeout=timeout, allow_private=allow_private)
    except AwesomelintError:
        if not Path(spec.path).is_file():
            raise
        click.echo(f"awesomelint: {spec.url}: unreachable; using {spec.path}", err=True)
        return _load(spec.path, cache_dir, timeout, allow_private)
    try:
        atomic_write(spec.path, data)
    except OSError as exc:
        raise InputError(f"{spec.path}: cannot keep the copy of {spec.url} ({exc})") from None
    return parse_bytes(data, spec.url)


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


def _previous(output: str, report: str | None):  # type: ignore[no-untyped-def]
    """The hand edits in the current output, against the previous report (none on a first run)."""
    from awesomelint.merge.edits import HandEdits, read_edits

    if not report or not Path(output).is_file() or not Path(report).is_file():
        return HandEdits()
    try:
        data = json.loads(Path(report).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{report}: cannot read the previous report ({exc})") from None
    if not isinstance(data, dict):
        raise InputError(f"{report}: not a merge report")
    return read_edits(parse_file(output), data)


_EPILOG = """\b
Examples:
  awesomelint merge --config lists/merge.toml
  awesomelint merge --config lists/merge.toml --review
  awesomelint merge a.md https://example.org/b/README.md -o merged.md --report merge.json
  awesomelint merge lists/ 'more/*.md' --exclude 'draft-*' -o merged.md

\b
Exit codes: 0 written (or reviewed), 1 an input link would be missing from the
output (nothing written), 2 an input, the merge file or an output could not be
read or written.
"""


@click.command("merge", epilog=_EPILOG)
@click.argument("inputs", nargs=-1)
@click.option(
    "--exclude", "exclude_paths", multiple=True, metavar="GLOB", help="Skip matching input files."
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="A merge file (inputs, output, taxonomy, decisions); see lists/merge.toml.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="The merged list.")
@click.option(
    "--report", type=click.Path(dir_okay=False), help="Write every decision as JSON here."
)
@click.option(
    "--review",
    is_flag=True,
    help="Print the merges and conflicts that need a human, as decisions to paste; write nothing.",
)
@click.option(
    "--prefer",
    type=click.Choice(["first", "last", "longest"]),
    default=None,
    help="Which title or description wins where sources disagree (default: longest).",
)
@click.option("--title", help="Main heading of the merged list (default: the spine's).")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    help="Where fetched lists are kept for offline re-runs (default: the user cache).",
)
@click.option(
    "--timeout",
    type=FiniteFloat(0.001),
    default=30.0,
    show_default=True,
    help="Deadline in seconds for each whole fetch (redirects and body included).",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Allow fetching (and --metadata API roots) from loopback, private and link-local "
    "addresses.",
)
@click.option(
    "--metadata",
    is_flag=True,
    help="Decide shared-id conflicts by the ids' real titles (awesomelint meta's APIs, cached).",
)
@click.option("--force", is_flag=True, help="Overwrite read-only outputs too.")
@output_options
def merge(
    inputs: tuple[str, ...],
    exclude_paths: tuple[str, ...],
    out: Output,
    config_path: str | None,
    output: str | None,
    report: str | None,
    review: bool,
    prefer: str | None,
    title: str | None,
    cache_dir: str | None,
    timeout: float,
    allow_private: bool,
    force: bool,
    metadata: bool = False,
) -> int:
    """Merge INPUT lists (files or http(s) URLs) into one deduplicated list.

    The first input (or the merge file's spine) gives the taxonomy; the other
    lists' headings are mapped onto it, and boilerplate sections and upstream
    introductions are left out (the report lists them with their links). A
    re-run keeps what was edited by hand in the output since the last run.
    """
    import dataclasses

    from awesomelint.merge import MergePlan, load_plan

    try:
        plan = load_plan(config_path) if config_path else MergePlan()
    except AwesomelintError as exc:
        click.echo(f"awesomelint: {exc}", err=True)
        return 2
    if inputs:
        from awesomelint.merge import InputSpec

        sources = _sources(inputs, exclude_paths)
        plan = dataclasses.replace(plan, inputs=tuple(InputSpec(path=i) for i in sources))
    if prefer:
        plan = dataclasses.replace(plan, prefer=prefer)  # type: ignore[arg-type]
    if title is not None:
        plan = dataclasses.replace(plan, title=title)
    output = output or plan.output
    report = report or plan.report
    if output:
        plan = dataclasses.replace(plan, inputs=tuple(_credited(s, output) for s in plan.inputs))
    if not plan.inputs:
        click.echo("awesomelint: merge: no inputs (give files or URLs, or --config)", err=True)
        return 2
    if not output and not review:
        click.echo("awesomelint: merge: no output (give -o or set output in --config)", err=True)
        return 2
    if output:
        targets = [("-o", output)] + ([("--report", report)] if report else [])
        clash = output_clash(targets, [spec.path for spec in plan.inputs])
        if clash:  # before anything is read or fetched
            click.echo(f"awesomelint: not written: {clash}", err=True)
            return 2
    decide = None
    if metadata:
        from awesomelint.meta.merging import metadata_decider

        local = next((s.path for s in plan.inputs if not s.url), ".")
        try:
            decide = metadata_decider(local, allow_private, lambda m: click.echo(m, err=True))
        except AwesomelintError as exc:
            click.echo(f"awesomelint: {exc}", err=True)
            return 2
    return _run(plan, output, report, review, cache_dir, timeout, allow_private, decide, force, out)


def _credited(spec, output: str):  # type: ignore[no-untyped-def]
    """An input with no home page is credited with a link to its local copy."""
    import dataclasses
    import os

    if spec.home or spec.url or not Path(spec.path).is_file():
        return spec
    relative = os.path.relpath(spec.path, Path(output).parent or ".")
    return dataclasses.replace(spec, home=Path(relative).as_posix())


def _run(  # type: ignore[no-untyped-def]
    plan,
    output,
    report,
    review,
    cache_dir,
    timeout,
    allow_private,
    decide=None,
    force=False,
    out=None,
) -> int:
    from awesomelint.merge import (
        MAX_LINE,
        check_links,
        merge_documents,
        report_data,
        review_items,
    )
    from awesomelint.render import render

    cache = Path(cache_dir) if cache_dir else _default_cache()
    try:
        documents = [_load_spec(spec, cache, timeout, allow_private) for spec in plan.inputs]
        edits = _previous(output, report) if output and not review else None
    except AwesomelintError as exc:
        click.echo(f"awesomelint: {exc}", err=True)
        return 2
    result = merge_documents(documents, plan, edits=edits, decide=decide)
    if review:
        lines = list(review_items(result))
        click.echo("\n".join(lines) if lines else "# nothing needs a decision")
        return 0
    text = render(result.document, width=MAX_LINE)
    missing = check_links(result, text, documents)
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
            atomic_write(path, content.encode("utf-8"), force=force)
        except OSError as exc:
            click.echo(f"awesomelint: {path}: cannot write ({exc.strerror or exc})", err=True)
            return 2
    if out is None or not out.quiet:
        _summary(result, output)
    return 0


def _summary(result, output: str) -> None:  # type: ignore[no-untyped-def]
    reasons = Counter(m.reason.split()[0] for m in result.merges)
    by_reason = ", ".join(f"{name} {count}" for name, count in sorted(reasons.items()))
    left = Counter(x.reason for x in result.left_out)
    hand = Counter(field for m in result.entries for field in m.hand)
    lines = [
        f"inputs: {len(result.inputs)}",
        f"entries in: {result.entries_in}, entries out: {len(result.entries)}",
        f"merges: {len(result.merges)}" + (f" ({by_reason})" if by_reason else ""),
        f"conflicts (shared URL, different titles; kept apart): "
        f"{sum(1 for c in result.conflicts if not c.resolved)}",
    ]
    if left:
        lines.append("left out: " + ", ".join(f"{k} {v}" for k, v in sorted(left.items())))
    if hand or result.hand_dropped:
        kept = ", ".join(f"{k} {v}" for k, v in sorted(hand.items()))
        lines.append(f"hand edits kept: {kept}, deleted {len(result.hand_dropped)}")
    wrong = sum(c.reason.startswith("wrong-link") for c in result.conflicts)
    if wrong:
        lines.append(f"of them wrong links (by metadata): {wrong}")
    lines.extend(f"hand edit wins: {c}" for c in result.collisions)
    lines.append(f"wrote {output}")
    click.echo("\n".join(lines), err=True)
    sys.stderr.flush()
