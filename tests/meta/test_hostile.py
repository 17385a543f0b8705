"""A hostile provider on loopback: its answers are bounded like the link checker's."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from awesomelint.cli import main
from links.server import Server, gzip_bomb  # the link tests' loopback server

# cut from a tools list: one GitHub repository, so only the GitHub API is asked
LIST = "# Awesome\n\n## Tools\n\n- [DVC](https://github.com/iterative/dvc) - Data versioning.\n"


@pytest.fixture
def server() -> Server:
    srv = Server().start()
    yield srv
    srv.stop()


def _run(tmp_path: Path, server: Server, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    (tmp_path / "list.md").write_text(LIST, encoding="utf-8")
    config = tmp_path / ".awesomelint.toml"
    root = server.url("").rstrip("/")
    config.write_text(
        f'[meta]\nretries = 0\n[meta.api]\ngithub = "{root}"\n[meta.intervals]\ngithub = 0.0\n',
        encoding="utf-8",
    )
    code = main(
        ["meta", str(tmp_path / "list.md"), "--allow-private", "--no-cache",
         "--config", str(config)]
    )  # fmt: skip
    return code


def test_a_gzip_bomb_from_a_provider_is_cut_at_the_cap_in_bounded_memory(
    tmp_path: Path,
    server: Server,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # issue 13, finding 3: 2 KB of "gzip, gzip" inflating to 1 GiB, on the metadata path
    server.route(
        "/repos/iterative/dvc",
        body=gzip_bomb(1024),
        content_type="application/json",
        headers=(("Content-Encoding", "gzip, gzip"),),
    )
    tracemalloc.start()
    try:
        code = _run(tmp_path, server, monkeypatch)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    err = capsys.readouterr().err
    # the provider is reported once and its entries left unchecked, as when it is down
    assert code == 0 and "Traceback" not in err
    assert "GitHub API failed: response from" in err and "1 entry unchecked" in err
    assert peak < 64 << 20, peak  # the 16 MiB cap and a copy, not the gigabyte
