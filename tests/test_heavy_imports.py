"""The pre-commit path (``awesomelint lint``) imports no heavy module a list does not need.

Checked in a fresh interpreter on lists cut from real ones: awesome-nodejs
(code spans and HTML, so mistletoe reads part of it), with emoji, curly quotes
and dashes but no mojibake, and a few hundred entries.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

from awesomelint.parse.mistletoe_import import punctuation
from awesomelint.unicode_tables import UNICODE_VERSION

# cut from sindresorhus/awesome-nodejs: HTML, code spans, emoji, curly quotes
HEAD = """<div align="center">
\t<img width="500" height="350" src="media/logo.svg" alt="Awesome Node.js">
</div>

# Awesome Node.js [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

> Delightful Node.js packages and resources — “batteries included” 🚀

## Packages

### Command-line apps

- [np](https://github.com/sindresorhus/np) - Better `npm publish`.
"""


def _imported(tmp_path: Path, text: str, *args: str) -> set[str]:
    path = tmp_path / "README.md"
    path.write_text(text, encoding="utf-8")
    code = (
        "import sys\nfrom awesomelint.cli import main\n"
        f"main(['lint', *{list(args)!r}, {str(path)!r}])\n"
        "heavy = ('mistletoe', 'numpy', 'ftfy', 'rapidfuzz', 'httpx', 'awesomelint.parse.blocks')\n"
        "print(' '.join(sorted(m for m in heavy if m in sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return set(done.stdout.split("\n")[-2].split())


_KINDS = ("CLI", "Parser", "Logger", "Router", "Cache", "Queue", "Mailer", "Linter")


def _entries(count: int) -> str:
    """Entries named like a real list's: a project name and what it is."""
    names = [f"{a}{b}{c}o" for a in "BCDFGHJKLM" for b in "aeiou" for c in "nprstvz"]
    return "".join(
        f"- [{name} {_KINDS[n % len(_KINDS)]}](https://github.com/o/{name.lower()}) - "
        f"Does {name.lower()} things.\n"
        for n, name in enumerate(names[:count])
    )


def test_a_real_list_needs_neither_numpy_nor_ftfy(tmp_path: Path) -> None:
    found = _imported(tmp_path, HEAD + _entries(250))
    assert "numpy" not in found and "ftfy" not in found and "httpx" not in found
    assert "mistletoe" in found  # its code spans and HTML are mistletoe's to read


def test_a_plain_list_needs_no_mistletoe(tmp_path: Path) -> None:
    found = _imported(tmp_path, "# Awesome X\n\n## Tools\n\n" + _entries(40))
    assert not found & {"mistletoe", "numpy", "ftfy", "httpx", "awesomelint.parse.blocks"}


def test_near_duplicate_titles_need_no_rapidfuzz(tmp_path: Path) -> None:
    # a few hundred fuzzy comparisons cost less in Python than importing rapidfuzz
    twins = "".join(
        f"- [{name} Parser](https://gitlab.com/p/{name}) - Parses {name}.\n"
        f"- [{name} Parsers](https://codeberg.org/q/{name}) - Also parses {name}.\n"
        for name in ("Kolo", "Mira", "Nuvo", "Pexa", "Rilo")
    )
    found = _imported(tmp_path, "# Awesome X\n\n## Tools\n\n" + _entries(200) + twins)
    assert "rapidfuzz" not in found


def test_mojibake_still_brings_ftfy(tmp_path: Path) -> None:
    found = _imported(
        tmp_path,
        "# Awesome X\n\n## Tools\n\n- [Caf\u00c3\u00a9](https://c.org) - A caf\u00c3\u00a9.\n",
    )
    assert "ftfy" in found


def test_the_punctuation_table_is_what_mistletoe_computes() -> None:
    scanned = {
        chr(code)
        for code in range(0x80, sys.maxunicode + 1)
        if unicodedata.category(chr(code)).startswith("P")
    }
    if unicodedata.unidata_version == UNICODE_VERSION:
        assert punctuation() == scanned
    else:  # another Unicode: the table stays ours (deterministic), nearly the same
        assert len(punctuation() ^ scanned) < 50


def test_mistletoe_imported_our_way_has_the_full_set() -> None:
    code = (
        "import sys\nfrom awesomelint.parse.mistletoe_import import import_mistletoe, punctuation\n"
        "import_mistletoe()\nimport mistletoe.core_tokens as c\n"
        "assert sys.maxunicode == 0x10FFFF\n"
        "assert punctuation() <= c.punctuation\n"
        "assert '!' in c.punctuation and '\\u2014' in c.punctuation\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
