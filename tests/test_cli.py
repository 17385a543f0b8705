"""The one error boundary: no input shows a traceback; a bug is one line and exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

from awesomelint import cli
from awesomelint.errors import InputError


@click.command()
@click.argument("kind")
def boom(kind: str) -> int:
    """A subcommand with a bug."""
    if kind == "index":
        return [][1]  # type: ignore[no-any-return]
    if kind == "input":
        raise InputError("x.md: no such file")
    raise RecursionError("maximum recursion depth exceeded")


@pytest.fixture
def with_boom(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(cli._COMMANDS, "boom", f"{__name__}:boom")


def test_an_internal_error_is_one_line_asking_for_a_report(
    with_boom: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["boom", "index"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("awesomelint: internal error (IndexError: list index out of range)")
    assert "please report it" in err


def test_an_input_error_is_its_message(with_boom: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["boom", "input"]) == 2
    assert capsys.readouterr().err == "awesomelint: x.md: no such file\n"


def test_too_deep_input_is_an_input_problem(
    with_boom: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["boom", "deep"]) == 2
    assert capsys.readouterr().err == "awesomelint: input nested too deeply to read\n"


# Inputs that once ended in a traceback (an icon-font glyph in a paper title), or could.
HOSTILE = {
    "icon.md": "# X\n\n## Papers\n\nIcon \uf15b title. \\[[pdf](https://a.org/p.pdf)\\]\n".encode(),
    "binary.md": b"\x89PNG\r\n\x1a\n\x00\x00",
    "latin1.md": "# Caf\xe9\n".encode("latin-1"),
    "bom-only.md": b"\xef\xbb\xbf",
    "quotes.md": ("> " * 400 + "x\n").encode(),
}


@pytest.mark.parametrize("command", ["fmt", "lint"])
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_no_input_shows_a_traceback(tmp_path: Path, command: str, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(HOSTILE[name])
    args = [sys.executable, "-m", "awesomelint", command, str(path)]
    if command == "fmt":
        args.insert(4, "--check")
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    assert "Traceback" not in done.stderr
    assert done.returncode in (0, 1, 2)
    assert done.stderr.count("\n") <= 1


def test_the_prompt_exit_writes_everything_and_keeps_the_exit_code(tmp_path: Path) -> None:
    # lint and fmt end with os._exit: every line must be out first, and the code kept
    path = tmp_path / "README.md"
    entries = "".join(f"- [Dup](https://dup.org/x) - Same {n}.\n" for n in range(3000))
    path.write_text("# Awesome X\n\n## Tools\n\n" + entries, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "awesomelint", "lint", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    import json

    assert len(json.loads(done.stdout)["diagnostics"]) >= 2999
    fixed = subprocess.run(
        [sys.executable, "-m", "awesomelint", "fmt", "--check", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert fixed.returncode == 0, fixed.stderr
    # a reader that stops early: no traceback, and the code is not "all clear"
    head = subprocess.run(
        f"{sys.executable} -m awesomelint lint {path} | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in head.stderr
