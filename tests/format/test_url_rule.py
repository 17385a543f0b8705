"""One rule for every text repair: a URL is never changed; lint reports a damaged one."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesomelint.cli import main

# "Café" read as cp1252 in a title, a description and a URL (a real accident of copy-paste)
SOURCE = (
    "# T\n\n## A\n\n- [Caf\u00c3\u00a9](https://a.com/caf\u00c3\u00a9)"
    " - It\u00e2\u20ac\u2122s good.\n"
)
TEXT_FIXED = "- [Caf\u00e9](https://a.com/caf\u00c3\u00a9) - It\u2019s good."


def test_fmt_and_lint_fix_repair_the_text_and_keep_the_url(tmp_path: Path) -> None:
    for argv in (["fmt"], ["fmt", "--style", "canonical"], ["lint", "--fix"]):
        path = tmp_path / "list.md"
        path.write_text(SOURCE)
        main([*argv, str(path)])
        assert path.read_text() == SOURCE.replace(SOURCE.splitlines()[-1], TEXT_FIXED), argv


def test_merge_keeps_the_url_as_written(tmp_path: Path) -> None:
    path, out = tmp_path / "list.md", tmp_path / "out.md"
    path.write_text(SOURCE)
    assert main(["merge", str(path), "-o", str(out)]) == 0
    text = out.read_text()
    assert "(https://a.com/caf\u00c3\u00a9)" in text and "Caf\u00e9" in text


def test_lint_reports_the_damaged_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "list.md"
    path.write_text(SOURCE)
    assert main(["lint", "--format", "text", str(path)]) == 1
    out = capsys.readouterr()
    assert "in a URL" in out.out + out.err
