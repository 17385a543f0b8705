"""The source as lines that can be edited one at a time, each edit with its reason.

Keep mode writes the source text back with the fewest changes, so it works on
the file's own lines (line ends included, CRLF or LF per line) rather than on a
rendering: a line no edit touched is returned byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LINE_END = re.compile(r"(\r\n|\r|\n)")


@dataclass(frozen=True)
class Change:
    """One line ``fmt`` changed (1-based, in the input) and why (``bullet``, ``mojibake``…)."""

    line: int
    reason: str


@dataclass
class Lines:
    """Editable source lines; ``content`` has no line ends, ``ends`` holds each one's."""

    content: list[str]
    ends: list[str]
    changes: dict[int, str] = field(default_factory=dict)
    inserted: dict[int, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, raw: str) -> Lines:
        """Split ``raw`` (decoded, line ends as in the file) at every line end: CRLF, LF, CR."""
        parts = _LINE_END.split(raw)
        content = parts[0::2]
        ends = [*parts[1::2], ""]
        if content and content[-1] == "" and len(content) > 1:
            content.pop()  # the empty "line" after a final newline
            ends.pop()
        return cls(content, ends)

    def get(self, line: int) -> str:
        return self.content[line - 1]

    def set(self, line: int, text: str, reason: str) -> None:
        """Replace line ``line``; the first reason given for a line is the one kept."""
        if text == self.content[line - 1]:
            return
        self.content[line - 1] = text
        self.changes.setdefault(line, reason)

    def insert_after(self, line: int, texts: list[str], reason: str) -> None:
        """Add lines after line ``line`` (0: before the first line)."""
        if texts:
            self.inserted.setdefault(line, []).extend(texts)
            self.changes.setdefault(-line - 1, reason)  # recorded apart: no input line

    def text(self) -> str:
        """The lines joined back, each with its own line end; inserted ones get their anchor's."""
        out: list[str] = []
        default = next((end for end in self.ends if end), "\n")
        for text in self.inserted.get(0, []):
            out.append(text + default)
        for index, text in enumerate(self.content):
            end = self.ends[index]
            extra = self.inserted.get(index + 1, [])
            if extra and not end:
                end = default  # a line gains a successor: it needs an end of its own
                out.append(text + end)
                out.extend(extra_line + default for extra_line in extra[:-1])
                out.append(extra[-1])
                continue
            out.append(text + end)
            out.extend(extra_line + (end or default) for extra_line in extra)
        return "".join(out)

    def change_list(self) -> tuple[Change, ...]:
        """Every change in line order; an insertion counts one change per inserted line."""
        found: list[Change] = []
        for line, reason in sorted(self.changes.items(), key=lambda pair: abs(pair[0])):
            if line > 0:
                found.append(Change(line, reason))
            else:
                anchor = -line - 1
                found.extend(Change(anchor, reason) for _ in self.inserted.get(anchor, []))
        return tuple(found)
