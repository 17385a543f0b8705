"""An existing ToC kept in sync in its own shape; a ToC never inserted."""

from __future__ import annotations

from awesomelint.commands.fmt import format_bytes
from awesomelint.format import FmtSettings

# shaped like sindresorhus/awesome-nodejs (readme.md): a nested `-` ToC under "## Contents"
ENTRIES = "\n".join(f"- [pkg{i}](https://github.com/o/pkg{i}) - Does {i}." for i in range(3))
LIST = (
    "# Awesome Node.js\n\n## Contents\n\n- [Packages](#packages)\n"
    "  - [Mad science](#mad-science)\n  - [Filesystem](#filesystem)\n- [Resources](#resources)\n\n"
    "## Packages\n\n### Mad science\n\n"
    + ENTRIES
    + "\n\n### Command-line apps\n\n"
    + ENTRIES
    + "\n\n### Filesystem\n\n"
    + ENTRIES
    + "\n\n## Resources\n\n"
    + ENTRIES
    + "\n\n## License\n"
)


def _fmt(text: str, **settings: str) -> tuple[str, list[str]]:
    result = format_bytes(text.encode(), "readme.md", FmtSettings(**settings))  # type: ignore[arg-type]
    return result.formatted.decode(), [change.reason for change in result.changes]


def test_a_missing_heading_gets_a_line_like_its_neighbours() -> None:
    out, reasons = _fmt(LIST)
    assert "  - [Mad science](#mad-science)\n  - [Command-line apps](#command-line-apps)\n" in out
    assert "(#license)" not in out  # after the last heading it covers: not its business
    assert reasons == ["toc"]
    assert _fmt(out) == (out, [])


def test_a_stale_toc_and_toc_off_are_left_as_written() -> None:
    stale = LIST.replace("(#filesystem)", "(#file-system)")
    assert _fmt(stale) == (stale, [])
    assert _fmt(LIST, toc="off") == (LIST, [])


def test_no_toc_is_ever_inserted_unless_asked() -> None:
    without = LIST.split("## Contents")[0] + "## Packages" + LIST.split("## Packages", 1)[1]
    assert _fmt(without) == (without, [])
    out, _ = _fmt(without, toc="generate")
    assert "## Contents\n\n- [Packages](#packages)\n" in out
