"""A cheap test for text that may hold mojibake, so that clean text never imports ftfy.

Mojibake is UTF-8 read in a single-byte encoding: a multi-byte character's lead
byte (0xC2-0xF4) shows as that encoding's character, followed by one of its
characters for a continuation byte (0x80-0xBF); in an encoding where 0xA0 is a
no-break space, that space may have become a plain one (ftfy restores it after
the lead bytes 0xC2 0xC3 0xC5 0xCE 0xD0 0xD9, and inside three-byte sequences).
Text with no such pair, no C1 control character and no U+FFFD holds nothing
``ftfy.fix_encoding`` would change, and most lists (English with emoji, curly
quotes and dashes) have none, which spares the pre-commit hook ftfy's import
(0.08 s).  The encodings are the ones ftfy repairs
(``ftfy.chardata.CHARMAP_ENCODINGS``); its "sloppy" variants read an undefined
byte as Latin-1, and so do we.
"""

from __future__ import annotations

from awesomelint import mojibake_tables

_ENCODINGS = (
    "latin-1",
    "cp1252",
    "cp1251",
    "cp1250",
    "cp1253",
    "cp1254",
    "cp1257",
    "iso8859-2",
    "mac-roman",
    "cp437",
)
_LOST_SPACE_LEADS = (0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9)


def _char(encoding: str, byte: int) -> str:
    try:
        return bytes([byte]).decode(encoding)
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


def masks(bytes_: range | tuple[int, ...], only_nbsp: bool = False) -> dict[str, int]:
    """Character -> bit mask of the encodings (by index) in which one of ``bytes_`` shows as it."""
    out: dict[str, int] = {}
    for bit, name in enumerate(_ENCODINGS):
        if only_nbsp and _char(name, 0xA0) != "\xa0":
            continue
        for byte in bytes_:
            char = _char(name, byte)
            out[char] = out.get(char, 0) | 1 << bit
    return out


# The tables ``masks`` gives, by name: written out as data (awesomelint.mojibake_tables,
# by tools/mojibake_tables.py), since computing them imports nine codecs at every
# pre-commit start.  Sets, not a regular expression: compiling one over these classes
# would cost more than the test ever does.
TABLES: dict[str, tuple[range | tuple[int, ...], bool]] = {
    "LEAD": (range(0xC2, 0xF5), False),
    "CONTINUATION": (range(0x80, 0xC0), False),
    "TWO_BYTE_LEAD_BEFORE_LOST_SPACE": (_LOST_SPACE_LEADS, True),
    "THREE_BYTE_LEAD_BEFORE_LOST_SPACE": (range(0xE0, 0xF0), True),
}
_LEAD = mojibake_tables.LEAD
_CONTINUATION = mojibake_tables.CONTINUATION
_TWO_BYTE_LEAD_BEFORE_LOST_SPACE = mojibake_tables.TWO_BYTE_LEAD_BEFORE_LOST_SPACE
_THREE_BYTE_LEAD_BEFORE_LOST_SPACE = mojibake_tables.THREE_BYTE_LEAD_BEFORE_LOST_SPACE
_LEAD_CHARS = frozenset(_LEAD)
_ALWAYS = frozenset("\ufffd" + "".join(map(chr, range(0x80, 0xA0))))


def _pair_at(text: str, index: int) -> bool:
    lead = text[index]
    after = text[index + 1 : index + 2]
    if _LEAD[lead] & _CONTINUATION.get(after, 0):
        return True
    if after != " ":
        return False
    if _TWO_BYTE_LEAD_BEFORE_LOST_SPACE.get(lead, 0):
        return True
    third = text[index + 2 : index + 3]
    return bool(_THREE_BYTE_LEAD_BEFORE_LOST_SPACE.get(lead, 0) & _CONTINUATION.get(third, 0))


def may_hold_mojibake(text: str) -> bool:
    """False when ``ftfy.fix_encoding(text)`` cannot change ``text``."""
    if text.isascii():
        return False
    chars = set(text)
    if not chars.isdisjoint(_ALWAYS):
        return True
    for lead in chars & _LEAD_CHARS:
        index = text.find(lead)
        while index >= 0:
            if _pair_at(text, index):
                return True
            index = text.find(lead, index + 1)
    return False
