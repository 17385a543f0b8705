"""Local links: relative files and directories, other.md#anchor, root-relative with --root-dir."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from awesomelint.cli import main


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text(
        '# Guide\n\n## Install steps\n\n<a id="legacy"></a>\n\n```\n<a id="in-code"></a>\n```\n',
        encoding="utf-8",
    )
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "logo.png").write_bytes(b"\x89PNG")
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Awesome Local\n\n"  # shapes as in sindresorhus/awesome's contributing links
        "- [Guide](docs/guide.md) - Exists.\n"
        "- [Install](docs/guide.md#install-steps) - Heading of another file.\n"
        "- [Legacy](./docs/guide.md#legacy) - An <a id> there.\n"
        "- [Code](docs/guide.md#in-code) - An id inside a code fence is no anchor.\n"
        "- [Missing doc](docs/missing.md) - No such file.\n"
        "- [Nope](docs/guide.md#nope) - No such anchor.\n"
        "- [Folder](img/) - A directory.\n"
        "- [Logo](img/logo.png?raw=true) - A file with a query.\n"
        "- [Root](/docs/guide.md) - Root-relative.\n"
        "- [Space](docs/guide%20two.md) - Encoded.\n",
        encoding="utf-8",
    )
    return readme


def _results(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, str]]:
    code = main(["links", "--no-cache", "--no-progress", "--format", "json", *args])
    data = json.loads(capsys.readouterr().out)
    return code, {r["url"]: r["verdict"] for r in data["results"]}


def test_local_links_in_links(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = _tree(tmp_path)
    code, verdicts = _results(capsys, str(readme))
    assert code == 1
    assert verdicts == {
        "docs/guide.md": "ok",
        "docs/guide.md#install-steps": "ok",
        "./docs/guide.md#legacy": "ok",
        "docs/guide.md#in-code": "fragment-missing",
        "docs/missing.md": "dead",
        "docs/guide.md#nope": "fragment-missing",
        "img/": "ok",
        "img/logo.png?raw=true": "ok",
        "/docs/guide.md": "skipped",
        "docs/guide%20two.md": "dead",
    }


def test_dead_local_link_names_the_resolved_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = _tree(tmp_path)
    main(["links", "--no-cache", "--no-progress", "--format", "text", str(readme)])
    out = capsys.readouterr().out
    missing = tmp_path / "docs" / "missing.md"
    assert f"{readme}:7: dead docs/missing.md (no such file: {missing})" in out


def test_root_relative_links_with_root_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = _tree(tmp_path)
    _, verdicts = _results(capsys, "--root-dir", str(tmp_path), str(readme))
    assert verdicts["/docs/guide.md"] == "ok"
    _, verdicts = _results(capsys, "--root-dir", str(tmp_path / "docs"), str(readme))
    assert verdicts["/docs/guide.md"] == "dead"


def test_local_links_in_lint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = _tree(tmp_path)
    code = main(["lint", "--format", "json", str(readme)])
    found = [
        (d["line"], d["message"])
        for d in json.loads(capsys.readouterr().out)["diagnostics"]
        if d["rule"] == "AL035"
    ]
    assert code == 1
    assert [line for line, _ in found] == [6, 7, 8, 12]
    assert "docs/missing.md" in found[1][1]
