"""Fuzzing the two rewriting commands end to end, files on disk included.

``fmt`` and ``lint --fix`` run through ``main`` on generated lists (any newline
style, with or without BOM): never a traceback or an internal error, never a
link lost on disk, and a second run changes nothing.  Under ``CI=true`` the
examples are a fixed sequence (the ``ci`` profile of tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from awesomelint.cli import main
from awesomelint.guard import lost_links, lost_web_links

# Shapes cut from real lists and from the issues' findings, mixed with random text.
PIECES = [
    "# Awesome Things",
    "## Section",
    "### Sub",
    "- [Name](https://arxiv.org/abs/2302.12461) - Description.",
    "* **Title** [[EMNLP 2023]](https://aclanthology.org/2023.emnlp-main.1) [[github]](https://github.com/o/r)",
    "  - A note under the entry.",
    '1. ["Quoted"](https://x.org/a?utm_source=x) - Numbered.',
    "Title. \\[[pdf](https://arxiv.org/pdf/2303.1.pdf)\\] \\[2019.1\\]",
    "| [x](https://x.org/t) | y | 2023 |",
    "|---|---|---|",
    "- [Toc](#section)",
    "- [Ref][r]",
    "[r]: https://ref.example.org/r",
    "<details><summary>More</summary>",
    "</details>",
    "<!-- comment -->",
    "```",
    "> quoted [q](https://q.org)",
    "---",
    "Sirenâ€™s ðŸŒŸ",
    "- 🌟 [Star](https://star.org) · [code](https://github.com/s/s) · 2023.5",
    "  ",
    "",
    "=",
    "-",
    "x[[T [f]]()]",
    "y #",
    "`",
]
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
LISTS = st.lists(st.one_of(st.sampled_from(PIECES), TEXT), min_size=1, max_size=20)
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])
FUZZ = settings(
    max_examples=int(os.environ.get("AWESOMELINT_FUZZ_EXAMPLES", "120")),  # more: explore
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)  # an exception escaping here is the traceback a user would see
    return code, err.getvalue()


def _document(parts: list[str], newline: str, bom: bool) -> bytes:
    text = newline.join(parts) + newline
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")


def _file(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "list.md"
    path.write_bytes(data)
    return path


def _keeps_newline_style(parts: list[str], newline: str, after: bytes) -> None:
    if any(c in part for part in parts for c in "\r\n"):
        return  # a mixed file: its style is the decoder's guess
    rest = after.replace(b"\r\n", b"") if newline == "\r\n" else after
    stray = {"\n": b"\r", "\r": b"\n", "\r\n": b"\r\n"}[newline]
    assert not any(byte in rest for byte in stray), after


def _no_internal_error(code: int, err: str) -> None:
    assert code in (0, 1, 2), err
    assert "internal error" not in err and "Traceback" not in err, err


@FUZZ
@given(parts=LISTS, newline=NEWLINES, bom=st.booleans())
def test_fmt_never_crashes_never_loses_a_link_and_keeps_bom_and_newlines(
    tmp_path_factory: pytest.TempPathFactory, parts: list[str], newline: str, bom: bool
) -> None:
    data = _document(parts, newline, bom)
    path = _file(tmp_path_factory, data)
    code, err = _run(["fmt", str(path)])
    _no_internal_error(code, err)
    after = path.read_bytes()
    assert not lost_links(_text(data), _text(after))
    if code != 0:
        assert after == data  # a refusal writes nothing
        return
    assert after.startswith(b"\xef\xbb\xbf") == bom
    _keeps_newline_style(parts, newline, after)


# fmt is a fixed point; the shapes this test once found (issue 13, item 20) stay as examples:
# a setext underline (``y #`` + ``-``), brackets nested in a link text (``x[[T [f]]()]``),
# a note bullet with no entry before it, an indented bullet after a numbered entry, a
# reference definition right after an entry line.
@FUZZ
@example(parts=["y #", "-"], newline="\n", bom=False)
@example(parts=["x[[T [f]]()]"], newline="\n", bom=False)
@example(parts=["=", "`", "-"], newline="\n", bom=False)
@given(parts=LISTS, newline=NEWLINES, bom=st.booleans())
def test_fmt_is_idempotent(
    tmp_path_factory: pytest.TempPathFactory, parts: list[str], newline: str, bom: bool
) -> None:
    data = _document(parts, newline, bom)
    path = _file(tmp_path_factory, data)
    if _run(["fmt", str(path)])[0] != 0:
        return
    after = path.read_bytes()
    code, err = _run(["fmt", "--check", str(path)])
    assert code == 0, f"fmt is not idempotent on {data!r}: {err}"
    assert path.read_bytes() == after


@FUZZ
@given(parts=LISTS, newline=NEWLINES, bom=st.booleans())
def test_lint_fix_never_crashes_never_loses_a_link_and_is_idempotent(
    tmp_path_factory: pytest.TempPathFactory, parts: list[str], newline: str, bom: bool
) -> None:
    data = _document(parts, newline, bom)
    path = _file(tmp_path_factory, data)
    argv = ["lint", "--fix", "--preset", "strict", "--preset", "awesome", "--format", "json"]
    code, err = _run([*argv, str(path)])
    _no_internal_error(code, err)
    after = path.read_bytes()
    assert not lost_web_links(_text(data), _text(after))
    if code == 2:
        assert after == data
        return
    assert after.startswith(b"\xef\xbb\xbf") == bom
    _keeps_newline_style(parts, newline, after)
    code, err = _run([*argv, str(path)])
    _no_internal_error(code, err)
    assert path.read_bytes() == after, f"lint --fix is not idempotent on {data!r}"
