"""Inline directives: HTML comments that silence rules where a maintainer disagrees.

``<!-- awesomelint-disable-next-line AL001 duplicate-entry -->`` (the next line),
``-disable-line`` (its own line), ``-disable`` / ``-enable`` (from there on) and
``-disable-file``.  Rules are named by id or name; no rule means every rule.

Lists moving from awesome-lint keep its remark-lint comments, and they are
honoured: ``<!--lint disable awesome-heading-->`` … ``<!--lint enable …-->`` and
``<!--lint ignore awesome-list-item-->`` (the next node: read as the next line),
with awesome-lint's rule names mapped onto ours.  A name with no counterpart
here silences nothing, and is listed by ``unknown_rules`` so lint can warn.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_DIRECTIVE = re.compile(
    r"<!--\s*awesomelint-(disable-next-line|disable-line|disable-file|disable|enable)"
    r"((?:[\s,]+[\w-]+)*)[\s,]*-->"
)


_REMARK = re.compile(r"<!--\s*lint\s+(disable|enable|ignore)((?:[\s,]+[\w-]+)*)[\s,]*-->")
# awesome-lint (remark-lint) rule names -> ours; ``None``: nothing of ours to silence
AWESOME_LINT_NAMES: dict[str, str | None] = {
    "awesome-heading": "main-heading",
    "awesome-list-item": "awesome-list-item",
    "awesome-badge": "awesome-badge",
    "awesome-toc": "toc-sync",
    "double-link": "duplicate-entry",
    "no-dead-urls": None,
    "awesome-git-repo-age": None,
    "awesome-github": None,
    "awesome-license": None,
    "awesome-contributing": None,
    "awesome-code-of-conduct": None,
    "awesome-spell-check": None,
    "no-repeat-punctuation": "unbalanced-punctuation",
    "match-punctuation": "unbalanced-punctuation",
    "no-trailing-spaces": "trailing-whitespace",
    "final-newline": "final-newline",
    "no-consecutive-blank-lines": "blank-lines",
    "no-undefined-references": "undefined-reference",
}


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
        if "lint" in line and "awesomelint-" not in line:
            found.extend(_remark(number, line))
        if "awesomelint-" not in line:
            continue
        for match in _DIRECTIVE.finditer(line):
            rules = frozenset(
                token.lower() for token in re.split(r"[\s,]+", match.group(2)) if token
            )
            found.append(Directive(number, match.group(1), rules))
    return tuple(found)


_KIND = {"disable": "disable", "enable": "enable", "ignore": "disable-next-line"}


def _remark(number: int, line: str) -> list[Directive]:
    """awesome-lint's comments as our directives (its rule names mapped; unknown: none)."""
    found = []
    for match in _REMARK.finditer(line):
        names = [t.lower() for t in re.split(r"[\s,]+", match.group(2)) if t]
        ours = frozenset(m for n in names if (m := AWESOME_LINT_NAMES.get(n, n)) is not None)
        if names and not ours:
            continue  # only rules we do not have: nothing to silence
        found.append(Directive(number, _KIND[match.group(1)], ours))
    return found


def unknown_rules(directives: tuple[Directive, ...], known: set[str]) -> list[tuple[int, str]]:
    """(line, name) of every rule a directive names that no rule of ours is called."""
    return sorted((d.line, name) for d in directives for name in d.rules if name not in known)


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
