"""Decoding: encodings, newlines, mojibake, and the inputs we refuse."""

from __future__ import annotations

import pytest

from awesomelint.errors import InputError
from awesomelint.parse import decode, parse_bytes


def test_bom_and_crlf_are_normalised_and_newline_style_remembered() -> None:
    decoded = decode(b"\xef\xbb\xbf# T\r\n\r\ntext\r\n", "a.md")
    assert decoded.text == "# T\n\ntext\n"
    assert decoded.newline == "\r\n"


def test_mojibake_is_repaired_and_recorded() -> None:
    damaged = "# T\n\n- [Sirenâ€™s Song](https://x.org) - ðŸŒŸ star\n".encode()
    decoded = decode(damaged, "a.md")
    assert "Siren\u2019s Song" in decoded.text and "\U0001f31f star" in decoded.text
    (repair,) = decoded.repairs
    assert repair.line == 3
    assert "â€™" in repair.before and "\u2019" in repair.after


def test_correct_non_ascii_text_is_untouched() -> None:
    text = "# Café “quotes” naïve — 🌟 GPT-3’s\n"
    decoded = decode(text.encode(), "a.md")
    assert decoded.text == text and decoded.repairs == ()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "file is empty"),
        (b"  \n\n", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"# caf\xe9\n", "invalid UTF-8 at byte 5 (line 1)"),
    ],
)
def test_bad_input_is_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_bytes(data, "bad.md")


def test_private_use_characters_survive_and_never_crash() -> None:
    """The entry parser uses private-use characters as placeholders internally."""
    from awesomelint.parse import parse_text
    from awesomelint.render import render

    source = "# T\n\n## S\n\n- [A\ue001 b](https://x.org) - D \ue000 · t\ue002\n"
    (entry,) = parse_text(source, "t.md").entries()
    assert entry.title == "A\ue001 b"
    out = render(parse_text(source, "t.md"))
    assert render(parse_text(out, "t.md")) == out
    assert "\ue000" in parse_text(out, "t.md").sections[0].items[0].description.replace(
        "&#57344;", "\ue000"
    )


def test_only_newline_ends_a_line() -> None:
    """Form feeds, record separators and U+2028 are text, not line breaks."""
    from awesomelint.parse import parse_text
    from awesomelint.render import render

    doc = parse_text("\x1e\n# A\n\n## B\u2028C\n\n- [x](https://x.org)\n", "t.md")
    assert doc.title_line == 2
    assert [e.source.line for e in doc.entries()] == [6]
    assert render(doc).startswith("\x1e\n\n# A")
