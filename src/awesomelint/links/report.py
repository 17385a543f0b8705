"""Output formats: small pure functions from a Report to text, keyed by name.

Every problem names file:line, URL, verdict, HTTP status and redirect target;
ok and skipped links only count in the summary.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from awesomelint import sarif as sarif_log
from awesomelint.links.model import REPORTED, Report, Result, Verdict

_SLOWEST = 5
_LEVEL = {
    Verdict.DEAD: "error",
    Verdict.INVALID: "error",
    Verdict.TIMEOUT: "warning",
    Verdict.BLOCKED: "warning",
    Verdict.REDIRECTED: "note",
    Verdict.FRAGMENT_MISSING: "error",
}
_RULES: tuple[tuple[Verdict, str], ...] = (
    (Verdict.DEAD, "The link is dead: 404/410, no DNS, redirect loop, 5xx, missing #fragment."),
    (Verdict.FRAGMENT_MISSING, "The page or file exists, the #anchor the link names does not."),
    (Verdict.INVALID, "The link is not a well-formed http(s) URL."),
    (Verdict.TIMEOUT, "The server did not answer in time."),
    (Verdict.BLOCKED, "The server refused the checker (403/429/999): probably alive."),
    (Verdict.REDIRECTED, "The link moved permanently (301/308): switch to the new URL."),
)


def summary(report: Report) -> dict[str, Any]:
    """Counts per verdict, cache hits, requests and the slowest hosts."""
    counts = Counter(r.verdict for r in report.results)
    return {
        "total": len(report.results),
        **{v.value: counts.get(v, 0) for v in Verdict},
        "cached": sum(r.cached for r in report.results),
        "requests": report.requests,
        "seconds": round(report.elapsed, 3),
        "slowest_hosts": [
            {"host": h.host, "requests": h.requests, "mean_ms": round(h.mean_seconds * 1000, 1)}
            for h in report.hosts[:_SLOWEST]
            if h.requests
        ],
    }


def _problems(report: Report) -> list[Result]:
    return [r for r in report.results if r.verdict in REPORTED]


def _line(result: Result, file: str, line: int) -> str:
    status = f" {result.status}" if result.status is not None else ""
    target = f" -> {result.redirect_to}" if result.redirect_to else ""
    shown = result.detail and not result.detail.startswith("HTTP ")
    detail = f" ({result.detail})" if shown else ""
    archive = f" [archived: {result.archive}]" if result.archive else ""
    return f"{file}:{line}: {result.verdict.value}{status} {result.url}{target}{detail}{archive}"


def _summary_lines(report: Report) -> list[str]:
    """Counts per verdict, refusals, slowest hosts."""
    lines = []
    s = summary(report)
    counts = ", ".join(f"{s[v.value]} {v.value}" for v in Verdict if s[v.value])
    lines.append(
        f"{s['total']} links: {counts or 'none'}"
        f" ({s['cached']} cached, {s['requests']} requests, {s['seconds']:.1f}s)"
    )
    refused = sum(r.detail.startswith("refused") for r in report.results)
    if refused:
        lines.append(f"{refused} skipped: non-public address (use --allow-private to check them)")
    if s["slowest_hosts"]:
        slow = ", ".join(f"{h['host']} {h['mean_ms']:.0f} ms" for h in s["slowest_hosts"])
        lines.append(f"slowest hosts: {slow}")
    return lines


def text(report: Report) -> str:
    """One line per problem occurrence, then a summary."""
    lines = [
        _line(result, occ.file, occ.line)
        for result in _problems(report)
        for occ in result.occurrences
    ]
    return "\n".join([*lines, *_summary_lines(report)]) + "\n"


def json_(report: Report) -> str:
    """``{"results": [...], "summary": {...}}``, one result per distinct URL."""
    results = [
        {
            "url": r.url,
            "verdict": r.verdict,  # a str enum: written as its value, without the lookup
            "status": r.status,
            "file": r.occurrences[0].file,
            "line": r.occurrences[0].line,
            "redirect_to": r.redirect_to,
            "detail": r.detail,
            "archive": r.archive,
            "occurrences": [{"file": o.file, "line": o.line} for o in r.occurrences],
        }
        for r in report.results
    ]
    # one result per line, written by the C encoder in one call (indent= would use the Python
    # one, a second of CPU on 2,000 results).  A line break goes before each '{"url": ' at the
    # top level: inside a JSON string a quote is always escaped, so no value can hold it.
    body = "[]"
    if results:
        rows = json.dumps(results)[1:-1].replace('}, {"url": ', '},\n  {"url": ')
        body = f"[\n  {rows}\n]"
    return f'{{"results": {body},\n"summary": {json.dumps(summary(report), indent=2)}}}\n'


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def github(report: Report) -> str:
    """GitHub Actions workflow commands: annotations on the lines of the pull request."""
    lines = []
    for result in _problems(report):
        level = _LEVEL[result.verdict] if _LEVEL[result.verdict] != "note" else "notice"
        body = _line(result, "", 0).split(": ", 1)[1]
        for occ in result.occurrences:
            lines.append(
                f"::{level} file={_escape(occ.file, True)},line={occ.line},"
                f"title={_escape('awesomelint links: ' + result.verdict.value, True)}"
                f"::{_escape(body)}"
            )
    return "\n".join([*lines, *_summary_lines(report)]) + "\n"


def sarif(report: Report) -> str:
    """A SARIF 2.1.0 log (for GitHub code scanning and other dashboards)."""
    index = {verdict: i for i, (verdict, _) in enumerate(_RULES)}
    rules = [
        {
            "id": f"link-{verdict.value}",
            "name": f"Link{verdict.value.capitalize()}",
            "shortDescription": {"text": description},
            "defaultConfiguration": {"level": _LEVEL[verdict]},
        }
        for verdict, description in _RULES
    ]
    results = []
    for result in _problems(report):
        body = _line(result, "", 0).split(": ", 1)[1]
        results.append(
            {
                "ruleId": f"link-{result.verdict.value}",
                "ruleIndex": index[result.verdict],
                "level": _LEVEL[result.verdict],
                "message": {"text": body},
                "locations": [sarif_log.location(occ.file, occ.line) for occ in result.occurrences],
                "properties": {
                    "url": result.url,
                    "status": result.status,
                    "redirectTo": result.redirect_to,
                },
            }
        )
    return sarif_log.log(rules, results)


def _cell(value: str) -> str:
    """Text safe in a markdown table cell: pipes escaped, no line breaks, no HTML."""
    value = value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    return value.replace("<", "&lt;").replace(">", "&gt;")


def _code(value: str) -> str:
    return f"`{value.replace('`', '')}`"


def markdown(report: Report) -> str:
    """A report a person reads (a pull request comment, the job summary): problems by file."""
    s = summary(report)
    counts = ", ".join(f"{s[v.value]} {v.value}" for v in Verdict if s[v.value])
    lines = ["## Link check", "", f"{s['total']} links: {counts or 'none'}."]
    problems = _problems(report)
    if not problems:
        return "\n".join([*lines, "", "No broken links.", ""])
    by_file: dict[str, list[tuple[int, Result]]] = {}
    for result in problems:
        for occ in result.occurrences:
            by_file.setdefault(occ.file, []).append((occ.line, result))
    order = {v: i for i, v in enumerate(reversed(list(Verdict)))}
    for file in sorted(by_file):
        lines += ["", f"### {_cell(file)}", "", "| Line | Verdict | URL | Switch to / detail |"]
        lines.append("| ---: | --- | --- | --- |")
        rows = sorted(by_file[file], key=lambda row: (order[row[1].verdict], row[0], row[1].url))
        for line, result in rows:
            verdict = result.verdict.value + (f" {result.status}" if result.status else "")
            if result.redirect_to:
                note = _code(result.redirect_to)
            elif result.archive:
                note = f"archived: {_code(result.archive)}"
            else:
                note = _cell(result.detail)
            lines.append(f"| {line} | {verdict} | {_code(result.url)} | {note} |")
    return "\n".join(lines) + "\n"


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": text,
    "json": json_,
    "github": github,
    "sarif": sarif,
    "markdown": markdown,
}
