"""What lint reports: diagnostics and their fixes, as plain values (markdownlint's idea).

A fix is data, not code: edits of the file's text by 1-based line and column,
so that ``--fix`` can apply many of them bottom-up and skip the overlapping ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning")
# ruff's FixAvailability: does every diagnostic of a rule carry a fix, some of them, or none?
FixAvailability = Literal["always", "sometimes", "none"]
FIX_AVAILABILITIES: tuple[FixAvailability, ...] = ("always", "sometimes", "none")


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``delete`` characters from (line, column) on with ``insert``.

    Lines and columns are 1-based and count characters of the file as read
    (LF line ends, no BOM); a deletion may run over line ends.
    """

    line: int
    column: int
    delete: int
    insert: str


@dataclass(frozen=True)
class Fix:
    """The edits that make a diagnostic go away, applied together or not at all."""

    edits: tuple[Edit, ...]

    @classmethod
    def replace(cls, line: int, column: int, old: str, new: str) -> Fix:
        """One edit: ``old`` at (line, column) becomes ``new``."""
        return cls((Edit(line, column, len(old), new),))


@dataclass(frozen=True)
class Diagnostic:
    """One finding: where, which rule (its id, ``AL001``), how bad, what, and how to fix it."""

    file: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str
    fix: Fix | None = None


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str, str]:
    """File, line, column, rule: the order diagnostics are reported in."""
    return (
        diagnostic.file,
        diagnostic.line,
        diagnostic.column,
        diagnostic.rule,
        diagnostic.message,
    )
