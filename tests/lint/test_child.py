"""The forked child that runs the dedupe engine beside the other rules."""

from __future__ import annotations

import os

import pytest

from awesomelint.lint.child import start_in_child
from awesomelint.lint.context import PREFETCH_MIN_ENTRIES, LintContext
from awesomelint.parse import decode

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")


def test_a_value_comes_back_from_the_child() -> None:
    child = start_in_child(lambda: {"pid": os.getpid(), "items": (1, 2, 3)})
    assert child is not None
    value = child.result()
    assert isinstance(value, dict)
    assert value["items"] == (1, 2, 3) and value["pid"] != os.getpid()


def test_a_failing_child_gives_none_so_the_caller_computes_it() -> None:
    def boom() -> object:
        raise RuntimeError("no")

    child = start_in_child(boom)
    assert child is not None and child.result() is None


def _big_list() -> bytes:
    lines = ["# Big", "", "## A", ""]
    for index in range(PREFETCH_MIN_ENTRIES + 10):
        lines.append(f"- [Work number {index} on circuits](https://x.org/{index}) - W {index}.")
    lines.append("- [Work number 7 on circuits](https://x.org/copy) - Listed twice.")
    lines.append("- [Another title entirely here](https://x.org/3) - Shares a URL.")
    return ("\n".join(lines) + "\n").encode()


def test_prefetched_duplicates_equal_the_inline_ones() -> None:
    data = _big_list()
    inline = LintContext.from_decoded(decode(data, "big.md"), "big.md").duplicates(90.0)
    ctx = LintContext.from_decoded(decode(data, "big.md"), "big.md")
    ctx.prefetch_duplicates(90.0)
    prefetched = ctx.duplicates(90.0)
    assert prefetched == inline
    assert len(inline.duplicate_groups()) == 1 and len(inline.conflicts) == 1
