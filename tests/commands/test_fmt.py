"""``awesomelint fmt`` end to end: exit codes, --check, --diff, --stdout, refusal, bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.model import Document

CANONICAL = "# T\n\n## A\n\n- [x](https://x.org) - X.\n"
MESSY = "# T\n\n## A\n\n* [x](https://x.org) - X.\n"


def _write(tmp_path: Path, text: str | bytes, name: str = "list.md") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_rewrites_in_place_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, MESSY)
    assert main(["fmt", "--style", "canonical", str(path)]) == 0
    assert path.read_text() == CANONICAL
    assert "reformatted" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["list.md"]  # no temp file left


def test_unchanged_file_is_not_written(tmp_path: Path) -> None:
    path = _write(tmp_path, CANONICAL)
    os.utime(path, (1_000_000, 1_000_000))
    assert main(["fmt", str(path)]) == 0
    assert path.stat().st_mtime == 1_000_000


def test_check_exits_1_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    messy, clean = _write(tmp_path, MESSY, "a.md"), _write(tmp_path, CANONICAL, "b.md")
    assert main(["fmt", "--style", "canonical", "--check", str(messy), str(clean)]) == 1
    assert messy.read_text() == MESSY
    err = capsys.readouterr().err
    assert f"would reformat {messy}" in err and "b.md" not in err
    assert main(["fmt", "--check", str(clean)]) == 0


def test_diff_and_stdout_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, MESSY)
    assert main(["fmt", "--style", "canonical", "--diff", str(path)]) == 1  # like --check
    out = capsys.readouterr().out
    assert "-* [x](https://x.org) - X." in out and "+- [x](https://x.org) - X." in out
    assert main(["fmt", "--style", "canonical", "--stdout", str(path)]) == 0
    assert capsys.readouterr().out == CANONICAL
    assert path.read_text() == MESSY


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    path = _write(tmp_path, b"\xef\xbb\xbf" + MESSY.replace("\n", "\r\n").encode())
    assert main(["fmt", "--style", "canonical", str(path)]) == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + CANONICAL.replace("\n", "\r\n").encode()


def test_refuses_to_write_when_a_link_would_be_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard is independent of the writer: a writer that drops an entry is caught."""
    import awesomelint.format as fmt_module
    from awesomelint.render import render

    def lossy(document: Document) -> str:
        return render(document).replace("- [x](https://x.org) - X.\n", "")

    monkeypatch.setattr(fmt_module, "render", lossy)
    path = _write(tmp_path, MESSY)
    assert main(["fmt", "--style", "canonical", str(path)]) == 1
    assert path.read_text() == MESSY
    err = capsys.readouterr().err
    assert "1 link(s) would be lost: https://x.org" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02binary", "binary file"),
        (b"# caf\xe9\n", "invalid UTF-8"),
        (b"", "file is empty"),
    ],
)
def test_bad_input_exit_2_one_line_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = _write(tmp_path, content)
    assert main(["fmt", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == content


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fmt", str(tmp_path / "nope.md")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_directories_globs_and_exclude(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    inner = _write(tmp_path / "docs", MESSY, "a.md")
    skipped = _write(tmp_path / "docs", MESSY, "skip.md")
    assert main(["fmt", "--style", "canonical", "--exclude", "skip.md", str(tmp_path)]) == 0
    assert inner.read_text() == CANONICAL and skipped.read_text() == MESSY
    assert main(["fmt", "--style", "canonical", str(tmp_path / "docs" / "s*.md")]) == 0
    assert skipped.read_text() == CANONICAL


def test_no_path_formats_the_markdown_files_under_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, MESSY)
    monkeypatch.chdir(tmp_path)  # not a git repository: every *.md under it
    assert main(["fmt", "--style", "canonical", "--check"]) == 1
    assert main(["fmt", "--style", "canonical"]) == 0 and path.read_text() == CANONICAL


def test_other_files_still_formatted_after_a_bad_one(tmp_path: Path) -> None:
    bad, good = _write(tmp_path, b"\x00", "bad.md"), _write(tmp_path, MESSY, "good.md")
    assert main(["fmt", "--style", "canonical", str(bad), str(good)]) == 2
    assert good.read_text() == CANONICAL


def test_usage_error_is_exit_2() -> None:
    assert main(["fmt", "--no-such-flag", "x.md"]) == 2
    assert main(["fmt", "--color", "sometimes", "x.md"]) == 2


def test_python_dash_m_and_stdin(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "awesomelint", "fmt", "--style", "canonical", "-"],
        input=MESSY.encode(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == CANONICAL


# --- keep mode (the default) ------------------------------------------------

# cut from fffaraz/awesome-cpp (README.md, "Sorting" and "Resources"): `*` bullets and
# " - " separators, with one `+` bullet and one en dash that break the list's own style
CPP = (
    "# Awesome C++\n\n## Sorting\n\n"
    "+ [cpp-sort](https://github.com/Morwenn/cpp-sort) - Sorting algorithms. [MIT]\n"
    "* [pdqsort](https://github.com/orlp/pdqsort) - Pattern-defeating quicksort. [zlib]\n"
    "* [Timsort](https://github.com/gfx/cpp-TimSort) - A templated stable sorting function.\n"
    "* [x86-simd-sort](https://github.com/numpy/x86-simd-sort) - SIMD based sorting.\n"
    "\n## Resources\n\n"
    "* [Meeting C++](https://meetingcpp.com/)\n"
    "* [C++ Hints](https://cpphints.com/) - Every business day hints about C++ mistakes.\n"
    "* [C++ tutorial](https://hackr.io/tutorials/learn-c-plus-plus) - A user ranked tutorial.\n"
    "* [cppexpert.online](https://cppexpert.online) - Learn the best C++ practices.\n"
    "* [C++ for yourself](https://github.com/cpp-for-yourself) - A tutorial on modern C++.\n"
    "* [CompileBytes C++ Compiler](https://www.compilebytes.com/tools/cpp) \u2013 Online C++"
    " compiler.\n"
    "* [C++ Resources](https://andreasfertig.com/cpp-resources/) - A collection of C++ resources.\n"
    "* [CppPatterns](https://github.com/sftrabbit/CppPatterns-Patterns) - Modern C++ patterns.\n"
)


def test_keep_mode_leaves_the_house_style_and_fixes_only_deviants(tmp_path: Path) -> None:
    path = _write(tmp_path, MESSY)
    assert main(["fmt", str(path)]) == 0
    assert path.read_text() == MESSY  # a `*` list stays a `*` list
    path = _write(tmp_path, CPP)
    assert main(["fmt", str(path)]) == 0
    expected = CPP.replace(") \u2013 Online", ") - Online").replace("+ [cpp-sort]", "* [cpp-sort]")
    assert path.read_text() == expected
    changed = [a for a, b in zip(CPP.splitlines(), expected.splitlines(), strict=True) if a != b]
    assert len(changed) == 2


def test_style_from_config_and_unknown_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".awesomelint.toml").write_text('[fmt]\nstyle = "canonical"\n')
    path = _write(tmp_path, MESSY)
    assert main(["fmt", str(path)]) == 0
    assert path.read_text() == CANONICAL
    path = _write(tmp_path, MESSY)
    assert main(["fmt", "--style", "keep", str(path)]) == 0
    assert path.read_text() == MESSY
    (tmp_path / ".awesomelint.toml").write_text('[fmt]\nstlye = "keep"\n')
    assert main(["fmt", str(path)]) == 2
    assert "unknown key 'stlye'" in capsys.readouterr().err
    (tmp_path / ".awesomelint.toml").write_text('[fmt]\nseparator = " : "\n')
    assert main(["fmt", str(path)]) == 2


def test_bullet_override_brings_every_entry_to_it(tmp_path: Path) -> None:
    (tmp_path / ".awesomelint.toml").write_text('[fmt]\nbullet = "-"\n')
    path = _write(tmp_path, CPP)
    assert main(["fmt", str(path)]) == 0
    assert all(not line.startswith("* ") for line in path.read_text().splitlines())


@pytest.mark.parametrize("source", ["y #\n-\n", "x[[T [f]]()]\n", "=\n\\`\n-\n", "=\n`\n-\n"])
def test_fuzz_shapes_are_fixed_points(tmp_path: Path, source: str) -> None:
    """Three shapes fuzzing found where a second fmt changed the first one's output."""
    path = _write(tmp_path, source)
    assert main(["fmt", str(path)]) == 0
    assert path.read_text() == source  # keep mode: no entry breaks its list's style
    for style in ("canonical",):
        path = _write(tmp_path, source)
        main(["fmt", "--style", style, str(path)])
        once = path.read_bytes()
        main(["fmt", "--style", style, str(path)])
        if source != "x[[T [f]]()]\n":
            assert path.read_bytes() == once
