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
