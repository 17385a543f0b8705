"""Bytes to text: UTF-8 with or without BOM, CRLF or LF, mojibake repaired and recorded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from awesomelint.errors import InputError
from awesomelint.fileio import max_bytes
from awesomelint.model import Repair
from awesomelint.mojibake_clue import may_hold_mojibake
from awesomelint.syntax import URL_TEXT


@dataclass(frozen=True)
class Decoded:
    """Text with LF line ends, the file's newline style, and the repairs made."""

    text: str
    newline: str
    repairs: tuple[Repair, ...]


def decode(data: bytes, name: str) -> Decoded:
    """Decode a list's bytes, refusing what is not a UTF-8 text file."""
    limit = max_bytes()
    if len(data) > limit:
        raise InputError(f"{name}: file is {len(data)} bytes, larger than {limit} (not a list?)")
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
    if not text.strip():  # nothing, a lone BOM or only whitespace: no list to work on
        raise InputError(f"{name}: file is empty")
    # CR alone (classic Mac) only when it is the file's one line end, so a stray CR stays local
    newline = "\r\n" if "\r\n" in text else "\r" if "\n" not in text and "\r" in text else "\n"
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
        fixed = outside_urls(line, ftfy.fix_encoding)
        if fixed != line:
            repairs.append(Repair(line=number, before=line, after=fixed))
            lines[number - 1] = fixed
    if not repairs:
        return text, ()
    return "\n".join(lines), tuple(repairs)


def outside_urls(line: str, repair: Callable[[str], str]) -> str:
    """``repair`` applied to the text of ``line`` between its URLs, the URLs kept as they are.

    The one rule for every text repair (``fmt``, ``lint --fix``, ``merge`` all
    read through here): a URL is never changed; the mojibake rule reports a
    damaged one for a person to fix.
    """
    parts: list[str] = []
    last = 0
    for match in URL_TEXT.finditer(line):
        parts.append(repair(line[last : match.start()]) if match.start() > last else "")
        parts.append(match.group(0))
        last = match.end()
    parts.append(repair(line[last:]) if last < len(line) else "")
    return "".join(parts)
