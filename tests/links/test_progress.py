"""The progress line: done/total, rate, ETA, and the URLs a stalled run waits for."""

from __future__ import annotations

import io

from awesomelint.links.progress import ProgressLine, line


def test_line_with_rate_eta_and_stall() -> None:
    assert line(10, 40, 0.0, 0.0, []) == "10/40 URLs"
    assert line(10, 40, 5.0, 0.0, []) == "10/40 URLs, 5/s, ETA 6s"
    assert line(67, 68, 20.0, 1.0, ["https://slow.example/a"]) == "67/68 URLs, 20/s, ETA 0s"
    stalled = line(67, 68, 20.0, 10.0, ["https://slow.example/a", "https://b.example/", "c"])
    assert stalled == (
        "67/68 URLs, 20/s, ETA 0s - waiting 10s on https://slow.example/a, https://b.example/ (+1)"
    )
    assert line(0, 4000, 2.0, 0.0, []).endswith("ETA 33m20s")


def test_progress_line_redraws_in_place_and_clears() -> None:
    stream = io.StringIO()
    show = ProgressLine(stream)
    show(1, 10, ["https://a.example/"])
    show.clear()
    text = stream.getvalue()
    assert text.startswith("\r1/10 URLs") and text.endswith("\r")
