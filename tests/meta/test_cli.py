"""``awesomelint meta`` as a user runs it: formats, exit codes, --fix, config, directives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from awesomelint.cli import main

from .conftest import findings
from .fakes import FakeApis, Fakes, Paper, Repo

SCHEMA = Path(__file__).parents[1] / "links" / "data" / "sarif-schema-2.1.0.json"
RIGHT = "Can Large Language Models Explain Themselves? A Study of LLM-Generated Self-Explanations"
# Cut from jshollaj/awesome-llm-interpretability (lines 75 and 82) and a tools list.
LIST = (
    "# Awesome\n\n## Papers\n\n"
    "26. [Pythia: A Suite for Analyzing Large Language Models Across Training and Scaling]"
    "(https://arxiv.org/abs/2310.11207) - Introduces Pythia.\n"
    "33. [Can Large Language Models Explain Themselves?](https://arxiv.org/abs/2310.11207)"
    " - Evaluates self-explanations.\n\n"
    "## Tools\n\n"
    "- [DVC](https://github.com/iterative/dvc) - Data version control.\n"
)


@pytest.fixture
def loaded(fakes: Fakes) -> Fakes:
    fakes.arxiv["2310.11207"] = Paper(RIGHT)
    fakes.repos["treeverse/dvc"] = Repo("treeverse/dvc", id=1)
    fakes.renamed["iterative/dvc"] = "treeverse/dvc"
    return fakes


def test_text_output_and_exit_code(meta, loaded: Fakes) -> None:
    code, out, _ = meta(LIST)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].endswith(
        f'list.md:5: error wrong-paper: arxiv:2310.11207 is "{RIGHT}", not '
        '"Pythia: A Suite for Analyzing Large Language Models Across '
        'Training and Scaling"'
    )
    assert lines[1].endswith(
        "list.md:10: warning repo-moved: iterative/dvc moved to treeverse/dvc [fixable]"
    )
    assert lines[2].startswith("3 entries checked: 1 error, 1 warning")


def test_output_is_deterministic(meta, loaded: Fakes) -> None:
    first = meta(LIST, "--no-cache")
    assert meta(LIST, "--no-cache") == first


def test_title_drift_is_opt_in(meta, loaded: Fakes) -> None:
    _, out, _ = meta(LIST, "--format", "json")
    assert "title-drift" not in [f["rule"] for f in findings(out)]
    _, out, _ = meta(LIST, "--format", "json", "--title-drift")
    drift = [f for f in findings(out) if f["rule"] == "title-drift"]
    assert [(f["line"], f["level"]) for f in drift] == [(6, "info")]
    assert drift[0]["fix"]["new"] == RIGHT


def test_sarif_validates(meta, loaded: Fakes) -> None:
    _, out, _ = meta(LIST, "--format", "sarif")
    log = json.loads(out)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["wrong-paper", "repo-moved"]


def test_github_annotations(meta, loaded: Fakes) -> None:
    _, out, _ = meta(LIST, "--format", "github")
    assert out.splitlines()[0].startswith("::error file=")
    assert "title=awesomelint meta%3A wrong-paper::" in out
    assert "::warning file=" in out


def test_fix_rewrites_the_moved_repository_only(meta, loaded: Fakes, tmp_path: Path) -> None:
    code, _, err = meta(LIST, "--fix")
    text = (tmp_path / "list.md").read_text(encoding="utf-8")
    assert "https://github.com/treeverse/dvc) - Data version control." in text
    assert "iterative" not in text
    assert text.count("https://arxiv.org/abs/2310.11207") == 2  # wrong papers are not re-pointed
    assert "fixed 1 entries" in err
    assert code == 1  # the wrong paper remains
    code, out, _ = meta(None, "--fix", files=[str(tmp_path / "list.md")])
    assert "repo-moved" not in out


def test_fix_titles(meta, loaded: Fakes, tmp_path: Path) -> None:
    meta(LIST, "--fix", "--fix-titles")
    text = (tmp_path / "list.md").read_text(encoding="utf-8")
    assert f"33. [{RIGHT}](https://arxiv.org/abs/2310.11207)" in text


def test_fix_papers_uses_the_title_search(meta, loaded: Fakes, tmp_path: Path) -> None:
    loaded.s2["ARXIV:2304.01373"] = {
        "paperId": "p",
        "title": "Pythia: A Suite for Analyzing Large Language Models Across Training and Scaling",
        "externalIds": {"ArXiv": "2304.01373"},
    }
    code, out, _ = meta(LIST, "--fix", "--fix-papers", "--format", "json")
    text = (tmp_path / "list.md").read_text(encoding="utf-8")
    assert "Scaling](https://arxiv.org/abs/2304.01373)" in text
    assert "Themselves?](https://arxiv.org/abs/2310.11207)" in text


def test_fix_refuses_to_lose_a_link(tmp_path: Path) -> None:
    from awesomelint.meta.fix import apply
    from awesomelint.meta.model import Fix

    path = tmp_path / "l.md"
    before = "- [A](https://github.com/a/b) and https://github.com/a/b/issues\n"
    path.write_text(before, encoding="utf-8")
    # a fix whose replacement would also swallow another link on the line
    done = apply([Fix(str(path), 1, "https://github.com/a/b", "https://github.com/c/d")])
    assert done.fixed == {str(path): 1}
    assert "https://github.com/a/b/issues" in path.read_text(encoding="utf-8")
    unsafe = apply([Fix(str(path), 1, "https://github.com/c/d", "https://x.org/a b)")])
    assert unsafe.fixed == {} and "c/d" in path.read_text(encoding="utf-8")


def test_inline_directive_silences_a_finding(meta, loaded: Fakes) -> None:
    text = LIST.replace(
        "26. [Pythia", "<!-- awesomelint-disable-next-line wrong-paper -->\n26. [Pythia"
    )
    code, out, _ = meta(text, "--format", "json")
    assert [f["rule"] for f in findings(out)] == ["repo-moved"]


@pytest.mark.parametrize(
    "table, message",
    [
        ("[meta]\nstale_days = 3\n", "unknown key 'meta.stale_days'"),
        ("[meta]\nstale-days = -1\n", "meta.stale-days"),
        ("[meta]\ntitle-threshold = nan\n", "meta.title-threshold"),
        ("[meta]\ntimeout = inf\n", "meta.timeout"),
        ("[meta]\nproviders = ['arxiv', 'dblp']\n", "unknown provider 'dblp'"),
        ("[meta.api]\narxiv = 'ftp://x'\n", "meta.api.arxiv"),
        ("[meta.api]\nzbmath = 'https://x'\n", "unknown key 'meta.api.zbmath'"),
        ("[meta.intervals]\narxiv = -3\n", "meta.intervals.arxiv"),
        ("[meta.intervals]\narxiv = true\n", "meta.intervals.arxiv"),
    ],
)
def test_config_errors(tmp_path: Path, capsys, table: str, message: str) -> None:
    (tmp_path / ".awesomelint.toml").write_text(table, encoding="utf-8")
    (tmp_path / "l.md").write_text("- [A](https://arxiv.org/abs/2401.00001)\n", encoding="utf-8")
    assert main(["meta", str(tmp_path / "l.md"), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_pyproject_table_is_read(tmp_path: Path, apis: FakeApis, loaded: Fakes, capsys) -> None:
    roots = "\n".join(f'{k} = "{v}"' for k, v in apis.roots().items())
    (tmp_path / "pyproject.toml").write_text(
        f"[tool.awesomelint.meta]\nproviders = ['github']\n[tool.awesomelint.meta.api]\n{roots}\n",
        encoding="utf-8",
    )
    (tmp_path / "l.md").write_text(LIST, encoding="utf-8")
    code = main(["meta", str(tmp_path / "l.md"), "--no-cache", "--allow-private"])
    out = capsys.readouterr().out
    assert code == 1 and "repo-moved" in out and "wrong-paper" not in out
    assert loaded.count("arxiv") == 0


def test_unreadable_input_is_one_line(tmp_path: Path, capsys) -> None:
    (tmp_path / "bin.md").write_bytes(b"\xff\xfe\x00\x00binary")
    assert main(["meta", str(tmp_path / "bin.md"), "--no-cache"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_lint_path_does_not_import_meta(tmp_path: Path) -> None:
    path = tmp_path / "l.md"
    path.write_text("# A\n\n- [A](https://arxiv.org/abs/2401.00001) - A paper.\n")
    code = (
        "import sys; from awesomelint.cli import main; "
        f"main(['lint', {str(path)!r}]); "
        "print(any(m.startswith(('awesomelint.meta', 'httpx', 'rapidfuzz')) for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().endswith("False")


def test_a_directory_is_read_as_every_command_reads_one(
    meta, loaded: Fakes, tmp_path: Path
) -> None:
    folder = tmp_path / "lists"
    (folder / "docs").mkdir(parents=True)
    (folder / "README.md").write_text(LIST, encoding="utf-8")
    (folder / "docs" / "notes.txt").write_text(LIST, encoding="utf-8")  # not markdown
    code, out, _ = meta(None, files=[str(folder)])
    assert code == 1
    assert out.count("wrong-paper") == 1 and "README.md:5:" in out
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = meta(None, files=[str(empty)])
    assert code == 2 and err.strip() == "awesomelint: no markdown files to check"
