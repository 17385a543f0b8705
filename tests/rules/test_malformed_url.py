from __future__ import annotations

from pathlib import Path

import pytest

from awesomelint.lint.runner import lint_file
from lint_support import fixed, lint, positions, settings

RULE = "malformed-url"


@pytest.mark.parametrize(
    ("target", "replacement"),
    [
        ("Ihttps://github.com/x/y", "https://github.com/x/y"),
        ("htps://x.org/a", "https://x.org/a"),
        ("http//x.org/a", "http://x.org/a"),
        ("https:://x.org", "https://x.org"),
        ("www.postman.com/downloads", "https://www.postman.com/downloads"),
        ("arXiv:2403.19521", "https://arxiv.org/abs/2403.19521"),
        ("doi:10.1145/3442188.3445922", "https://doi.org/10.1145/3442188.3445922"),
        ("someone@example.org", "mailto:someone@example.org"),
    ],
)
def test_certain_repairs(target: str, replacement: str) -> None:
    text, left = fixed(f"- [x]({target}) - A tool.\n", RULE)
    assert text == f"- [x]({replacement}) - A tool.\n" and left == []


def test_a_domain_without_scheme_is_reported_without_a_fix() -> None:
    [found] = lint("- [Paper](anhnguyen.me/paper.pdf)\n", RULE)
    assert (found.column, found.fix) == (11, None) and "no scheme" in found.message


def test_real_mangled_schemes() -> None:
    # e2b-dev/awesome-ai-agents and ThuCCSLab/Awesome-LM-SSP (trimmed)
    text = (
        "- Author: [AIWaves Inc.](https:github.com/aiwaves-cn)\n"
        '- **[PsySafe](https://arxiv.org/abs/2401.11880)** [<img src="x.svg">]'
        "(https:/github.com/AI4Good24/PsySafe)\n"
    )
    assert positions(text, RULE) == [(1, 26), (2, 71)]
    repaired, _ = fixed(text, RULE)
    assert "(https://github.com/aiwaves-cn)" in repaired
    assert "(https://github.com/AI4Good24/PsySafe)" in repaired


@pytest.mark.parametrize(
    "target",
    [
        "https://x.org",
        "http://x.org",
        "mailto:a@b.org",
        "#section",
        "docs/guide.md",
        "README.md",
        "setup.py",
        "http-server/README.md",
        "./www.md",
        "/docs/x.md",
        "javascript:void(0)",
        "ftp://ftp.x.org/pub",
        "tel:+123",
    ],
)
def test_urls_and_paths_pass(target: str) -> None:
    assert lint(f"- [x]({target})\n", RULE) == []


def test_definitions_and_html_are_checked_but_code_is_not() -> None:
    text = '[a]: www.x.org\n<a href="htps://x.org">x</a>\n`[b](www.y.org)`\n'
    assert positions(text, RULE) == [(1, 6), (2, 10)]


def test_an_existing_file_with_a_domain_like_name_is_a_path(tmp_path: Path) -> None:
    (tmp_path / "anhnguyen.me").mkdir()
    (tmp_path / "anhnguyen.me" / "paper.pdf").write_bytes(b"%PDF")
    path = tmp_path / "list.md"
    path.write_text("- [P](anhnguyen.me/paper.pdf)\n- [Q](cs.cmu.edu/x)\n", encoding="utf-8")
    found = lint_file(str(path), settings(RULE)).diagnostics
    assert [(d.line, d.column) for d in found] == [(2, 7)]


def test_scheme_less_links_of_real_readmes() -> None:
    # micromatch/braces README.md and caolan/async CHANGELOG.md (trimmed)
    text = (
        "- **Accurate** - complete support for the [Bash 4.3 Brace Expansion]"
        "(www.gnu.org/software/bash/) specification\n"
        "Thank you [**@aearly**](github.com/aearly) for taking the lead on version 2.\n"
    )
    found = lint(text, RULE)
    assert [(d.line, d.column) for d in found] == [(1, 70), (2, 25)]
    assert found[0].fix is not None and found[1].fix is None
    repaired, _ = fixed(text, RULE)
    assert "(https://www.gnu.org/software/bash/)" in repaired
