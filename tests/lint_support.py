"""Helpers for rule tests: lint a markdown string with one rule, read positions, fix.

Tests read like yamllint's: ``assert positions("- [a](b)\\n", "missing-link") == [(1, 1)]``.
"""

from __future__ import annotations

from typing import Any

from awesomelint.lint.context import LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Severity
from awesomelint.lint.runner import fix_text, lint_context
from awesomelint.lint.settings import ActiveRule, LintSettings
from awesomelint.parse import decode
from awesomelint.rules import find_rule


def settings(rule: str, severity: Severity | None = None, **options: Any) -> LintSettings:
    """Settings that run only ``rule`` (id or name); option names with ``_`` for ``-``."""
    found = find_rule(rule)
    assert found is not None, rule
    values = dict(found.OPTIONS)
    for key, value in options.items():
        name = key.replace("_", "-")
        assert name in values, name
        values[name] = value
    active = ActiveRule(found, Options(severity or found.SEVERITY, tuple(values.items())))
    return LintSettings((active,), "test")


def context(markdown: str, path: str = "list.md") -> LintContext:
    return LintContext.from_decoded(decode(markdown.encode("utf-8"), path), path)


def lint(markdown: str, rule: str, **options: Any) -> list[Diagnostic]:
    """The diagnostics ``rule`` reports on ``markdown``."""
    return lint_context(context(markdown), settings(rule, **options))


def positions(markdown: str, rule: str, **options: Any) -> list[tuple[int, int]]:
    """(line, column) of each diagnostic."""
    return [(d.line, d.column) for d in lint(markdown, rule, **options)]


def fixed(markdown: str, rule: str, **options: Any) -> tuple[str, list[Diagnostic]]:
    """``markdown`` after ``--fix`` with only ``rule``, and what is left."""
    text, left, _ = fix_text(context(markdown), settings(rule, **options))
    return text, left
