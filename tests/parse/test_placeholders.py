"""The entry parser's placeholders are out of band: no input text can collide with one."""

from __future__ import annotations

import pytest

from awesomelint.commands.fmt import format_bytes
from awesomelint.parse import parse_text
from awesomelint.render import render

# U+F15B is Font Awesome's "file" glyph, U+E001 the first private-use code points
# icon fonts use; both crashed fmt (IndexError) in the paragraph dialect.
ICONS = ["\uf15b", "\ue001", "\ue000", "\uf8ff"]


@pytest.mark.parametrize("icon", ICONS, ids=[f"U+{ord(c):04X}" for c in ICONS])
def test_a_private_use_character_in_a_paragraph_title(icon: str) -> None:
    paper = f"Icon {icon} title. \\[[pdf](https://a.org/p.pdf)\\] \\[2023.5\\]"
    source = f"# X\n\n## Papers\n\n{paper}\n"
    (entry,) = parse_text(source, "t.md").entries()
    assert entry.title == f"Icon {icon} title"
    assert entry.url == "https://a.org/p.pdf"
    result = format_bytes(source.encode("utf-8"), "t.md")
    assert result.lost == () and icon in result.formatted.decode("utf-8")


@pytest.mark.parametrize("icon", ICONS, ids=[f"U+{ord(c):04X}" for c in ICONS])
def test_private_use_characters_are_kept_as_written(icon: str) -> None:
    source = f"# T\n\n## S\n\n- [A{icon} b](https://x.org) - D {icon} · t{icon}\n"
    (entry,) = parse_text(source, "t.md").entries()
    assert entry.title == f"A{icon} b"
    out = render(parse_text(source, "t.md"))
    assert out.count(icon) == 3 and "&#" not in out
    assert render(parse_text(out, "t.md")) == out


def test_character_references_to_private_use_stay_text() -> None:
    source = "# T\n\n## S\n\nIcon &#57345; &#xF15B; t. \\[[pdf](https://a.org/p.pdf)\\]\n"
    (entry,) = parse_text(source, "t.md").entries()
    assert entry.title == "Icon \ue001 \uf15b t"


def test_more_spans_than_one_surrogate_can_number() -> None:
    """A placeholder is a pair: 1,100 spans in one item (past 1,024) all come back.

    Code spans, not links: a paragraph with thousands of brackets is read verbatim, as
    too dense for the markdown parser (parse.bounds).
    """
    spans = " ".join(f"`c{n}`" for n in range(1100))
    source = f"# T\n\n## S\n\n- [Main](https://main.org) - See {spans}.\n"
    (entry,) = parse_text(source, "t.md").entries()
    assert entry.description.count("`c") == 1100
    assert "`c1099`" in entry.description
