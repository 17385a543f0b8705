"""``links`` in CI and at the terminal: formats, step summary, --output, cache, paths, signals."""

from __future__ import annotations

import io
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from awesomelint.cli import main

from .server import Server
from .test_cli import links, write_list

SRC = str(Path(__file__).parents[2] / "src")


def test_auto_format_is_github_annotations_under_actions(
    tmp_path: Path,
    server: Server,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_list(tmp_path, server)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert links(str(path)) == 1
    assert f"::error file={path},line=7," in capsys.readouterr().out
    monkeypatch.delenv("GITHUB_ACTIONS")
    links(str(path))
    assert f"{path}:7: dead 404" in capsys.readouterr().out


def test_markdown_report_and_step_summary(
    tmp_path: Path,
    server: Server,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_list(tmp_path, server)
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert links("--format", "markdown", str(path)) == 1
    report = capsys.readouterr().out
    assert report.startswith("## Link check\n")
    assert f"### {path}" in report
    assert f"| 7 | dead 404 | `{server.url('/dead')}` |" in report
    assert f"| 6 | redirected 200 | `{server.url('/moved')}` | `{server.url('/ok')}` |" in report
    assert "| 10 | dead | `#no-such-section` |" in report
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("# Earlier step\n")  # appended, not replaced
    assert written.endswith(report + "\n")


def test_output_file(tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_list(tmp_path, server)
    target = tmp_path / "out.json"
    assert links("--format", "json", "--output", str(target), str(path)) == 1
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["dead"] == 2


def test_cache_defaults_to_the_workspace_under_ci(
    tmp_path: Path, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_list(tmp_path, server)
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    main(["links", "--allow-private", "--no-progress", str(path)])
    with sqlite3.connect(tmp_path / ".awesomelint-cache.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM verdicts").fetchone()[0] == 3


def test_stdin_directories_and_globs(
    tmp_path: Path,
    server: Server,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "lists").mkdir()
    for name in ("a", "b"):
        url = server.route(f"/{name}")
        (tmp_path / "lists" / f"{name}.md").write_text(f"# {name}\n\n- [x]({url}) - y.\n")
    (tmp_path / "lists" / "skip.md").write_text(f"# s\n\n- [x]({server.url('/gone')}) - y.\n")
    assert links("--format", "json", "--exclude-path", "skip.md", str(tmp_path / "lists")) == 0
    files = {r["file"] for r in json.loads(capsys.readouterr().out)["results"]}
    assert files == {str(tmp_path / "lists" / "a.md"), str(tmp_path / "lists" / "b.md")}
    assert links("--format", "json", str(tmp_path / "lists" / "[ab].md")) == 0
    assert len(json.loads(capsys.readouterr().out)["results"]) == 2
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        f"# S\n\n- [x]({server.url('/gone')}) - y.\n".encode()
    )))  # fmt: skip
    assert links("--format", "json", "-") == 1
    [result] = json.loads(capsys.readouterr().out)["results"]
    assert result["file"] == "<stdin>" and result["verdict"] == "dead"


def test_no_path_is_the_markdown_files_of_the_repository(
    tmp_path: Path,
    server: Server,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "tracked.md").write_text(f"# T\n\n- [x]({server.route('/t')}) - y.\n")
    (tmp_path / "untracked.md").write_text(f"# U\n\n- [x]({server.url('/gone')}) - y.\n")
    subprocess.run(["git", "-C", str(tmp_path), "add", "tracked.md"], check=True)
    monkeypatch.chdir(tmp_path)
    assert links("--format", "json") == 0
    assert {r["file"] for r in json.loads(capsys.readouterr().out)["results"]} == {"tracked.md"}


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_network_down_is_said_once_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    port = _closed_port()
    path = tmp_path / "list.md"
    path.write_text(
        "# A\n\n"
        + "".join(f"- [x](http://127.0.0.{i}:{port}/p{j}) - y.\n" for i in (2, 3) for j in (1, 2))
        + "- [y](https://nothing.invalid/) - z.\n"
    )
    assert links("--retries", "0", str(path)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "network" in captured.err
    dns = tmp_path / "dns.md"
    dns.write_text("# A\n\n- [a](https://a.invalid/) - x.\n- [b](https://b.invalid/) - y.\n")
    assert links(str(dns)) == 2
    assert "none of 2 host names resolved" in capsys.readouterr().err


def test_fragment_missing_in_the_cli(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.route("/doc", body=b'<h2 id="usage">Usage</h2>', content_type="text/html")
    path = tmp_path / "list.md"
    path.write_text(f"# A\n\n- [a]({url}#usage) - x.\n- [b]({url}#gone) - y.\n")
    assert links(str(path)) == 1
    assert f"{path}:4: fragment-missing 200 {url}#gone" in capsys.readouterr().out
    assert links("--no-check-fragments", str(path)) == 0


def test_second_ctrl_c_exits_at_once_and_the_cache_stays_consistent(
    tmp_path: Path, server: Server
) -> None:
    fast = [server.route(f"/f{i}") for i in range(5)]
    stuck = [server.route(f"/stuck{i}", hang=True) for i in range(3)]
    path = tmp_path / "list.md"
    path.write_text("# A\n\n" + "".join(f"- [L]({u}) - x.\n" for u in [*fast, *stuck]))
    cache = tmp_path / "c.sqlite3"
    proc = subprocess.Popen(
        [sys.executable, "-m", "awesomelint", "links", "--allow-private", "--no-progress",
         "--timeout", "60", "--cache", str(cache), str(path)],
        env={**os.environ, "PYTHONPATH": SRC}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len({r.path for r in server.requests}) < 8:
        time.sleep(0.05)
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    began = time.monotonic()
    _, err = proc.communicate(timeout=20)
    assert time.monotonic() - began < 5
    assert proc.returncode == 130, err
    assert b"Traceback" not in err
    with sqlite3.connect(cache) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        urls = {row[0] for row in db.execute("SELECT url FROM verdicts")}
    assert urls <= set(fast)
