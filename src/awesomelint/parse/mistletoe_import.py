"""Import mistletoe without its scan of all of Unicode.

At import, ``mistletoe.core_tokens`` builds its set of punctuation (which
emphasis rules consult) by asking ``unicodedata`` about each of the 1.1 million
code points: 0.1 to 0.25 s, a third of a pre-commit run on a real list, paid
by every list that has one line the fast path leaves to mistletoe.  We import
it with the scan cut to ASCII and add the rest of the same set from a table
(``awesomelint.unicode_tables``); the set, and so every parse, is the same.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from typing import Any

from awesomelint.unicode_tables import PUNCTUATION_BOUNDS


def punctuation() -> set[str]:
    """The non-ASCII Unicode punctuation characters (categories P*)."""
    pairs = zip(PUNCTUATION_BOUNDS[::2], PUNCTUATION_BOUNDS[1::2], strict=True)
    return {chr(code) for start, end in pairs for code in range(start, end)}


def import_mistletoe() -> None:
    """Make sure mistletoe is imported, cheaply; a no-op once it is."""
    if "mistletoe.core_tokens" in sys.modules:
        return
    real = sys.maxunicode
    # core_tokens reads sys.maxunicode once, for its scan; nothing else imported here does
    sys.maxunicode = 0x7F  # type: ignore[misc]
    try:
        import mistletoe.core_tokens as core_tokens
    finally:
        sys.maxunicode = real  # type: ignore[misc]
    core_tokens.punctuation.update(punctuation())
    import mistletoe.block_token as block_token

    # CommonMark's ordered marker has 1 to 9 digits; mistletoe takes ``)`` or ``.`` with
    # none, so a wrapped line that starts ``) et al.`` would open a list and cut its item
    block_token.List.pattern = re.compile(r" {0,3}(?:\d{1,9}[.)]|[+\-*])(?:[ \t]*$|[ \t]+)")
    block_token.ListItem.pattern = re.compile(r"( {0,3})(\d{1,9}[.)]|[+\-*])($|\s+)")
    # ``[^1]: text`` is a footnote on GitHub, not a link definition: read as one, the
    # first word of its text became the target of every ``[^1]`` in the list
    store = block_token.Footnote.append_footnotes

    def append_definitions(matches: list[Any], root: Any) -> None:
        store([match for match in matches if not match[0].startswith("^")], root)

    block_token.Footnote.append_footnotes = staticmethod(append_definitions)


def is_punctuation(char: str) -> bool:
    """Is ``char`` in the table (for tests: the table against ``unicodedata``)."""
    at = bisect_left(PUNCTUATION_BOUNDS, ord(char) + 1)
    return at % 2 == 1
