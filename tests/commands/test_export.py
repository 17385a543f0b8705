"""``awesomelint export``: the model as JSON or YAML, with every item's kind, fields and span."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.commands.export import to_yaml

LIST = (
    "# Awesome T\n\n"
    "Intro.\n\n"
    "## Tools\n\n"
    "- [A](https://a.org) - First. · [pdf](https://a.org/a.pdf) · 2023\n"
    "- ![logo](https://img.org/l.png)\n"
    "  - [A1](https://a.org/1)\n"
)


def _export(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    path = tmp_path / "list.md"
    path.write_text(LIST)
    assert main(["export", str(path), *extra]) == 0
    return capsys.readouterr().out


def test_json_holds_sections_entries_blocks_and_spans(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (doc,) = json.loads(_export(tmp_path, capsys))
    assert doc["title"] == "Awesome T" and doc["entries"] == 1
    assert doc["preamble"][0] == {
        "kind": "block",
        "block_kind": "text",
        "text": "Intro.",
        "span": {"file": doc["path"], "line": 3, "column": 1, "end_line": 3, "end_column": 0},
    }
    (tools,) = doc["sections"]
    assert (tools["title"], tools["level"], tools["span"]["line"]) == ("Tools", 2, 5)
    entry, block = tools["items"]
    assert entry["kind"] == "entry" and entry["title"] == "A"
    assert entry["links"] == [
        {
            "label": "pdf",
            "url": "https://a.org/a.pdf",
            "span": {"file": doc["path"], "line": 7, "column": 39, "end_line": 7, "end_column": 58},
        }
    ]
    assert entry["tags"] == [{"kind": "date", "text": "2023"}]
    assert entry["url_span"]["column"] == 7
    assert block["kind"] == "block" and block["span"]["end_line"] == 9
    assert block["text"] == "- ![logo](https://img.org/l.png)\n  - [A1](https://a.org/1)"


def test_yaml_says_the_same(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    yaml = pytest.importorskip("yaml")
    as_yaml = yaml.safe_load(_export(tmp_path, capsys, "--format", "yaml"))
    as_json = json.loads(_export(tmp_path, capsys))
    assert as_yaml == as_json


def test_the_yaml_emitter_quotes_every_string() -> None:
    data = {"a": ["x: y", "- z", "", None, True, 3, {}, []], "b": {"c": "\u00e9\n#"}}
    assert to_yaml(data) == (
        'a:\n  - "x: y"\n  - "- z"\n  - ""\n  - null\n  - true\n  - 3\n  - {}\n  - []\n'
        'b:\n  c: "\u00e9\\n#"\n'
    )


def test_an_unreadable_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(tmp_path / "missing.md")]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
