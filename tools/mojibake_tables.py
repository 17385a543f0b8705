"""Write ``src/awesomelint/mojibake_tables.py``: the byte-as-character tables of the mojibake clue.

    python tools/mojibake_tables.py

``awesomelint.mojibake_clue`` asks which characters each lead and continuation
byte of UTF-8 shows as in the single-byte encodings ftfy repairs.  Computing
that means importing nine codecs and decoding some 1,400 bytes at every
start of the pre-commit hook; the answer never changes (the codecs are fixed
tables), so it is written out once, here, and a test checks it against the
computation (``mojibake_clue.masks``).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from awesomelint.mojibake_clue import TABLES, masks  # noqa: E402

_TARGET = Path(__file__).resolve().parent.parent / "src" / "awesomelint" / "mojibake_tables.py"


def _literal(table: dict[str, int]) -> str:
    rows = [f"    {char!r}: {mask:#05x}," for char, mask in sorted(table.items())]
    return "{\n" + "\n".join(rows) + "\n}"


def main() -> None:
    parts = [
        '"""What UTF-8 bytes show as in the encodings ftfy repairs, as data.\n\n'
        "Written by tools/mojibake_tables.py, which says why.  Character -> bit mask of the\n"
        "encodings (``mojibake_clue._ENCODINGS``, by index) in which one of the bytes shows\n"
        'as that character.\n"""\n',
        "# fmt: off",
    ]
    for name, (bytes_, only_nbsp) in TABLES.items():
        parts.append(f"{name}: dict[str, int] = {_literal(masks(bytes_, only_nbsp))}")
    parts.append("# fmt: on")
    _TARGET.write_text("\n".join(parts) + "\n", encoding="utf-8")
    print(f"wrote {_TARGET}")


if __name__ == "__main__":
    main()
