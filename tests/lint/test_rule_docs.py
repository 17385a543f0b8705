"""Every rule's module is complete, and its documented examples do what they say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from awesomelint.lint.context import INPUTS
from awesomelint.lint.diagnostic import FIX_AVAILABILITIES, SEVERITIES, Diagnostic
from awesomelint.lint.presets import PRESETS
from awesomelint.lint.ruledoc import parse_doc
from awesomelint.lint.runner import lint_file
from awesomelint.rules import RULES, Rule, consumes, find_rule, fix_availability
from lint_support import fixed, lint, settings

TESTS = Path(__file__).resolve().parents[1] / "rules"


def test_ids_and_names_are_unique_and_well_formed() -> None:
    assert len({r.ID for r in RULES}) == len({r.NAME for r in RULES}) == len(RULES) >= 27
    for rule in RULES:
        assert re.fullmatch(r"AL\d{3}", rule.ID)
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.NAME)
        assert find_rule(rule.ID.lower()) is find_rule(rule.NAME) is rule


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.NAME)
def test_rule_module_shape(rule: Rule) -> None:
    assert rule.SEVERITY in SEVERITIES
    assert rule.PRESETS and set(rule.PRESETS) <= set(PRESETS)
    # read through the helpers: a module from before FIX and CONSUMES still has defaults
    assert fix_availability(rule) in FIX_AVAILABILITIES
    assert consumes(rule) and set(INPUTS) >= consumes(rule)
    for name, default in rule.OPTIONS.items():
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", name)
        assert isinstance(default, bool | int | float | str | tuple)
    module = rule.__name__.rsplit(".", 1)[-1]  # type: ignore[attr-defined]
    assert (TESTS / f"test_{module}.py").is_file(), "one test file per rule"


def _lint_example(markdown: str, rule: Rule, folder: Path) -> list[Diagnostic]:
    """A rule's example, linted as text; a file check's (``FILE_CHECK``) as a README.md on
    disk, in a folder that holds the files the example links to."""
    if not getattr(rule, "FILE_CHECK", False):
        return lint(markdown, rule.ID)
    folder.mkdir()
    for target in re.findall(r"\]\(([\w.-]+)\)", markdown):
        (folder / target).write_text("See the example.\n", encoding="utf-8")
    (folder / "README.md").write_text(markdown, encoding="utf-8")
    return list(lint_file(str(folder / "README.md"), settings(rule.ID)).diagnostics)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.NAME)
def test_documented_examples(rule: Rule, tmp_path: Path) -> None:
    doc = parse_doc(rule.__doc__)
    assert doc.summary and doc.failing and doc.passing
    failing = _lint_example(doc.failing, rule, tmp_path / "failing")
    assert failing, "the failing example must fail"
    assert {d.rule for d in failing} == {rule.ID}
    passing = _lint_example(doc.passing, rule, tmp_path / "passing")
    assert passing == [], "the passing example must pass"
    availability = fix_availability(rule)
    if availability == "always":
        assert all(d.fix is not None for d in failing)
    if availability != "none":
        assert any(d.fix is not None for d in failing)
        _, left = fixed(doc.failing, rule.ID)
        assert not any(d.fix for d in left), "no fixable diagnostic survives --fix"
        assert len(left) < len(failing)
    else:
        assert all(d.fix is None for d in failing)


def test_every_preset_has_rules_and_default_is_inside_the_others() -> None:
    default = {r.ID for r in RULES if "default" in r.PRESETS}
    for preset in PRESETS:
        members = {r.ID for r in RULES if preset in r.PRESETS}
        assert default <= members
    assert "AL008" not in default  # http->https is hygiene, not a defect
