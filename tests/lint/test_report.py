from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from awesomelint.lint.diagnostic import Diagnostic, Fix
from awesomelint.lint.report import FORMATS, summary
from awesomelint.lint.runner import FileResult

SCHEMA = Path(__file__).resolve().parents[1] / "links" / "data" / "sarif-schema-2.1.0.json"
RESULTS = [
    FileResult(
        "lists/a, b.md",
        (
            Diagnostic("lists/a, b.md", 3, 5, "AL001", "error", "duplicate of x:\n100%"),
            Diagnostic(
                "lists/a, b.md", 9, 1, "AL010", "warning", "tracking", Fix.replace(9, 1, "", "")
            ),
        ),
    ),
    FileResult("clean.md", ()),
]


def test_json_has_exactly_the_documented_keys() -> None:
    data = json.loads(FORMATS["json"](RESULTS))
    assert list(data) == ["diagnostics"]
    assert data["diagnostics"][0] == {
        "file": "lists/a, b.md",
        "line": 3,
        "column": 5,
        "rule": "AL001",
        "severity": "error",
        "message": "duplicate of x:\n100%",
    }
    assert json.loads(FORMATS["json"]([])) == {"diagnostics": []}


def test_text_lines_and_summary() -> None:
    out = FORMATS["text"](RESULTS).splitlines()
    assert out[0] == "lists/a, b.md:3:5: error AL001 duplicate-entry: duplicate of x:"
    assert out[-1] == "1 error, 1 warning in 1 file (1 fixable with --fix)"
    assert FORMATS["text"]([FileResult("clean.md", ())]) == ""
    assert "\x1b[" in FORMATS["text"](RESULTS, color=True)
    assert summary([FileResult("a.md", (), fixed=3)]) == "fixed 3 problems; nothing left"


def test_github_annotations_escape_properties_and_data() -> None:
    first, second = FORMATS["github"](RESULTS).splitlines()
    assert first == (
        "::error file=lists/a%2C b.md,line=3,col=5,title=AL001 duplicate-entry"
        "::duplicate of x:%0A100%25"
    )
    assert second.startswith("::warning file=")


def test_sarif_is_valid_2_1_0_and_names_every_rule() -> None:
    log = json.loads(FORMATS["sarif"](RESULTS))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"AL001", "AL010", "AL028"}
    result = run["results"][0]
    assert rules[result["ruleIndex"]]["id"] == "AL001"
    assert rules[result["ruleIndex"]]["properties"]["fix"] == "none"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "lists/a%2C%20b.md"
    assert location["region"] == {"startLine": 3, "startColumn": 5}
    assert run["results"][1]["level"] == "warning"


def test_one_diagnostic_per_broken_link_token() -> None:
    """fffaraz/awesome-cpp (trimmed): a reference link written with a URL as its label."""
    from awesomelint.config import Config
    from awesomelint.lint.runner import lint_context
    from awesomelint.lint.settings import lint_settings
    from lint_support import context

    text = (
        "* [Jpegli][https://github.com/google/jpegli] - an improved JPEG encoder.\n"
        "* [OpenCV](https://github.com/opencv) - Computer vision.\n"
    )
    found = lint_context(context(text), lint_settings(Config(), ("default",)))
    assert [d.rule for d in found] == ["AL006"]
