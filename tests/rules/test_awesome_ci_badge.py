from __future__ import annotations

import pytest

from lint_support import lint, positions

RULE = "awesome-ci-badge"


def test_ci_badges_in_the_heading_and_the_intro() -> None:
    # rust-unofficial/awesome-rust and k4m4/movies-for-hackers (trimmed)
    text = (
        "# Awesome Rust [![lint badge](https://github.com/rust-unofficial/awesome-rust/actions"
        "/workflows/lint.yml/badge.svg)](https://github.com/rust-unofficial/awesome-rust)\n\n"
        "[![Build Status](https://travis-ci.org/k4m4/movies-for-hackers.svg?branch=master)]"
        "(https://travis-ci.org/k4m4/movies-for-hackers)\n"
        '<img src="https://ci.appveyor.com/api/projects/status/x" alt="ci">\n\n'
        "## Applications\n"
    )
    assert positions(text, RULE) == [(1, 31), (3, 18), (4, 11)]


@pytest.mark.parametrize(
    "text",
    [
        # awesome-rust's entries carry their own build badges: they are the entries' own
        "# Awesome Rust\n\n## Applications\n\n* [alacritty](https://github.com/alacritty/alacritty)"
        " [![build badge](https://github.com/alacritty/alacritty/actions/workflows/ci.yml"
        "/badge.svg)](https://github.com/alacritty/alacritty/actions)\n",
        "# L\n\n![Stars](https://img.shields.io/github/stars/x/y)"
        " [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n",
        "# L\n\n| Name | CI |\n|---|---|\n| a | ![ci](https://travis-ci.org/a/b.svg) |\n",
        "# L\n\n```\n![ci](https://travis-ci.org/a/b.svg)\n```\n",
    ],
)
def test_other_badges_and_entries_are_not_reported(text: str) -> None:
    assert lint(text, RULE) == []
