"""``links --fix`` goes through the same safe writer as fmt: read-only files need --force."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from awesomelint.cli import main

from .server import Server


def _list(tmp_path: Path, server: Server) -> Path:
    server.route("/ok")
    server.route("/moved", status=301, location="/ok")
    path = tmp_path / "README.md"
    path.write_text(f"# T\n\n## A\n\n- [Moved]({server.url('/moved')}) - Moved.\n")
    return path


def _links(*args: str) -> int:
    return main(["links", "--allow-private", "--no-cache", "--no-progress", "--fix", *args])


def test_links_fix_leaves_a_read_only_list_alone_unless_forced(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _list(tmp_path, server)
    path.chmod(0o444)
    before = path.read_bytes()
    assert _links(str(path)) == 2
    err = capsys.readouterr().err
    assert f"{path}: cannot write (the file is read-only" in err and "Traceback" not in err
    assert path.read_bytes() == before
    assert _links("--force", str(path)) == 0
    assert path.read_text() == before.decode().replace(server.url("/moved"), server.url("/ok"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_links_fix_writes_through_a_symlink(tmp_path: Path, server: Server) -> None:
    path = _list(tmp_path, server)
    link = tmp_path / "link.md"
    link.symlink_to(path.name)
    _links(str(link))
    assert link.is_symlink() and server.url("/ok") in path.read_text()


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"], ids=["CR", "CRLF", "LF"])
def test_links_fix_rewrites_lists_with_any_line_ending(
    tmp_path: Path, server: Server, newline: str
) -> None:
    server.route("/ok")
    moved = server.route("/moved", status=301, location="/ok")
    path = tmp_path / "README.md"
    lines = ["# T", "", "## A", "", f"- [Moved]({moved}) - Moved.", f"- [Ok]({server.url('/ok')})"]
    path.write_bytes(newline.join([*lines, ""]).encode())
    assert _links(str(path)) == 0
    fixed = [line.replace(moved, server.url("/ok")) for line in lines]
    assert path.read_bytes() == newline.join([*fixed, ""]).encode()
