"""``fmt``'s writer: a list made consistent with itself (keep) or rewritten in one shape.

``format_source`` is the one entry point.  Keep mode, the default, edits the
source lines in place and says why it changed each one; canonical mode renders
the model (``awesomelint.render``), as ``merge`` writes its output.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from awesomelint.format.edits import Change, Lines
from awesomelint.format.keep import keep_format
from awesomelint.format.settings import FmtSettings, fmt_settings
from awesomelint.format.toc import generate_toc, sync_tocs
from awesomelint.model import Document
from awesomelint.render import render
from awesomelint.style import HouseStyle, styled

__all__ = ["Change", "FmtSettings", "Formatting", "fmt_settings", "format_source"]


@dataclass(frozen=True)
class Formatting:
    """The new text (line ends as written), every changed line with its reason, the style."""

    text: str
    changes: tuple[Change, ...]
    style: HouseStyle | None


def format_source(raw: str, document: Document, settings: FmtSettings) -> Formatting:
    """Format a list: ``raw`` is its decoded text with its own line ends, ``document`` its model."""
    if settings.style == "canonical":
        text = render(document)
        return Formatting(text, _diff_changes(raw, text, "canonical"), None)
    out = Lines.of(raw)
    lines = document_lines(raw)
    for repair in document.repairs:
        if 0 < repair.line <= len(lines):
            lines[repair.line - 1] = repair.after
    if len(out.content) != len(lines):
        # a lone CR ended a line the decoder counted: edit the decoded lines instead
        normal = raw.replace("\r\n", "\n").replace("\r", "\n")
        out = Lines.of(normal.replace("\n", document.newline))
    document = styled(document, lines)
    style = keep_format(out, document, lines, settings)
    if any(True for _ in document.entries()):
        if settings.toc == "keep":
            sync_tocs(out, document)
        elif settings.toc == "generate":
            generate_toc(out, document)
    return Formatting(out.text(), out.change_list(), style)


def document_lines(raw: str) -> list[str]:
    """The lines the parser numbered (LF ends, CR dropped), without their ends."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return lines


def _diff_changes(before: str, after: str, reason: str) -> tuple[Change, ...]:
    """Changed lines of a whole rewrite: each input line replaced or removed, each one added."""
    old, new = before.splitlines(), after.splitlines()
    changes: list[Change] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changes.extend(Change(line + 1, reason) for line in range(i1, max(i2, i1 + j2 - j1)))
    return tuple(changes)
