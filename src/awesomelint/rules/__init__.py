"""The lint rules: one module each, in an explicit registry (yamllint's way, no import magic).

A rule module holds ``ID`` (``AL001``), ``NAME`` (``duplicate-entry``),
``SEVERITY``, ``FIX`` (``always``, ``sometimes`` or ``none``: ruff's fix
availability), ``CONSUMES`` (the context views it reads, ``lint.context.INPUTS``),
``PRESETS`` (the presets that enable it), ``OPTIONS`` (name -> default; the
default's type is the option's type), optionally ``CHOICES`` (name -> allowed
strings), and ``check(ctx, options)``, a generator of Diagnostics.  ``FIX`` and
``CONSUMES`` may be left out: read them through ``fix_availability`` and
``consumes``, which fall back to an older module's ``FIXABLE`` and to every view.
Its docstring is its documentation, with a failing and a passing example (``awesomelint rules ID``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Protocol

from awesomelint.lint.context import INPUTS, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import PRESETS


class Rule(Protocol):
    """What the registry expects of a rule module."""

    ID: str
    NAME: str
    SEVERITY: Severity
    PRESETS: frozenset[str]
    OPTIONS: Mapping[str, object]

    def check(self, ctx: LintContext, options: Options) -> Iterator[Diagnostic]: ...


from awesomelint.rules import (  # noqa: E402  (the protocol above is what they implement)
    awesome_badge,
    awesome_ci_badge,
    awesome_contributing,
    awesome_description,
    awesome_license,
    awesome_list_item,
    awesome_toc_depth,
    blank_lines,
    broken_fragment,
    broken_local_link,
    description_repeats_name,
    double_slash_url,
    duplicate_description,
    duplicate_entry,
    duplicate_heading,
    empty_link,
    empty_section,
    final_newline,
    insecure_url,
    label_mismatch,
    link_in_destination,
    link_syntax,
    list_item_marker,
    list_numbering,
    main_heading,
    malformed_url,
    missing_link,
    mojibake,
    placeholder_url,
    product_spelling,
    reversed_link,
    shared_url,
    toc_sync,
    tracking_parameter,
    trailing_whitespace,
    unbalanced_punctuation,
    undefined_reference,
    unknown_rule_in_directive,
    unused_definition,
    url_whitespace,
)

RULES: tuple[Rule, ...] = tuple(
    sorted(
        (
            duplicate_entry,
            shared_url,
            missing_link,
            label_mismatch,
            link_in_destination,
            undefined_reference,
            unused_definition,
            link_syntax,
            reversed_link,
            insecure_url,
            double_slash_url,
            tracking_parameter,
            placeholder_url,
            malformed_url,
            url_whitespace,
            mojibake,
            toc_sync,
            broken_fragment,
            broken_local_link,
            empty_link,
            empty_section,
            duplicate_heading,
            list_numbering,
            list_item_marker,
            unbalanced_punctuation,
            duplicate_description,
            awesome_list_item,
            awesome_description,
            description_repeats_name,
            main_heading,
            awesome_badge,
            product_spelling,
            awesome_ci_badge,
            awesome_license,
            awesome_contributing,
            awesome_toc_depth,
            trailing_whitespace,
            final_newline,
            blank_lines,
            unknown_rule_in_directive,
        ),
        key=lambda rule: rule.ID,
    )
)

_BY_KEY: dict[str, Rule] = {rule.ID.lower(): rule for rule in RULES} | {
    rule.NAME: rule for rule in RULES
}

__all__ = ["PRESETS", "RULES", "Rule", "consumes", "find_rule", "fix_availability"]


def consumes(rule: Rule) -> frozenset[str]:
    """The context views ``rule`` reads; a module that does not say is given all of them."""
    return getattr(rule, "CONSUMES", None) or frozenset(INPUTS)


def fix_availability(rule: Rule) -> FixAvailability:
    """``always``, ``sometimes`` or ``none``; a module with only ``FIXABLE = True`` is
    taken to fix sometimes (the claim it can honour)."""
    found = getattr(rule, "FIX", None)
    if found is not None:
        return found  # type: ignore[no-any-return]
    return "sometimes" if getattr(rule, "FIXABLE", False) else "none"


def find_rule(key: str) -> Rule | None:
    """The rule with this id (any case) or name, or None."""
    return _BY_KEY.get(key.strip().lower())
