from __future__ import annotations

from pathlib import Path

from awesomelint.lint.runner import lint_bytes, lint_file
from lint_support import settings

RULE = "awesome-contributing"
LIST = "# Awesome Dotfiles\n\n- [a](https://x.org/a) - A.\n"


def _lint(path: Path) -> list[tuple[int, int]]:
    return [(d.line, d.column) for d in lint_file(str(path), settings(RULE)).diagnostics]


def test_a_readme_without_a_guide(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(LIST, encoding="utf-8")
    assert _lint(readme) == [(1, 1)]
    (tmp_path / "contributing.md").write_text("  \n", encoding="utf-8")  # empty: no guide
    assert _lint(readme) == [(1, 1)]


def test_guides_awesome_lint_accepts(tmp_path: Path) -> None:
    # sindresorhus/awesome-nodejs keeps .github/contributing.md; others CONTRIBUTING.md
    for place in ("CONTRIBUTING.md", ".github/contributing.md"):
        root = tmp_path / place.replace("/", "_")
        (root / ".github").mkdir(parents=True)
        (root / "readme.md").write_text(LIST, encoding="utf-8")
        (root / place).write_text("Send a pull request.\n", encoding="utf-8")
        assert _lint(root / "readme.md") == []


def test_a_readme_in_a_folder_of_a_repository_finds_the_root_guide(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "CONTRIBUTING.md").write_text("Send a pull request.\n", encoding="utf-8")
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "README.md").write_text(LIST, encoding="utf-8")
    assert _lint(tmp_path / "es" / "README.md") == []


def test_other_files_and_stdin_are_not_checked(tmp_path: Path) -> None:
    sub_list = tmp_path / "python.md"  # lorien/awesome-web-scraping keeps one list per language
    sub_list.write_text(LIST, encoding="utf-8")
    assert _lint(sub_list) == []
    assert lint_bytes(LIST.encode(), "-", settings(RULE)).diagnostics == ()
    missing = str(tmp_path / "gone" / "README.md")  # named, but no such file on disk
    assert lint_bytes(LIST.encode(), missing, settings(RULE)).diagnostics == ()
