"""Write ``src/awesomelint/unicode_tables.py``: character classes we need as data.

    python tools/unicode_tables.py        (run with Python 3.11: Unicode 14.0)

``KEPT_BOUNDS``, the characters a GitHub anchor keeps: GitHub keeps a heading
character when it is a "word" character in the sense of Unicode's
regular-expression annex (TR18): Alphabetic, a mark, a decimal digit or
connector punctuation, plus the space and ``-``.  Python's ``\\w`` is not
that class (it drops marks, keeps other numbers) and ``unicodedata`` changes
with the interpreter, so the class is written out once, as a table, and a
heading's anchor is the same on every Python.

``PUNCTUATION_BOUNDS``, the non-ASCII Unicode punctuation (categories P*) that
CommonMark's emphasis rules use: mistletoe computes it at import by testing all
1.1 million code points, a third of a pre-commit run (``parse.mistletoe_import``).
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

# Alphabetic characters that are neither letters, letter numbers nor marks
# (PropList.txt, Other_Alphabetic): circled and squared Latin letters.
_OTHER_ALPHABETIC_SYMBOLS = (
    (0x24B6, 0x24E9),
    (0x1F130, 0x1F149),
    (0x1F150, 0x1F169),
    (0x1F170, 0x1F189),
)
_TARGET = Path(__file__).resolve().parent.parent / "src" / "awesomelint" / "unicode_tables.py"


def kept(code: int) -> bool:
    char = chr(code)
    if char in " -":
        return True
    category = unicodedata.category(char)
    if category[0] in "LM" or category in ("Nd", "Nl", "Pc"):
        return True
    return any(low <= code <= high for low, high in _OTHER_ALPHABETIC_SYMBOLS)


def punctuation(code: int) -> bool:
    return code >= 0x80 and unicodedata.category(chr(code)).startswith("P")


def bounds(member: Callable[[int], bool]) -> list[int]:
    """Start and end-plus-one of every run of member code points, in order."""
    out: list[int] = []
    inside = False
    for code in range(sys.maxunicode + 1):
        if member(code) != inside:
            out.append(code)
            inside = not inside
    return out


def _table(name: str, values: list[int]) -> str:
    rows = [", ".join(f"0x{v:X}" for v in values[i : i + 8]) for i in range(0, len(values), 8)]
    body = "\n".join(f"    {row}," for row in rows)
    return f"# fmt: off\n{name}: tuple[int, ...] = (\n{body}\n)\n# fmt: on\n"


def main() -> int:
    kept_bounds, punctuation_bounds = bounds(kept), bounds(punctuation)
    _TARGET.write_text(
        '"""Character classes as data (written by tools/unicode_tables.py, which says why).\n\n'
        f"Unicode {unicodedata.unidata_version}.  Each table alternates the first code point\n"
        "of a run and the first one after it: a code point is in the class when\n"
        "``bisect_right(TABLE, code)`` is odd.\n"
        '"""\n\n'
        f'UNICODE_VERSION = "{unicodedata.unidata_version}"\n\n'
        "# The characters a GitHub heading anchor keeps.\n"
        + _table("KEPT_BOUNDS", kept_bounds)
        + "\n# Unicode punctuation (P*) outside ASCII, as CommonMark's emphasis rules read it.\n"
        + _table("PUNCTUATION_BOUNDS", punctuation_bounds),
        encoding="utf-8",
    )
    print(
        f"{_TARGET}: {len(kept_bounds) // 2} kept runs, {len(punctuation_bounds) // 2} "
        f"punctuation runs, Unicode {unicodedata.unidata_version}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
