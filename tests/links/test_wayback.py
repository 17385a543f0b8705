"""--suggest-archive against a fake Wayback availability API on loopback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from awesomelint.cli import main

from .server import Server

SNAPSHOT = "http://web.archive.org/web/20200101000000/https://gone.example/"


def _api(server: Server, available: bool = True) -> str:
    closest = {"available": available, "url": SNAPSHOT, "timestamp": "20200101000000"}
    body = json.dumps({"archived_snapshots": {"closest": closest} if available else {}})
    return server.route("/wayback/available", body=body.encode(), content_type="application/json")


def test_dead_links_get_a_snapshot(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    api = _api(server)
    path = tmp_path / "list.md"
    path.write_text(
        f"# A\n\n- [gone]({server.url('/gone')}) - x.\n- [ok]({server.route('/ok')}) - y.\n"
    )
    cache = tmp_path / "c.sqlite3"
    args = ["links", "--allow-private", "--no-progress", "--cache", str(cache)]
    assert main([*args, "--suggest-archive", "--archive-api", api, str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:3: dead 404 {server.url('/gone')} [archived: {SNAPSHOT}]" in out
    assert server.hits("/wayback/available") == 1  # asked for the dead link only
    main([*args, "--suggest-archive", "--archive-api", api, "--format", "json", str(path)])
    results = json.loads(capsys.readouterr().out)["results"]
    assert results[0]["archive"] == SNAPSHOT
    assert server.hits("/wayback/available") == 1  # the second time from the cache


def test_no_snapshot_and_the_guard(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    api = _api(server, available=False)
    path = tmp_path / "list.md"
    path.write_text(f"# A\n\n- [gone]({server.url('/gone')}) - x.\n")
    base = ["links", "--no-cache", "--no-progress", "--suggest-archive", "--archive-api", api]
    assert main([*base, "--allow-private", str(path)]) == 1
    assert "archived" not in capsys.readouterr().out
    assert server.hits("/wayback/available") == 1
    # a public link (refused DNS name) with the API on a private address: never asked
    public = tmp_path / "public.md"
    public.write_text("# A\n\n- [gone](https://gone.invalid/) - x.\n")
    main([*base, str(public)])
    assert server.hits("/wayback/available") == 1
