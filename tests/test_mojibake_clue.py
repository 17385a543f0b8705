"""The cheap mojibake test never says "clean" of text ftfy would repair."""

from __future__ import annotations

import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-* codecs)
import pytest
from ftfy.chardata import CHARMAP_ENCODINGS
from hypothesis import given, settings
from hypothesis import strategies as st

from awesomelint import mojibake_tables
from awesomelint.mojibake_clue import TABLES, masks, may_hold_mojibake

# words from real lists: French, German, Turkish, Russian, Greek, Japanese, symbols
WORDS = [
    "café",
    "naïve",
    "Zürich",
    "ţară",
    "Привет",
    "Ελληνικά",
    "日本語",
    "½ °C",
    "It’s",
    "“quoted”",
    "—",
    "🚀",
    "à",
    "plain",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join),
    st.sampled_from(CHARMAP_ENCODINGS),
    st.booleans(),
)
def test_mojibake_in_every_encoding_ftfy_repairs_is_flagged(
    text: str, encoding: str, lose_nbsp: bool
) -> None:
    try:
        broken = text.encode("utf-8").decode(encoding)
    except UnicodeDecodeError:
        return
    if lose_nbsp:
        broken = broken.replace("\xa0", " ")
    if ftfy.fix_encoding(broken) != broken:
        assert may_hold_mojibake(broken)


@pytest.mark.parametrize(
    "line",
    [
        "- [np](https://github.com/sindresorhus/np) - Better `npm publish` — “fast” 🚀",
        "> Delightful Node.js packages and resources… It’s great · really",
        "- [Пример](https://x.org) - Описание библиотеки.",
        "- [日本語](https://x.org) - テキスト",
    ],
)
def test_clean_lines_of_real_lists_need_no_ftfy(line: str) -> None:
    assert ftfy.fix_encoding(line) == line
    assert not may_hold_mojibake(line)


def test_classic_mojibake_is_flagged() -> None:
    assert may_hold_mojibake("Sirenâ€™s caf\u00c3\u00a9 ðŸŒŸ")
    assert may_hold_mojibake("caf\u00c3 ")  # the no-break space became a space
    assert not may_hold_mojibake("plain ascii")


def test_the_written_tables_are_what_the_codecs_say() -> None:
    # the tables are data (tools/mojibake_tables.py writes them); the codecs are the truth
    for name, (bytes_, only_nbsp) in TABLES.items():
        assert getattr(mojibake_tables, name) == masks(bytes_, only_nbsp), name
