"""``awesomelint fmt`` end to end: exit codes, --check, --diff, --stdout, refusal, bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.model import Document

CANONICAL = "# T\n\n## A\n\n- [x](https://x.org) - X.\n"
MESSY = "# T\n\n## A\n\n* [x](https://x.org) - X.\n"


def _write(tmp_path: Path, text: str | bytes, name: str = "list.md") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_rewrites_in_place_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, MESSY)
    assert main(["fmt", str(path)]) == 0
    assert path.read_text() == CANONICAL
    assert "reformatted" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["list.md"]  # no temp file left


def test_unchanged_file_is_not_written(tmp_path: Path) -> None:
    path = _write(tmp_path, CANONICAL)
    os.utime(path, (1_000_000, 1_000_000))
    assert main(["fmt", str(path)]) == 0
    assert path.stat().st_mtime == 1_000_000


def test_check_exits_1_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    messy, clean = _write(tmp_path, MESSY, "a.md"), _write(tmp_path, CANONICAL, "b.md")
    assert main(["fmt", "--check", str(messy), str(clean)]) == 1
    assert messy.read_text() == MESSY
    err = capsys.readouterr().err
    assert f"would reformat {messy}" in err and "b.md" not in err
    assert main(["fmt", "--check", str(clean)]) == 0


def test_diff_and_stdout_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, MESSY)
    assert main(["fmt", "--diff", str(path)]) == 1  # like --check: a file would change
    out = capsys.readouterr().out
    assert "-* [x](https://x.org) - X." in out and "+- [x](https://x.org) - X." in out
    assert main(["fmt", "--stdout", str(path)]) == 0
    assert capsys.readouterr().out == CANONICAL
    assert path.read_text() == MESSY


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    path = _write(tmp_path, b"\xef\xbb\xbf" + MESSY.replace("\n", "\r\n").encode())
    assert main(["fmt", str(path)]) == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + CANONICAL.replace("\n", "\r\n").encode()


def test_refuses_to_write_when_a_link_would_be_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard is independent of the writer: a writer that drops an entry is caught."""
    import awesomelint.commands.fmt as fmt_module
    from awesomelint.render import render

    def lossy(document: Document) -> str:
        return render(document).replace("- [x](https://x.org) - X.\n", "")

    monkeypatch.setattr(fmt_module, "render", lossy)
    path = _write(tmp_path, MESSY)
    assert main(["fmt", str(path)]) == 1
    assert path.read_text() == MESSY
    err = capsys.readouterr().err
    assert "1 link(s) would be lost: https://x.org" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02binary", "binary file"),
        (b"# caf\xe9\n", "invalid UTF-8"),
        (b"", "file is empty"),
    ],
)
def test_bad_input_exit_2_one_line_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = _write(tmp_path, content)
    assert main(["fmt", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == content


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fmt", str(tmp_path / "nope.md")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_directories_globs_and_exclude(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    inner = _write(tmp_path / "docs", MESSY, "a.md")
    skipped = _write(tmp_path / "docs", MESSY, "skip.md")
    assert main(["fmt", "--exclude", "skip.md", str(tmp_path)]) == 0
    assert inner.read_text() == CANONICAL and skipped.read_text() == MESSY
    assert main(["fmt", str(tmp_path / "docs" / "s*.md")]) == 0
    assert skipped.read_text() == CANONICAL


def test_no_path_formats_the_markdown_files_under_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, MESSY)
    monkeypatch.chdir(tmp_path)  # not a git repository: every *.md under it
    assert main(["fmt", "--check"]) == 1
    assert main(["fmt"]) == 0 and path.read_text() == CANONICAL


def test_other_files_still_formatted_after_a_bad_one(tmp_path: Path) -> None:
    bad, good = _write(tmp_path, b"\x00", "bad.md"), _write(tmp_path, MESSY, "good.md")
    assert main(["fmt", str(bad), str(good)]) == 2
    assert good.read_text() == CANONICAL


def test_usage_error_is_exit_2() -> None:
    assert main(["fmt", "--no-such-flag", "x.md"]) == 2
    assert main(["fmt", "--color", "sometimes", "x.md"]) == 2


def test_python_dash_m_and_stdin(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "awesomelint", "fmt", "-"],
        input=MESSY.encode(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == CANONICAL
