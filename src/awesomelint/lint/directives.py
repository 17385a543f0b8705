"""Inline directives: HTML comments that silence rules where a maintainer disagrees.

``<!-- awesomelint-disable-next-line AL001 duplicate-entry -->`` (the next line),
``-disable-line`` (its own line), ``-disable`` / ``-enable`` (from there on) and
``-disable-file``.  Rules are named by id or name; no rule means every rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_DIRECTIVE = re.compile(
    r"<!--\s*awesomelint-(disable-next-line|disable-line|disable-file|disable|enable)"
    r"((?:[\s,]+[\w-]+)*)[\s,]*-->"
)


@dataclass(frozen=True)
class Directive:
    """One directive: its 1-based line, kind, and the rules it names (empty: all)."""

    line: int
    kind: str
    rules: frozenset[str]

    def names(self, rule_id: str, rule_name: str) -> bool:
        return not self.rules or rule_id.lower() in self.rules or rule_name in self.rules


def parse_directives(lines: Iterable[tuple[int, str]]) -> tuple[Directive, ...]:
    """The directives in ``(number, line)`` pairs, in order."""
    found = []
    for number, line in lines:
        if "awesomelint-" not in line:
            continue
        for match in _DIRECTIVE.finditer(line):
            rules = frozenset(
                token.lower() for token in re.split(r"[\s,]+", match.group(2)) if token
            )
            found.append(Directive(number, match.group(1), rules))
    return tuple(found)


def suppressed(directives: tuple[Directive, ...], rule_id: str, rule_name: str, line: int) -> bool:
    """Is a diagnostic of this rule on ``line`` silenced?"""
    disabled = False
    for directive in directives:
        if not directive.names(rule_id, rule_name):
            continue
        kind = directive.kind
        if kind == "disable-file":
            return True
        if kind == "disable-next-line" and directive.line + 1 == line:
            return True
        if kind == "disable-line" and directive.line == line:
            return True
        if kind in ("disable", "enable") and directive.line <= line:
            disabled = kind == "disable"
    return disabled
