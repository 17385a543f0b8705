"""Fixtures: the fake APIs on loopback, a list file, and a runner for ``awesomelint meta``."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from awesomelint.cli import main

from .fakes import FakeApis, Fakes


@pytest.fixture
def fakes() -> Fakes:
    return Fakes()


@pytest.fixture
def apis(fakes: Fakes, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeApis]:
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    monkeypatch.delenv("S2_API_KEY", raising=False)
    server = FakeApis(fakes).start()
    yield server
    server.stop()


Runner = Callable[..., tuple[int, str, str]]


@pytest.fixture
def meta(
    apis: FakeApis, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str, str]]:
    """Run ``awesomelint meta`` on markdown text (or files) against the fakes."""
    apis.write_config(tmp_path)

    def run(text: str | None = None, *args: str, files: list[str] | None = None) -> tuple:
        targets = list(files or [])
        if text is not None:
            path = tmp_path / "list.md"
            path.write_text(text, encoding="utf-8")
            targets.append(str(path))
        code = main(
            [
                "meta",
                *targets,
                "--allow-private",
                "--config",
                str(tmp_path / ".awesomelint.toml"),
                "--cache",
                str(tmp_path / "cache.sqlite3"),
                *args,
            ]
        )
        out, err = capsys.readouterr()
        return code, out, err

    return run


def findings(out: str) -> list[dict[str, object]]:
    """The findings of a ``--format json`` run."""
    return json.loads(out)["findings"]
