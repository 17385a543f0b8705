"""Output formats of ``awesomelint meta``: pure functions from a Report to text, keyed by name.

The same four as ``lint`` and ``links``; a provider that is down is one line
("arXiv API unreachable (...); 84 entries unchecked"), never a finding per entry.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from awesomelint import sarif as sarif_log
from awesomelint.meta.findings import RULES
from awesomelint.meta.model import Finding, Outage, Report

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def outage_line(outage: Outage) -> str:
    """``arXiv API unreachable (cannot connect ...); 84 entries unchecked``."""
    reason = outage.reason
    if reason.startswith("unreachable"):
        head = f"{outage.label} unreachable ({reason.removeprefix('unreachable: ')})"
    else:
        head = f"{outage.label} failed: {reason}"
    plural = "entry" if outage.unchecked == 1 else "entries"
    return f"{head}; {outage.unchecked} {plural} unchecked"


def _body(finding: Finding) -> str:
    fix = " [fixable]" if finding.fix is not None and finding.fix.kind != "paper" else ""
    return f"{finding.level} {finding.rule}: {finding.message}{fix}"


def _summary(report: Report) -> list[str]:
    counts = Counter(f.level for f in report.findings)
    parts = [f"{counts[level]} {level}" for level in ("error", "warning", "info") if counts[level]]
    ratio = f", {report.ids_sent / report.requests:.1f} ids/request" if report.requests else ""
    return [
        f"{len(report.entries)} entries checked: {', '.join(parts) or 'no findings'}"
        f" ({report.cached} cached, {report.requests} requests{ratio})",
        *(outage_line(o) for o in report.outages),
    ]


def text(report: Report) -> str:
    """``file:line: level rule: message``, then a summary and one line per provider down."""
    lines = [f"{f.file}:{f.line}: {_body(f)}" for f in report.findings]
    return "\n".join([*lines, *_summary(report)]) + "\n"


def _finding_json(finding: Finding) -> dict[str, Any]:
    fix = finding.fix
    return {
        "rule": finding.rule,
        "level": finding.level,
        "file": finding.file,
        "line": finding.line,
        "message": finding.message,
        "url": finding.url,
        "key": finding.key,
        "fix": None
        if fix is None
        else {"kind": fix.kind, "line": fix.line, "old": fix.old, "new": fix.new},
    }


def json_(report: Report) -> str:
    """Findings, outages, the entries with their metadata (stars, venue ...), a summary."""
    document = {
        "findings": [_finding_json(f) for f in report.findings],
        "outages": [
            {
                "provider": o.provider,
                "reason": o.reason,
                "unchecked": o.unchecked,
                "message": outage_line(o),
            }
            for o in report.outages
        ],
        "entries": [
            {
                "file": e.file,
                "line": e.line,
                "title": e.title,
                "metadata": [r.to_json() for r in e.records],
            }
            for e in report.entries
        ],
        "summary": {
            "entries": len(report.entries),
            "findings": dict(sorted(Counter(f.rule for f in report.findings).items())),
            "requests": report.requests,
            "ids_sent": report.ids_sent,
            "cached": report.cached,
            "per_provider": [
                {"provider": name, "requests": requests, "ids": ids}
                for name, requests, ids in report.per_provider
            ],
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def github(report: Report) -> str:
    """GitHub Actions workflow commands (annotations), then the summary."""
    lines = [
        f"::{_GITHUB_LEVEL[f.level]} file={_escape(f.file, True)},line={f.line},"
        f"title={_escape('awesomelint meta: ' + f.rule, True)}::{_escape(f.message)}"
        for f in report.findings
    ]
    lines += [
        f"::warning title=awesomelint meta::{_escape(outage_line(o))}" for o in report.outages
    ]
    return "\n".join([*lines, *_summary(report)]) + "\n"


def sarif(report: Report) -> str:
    """A SARIF 2.1.0 log through the project's one SARIF writer."""
    names = list(RULES)
    rules = [
        {
            "id": name,
            "name": "".join(part.capitalize() for part in name.split("-")),
            "shortDescription": {"text": description},
            "defaultConfiguration": {"level": _SARIF_LEVEL[level]},
        }
        for name, (level, description) in RULES.items()
    ]
    results = []
    for f in report.findings:
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": names.index(f.rule),
            "level": _SARIF_LEVEL[f.level],
            "message": {"text": f.message},
            "locations": [sarif_log.location(f.file, f.line)],
            "properties": {"url": f.url, "key": f.key},
        }
        if f.fix is not None:
            result["properties"]["fix"] = {"kind": f.fix.kind, "old": f.fix.old, "new": f.fix.new}
        results.append(result)
    return sarif_log.log(rules, results)


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": text,
    "json": json_,
    "github": github,
    "sarif": sarif,
}
