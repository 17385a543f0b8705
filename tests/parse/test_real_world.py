"""Shapes found in real READMEs (npm, Node.js and Rust docs) that once lost or doubled text.

Each case must format without losing a link, without repeating text, and to a
fixed point.
"""

from __future__ import annotations

import pytest

from awesomelint.guard import lost_links
from awesomelint.parse import parse_text
from awesomelint.render import render

CASES = {
    "table whose header is avatars": (
        "# A\n\n## Author\n\n"
        '| [![m](https://gravatar.com/avatar/1?s=70)](https://twitter.com/m "Follow") |\n'
        "|---|\n| [Mathias](https://mathiasbynens.be/) |\n"
    ),
    "table that maps names to links": (
        "# P\n\n## Agents\n\n| Protocol | Agent | Example\n|:-:|:-:|:-:\n"
        "| `http` | [http-agent](../http) | `http://proxy:3128`\n"
        "| `socks` | [socks-agent](../socks) | `socks://u:p@proxy:9050` (user & pass optional)\n"
    ),
    "list with a badge item": (
        "# is\n\n## Highlights\n\n- Written in TypeScript\n- [Type guards](#type-guards)\n"
        "- ![Downloads](https://img.shields.io/npm/dw/is)\n\n## Type guards\n"
    ),
    "table of contents that links the title": (
        "# Commander.js\n\n- [Commander.js](#commanderjs)\n  - [Installation](#installation)\n"
        "  - [Options](#options)\n\n## Installation\n\n## Options\n"
    ),
    "item continued over lines, then a definition": (
        "# O\n\n* [Open an issue](https://x.org/new) in the\n  build repository titled\n"
        "  `Remove`, asking that.\n\n[`@nodejs`]: https://x.org/members\n"
    ),
    "loose item with bold-led paragraphs": (
        "# D\n\n## 6.0.0\n\n- [#497](https://x.org/497) **`diffWords` changed.** Before.\n\n"
        "  Runs of whitespace are still tokens.\n\n  **`diffLines` no longer ignores** the end.\n\n"
        "  [#498](https://x.org/498) - a link-led paragraph is a nested entry.\n"
        "- [#500](https://x.org/500) - **`diffChars` diffs code points**.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_formats_losing_nothing_repeating_nothing(name: str) -> None:
    source = CASES[name]
    once = render(parse_text(source, "t.md"))
    assert lost_links(source, once) == []
    assert render(parse_text(once, "t.md")) == once
    for line in source.splitlines():
        words = line.strip(" *-|").split()
        if len(words) >= 3:  # a line of prose appears at most once in the output
            assert once.count(" ".join(words[:3])) <= 1, line


def test_tables_that_are_not_entry_lists_stay_tables() -> None:
    for name in ("table whose header is avatars", "table that maps names to links"):
        assert list(parse_text(CASES[name], "t.md").entries()) == []


def test_a_loose_items_paragraphs_are_notes_or_nested_entries() -> None:
    (entry, last) = (
        parse_text(CASES["loose item with bold-led paragraphs"], "t.md").sections[0].items
    )
    assert len(entry.notes) == 2 and entry.notes[1].startswith("**`diffLines`")
    assert [kid.url for kid in entry.children] == ["https://x.org/498"]
    assert last.url == "https://x.org/500"
