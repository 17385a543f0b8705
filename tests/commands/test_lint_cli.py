"""``awesomelint lint`` and ``awesomelint rules`` end to end, through ``cli.main``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.rules import RULES

CLEAN = "# Awesome Things\n\n## Papers\n\n- [Tracr](https://arxiv.org/abs/2301.05062) - Compiled.\n"
BROKEN = (
    "# Awesome Things\n\n## Papers\n\n"
    "- [Tracr](https://arxiv.org/abs/2301.05062) - Compiled.\n"
    "- [Tracr](https://arxiv.org/pdf/2301.05062v2.pdf) - Again.\n"
)
WARNING_ONLY = CLEAN + "\n## Empty\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["lint", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_file_exits_0_and_prints_nothing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, str(write(tmp_path, "a.md", CLEAN))) == (0, "", "")


def test_errors_exit_1_warnings_exit_0(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--format", "text", str(write(tmp_path, "a.md", BROKEN)))
    assert code == 1
    assert f"{tmp_path / 'a.md'}:6:1: error AL001 duplicate-entry:" in out
    assert out.endswith("1 error, 0 warnings in 1 file\n")
    code, out, _ = run(capsys, str(write(tmp_path, "b.md", WARNING_ONLY)))
    assert code == 0 and "warning AL016 empty-section" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["missing.md"], "missing.md: no such file"),
        (["--config", "nope.toml", "x.md"], "nope.toml: cannot read"),
    ],
)
def test_unreadable_inputs_exit_2(
    argv: list[str], message: str, tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err and "Traceback" not in err


def test_binary_file_and_other_files_still_linted(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    binary = tmp_path / "b.md"
    binary.write_bytes(b"\x00\x01")
    code, out, err = run(
        capsys, "--format", "json", str(binary), str(write(tmp_path, "a.md", BROKEN))
    )
    assert code == 2 and "binary file" in err
    assert len(json.loads(out)["diagnostics"]) == 1


def test_usage_errors_exit_2(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["lint", "--fix", "-"]) == 2
    assert main(["lint", "--format", "xml", "a.md"]) == 2


def test_json_format(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--format", "json", str(write(tmp_path, "a.md", BROKEN)))
    assert code == 1
    [found] = json.loads(out)["diagnostics"]
    assert set(found) == {"file", "line", "column", "rule", "severity", "message"}
    assert (found["line"], found["rule"], found["severity"]) == (6, "AL001", "error")


def test_auto_format_is_github_under_actions(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "a.md", BROKEN)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = run(capsys, str(path))
    assert out.startswith(f"::error file={path},line=6,col=1,title=AL001 duplicate-entry::")
    monkeypatch.delenv("GITHUB_ACTIONS")
    _, out, _ = run(capsys, str(path))
    assert out.startswith(f"{path}:6:1: error")
    assert "\x1b[" not in out  # not a terminal: no colours
    _, out, _ = run(capsys, "--color", "always", str(path))
    assert "\x1b[" in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(capsys, "--color", "auto", str(path))
    assert "\x1b[" not in out


def test_sarif_format(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.md", BROKEN)
    _, out, _ = run(capsys, "--format", "sarif", "a.md")
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri == {"uri": "a.md"}


def test_fix_rewrites_atomically_keeping_newlines_and_bom(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    damaged = "Siren’s".encode().decode("cp1252")
    text = (
        f"# Awesome Things\n\n## Papers\n\n1. [{damaged} Song](https://arxiv.org/abs/2309.01219)"
        "\n8. [Q](https://x.org/q?utm_source=a&id=1)\n"
    )
    path = tmp_path / "a.md"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    code, out, _ = run(capsys, "--fix", "--format", "text", str(path))
    assert code == 0
    assert out == "fixed 3 problems; nothing left\n"
    expected = text.replace(damaged, "Siren’s").replace("8.", "2.").replace("utm_source=a&", "")
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temp file left behind
    assert run(capsys, str(path)) == (0, "", "")


def test_fix_reports_what_is_left(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "a.md", BROKEN.replace("- Compiled.", "- [x][#k]"))
    code, out, _ = run(capsys, "--fix", "--format", "text", str(path))
    assert code == 1
    assert "fixed 1 problem; 2 errors" in out  # the duplicate stays, and #k leads nowhere
    assert "[x](#k)" in path.read_text(encoding="utf-8")


def test_config_is_found_walking_up_and_unknown_keys_name_the_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    lists = tmp_path / "lists"
    lists.mkdir()
    path = write(lists, "a.md", BROKEN)
    write(tmp_path, ".awesomelint.toml", '[rules]\nduplicate-entry = "warning"\n')
    assert run(capsys, str(path))[0] == 0
    write(tmp_path, ".awesomelint.toml", '[rules.duplicate-entry]\nseverty = "warning"\n')
    code, _, err = run(capsys, str(path))
    assert code == 2
    assert str(tmp_path / ".awesomelint.toml") in err and "'severty'" in err


def test_explicit_config_and_preset(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "a.md", CLEAN.replace("https://arxiv", "http://arxiv"))
    assert run(capsys, str(path))[0] == 0
    code, out, _ = run(capsys, "--preset", "strict", "--format", "json", str(path))
    assert [d["rule"] for d in json.loads(out)["diagnostics"]] == ["AL008"]
    config = write(tmp_path, "custom.toml", 'preset = "strict"\n[rules]\ninsecure-url = "error"\n')
    assert run(capsys, "--config", str(config), str(path))[0] == 1


def test_directories_and_stdin(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "a.md", BROKEN)
    write(tmp_path, "notes.txt", BROKEN)
    code, out, _ = run(capsys, "--format", "json", str(tmp_path))
    assert code == 1 and {d["file"] for d in json.loads(out)["diagnostics"]} == {
        str(tmp_path / "sub" / "a.md")
    }
    monkeypatch.setattr(
        sys, "stdin", type("S", (), {"buffer": __import__("io").BytesIO(BROKEN.encode())})()
    )
    code, out, _ = run(capsys, "--format", "json", "-")
    assert code == 1 and json.loads(out)["diagnostics"][0]["file"] == "<stdin>"


def test_rules_command_lists_and_documents(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert all(rule.ID in out and rule.NAME in out for rule in RULES)
    row = next(line for line in out.splitlines() if line.startswith("AL025 "))
    assert "always" in row.split()  # trailing-whitespace always carries its fix
    assert main(["rules", "duplicate-entry"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## AL001 duplicate-entry\n") and "Fails::" in out
    assert "- fix: none\n" in out
    assert "cross-section-severity" in out
    assert main(["rules", "AL999"]) == 2
    assert "unknown rule 'AL999'" in capsys.readouterr().err
    assert main(["rules", "--docs"]) == 0
    assert capsys.readouterr().out.count("\n## AL") == len(RULES)


def test_the_lint_path_does_not_import_the_link_checker(tmp_path: Path) -> None:
    one = write(tmp_path, "one.md", "# T\n\n- [a](https://x.org/a)\n")
    many = write(tmp_path, "many.md", BROKEN)
    code = (
        "import sys; from awesomelint.cli import main; "
        "seen = lambda: print('httpx' in sys.modules, 'awesomelint.dedupe' in sys.modules, "
        "'numpy' in sys.modules); "
        f"main(['lint', {str(one)!r}]); seen(); main(['lint', {str(many)!r}]); seen()"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == "False False False"  # one entry: the dedupe engine is not even loaded
    assert out[-2] == "False True False"  # a few entries: the engine, but no numpy


def test_fix_that_would_drop_a_link_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The never-lose-a-link guard stands behind every fix rule, whatever a rule does."""
    import awesomelint.lint.runner as runner

    real = runner.apply_fixes

    def lossy(text: str, fixes):  # type: ignore[no-untyped-def]
        new_text, count = real(text, fixes)
        return new_text.replace(
            "- [Tracr](https://arxiv.org/abs/2301.05062) - Compiled.\n", ""
        ), count

    monkeypatch.setattr(runner, "apply_fixes", lossy)
    text = CLEAN + "- [Q](https://x.org/q?utm_source=a&id=1)\n"
    path = write(tmp_path, "a.md", text)
    code, _, err = run(capsys, "--fix", str(path))
    assert code == 2
    assert "not fixed: 1 link(s) would be lost: https://arxiv.org/abs/2301.05062" in err
    assert path.read_text(encoding="utf-8") == text


