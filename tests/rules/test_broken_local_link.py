from __future__ import annotations

from pathlib import Path

from awesomelint.lint.runner import lint_file
from lint_support import settings

RULE = "broken-local-link"


def test_missing_file_anchor_and_directory(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# A\n\n## Setup\n", encoding="utf-8")
    path = tmp_path / "README.md"
    path.write_text(  # link shapes as in awesome-selfhosted's README footer
        "# L\n\n- [A](docs/a.md#setup) - ok.\n- [B](docs/b.md) - missing.\n"
        "- [C](docs/a.md#nope) - no anchor.\n- [D](docs/) - a folder.\n"
        "- [E](https://example.org/x.md) - remote, not ours.\n",
        encoding="utf-8",
    )
    found = lint_file(str(path), settings(RULE)).diagnostics
    assert [(d.line, d.column) for d in found] == [(4, 7), (5, 7)]
    assert "no such file" in found[0].message and "#nope" in found[1].message


def test_a_footnote_is_not_a_link_definition(tmp_path: Path) -> None:
    # llm-jp/awesome-japanese-llm (trimmed): footnote text is not a relative link
    path = tmp_path / "list.md"
    path.write_text(
        "# T\n\n## A\n\n- [a](https://x.org/a) - A model.[^1]\n\n"
        "[^1]: Instruction Tuning において、OpenAI のモデルで生成されたデータを使っている。\n",
        encoding="utf-8",
    )
    assert lint_file(str(path), settings(RULE)).diagnostics == ()
