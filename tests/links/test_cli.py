"""``awesomelint links`` end to end: parsed lists, formats, exit codes, --fix, interruption."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from awesomelint.cli import main

from .server import Server

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"  # OASIS SARIF 2.1.0


def write_list(tmp_path: Path, server: Server) -> Path:
    server.route("/ok")
    server.route("/moved", status=301, location="/ok")
    server.route("/forbidden", status=403)
    path = tmp_path / "README.md"
    path.write_text(
        "# Awesome Test\n"
        "\n"
        "## Tools\n"
        "\n"
        f"- [Ok]({server.url('/ok')}) - Fine.\n"
        f"- [Moved]({server.url('/moved')}) - Moved away.\n"
        f"- [Dead]({server.url('/dead')}) - Gone.\n"
        f"- [Again]({server.url('/ok')}) - Same URL twice.\n"
        "- [Back](#tools) - Anchor.\n"
        "- [Nowhere](#no-such-section) - Broken anchor.\n"
        f"- [Wall]({server.url('/forbidden')}) - Bot wall.\n",
        encoding="utf-8",
    )
    return path


def links(*args: str) -> int:
    return main(["links", "--allow-private", "--no-cache", "--no-progress", *args])


def test_json_output_one_result_per_distinct_url(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(tmp_path, server)
    assert links("--format", "json", str(path)) == 1
    data = json.loads(capsys.readouterr().out)
    rows = {
        (r["url"].rsplit("/", 1)[-1], r["verdict"], r["status"], r["line"]) for r in data["results"]
    }
    assert rows == {
        ("ok", "ok", 200, 5),
        ("moved", "redirected", 200, 6),
        ("dead", "dead", 404, 7),
        ("#tools", "ok", None, 9),
        ("#no-such-section", "dead", None, 10),
        ("forbidden", "blocked", 403, 11),
    }
    moved = next(r for r in data["results"] if r["url"].endswith("/moved"))
    assert moved["redirect_to"] == server.url("/ok") and moved["file"] == str(path)
    assert set(moved) >= {"url", "verdict", "status", "file", "line", "redirect_to"}
    assert data["summary"]["dead"] == 2 and data["summary"]["total"] == 6


def test_text_names_file_line_verdict_status_and_target(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(tmp_path, server)
    assert links(str(path)) == 1
    out = capsys.readouterr().out
    assert f"{path}:7: dead 404 {server.url('/dead')}" in out
    assert f"{path}:6: redirected 200 {server.url('/moved')} -> {server.url('/ok')}" in out
    assert f"{path}:11: blocked 403" in out
    assert "slowest hosts: 127.0.0.1" in out


def test_sarif_validates_against_schema(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(tmp_path, server)
    links("--format", "sarif", str(path))
    log = json.loads(capsys.readouterr().out)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"link-dead", "link-redirected", "link-blocked"}
    dead = next(r for r in results if server.url("/dead") in r["message"]["text"])
    assert dead["locations"][0]["physicalLocation"]["region"]["startLine"] == 7


def test_github_annotations(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(tmp_path, server)
    links("--format", "github", str(path))
    out = capsys.readouterr().out
    assert f"::error file={path},line=7,title=awesomelint links%3A dead::dead 404" in out
    assert f"::warning file={path},line=11," in out


def test_exit_codes(tmp_path: Path, server: Server) -> None:
    good = tmp_path / "good.md"
    good.write_text(f"# A\n\n- [Ok]({server.route('/ok')}) - Fine.\n", encoding="utf-8")
    assert links(str(good)) == 0
    walled = tmp_path / "walled.md"
    walled.write_text(f"# A\n\n- [W]({server.route('/w', status=403)}) - x.\n", encoding="utf-8")
    assert links(str(walled)) == 0
    assert links("--strict", str(walled)) == 1
    assert links(str(tmp_path / "missing.md")) == 2


def test_bad_flags_and_config_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.md"
    good.write_text("# A\n\n- [Ok](https://example.org) - Fine.\n", encoding="utf-8")
    assert links("--accept", "abc", str(good)) == 2
    assert links("--exclude", "([", str(good)) == 2
    (tmp_path / ".awesomelint.toml").write_text("[links]\ntime_out = 3\n", encoding="utf-8")
    assert links(str(good)) == 2
    err = capsys.readouterr().err
    assert "awesomelint: " in err and ".awesomelint.toml" in err and "links.time_out" in err
    assert "Traceback" not in err


def test_fix_rewrites_permanent_redirects_only(tmp_path: Path, server: Server) -> None:
    path = write_list(tmp_path, server)
    before = path.read_bytes()
    links("--fix", str(path))
    after = path.read_bytes()
    assert after == before.replace(server.url("/moved").encode(), server.url("/ok").encode())
    assert after != before


def test_warm_cache_cli(tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_list(tmp_path, server)
    cache = tmp_path / "c.sqlite3"
    args = ["links", "--allow-private", "--no-progress", "--cache", str(cache), "--format", "json"]
    main([*args, str(path)])
    sent = len(server.requests)
    capsys.readouterr()
    main([*args, str(path)])
    summary = json.loads(capsys.readouterr().out)["summary"]
    # ok, moved and dead (404) come from the cache; the 403 is asked again
    assert summary["cached"] == 3
    assert {r.path for r in server.requests[sent:]} == {"/forbidden"}


def _interrupted_run(tmp_path: Path, server: Server, targets: list[str]) -> tuple[bytes, Path]:
    """``links`` over ``targets`` (the last one hangs), sent SIGINT once every request is
    out and the fast answers are in: (stderr, the cache file)."""
    path = tmp_path / "list.md"
    path.write_text(
        "# A\n\n" + "".join(f"- [L{i}]({u}) - x.\n" for i, u in enumerate(targets)),
        encoding="utf-8",
    )
    cache = tmp_path / "c.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "awesomelint", "links", "--allow-private", "--no-progress",
         "--timeout", "60", "--cache", str(cache), str(path)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    wanted = {"/stuck", *(f"/f{i}" for i in range(len(targets) - 1))}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and {r.path for r in server.requests} < wanted:
        time.sleep(0.05)
    time.sleep(0.2)  # let the fast answers be processed
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    return err, cache


def test_interrupt_keeps_cache_consistent(tmp_path: Path, server: Server) -> None:
    fast = [server.route(f"/f{i}") for i in range(5)]
    stuck = server.route("/stuck", hang=True)
    err, cache = _interrupted_run(tmp_path, server, [*fast, stuck])
    assert b"Traceback" not in err
    with sqlite3.connect(cache) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        urls = {row[0] for row in db.execute("SELECT url FROM verdicts")}
    assert urls == set(fast)


def test_interrupt_keeps_verdicts_and_anchors_together(tmp_path: Path, server: Server) -> None:
    page = b'<html><body><h2 id="usage">Usage</h2></body></html>'
    fast = [server.route(f"/f{i}", body=page, content_type="text/html") for i in range(5)]
    stuck = server.route("/stuck", hang=True)
    _interrupted_run(tmp_path, server, [*(f"{u}#usage" for u in fast), f"{stuck}#usage"])
    with sqlite3.connect(tmp_path / "c.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        verdicts = {row[0] for row in db.execute("SELECT url FROM verdicts")}
        anchors = dict(db.execute("SELECT url, anchors FROM anchors").fetchall())
    assert verdicts == set(anchors) == set(fast)  # each page with its ids, the stuck one neither
    assert all(json.loads(names) == ["usage"] for names in anchors.values())
