from __future__ import annotations

from lint_support import lint, positions

RULE = "awesome-toc-depth"


def test_a_third_level_is_reported_once() -> None:
    # rust-unofficial/awesome-rust (trimmed)
    text = (
        "# Awesome Rust\n\n## Table of contents\n\n"
        "- [Applications](#applications)\n"
        "  - [Audio and Music](#audio-and-music)\n"
        "- [Libraries](#libraries)\n"
        "  - [Artificial Intelligence](#artificial-intelligence)\n"
        "    - [Genetic algorithms](#genetic-algorithms)\n"
        "    - [Google Gemini](#google-gemini)\n\n"
        "## Applications\n\n## Audio and Music\n\n## Libraries\n\n"
        "## Artificial Intelligence\n\n### Genetic algorithms\n\n### Google Gemini\n"
    )
    assert positions(text, RULE) == [(9, 5)]


def test_two_levels_with_tabs_pass() -> None:
    # sindresorhus/awesome-nodejs (trimmed): tab-indented sub-items
    text = (
        "# Awesome Node.js\n\n## Contents\n\n- [Packages](#packages)\n"
        "\t- [Mad science](#mad-science)\n\t- [Command-line apps](#command-line-apps)\n"
        "- [Resources](#resources)\n\n## Packages\n\n### Mad science\n\n"
        "### Command-line apps\n\n## Resources\n"
    )
    assert lint(text, RULE) == []
