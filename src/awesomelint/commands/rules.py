"""``awesomelint rules``: every lint rule, or one rule's documentation (its docstring)."""

from __future__ import annotations

import click

from awesomelint.lint.ruledoc import parse_doc
from awesomelint.rules import RULES, Rule, find_rule, fix_availability


def _options(rule: Rule) -> str:
    if not rule.OPTIONS:
        return "none"
    shown = []
    for key, value in rule.OPTIONS.items():
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, tuple):
            text = "[" + ", ".join(f'"{v}"' for v in value) + "]"
        elif isinstance(value, str):
            text = f'"{value}"'
        else:
            text = str(value)
        shown.append(f"{key} = {text}")
    return ", ".join(shown)


def rule_markdown(rule: Rule) -> str:
    """A rule's documentation page (markdown), generated from its module."""
    doc = parse_doc(rule.__doc__)
    body = doc.text.split("\n", 1)[1].strip() if "\n" in doc.text else ""
    return (
        f"## {rule.ID} {rule.NAME}\n\n"
        f"{doc.summary}\n\n"
        f"- severity: {rule.SEVERITY}\n"
        f"- fix: {fix_availability(rule)}\n"
        f"- presets: {', '.join(sorted(rule.PRESETS))}\n"
        f"- options: {_options(rule)}\n\n"
        f"{body}\n"
    )


def _table() -> str:
    width = max(len(rule.NAME) for rule in RULES)
    lines = [f"{'id':<6} {'name':<{width}} {'severity':<8} {'fix':<9} presets / summary"]
    for rule in RULES:
        doc = parse_doc(rule.__doc__)
        fix = fix_availability(rule)
        presets = ",".join(sorted(rule.PRESETS))
        lines.append(
            f"{rule.ID:<6} {rule.NAME:<{width}} {rule.SEVERITY:<8} {fix:<9} "
            f"[{presets}] {doc.summary}"
        )
    return "\n".join(lines) + "\n"


@click.command("rules")
@click.argument("rule", required=False)
@click.option("--docs", is_flag=True, help="Print every rule's documentation as markdown.")
def rules(rule: str | None, docs: bool) -> int:
    """List every lint rule, or show the documentation of RULE (an id or a name)."""
    if rule is not None:
        found = find_rule(rule)
        if found is None:
            click.echo(f"awesomelint: unknown rule '{rule}' (see: awesomelint rules)", err=True)
            return 2
        click.echo(rule_markdown(found), nl=False)
        return 0
    if docs:
        click.echo("# awesomelint lint rules\n")
        click.echo("\n".join(rule_markdown(r) for r in RULES), nl=False)
        return 0
    click.echo(_table(), nl=False)
    return 0
