"""Keep mode on snippets cut from real lists, in mdformat's ``title / . / input / . /
expected / .`` fixture form (tests/fixtures/format/keep.md; each title names its source)."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesomelint.commands.fmt import format_bytes
from awesomelint.format import FmtSettings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "format" / "keep.md"


def _cases(path: Path) -> list[tuple[str, str, str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[tuple[str, str, str]] = []
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        title = lines[index]
        assert lines[index + 1] == ".", title
        parts: list[list[str]] = [[], []]
        index += 2
        for part in parts:
            while lines[index] != ".":
                part.append(lines[index])
                index += 1
            index += 1
        cases.append((title, "\n".join(parts[0]) + "\n", "\n".join(parts[1]) + "\n"))
    return cases


CASES = _cases(FIXTURES)


@pytest.mark.parametrize(("title", "source", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_keep_mode_on_real_snippets(title: str, source: str, expected: str) -> None:
    result = format_bytes(source.encode(), "list.md", FmtSettings())
    assert result.formatted.decode() == expected
    changed = sum(a != b for a, b in zip(source.split("\n"), expected.split("\n"), strict=True))
    assert len(result.changes) == changed
    assert format_bytes(result.formatted, "list.md", FmtSettings()).formatted == result.formatted


def test_every_fixture_names_its_source() -> None:
    assert len(CASES) >= 8
    assert all("(" in title and "):" in title for title, _, _ in CASES)