def test_fix_may_change_a_links_form_but_keeps_it(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "a.md", CLEAN + "- [Q](https://x.org/q?utm_source=a&id=1) - Q.\n")
    code, _, err = run(capsys, "--fix", str(path))
    assert code == 0, err
    assert "https://x.org/q?id=1" in path.read_text(encoding="utf-8")


def test_no_path_lints_the_tracked_markdown_files(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path, "tracked.md", BROKEN)
    write(tmp_path, "untracked.md", BROKEN)
    subprocess.run(["git", "-C", str(tmp_path), "add", "tracked.md"], check=True)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "--format", "json")
    assert code == 1
    assert {d["file"] for d in json.loads(out)["diagnostics"]} == {"tracked.md"}


def test_directories_globs_exclude_and_quiet(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "d").mkdir()
    write(tmp_path / "d", "a.md", BROKEN)
    write(tmp_path / "d", "b.md", BROKEN)
    _, out, _ = run(capsys, "--format", "json", "--exclude", "b.md", str(tmp_path))
    assert {d["file"] for d in json.loads(out)["diagnostics"]} == {str(tmp_path / "d" / "a.md")}
    _, out, _ = run(capsys, "--format", "json", str(tmp_path / "d" / "*.md"))
    assert len({d["file"] for d in json.loads(out)["diagnostics"]}) == 2
