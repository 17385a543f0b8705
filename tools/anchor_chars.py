"""Write ``src/awesomelint/anchor_chars.py``: the characters a GitHub anchor keeps.

    python tools/anchor_chars.py        (run with Python 3.11: Unicode 14.0)

GitHub keeps a heading character when it is a "word" character in the sense of
Unicode's regular-expression annex (TR18): Alphabetic, a mark, a decimal digit
or connector punctuation, plus the space and ``-``.  Python's ``\\w`` is not
that class (it drops marks, keeps other numbers) and ``unicodedata`` changes
with the interpreter, so the class is written out once, as a table, and a
heading's anchor is the same on every Python.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

# Alphabetic characters that are neither letters, letter numbers nor marks
# (PropList.txt, Other_Alphabetic): circled and squared Latin letters.
_OTHER_ALPHABETIC_SYMBOLS = (
    (0x24B6, 0x24E9),
    (0x1F130, 0x1F149),
    (0x1F150, 0x1F169),
    (0x1F170, 0x1F189),
)
_TARGET = Path(__file__).resolve().parent.parent / "src" / "awesomelint" / "anchor_chars.py"


def kept(code: int) -> bool:
    char = chr(code)
    if char in " -":
        return True
    category = unicodedata.category(char)
    if category[0] in "LM" or category in ("Nd", "Nl", "Pc"):
        return True
    return any(low <= code <= high for low, high in _OTHER_ALPHABETIC_SYMBOLS)


def bounds() -> list[int]:
    """Start and end-plus-one of every run of kept code points, in order."""
    out: list[int] = []
    inside = False
    for code in range(sys.maxunicode + 1):
        if kept(code) != inside:
            out.append(code)
            inside = not inside
    return out


def main() -> int:
    values = bounds()
    rows = [", ".join(f"0x{v:X}" for v in values[i : i + 8]) for i in range(0, len(values), 8)]
    body = "\n".join(f"    {row}," for row in rows)
    _TARGET.write_text(
        '"""The code points a GitHub heading anchor keeps (written by tools/anchor_chars.py).\n\n'
        f"Unicode {unicodedata.unidata_version}.  ``KEPT_BOUNDS`` alternates the first code\n"
        "point of a kept run and the first one after it: a code point is kept when\n"
        "``bisect_right(KEPT_BOUNDS, code)`` is odd.\n"
        '"""\n\n'
        f'UNICODE_VERSION = "{unicodedata.unidata_version}"\n\n'
        "# fmt: off\n"
        f"KEPT_BOUNDS: tuple[int, ...] = (\n{body}\n)\n"
        "# fmt: on\n",
        encoding="utf-8",
    )
    print(f"{_TARGET}: {len(values) // 2} runs, Unicode {unicodedata.unidata_version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
