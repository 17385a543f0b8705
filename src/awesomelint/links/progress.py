"""The progress line of ``links`` on a terminal: done/total, rate, ETA, and what it waits for.

A plain carriage-return line rather than click's bar: the total grows while
lists are still being read, and a stall must name the URLs that hold it up
(``waiting on https://slow.example/...``), which a bar has no room for.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TextIO

_REDRAW = 0.1  # seconds between redraws
_STALL = 3.0  # seconds without an answer before the waiting URLs are shown


def line(done: int, total: int, rate: float, stalled: float, waiting: Sequence[str]) -> str:
    """The text of the progress line (pure, so it can be tested)."""
    text = f"{done}/{total} URLs"
    if rate > 0:
        text += f", {rate:.0f}/s"
        left = max(0, total - done)
        if left:
            text += f", ETA {_duration(left / rate)}"
    if stalled >= _STALL and waiting:
        shown = ", ".join(url if len(url) <= 60 else url[:57] + "..." for url in waiting[:2])
        more = f" (+{len(waiting) - 2})" if len(waiting) > 2 else ""
        text += f" - waiting {stalled:.0f}s on {shown}{more}"
    return text


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


class ProgressLine:
    """Redraws the line on ``stream`` at most ten times a second; ``clear`` removes it."""

    def __init__(self, stream: TextIO, width: int = 100) -> None:
        self._stream = stream
        self._width = width
        self._began = time.monotonic()
        self._last_draw = 0.0
        self._last_done = 0
        self._last_answer = self._began
        self._shown = 0

    def __call__(self, done: int, total: int, waiting: Sequence[str]) -> None:
        now = time.monotonic()
        if done != self._last_done:
            self._last_done = done
            self._last_answer = now
        if now - self._last_draw < _REDRAW:
            return
        self._last_draw = now
        elapsed = now - self._began
        rate = done / elapsed if elapsed > 0.5 and done else 0.0
        text = line(done, total, rate, now - self._last_answer, waiting)[: self._width]
        self._stream.write("\r" + text.ljust(self._shown))
        self._shown = len(text)
        self._stream.flush()

    def clear(self) -> None:
        if self._shown:
            self._stream.write("\r" + " " * self._shown + "\r")
            self._stream.flush()
            self._shown = 0
