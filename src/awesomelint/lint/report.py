"""Output formats of ``awesomelint lint``: small pure functions keyed by name (yamllint's way).

``text`` for people (coloured on a terminal), ``json`` for scripts, ``github``
for annotations in GitHub Actions, ``sarif`` (2.1.0) for GitHub code scanning
and other dashboards.  ``auto`` is resolved by the command, not here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from awesomelint.lint.diagnostic import Diagnostic
from awesomelint.lint.runner import FileResult
from awesomelint.rules import RULES, find_rule, fix_availability

_COLORS = {"error": "red", "warning": "yellow"}
_SARIF_LEVEL = {"error": "error", "warning": "warning"}


def _diagnostics(results: Sequence[FileResult]) -> list[Diagnostic]:
    return [d for result in results for d in result.diagnostics]


def _name(rule_id: str) -> str:
    rule = find_rule(rule_id)
    return rule.NAME if rule else rule_id


def summary(results: Sequence[FileResult]) -> str:
    """``2 errors, 3 warnings in 1 file (2 fixable with --fix)``, or what --fix did."""
    found = _diagnostics(results)
    errors = sum(d.severity == "error" for d in found)
    warnings = len(found) - errors
    files = len({d.file for d in found})
    fixed = sum(result.fixed for result in results)
    parts = []
    if fixed:
        parts.append(f"fixed {fixed} problem{'s' if fixed != 1 else ''}")
    if found:
        fixable = sum(d.fix is not None for d in found)
        text = (
            f"{errors} error{'s' if errors != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''} "
            f"in {files} file{'s' if files != 1 else ''}"
        )
        if fixable:
            text += f" ({fixable} fixable with --fix)"
        parts.append(text)
    elif fixed:
        parts.append("nothing left")
    return "; ".join(parts)


def text(results: Sequence[FileResult], color: bool = False) -> str:
    """``file:line:column: severity ID name: message``, then a summary line."""
    import click  # already loaded by the CLI; kept out of the module's import cost

    def style(value: str, **kwargs: object) -> str:
        return click.style(value, **kwargs) if color else value  # type: ignore[arg-type]

    lines = []
    for d in _diagnostics(results):
        where = style(f"{d.file}:{d.line}:{d.column}:", bold=True)
        severity = style(d.severity, fg=_COLORS[d.severity], bold=True)
        rule = style(f"{d.rule} {_name(d.rule)}", dim=True)
        lines.append(f"{where} {severity} {rule}: {d.message}")
    tail = summary(results)
    if tail:
        lines.append(tail)
    return "".join(line + "\n" for line in lines)


def json_(results: Sequence[FileResult], color: bool = False) -> str:
    """``{"diagnostics": [{"file", "line", "column", "rule", "severity", "message"}, ...]}``."""
    diagnostics = [
        {
            "file": d.file,
            "line": d.line,
            "column": d.column,
            "rule": d.rule,
            "severity": d.severity,
            "message": d.message,
        }
        for d in _diagnostics(results)
    ]
    import json  # the text format, the hook's, does without it

    return json.dumps({"diagnostics": diagnostics}, indent=2, ensure_ascii=False) + "\n"


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def github(results: Sequence[FileResult], color: bool = False) -> str:
    """GitHub Actions workflow commands: an annotation on the line of each diagnostic."""
    lines = []
    for d in _diagnostics(results):
        title = _escape(f"{d.rule} {_name(d.rule)}", prop=True)
        lines.append(
            f"::{d.severity} file={_escape(d.file, prop=True)},line={d.line},col={d.column},"
            f"title={title}::{_escape(d.message)}"
        )
    return "".join(line + "\n" for line in lines)


def sarif(results: Sequence[FileResult], color: bool = False) -> str:
    """A SARIF 2.1.0 log with every rule's metadata, as GitHub code scanning accepts it."""
    from awesomelint import sarif as sarif_log  # only this format needs them
    from awesomelint.lint.ruledoc import parse_doc

    index = {rule.ID: position for position, rule in enumerate(RULES)}
    rules = []
    for rule in RULES:
        doc = parse_doc(rule.__doc__)
        rules.append(
            {
                "id": rule.ID,
                "name": rule.NAME,
                "shortDescription": {"text": doc.summary},
                "fullDescription": {"text": doc.text},
                "help": {"text": doc.text, "markdown": doc.text},
                "defaultConfiguration": {"level": _SARIF_LEVEL[rule.SEVERITY]},
                "properties": {"tags": sorted(rule.PRESETS), "fix": fix_availability(rule)},
            }
        )
    found = []
    for d in _diagnostics(results):
        result: dict[str, object] = {
            "ruleId": d.rule,
            "level": _SARIF_LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [sarif_log.location(d.file, d.line, d.column)],
        }
        if d.rule in index:
            result["ruleIndex"] = index[d.rule]
        found.append(result)
    return sarif_log.log(rules, found, column_kind="unicodeCodePoints")


FORMATS: dict[str, Callable[..., str]] = {
    "text": text,
    "json": json_,
    "github": github,
    "sarif": sarif,
}
