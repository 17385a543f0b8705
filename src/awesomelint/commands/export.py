"""``awesomelint export``: the model of each list as JSON or YAML, for other tools.

The data a list holds (sections, entries with their fields, verbatim blocks,
and where each stands in the source) for scripts, static-site generators and
checks of their own.  The schema is documented in the README; it only grows
(new keys), so consumers should ignore keys they do not know.

YAML is written by a small emitter of our own: block mappings and sequences
whose scalars are JSON strings, numbers, booleans and null (all valid YAML
1.2), so no YAML library is needed.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import click

from awesomelint.errors import AwesomelintError
from awesomelint.model import Block, Document, Entry, Item, Link, Section, Span
from awesomelint.parse import parse_file

SCHEMA_VERSION = 1
# keys written without quotes in YAML (every key of the schema)
_PLAIN_KEY = re.compile(r"[a-z][a-z_]*")


def span_data(span: Span | None) -> dict[str, Any] | None:
    """A span as a mapping (1-based lines and columns; ``end_column`` 0 is end of line)."""
    if span is None:
        return None
    return {
        "file": span.file,
        "line": span.line,
        "column": span.column,
        "end_line": span.last_line,
        "end_column": span.end_column,
    }


def _link(link: Link) -> dict[str, Any]:
    return {"label": link.label, "url": link.url, "span": span_data(link.span)}


def entry_data(entry: Entry) -> dict[str, Any]:
    """An entry and its nested entries, every field."""
    return {
        "kind": "entry",
        "title": entry.title,
        "url": entry.url,
        "url_label": entry.url_label,
        "url_span": span_data(entry.url_span),
        "description": entry.description,
        "authors": entry.authors,
        "year": entry.year,
        "links": [_link(link) for link in entry.links],
        "tags": [{"kind": tag.kind, "text": tag.text} for tag in entry.tags],
        "notes": list(entry.notes),
        "children": [entry_data(child) for child in entry.children],
        "span": span_data(entry.source),
    }


def item_data(item: Item) -> dict[str, Any]:
    """An entry, or a verbatim block (its kind is ``block_kind``)."""
    if isinstance(item, Block):
        return {
            "kind": "block",
            "block_kind": item.kind,
            "text": item.text,
            "span": span_data(item.source),
        }
    return entry_data(item)


def section_data(section: Section) -> dict[str, Any]:
    return {
        "title": section.title,
        "level": section.level,
        "span": span_data(section.source),
        "items": [item_data(item) for item in section.items],
        "sections": [section_data(child) for child in section.children],
    }


def document_data(document: Document) -> dict[str, Any]:
    """A whole list as plain data (dicts, lists, strings, numbers, None)."""
    return {
        "schema": SCHEMA_VERSION,
        "path": document.path,
        "title": document.title,
        "title_line": document.title_line,
        "front_matter": document.front_matter,
        "prelude": [item_data(item) for item in document.prelude],
        "preamble": [item_data(item) for item in document.preamble],
        "sections": [section_data(section) for section in document.sections],
        "entries": sum(1 for _ in document.entries()),
    }


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def to_yaml(value: Any, indent: int = 0) -> str:
    """Plain data as block-style YAML, one key or item per line."""
    return "\n".join(_yaml_lines(value, indent)) + "\n"


def _yaml_lines(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return [pad + "{}"]
        lines: list[str] = []
        for key, item in value.items():
            name = str(key)
            head = f"{pad}{name if _PLAIN_KEY.fullmatch(name) else _scalar(name)}:"
            if isinstance(item, dict | list) and item:
                lines.append(head)
                lines.extend(_yaml_lines(item, indent + 2))
            else:
                lines.append(f"{head} {_inline(item)}")
        return lines
    if isinstance(value, list):
        if not value:
            return [pad + "[]"]
        lines = []
        for item in value:
            if isinstance(item, dict | list) and item:
                nested = _yaml_lines(item, indent + 2)
                lines.append(f"{pad}- {nested[0].lstrip()}")
                lines.extend(nested[1:])
            else:
                lines.append(f"{pad}- {_inline(item)}")
        return lines
    return [pad + _inline(value)]


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _scalar(value)


@click.command("export")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "form",
    type=click.Choice(["json", "yaml"]),
    default="json",
    show_default=True,
    help="Output format.",
)
def export(files: tuple[str, ...], form: str) -> int:
    """Print the model of each FILE (a list of documents) as JSON or YAML.

    Exit codes: 0 done, 2 a file could not be read (nothing is printed then).
    """
    documents = []
    for path in files:
        try:
            documents.append(document_data(parse_file(path)))
        except AwesomelintError as exc:
            click.echo(f"awesomelint: {exc}", err=True)
            return 2
    if form == "json":
        text = json.dumps(documents, ensure_ascii=False, indent=2) + "\n"
    else:
        text = to_yaml(documents)
    sys.stdout.write(text)
    sys.stdout.flush()
    return 0
