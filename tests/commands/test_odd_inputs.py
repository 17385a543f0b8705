"""Odd files and odd config a user may hand any command: one line and exit 2, or the right
output; never a hang, a traceback or an "internal error"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.commands.paths import expand

LIST = "# Awesome\n\n## A\n\n- [x](https://x.org) - y.\n"


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "internal error" not in err and "Traceback" not in err, err
    return err


def test_a_directory_walk_skips_a_fifo_a_dangling_link_and_a_link_loop(tmp_path: Path) -> None:
    # opening the fifo waited for a writer forever: lint, fmt, links and merge of the
    # directory hung
    (tmp_path / "list.md").write_text(LIST)
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    (tmp_path / "dir.md").mkdir()
    assert expand([str(tmp_path)]) == [str(tmp_path / "list.md")]
    assert expand([str(tmp_path / "*.md")]) == [str(tmp_path / "list.md")]


@pytest.mark.parametrize("command", [["lint"], ["fmt"], ["links", "--no-cache"], ["meta"]])
def test_a_symlink_loop_is_a_one_line_read_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    # lint, links and meta looked for their config from the file's resolved path, and
    # resolving a loop raised RuntimeError: "internal error"
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    argv = [*command, str(loop)] + (["--no-cache"] if command == ["meta"] else [])
    assert main(argv) == 2
    assert "loop.md: cannot read" in _one_line_error(capsys)


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('title = 5\noutput = "o.md"', "title"),
        ("output = 5", "output"),
        ('output = ""', "output"),
        ('output = "o.md"\nreport = true', "report"),
        ('output = "o.md"\npreamble = {a = 1}', "preamble"),
        ('output = "o.md"\nkeep-blocks = "yes"', "keep-blocks"),
    ],
)
def test_a_merge_file_with_a_wrong_type_names_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, key: str
) -> None:
    (tmp_path / "a.md").write_text(LIST)
    config = tmp_path / "merge.toml"
    config.write_text(toml + '\n[[inputs]]\npath = "a.md"\n')
    assert main(["merge", "--config", str(config)]) == 2
    assert f"{config}: {key}:" in _one_line_error(capsys)
    assert not (tmp_path / "o.md").exists()


@pytest.mark.parametrize(
    ("spec", "key"),
    [
        ('path = "a.md"\nname = ["x"]', "inputs[0].name"),
        ('path = "a.md"\nhome = 1', "inputs[0].home"),
        ('path = "a.md"\nurl = 1', "inputs[0].url"),
        ('path = "a\\u0000.md"', "inputs[0].path"),
    ],
)
def test_a_merge_input_with_a_wrong_type_names_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], spec: str, key: str
) -> None:
    (tmp_path / "a.md").write_text(LIST)
    config = tmp_path / "merge.toml"
    config.write_text(f'output = "o.md"\n[[inputs]]\n{spec}\n')
    assert main(["merge", "--config", str(config)]) == 2
    assert f"{config}: {key}:" in _one_line_error(capsys)
    assert not (tmp_path / "o.md").exists()


# issue 13, finding 10: each ended in a RecursionError (or an IndexError) in fmt, links and
# merge; every command reads them now, the hostile block kept as it stands
_DEEP = {
    "quotes": ">" * 400 + " q\n",
    "levels": "".join("  " * i + "- x\n" for i in range(175)),
    "dashes": "- " * 1000 + "[a](./a.md)\n",
    "emphasis": "*" * 500 + "a" + "*" * 500 + "\n",
    "icon": "Icon \uf15b title. \\[[pdf](./p.pdf)\\]\n",
}


@pytest.mark.parametrize("shape", sorted(_DEEP))
def test_deep_and_odd_shapes_through_links_and_merge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shape: str
) -> None:
    path, out = tmp_path / "list.md", tmp_path / "out.md"
    path.write_text(LIST + "\n" + _DEEP[shape])
    (tmp_path / "a.md").write_text("# A\n")
    (tmp_path / "p.pdf").write_bytes(b"%PDF")
    # links: the list's only web link is excluded, so no request leaves the machine
    assert main(["links", "--no-cache", "--exclude", "x.org", "--no-progress", str(path)]) == 0
    assert main(["merge", str(path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err, err
    assert "https://x.org" in out.read_text()
