"""The rewriting commands (fmt, lint --fix, merge) on odd files: each refusal and each kept
property end to end, exit codes and one-line messages included."""

from __future__ import annotations

import os
import random
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from awesomelint.cli import main

MESSY = "# T\n\n## A\n\n* [x](https://x.org) - X.\n"
CANONICAL = "# T\n\n## A\n\n- [x](https://x.org) - X.\n"
# a fixable lint (trailing whitespace, strict preset) and nothing else
UNFIXED = "# T\n\n## A\n\n- [x](https://x.org) - X.   \n"
FIXED = CANONICAL


def _err_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def _fix(path: Path, *more: str) -> int:
    return main(["lint", "--fix", "--preset", "strict", "--format", "text", *more, str(path)])


# --- item 5: symlinks, read-only files, hard links --------------------------------------


def test_fmt_and_lint_fix_write_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    link = tmp_path / "link.md"
    link.symlink_to("real.md")
    real.write_text(MESSY)
    assert main(["fmt", "--style", "canonical", str(link)]) == 0
    assert link.is_symlink() and real.read_text() == CANONICAL
    real.write_text(UNFIXED)
    _fix(link)
    assert link.is_symlink() and real.read_text() == FIXED


@pytest.mark.parametrize("command", ["fmt", "lint"])
def test_a_read_only_file_is_left_alone_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    path = tmp_path / "list.md"
    path.write_text(MESSY if command == "fmt" else UNFIXED)
    path.chmod(0o444)
    before = path.read_bytes()

    def run(*more: str) -> int:
        return (
            main(["fmt", "--style", "canonical", *more, str(path)])
            if command == "fmt"
            else _fix(path, *more)
        )

    assert run() == 2
    line = _err_line(capsys)
    assert "read-only" in line and "--force" in line
    assert path.read_bytes() == before
    run("--force")
    assert path.read_text() == (CANONICAL if command == "fmt" else FIXED)
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_merge_respects_a_read_only_output_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = tmp_path / "a.md", tmp_path / "out.md"
    source.write_text(MESSY)
    out.write_text("keep me\n")
    out.chmod(0o444)
    assert main(["merge", str(source), "-o", str(out)]) == 2
    assert "read-only" in capsys.readouterr().err and out.read_text() == "keep me\n"
    assert main(["merge", str(source), "-o", str(out), "--force"]) == 0
    assert "https://x.org" in out.read_text()


@pytest.mark.parametrize("command", ["fmt", "lint"])
def test_a_hard_linked_file_is_refused_and_both_names_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    one, two = tmp_path / "one.md", tmp_path / "two.md"
    one.write_text(MESSY if command == "fmt" else UNFIXED)
    os.link(one, two)
    before = one.read_bytes()
    assert (main(["fmt", "--style", "canonical", str(one)]) if command == "fmt" else _fix(one)) == 2
    assert "hard links" in _err_line(capsys)
    assert one.read_bytes() == two.read_bytes() == before and os.path.samefile(one, two)


def test_fmt_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(MESSY)
    path.chmod(0o600)
    assert main(["fmt", "--style", "canonical", str(path)]) == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and path.read_text() == CANONICAL


def test_fmt_refuses_a_fifo_after_reading_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "wb") as handle:
            handle.write(MESSY.encode())

    writer = threading.Thread(target=feed)
    writer.start()
    assert main(["fmt", "--style", "canonical", str(fifo)]) == 2
    writer.join(timeout=10)
    assert "not a regular file" in _err_line(capsys)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


# --- item 6: a file changed by someone else during the run ------------------------------


def _big_list(entries: int, fixable: bool = False) -> str:
    """A long list; titles vary in words, not just numbers, so lint's dedupe stays quick."""
    words = "alpha beta gamma delta sparse circuits probing neurons heads tokens".split()
    rng = random.Random(7)
    rows = []
    for i in range(entries):
        title = " ".join(rng.choice(words) for _ in range(4)) + f" {rng.randrange(10**9):x}"
        rows.append(f"* [{title.capitalize()}](https://w{i}.org/{i}) - W.")
    if fixable:  # one trailing-whitespace fix; the bullets are fine for lint
        rows = [row.replace("* ", "- ", 1) for row in rows]
        rows[0] += "   "
    return "# Big\n\n## A\n\n" + "\n".join(rows) + "\n"


