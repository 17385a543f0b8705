"""Every command follows one convention: examples and exit codes in --help, shared options."""

from __future__ import annotations

import pytest

from awesomelint.cli import main


@pytest.mark.parametrize("command", ["lint", "fmt", "links", "merge"])
def test_help_has_examples_exit_codes_and_the_shared_options(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, "--help"]) == 0
    text = capsys.readouterr().out
    assert "Examples:" in text and f"awesomelint {command}" in text.split("Examples:")[1]
    assert "Exit codes: 0" in text
    for option in ("-q, --quiet", "-v, --verbose", "--color [auto|always|never]"):
        assert option in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_version_comes_from_the_package_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    import awesomelint

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"awesomelint, version {version('awesomelint')}"
    assert version("awesomelint") == awesomelint.__version__  # built from it: one source
