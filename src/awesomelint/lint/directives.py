"""Inline directives: HTML comments that silence rules where a maintainer disagrees.

``<!-- awesomelint-disable-next-line AL001 duplicate-entry -->`` (the next line),
``-disable-line`` (its own line), ``-disable`` / ``-enable`` (from there on) and
``-disable-file``.  Rules are named by id or name; no rule means every rule.

Lists moving from awesome-lint keep its remark-lint comments, and they are
honoured: ``<!--lint disable awesome-heading-->`` … ``<!--lint enable …-->`` and
``<!--lint ignore awesome-list-item-->`` (the next node: read as the next line),
with awesome-lint's rule names mapped onto ours.  One of awesome-lint's rules
with no counterpart here silences nothing; a name that is no rule of either
silences nothing and is listed by ``unknown_rules``, so lint warns of the typo.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_DIRECTIVE = re.compile(
    r"<!--\s*awesomelint-(disable-next-line|disable-line|disable-file|disable|enable)"
    r"((?:[\s,]+[\w-]+)*)[\s,]*-->"
)


_REMARK = re.compile(
    r"<!--\s*lint\s+(disable|enable|ignore)((?:[\s,]+[\w:-]+)*)[\s,]*-->", re.IGNORECASE
)
# remark-lint's comments may name a rule with its plugin prefix (``remark-lint:awesome-badge``)
_PREFIX = re.compile(r"^remark-lint[:-]")
# awesome-lint's rules (its own and the remark-lint ones its config enables) -> ours;
# ``None``: a rule of awesome-lint's that we have no counterpart of, so nothing to silence
AWESOME_LINT_NAMES: dict[str, str | None] = {
    "awesome-heading": "main-heading",
    "awesome-list-item": "awesome-list-item",
    "awesome-badge": "awesome-badge",
    "awesome-toc": "toc-sync",
    "double-link": "duplicate-entry",
    "no-repeat-punctuation": "unbalanced-punctuation",
    "match-punctuation": "unbalanced-punctuation",
    "no-trailing-spaces": "trailing-whitespace",
    "final-newline": "final-newline",
    "no-consecutive-blank-lines": "blank-lines",
    "no-undefined-references": "undefined-reference",
    "no-multiple-toplevel-headings": "main-heading",
    **dict.fromkeys(
        (
            "no-dead-urls",
            "awesome-git-repo-age",
            "awesome-github",
            "awesome-license",
            "awesome-contributing",
            "awesome-code-of-conduct",
            "awesome-spell-check",
            "awesome-no-ci-badge",
            "blockquote-indentation",
            "checkbox-character-style",
            "checkbox-content-indent",
            "code-block-style",
            "definition-case",
            "definition-spacing",
            "emphasis-marker",
            "fenced-code-marker",
            "heading-style",
            "link-title-style",
            "list-item-content-indent",
            "list-item-indent",
            "no-auto-link-without-protocol",
            "no-blockquote-without-marker",
            "no-emphasis-as-heading",
            "no-heading-content-indent",
            "no-heading-indent",
            "no-inline-padding",
            "no-shell-dollars",
            "no-table-indentation",
            "no-unneeded-full-reference-image",
            "no-unneeded-full-reference-link",
            "rule-style",
            "strong-marker",
            "table-cell-padding",
            "table-pipe-alignment",
            "table-pipes",
            "unordered-list-marker-style",
            "no-html",
        )
    ),
}


@dataclass(frozen=True)
class Directive:
    """One directive: its 1-based line, kind, and the rules it names (empty: all).

    ``written`` keeps each name as the comment spells it, beside the name of
    ours it stands for (lower case), so an unknown one can be reported as written.
    """

    line: int
    kind: str
    rules: frozenset[str]
    written: tuple[tuple[str, str], ...] = ()

    def names(self, rule_id: str, rule_name: str) -> bool:
        return not self.rules or rule_id.lower() in self.rules or rule_name in self.rules


def parse_directives(lines: Iterable[tuple[int, str]]) -> tuple[Directive, ...]:
    """The directives in ``(number, line)`` pairs, in order."""
    found = []
    for number, line in lines:
        if "lint" in line.lower() and "awesomelint-" not in line:
            found.extend(_remark(number, line))
        if "awesomelint-" not in line:
            continue
        for match in _DIRECTIVE.finditer(line):
            written = tuple(
                (token, token.lower()) for token in re.split(r"[\s,]+", match.group(2)) if token
            )
            rules = frozenset(name for _, name in written)
            found.append(Directive(number, match.group(1), rules, written))
    return tuple(found)


_KIND = {"disable": "disable", "enable": "enable", "ignore": "disable-next-line"}


def _remark(number: int, line: str) -> list[Directive]:
    """awesome-lint's comments as our directives (its rule names mapped onto ours)."""
    found = []
    for match in _REMARK.finditer(line):
        written = []
        for token in re.split(r"[\s,]+", match.group(2)):
            key = _PREFIX.sub("", token.lower())
            if not key:
                continue
            ours = AWESOME_LINT_NAMES.get(key, key)
            if ours is not None:  # a rule we lack: nothing to silence, nothing wrong
                written.append((token, ours))
        if match.group(2).strip(" \t,") and not written:
            continue  # only rules we do not have: a bare comment would silence everything
        rules = frozenset(name for _, name in written)
        found.append(Directive(number, _KIND[match.group(1).lower()], rules, tuple(written)))
    return found


def unknown_rules(directives: tuple[Directive, ...], known: set[str]) -> list[tuple[int, str]]:
    """(line, name as written) of every rule a directive names that no rule of ours is."""
    return sorted(
        (d.line, token) for d in directives for token, name in d.written if name not in known
    )


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
