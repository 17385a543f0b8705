"""SARIF 2.1.0 logs in the shape GitHub code scanning accepts, for lint and links alike."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from awesomelint import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def uri(path: str) -> str:
    """A repository-relative URI where possible: code scanning maps it to the file."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return candidate.as_uri()
    return quote(PurePath(os.path.normpath(candidate)).as_posix(), safe="/")


def location(file: str, line: int, column: int | None = None) -> dict[str, Any]:
    """A physical location; lines and columns are 1-based and never below 1."""
    region: dict[str, int] = {"startLine": max(1, line)}
    if column is not None:
        region["startColumn"] = max(1, column)
    return {"physicalLocation": {"artifactLocation": {"uri": uri(file)}, "region": region}}


def log(
    rules: Sequence[dict[str, Any]],
    results: Sequence[dict[str, Any]],
    *,
    column_kind: str | None = None,
) -> str:
    """One run of awesomelint with its rule metadata and results, as JSON text."""
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "awesomelint", "version": __version__, "rules": list(rules)}}
    }
    if column_kind is not None:
        run["columnKind"] = column_kind
    run["results"] = list(results)
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    import json

    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
