"""The merge file: read, validated, every error one line naming the file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.errors import ConfigError
from awesomelint.merge import load_plan


def _write(tmp_path: Path, text: str) -> str:
    (tmp_path / "a.md").write_text(
        "# A\n\n## Papers\n\n- [Toy](https://arxiv.org/abs/2209.10652)\n"
    )
    path = tmp_path / "merge.toml"
    path.write_text(text)
    return str(path)


def test_a_merge_file_is_read_with_paths_relative_to_it(tmp_path: Path) -> None:
    plan = load_plan(
        _write(
            tmp_path,
            'output = "out.md"\nspine = "a.md"\n[[inputs]]\npath = "a.md"\nname = "A"\n'
            '[map]\n"Articles" = "Papers > Blogs"\n'
            '[[decisions]]\nsame = ["0123456789", "abcdefabcd"]\n'
            '[[decisions]]\npin-title = "0123456789"\ntitle = "Toy Models"\n',
        )
    )
    assert plan.output == str(tmp_path / "out.md")
    assert plan.inputs[0].path == str(tmp_path / "a.md") and plan.spine == 0
    assert plan.map_for("articles") == ("Papers", "Blogs")
    assert [d.kind for d in plan.decisions] == ["same", "pin-title"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[inputs]]\npath = "a.md"\ncolour = 1\n', "unknown key 'colour'"),
        ('oops = 1\n[[inputs]]\npath = "a.md"\n', "unknown key 'oops'"),
        ("inputs = []\n", "inputs: expected a non-empty array"),
        ('spine = "b.md"\n[[inputs]]\npath = "a.md"\n', "is not one of the inputs"),
        ('[[inputs]]\npath = "a.md"\n[[decisions]]\nsame = ["x"]\n', "at least two ids"),
        (
            '[[inputs]]\npath = "a.md"\n[[decisions]]\nsame = ["x", "y"]\ndrop = "z"\n',
            "exactly one",
        ),
        (
            '[[inputs]]\npath = "a.md"\n[[decisions]]\nset-url = "x"\nurl = "javascript:1"\n',
            "http(s)",
        ),
        ('prefer = "best"\n[[inputs]]\npath = "a.md"\n', "prefer: expected one of"),
        ("[[inputs\n", "invalid TOML"),
    ],
)
def test_bad_merge_files_are_one_line_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_plan(_write(tmp_path, text))


def test_the_cli_reports_a_bad_merge_file_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _write(tmp_path, 'output = "out.md"\nbogus = 1\n[[inputs]]\npath = "a.md"\n')
    assert main(["merge", "--config", config]) == 2
    err = capsys.readouterr().err
    assert "unknown key 'bogus'" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out.md").exists()
