"""A rule's documentation is its module docstring; this reads it apart.

Layout: a one-line summary, prose, then ``Fails::`` and ``Passes::`` each
followed by an indented markdown example.  In examples ``␠`` stands for a
space that would otherwise be invisible (trailing), and a final ``␄`` marks
the end of a file that has no final newline.  The test suite runs every
example, so the documentation cannot drift from the code.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

SPACE = "\u2420"
END = "\u2404"


@dataclass(frozen=True)
class RuleDoc:
    """The parts of a rule's docstring."""

    summary: str
    text: str
    failing: str
    passing: str


def _example(lines: list[str], marker: str) -> str:
    try:
        start = lines.index(marker) + 1
    except ValueError:
        return ""
    block: list[str] = []
    for line in lines[start:]:
        if line.strip() and not line.startswith((" ", "\t")):
            break
        block.append(line)
    example = textwrap.dedent("\n".join(block)).strip("\n").replace(SPACE, " ")
    if example.endswith(END):
        return example[: -len(END)]
    return example + "\n"


def parse_doc(docstring: str | None) -> RuleDoc:
    """Summary, full text, and the failing and passing examples of a docstring."""
    text = textwrap.dedent(docstring or "").strip()
    lines = text.splitlines()
    summary = lines[0].strip() if lines else ""
    return RuleDoc(summary, text, _example(lines, "Fails::"), _example(lines, "Passes::"))
