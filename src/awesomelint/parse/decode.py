"""Bytes to text: UTF-8 with or without BOM, CRLF or LF, mojibake repaired and recorded."""

from __future__ import annotations

from dataclasses import dataclass

from awesomelint.errors import InputError
from awesomelint.model import Repair
from awesomelint.mojibake_clue import may_hold_mojibake

MAX_BYTES = 50 * 1024 * 1024  # no awesome list comes near this; a bigger file is a mistake


@dataclass(frozen=True)
class Decoded:
    """Text with LF line ends, the file's newline style, and the repairs made."""

    text: str
    newline: str
    repairs: tuple[Repair, ...]


def decode(data: bytes, name: str) -> Decoded:
    """Decode a list's bytes, refusing what is not a UTF-8 text file."""
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{name}: file is {len(data)} bytes, larger than {MAX_BYTES} (not a list?)"
        )
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    nul = data.find(b"\x00", 0, 8192)
    if nul != -1:
        raise InputError(f"{name}: binary file (NUL byte at offset {nul}), not a markdown list")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{name}: invalid UTF-8 at byte {exc.start} (line {line}); save the file as UTF-8"
        ) from None
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, repairs = repair_mojibake(text)
    return Decoded(text=text, newline=newline, repairs=repairs)


def repair_mojibake(text: str) -> tuple[str, tuple[Repair, ...]]:
    """Undo UTF-8-read-as-cp1252 damage (``â€™`` → ``’``) line by line.

    Only ftfy's encoding fix runs, not its other "fixes" (quote uncurling,
    HTML unescaping), which would change correct text.  Lines with no clue of
    mojibake (``awesomelint.mojibake_clue``), the vast majority, are skipped
    without calling, or importing, ftfy.
    """
    if not may_hold_mojibake(text):
        return text, ()
    import ftfy  # only text that may hold mojibake pays for the import

    lines = text.split("\n")
    repairs: list[Repair] = []
    for number, line in enumerate(lines, start=1):
        if not may_hold_mojibake(line):
            continue
        fixed = ftfy.fix_encoding(line)
        if fixed != line:
            repairs.append(Repair(line=number, before=line, after=fixed))
            lines[number - 1] = fixed
    if not repairs:
        return text, ()
    return "\n".join(lines), tuple(repairs)