@pytest.mark.parametrize(
    ("argv", "entries"),
    [
        (["fmt", "--style", "canonical"], 20_000),
        (["lint", "--fix", "--preset", "strict", "--format", "text"], 8_000),
    ],
    ids=["fmt", "lint-fix"],
)
def test_a_link_appended_during_the_run_is_never_overwritten(
    tmp_path: Path, argv: list[str], entries: int
) -> None:
    """A real concurrent edit: a line is appended while the command works on a large list.

    Whatever the timing, the appended link must survive: either the command read
    it, or it saw the file change and wrote nothing.  The run is repeated, moving
    the append, until it lands mid-run at least once (the case the check exists for).
    """
    path = tmp_path / "list.md"
    appended = "- [Appended](https://appended.example.org/late)\n"
    original = _big_list(entries, fixable=argv[0] == "lint")
    delay = 0.5
    for _ in range(10):
        path.write_text(original)
        proc = subprocess.Popen(
            [sys.executable, "-m", "awesomelint", *argv, str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        time.sleep(delay)
        too_late = proc.poll() is not None
        with open(path, "a") as handle:
            handle.write(appended)
        _, err = proc.communicate(timeout=300)
        assert "https://appended.example.org/late" in path.read_text()
        if b"changed since it was read" in err:
            assert proc.returncode == 2 and len(err.strip().splitlines()) == 1, err
            assert path.read_text() == original + appended  # untouched but for the append
            return
        delay = delay / 2 if too_late else delay * 1.5  # else: appended before it was read
    pytest.fail("the append never landed during a run")


# --- item 8: merge outputs that clash, refused before anything is read ------------------


@pytest.fixture
def counting_server() -> Iterator[tuple[str, list[str]]]:
    """A real HTTP server on 127.0.0.1 that records every request."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            seen.append(self.path)
            body = MESSY.encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    httpd.shutdown()
    httpd.server_close()


def test_merge_refuses_output_equal_to_report_before_fetching(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], counting_server: tuple[str, list[str]]
) -> None:
    url, seen = counting_server
    out = tmp_path / "out.md"
    out.write_text("keep me\n")
    args = ["merge", f"{url}/a.md", "-o", str(out), "--report", str(out)]
    assert main([*args, "--cache-dir", str(tmp_path / "cache")]) == 2
    assert "are the same file" in _err_line(capsys)
    assert seen == [] and out.read_text() == "keep me\n"
    assert not (tmp_path / "cache").exists()


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "report"])
def test_merge_refuses_an_output_that_is_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(MESSY)
    b.write_bytes(b"\x00 not even a list")  # would fail if it were read
    out = {
        "same": a,
        "symlink": tmp_path / "to-a.md",
        "hardlink": tmp_path / "also-a.md",
        "report": tmp_path / "out.md",
    }[how]
    if how == "symlink":
        out.symlink_to("a.md")
    if how == "hardlink":
        os.link(a, out)
    args = ["merge", str(b), str(a), "-o", str(out)]
    if how == "report":
        args += ["--report", str(a)]
    assert main(args) == 2
    line = _err_line(capsys)
    assert "also an input" in line and "binary" not in line
    assert a.read_text() == MESSY


# --- item 9: newline style, empty files -------------------------------------------------


def test_cr_only_files_come_back_cr(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(MESSY.replace("\n", "\r").encode())
    assert main(["fmt", "--style", "canonical", str(path)]) == 0
    assert path.read_bytes() == CANONICAL.replace("\n", "\r").encode()
    path.write_bytes(UNFIXED.replace("\n", "\r").encode())
    _fix(path)
    assert path.read_bytes() == FIXED.replace("\n", "\r").encode()


def test_a_stray_cr_in_an_lf_file_does_not_turn_it_into_cr(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(MESSY.replace("# T", "# T\rU").encode())  # a CR with no LF after it
    main(["fmt", "--style", "canonical", str(path)])
    assert b"\r" not in path.read_bytes()


@pytest.mark.parametrize(
    "content", [b"\xef\xbb\xbf", b"\xef\xbb\xbf\n\n", b"  \r\n\t\n", "\u00a0\u3000\n".encode()]
)
@pytest.mark.parametrize("command", ["fmt", "lint", "fix"])
def test_a_file_of_only_a_bom_or_whitespace_is_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, command: str
) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(content)
    argv = {"fmt": ["fmt"], "lint": ["lint"], "fix": ["lint", "--fix"]}[command]
    assert main([*argv, str(path)]) == 2
    assert "file is empty" in _err_line(capsys)
    assert path.read_bytes() == content


# --- item 13: size limit ----------------------------------------------------------------


def test_lint_dev_zero_stops_at_the_limit() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "awesomelint", "lint", "/dev/zero"],
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "AWESOMELINT_MAX_FILE_SIZE": "4M"},
    )
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        "awesomelint: /dev/zero: larger than the 4 MiB limit, not a list? "
        "(AWESOMELINT_MAX_FILE_SIZE=200M raises it)"
    )


@pytest.mark.parametrize("argv", [["fmt", "-"], ["lint", "-"]])
def test_stdin_is_read_with_the_limit(argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "awesomelint", *argv],
        input=MESSY.encode() * 200,
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "AWESOMELINT_MAX_FILE_SIZE": "1k"},
    )
    assert done.returncode == 2
    assert b"<stdin>: larger than the 1024 bytes limit" in done.stderr


def test_a_big_file_under_a_raised_limit_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "list.md"
    path.write_text(MESSY)
    monkeypatch.setenv("AWESOMELINT_MAX_FILE_SIZE", "16")
    assert main(["fmt", "--style", "canonical", "--check", str(path)]) == 2
    monkeypatch.setenv("AWESOMELINT_MAX_FILE_SIZE", "1M")
    assert main(["fmt", "--style", "canonical", "--check", str(path)]) == 1


def test_a_closed_stdin_is_a_one_line_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "awesomelint", "lint", "-"],
        capture_output=True,
        timeout=120,
        check=False,
        preexec_fn=lambda: os.close(0),  # the child starts with no standard input
    )
    assert done.returncode == 2
    assert done.stderr.decode().strip() == "awesomelint: <stdin>: standard input is closed"
