"""``--fix``: rewrite permanently redirected links in the raw file text.

The document is never re-rendered: only the old URL inside a link destination,
autolink, reference definition or HTML attribute on the recorded line changes,
so every other byte stays as it was.  Files are replaced atomically.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from awesomelint.fileio import atomic_write
from awesomelint.links.model import Result, Verdict
from awesomelint.parse import read_bytes

# A URL counts as a link target when delimited like one: ](url), <url>, [x]: url,
# href="url", or a bare autolink (trailing sentence punctuation allowed).
_BEFORE = r"(?:(?<=[\s(<\"'])|^)"
_AFTER = r"(?=[\s)>\"']|[.,;:!?]+(?:[\s)]|$)|$)"


@dataclass(frozen=True)
class Rewrite:
    """Replace ``old`` by ``new`` on one line of one file."""

    file: str
    line: int
    old: str
    new: str


def rewrites(results: Iterable[Result]) -> list[Rewrite]:
    """The rewrites that the permanent redirects among ``results`` call for."""
    return [
        Rewrite(occ.file, occ.line, result.url, result.redirect_to)
        for result in results
        if result.verdict is Verdict.REDIRECTED and result.redirect_to
        for occ in result.occurrences
    ]


def apply_text(text: str, edits: Iterable[Rewrite]) -> tuple[str, int]:
    """``text`` with the edits made (lines are 1-based), and how many URLs changed."""
    lines = text.split("\n")  # not splitlines(): that also splits on \f, \v, U+2028...
    changed = 0
    for edit in edits:
        index = edit.line - 1
        if not 0 <= index < len(lines):
            continue
        pattern = re.compile(_BEFORE + re.escape(edit.old) + _AFTER)
        lines[index], count = pattern.subn(lambda _m, new=edit.new: new, lines[index])
        changed += count
    return "\n".join(lines), changed


def apply(edits: Iterable[Rewrite], *, force: bool = False) -> dict[str, int]:
    """Apply rewrites file by file; returns URLs changed per file (OSError propagates)."""
    by_file: dict[str, list[Rewrite]] = {}
    for edit in edits:
        by_file.setdefault(edit.file, []).append(edit)
    done: dict[str, int] = {}
    for file, file_edits in by_file.items():
        raw = read_bytes(file)
        text = raw.decode("utf-8")
        new_text, count = apply_text(text, file_edits)
        if count:
            atomic_write(file, new_text.encode("utf-8"), expect=raw, force=force)
            done[file] = count
    return done
