"""awesomelint.fileio: bounded reads and rewrites that never replace what they should not."""

from __future__ import annotations

import io
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from awesomelint.errors import InputError
from awesomelint.fileio import (
    DEFAULT_MAX_BYTES,
    TooLarge,
    WriteRefused,
    atomic_write,
    max_bytes,
    output_clash,
    read_limited,
    same_file,
)
from awesomelint.parse import read_bytes

ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")


def _temps(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


# --- rewrites: what stands at the path -------------------------------------------------


def test_writes_through_a_symlink_to_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_bytes(b"old\n")
    link = tmp_path / "link.md"
    link.symlink_to("real.md")
    atomic_write(str(link), b"new\n", expect=b"old\n")
    assert link.is_symlink() and os.readlink(link) == "real.md"
    assert real.read_bytes() == b"new\n"
    assert _temps(tmp_path) == []


def test_symlink_into_another_directory_writes_the_temp_there(tmp_path: Path) -> None:
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "real.md").write_bytes(b"old\n")
    (tmp_path / "link.md").symlink_to("lists/real.md")
    atomic_write(str(tmp_path / "link.md"), b"new\n")
    assert (tmp_path / "lists" / "real.md").read_bytes() == b"new\n"
    assert (tmp_path / "link.md").is_symlink()


def test_refuses_a_fifo_a_directory_and_a_symlink_to_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    (tmp_path / "to-pipe.md").symlink_to("pipe.md")
    (tmp_path / "dir.md").mkdir()
    for name in ("pipe.md", "to-pipe.md", "dir.md"):
        with pytest.raises(WriteRefused, match="not a regular file"):
            atomic_write(str(tmp_path / name), b"x\n")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert (tmp_path / "to-pipe.md").is_symlink() and (tmp_path / "dir.md").is_dir()
    assert _temps(tmp_path) == []


def test_refuses_dev_stdin() -> None:
    """/dev/stdin leads to a pipe here: refused, not replaced by a regular file."""
    code = (
        "from awesomelint.fileio import atomic_write\n"
        "try:\n    atomic_write('/dev/stdin', b'x')\nexcept OSError as exc:\n    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], input=b"", capture_output=True, check=True, timeout=60
    )
    assert b"not a regular file" in done.stdout


@ROOT_ONLY
def test_refuses_a_device_node(tmp_path: Path) -> None:
    """A node of /dev/full's device, made in the test's folder: a regression must not be
    able to replace the machine's real /dev/full."""
    node = tmp_path / "full.md"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    (tmp_path / "link.md").symlink_to("full.md")
    for name in ("full.md", "link.md"):
        with pytest.raises(WriteRefused, match="not a regular file"):
            atomic_write(str(tmp_path / name), b"x\n")
    assert stat.S_ISCHR(node.stat().st_mode) and _temps(tmp_path) == []


def test_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(b"old\n")
    path.chmod(0o640)
    atomic_write(str(path), b"new\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write(str(tmp_path / "new.md"), b"x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o640


@ROOT_ONLY
def test_keeps_the_owner(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(b"old\n")
    os.chown(path, 4321, 4322)
    atomic_write(str(path), b"new\n")
    info = path.stat()
    assert (info.st_uid, info.st_gid) == (4321, 4322) and path.read_bytes() == b"new\n"


def test_refuses_a_file_with_hard_links_and_changes_neither_name(tmp_path: Path) -> None:
    one, two = tmp_path / "one.md", tmp_path / "two.md"
    one.write_bytes(b"old\n")
    os.link(one, two)
    with pytest.raises(WriteRefused, match="2 hard links"):
        atomic_write(str(one), b"new\n")
    assert one.read_bytes() == two.read_bytes() == b"old\n"
    assert os.path.samefile(one, two) and _temps(tmp_path) == []


def test_respects_a_read_only_file_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(b"old\n")
    path.chmod(0o444)
    with pytest.raises(WriteRefused, match="read-only"):
        atomic_write(str(path), b"new\n")
    assert path.read_bytes() == b"old\n"
    atomic_write(str(path), b"new\n", force=True)
    assert path.read_bytes() == b"new\n" and stat.S_IMODE(path.stat().st_mode) == 0o444


# --- rewrites: a file changed during the run --------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        b"old\n- [appended](https://appended.org)\n",  # grew
        b"olD\n",  # same size, other bytes
    ],
)
def test_a_file_changed_since_it_was_read_is_not_replaced(tmp_path: Path, change: bytes) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(change)  # what someone else wrote after we read b"old\n"
    with pytest.raises(WriteRefused, match="changed since it was read"):
        atomic_write(str(path), b"formatted\n", expect=b"old\n")
    assert path.read_bytes() == change and _temps(tmp_path) == []


def test_a_file_removed_since_it_was_read_is_not_recreated(tmp_path: Path) -> None:
    with pytest.raises(WriteRefused, match="removed since it was read"):
        atomic_write(str(tmp_path / "gone.md"), b"x\n", expect=b"old\n")
    assert list(tmp_path.iterdir()) == []


def test_an_unchanged_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(b"old\n")
    atomic_write(str(path), b"new\n", expect=b"old\n")
    assert path.read_bytes() == b"new\n"


# --- rewrites: signals ------------------------------------------------------------------

_WRITER = """
import sys
from awesomelint.fileio import atomic_write
size = int(sys.argv[2])
atomic_write(sys.argv[1], b"x" * size)
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_a_write_leaves_no_temp_file(tmp_path: Path, signum: int) -> None:
    """A real large write and a real signal, sent once the temp file exists.

    The write may finish before the signal lands on a fast disk, so the timing
    is retried with larger writes until a run ends by the signal mid-write.
    """
    path = tmp_path / "list.md"
    size = 64 * 1024 * 1024
    for _ in range(6):
        path.write_bytes(b"old\n")
        proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(path), str(size)])
        deadline = time.monotonic() + 60
        while not _temps(tmp_path) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.0005)
        proc.send_signal(signum)
        code = proc.wait(timeout=60)
        assert _temps(tmp_path) == []
        if code == -signum:  # killed by the signal, as with no handler at all
            assert path.read_bytes() in (b"old\n", b"x" * size)  # never half
            if path.read_bytes() == b"old\n":
                return
        size *= 2 if size < 256 * 1024 * 1024 else 1
    pytest.fail("no run was interrupted mid-write")


def test_a_handler_of_the_program_stays_in_charge_and_the_temp_still_goes(
    tmp_path: Path,
) -> None:
    """A program that handles SIGTERM itself keeps its handler; the write cleans up after
    the exception that handler raises."""
    code = """
import signal, sys
from awesomelint.fileio import atomic_write
def stop(signum, frame):
    raise SystemExit(3)
signal.signal(signal.SIGTERM, stop)
atomic_write(sys.argv[1], b"x" * (128 * 1024 * 1024))
"""
    path = tmp_path / "list.md"
    for _ in range(6):
        path.write_bytes(b"old\n")
        proc = subprocess.Popen([sys.executable, "-c", code, str(path)])
        while not _temps(tmp_path) and proc.poll() is None:
            time.sleep(0.0005)
        proc.send_signal(signal.SIGTERM)
        returncode = proc.wait(timeout=60)
        assert _temps(tmp_path) == []
        if returncode == 3 and path.read_bytes() == b"old\n":
            return
    pytest.fail("no run was interrupted mid-write")


# --- outputs that clash -----------------------------------------------------------------


def test_same_file_sees_through_symlinks_and_hard_links(tmp_path: Path) -> None:
    a = tmp_path / "a.md"
    a.write_bytes(b"x\n")
    (tmp_path / "s.md").symlink_to("a.md")
    os.link(a, tmp_path / "h.md")
    assert same_file(str(a), str(tmp_path / "s.md"))
    assert same_file(str(a), str(tmp_path / "h.md"))
    assert same_file(str(a), str(tmp_path / "." / "a.md"))
    assert not same_file(str(a), str(tmp_path / "b.md"))
    assert same_file(str(tmp_path / "new.md"), str(tmp_path / "new.md"))  # neither exists


def test_output_clash() -> None:
    assert output_clash([("-o", "o.md"), ("--report", "o.md")], ["a.md"]) == (
        "--report o.md and -o o.md are the same file"
    )
    assert "also an input" in (output_clash([("-o", "a.md")], ["a.md", "b.md"]) or "")
    assert output_clash([("-o", "o.md"), ("--report", "r.json")], ["a.md"]) is None
    assert output_clash([("-o", "http://x.org/a.md")], ["http://x.org/a.md"]) is None


# --- bounded reads ----------------------------------------------------------------------


def test_read_limited_stops_at_the_limit_on_an_endless_stream() -> None:
    class Endless(io.RawIOBase):
        served = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            buffer[:] = b"a" * len(buffer)
            self.served += len(buffer)
            return len(buffer)

    endless = Endless()
    with pytest.raises(TooLarge):
        read_limited(endless, 3 * 1024 * 1024)  # type: ignore[arg-type]
    assert endless.served <= 3 * 1024 * 1024 + 1
    assert read_limited(io.BytesIO(b"abc"), 3) == b"abc"
    with pytest.raises(TooLarge):
        read_limited(io.BytesIO(b"abcd"), 3)


def test_dev_zero_stops_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWESOMELINT_MAX_FILE_SIZE", "2M")
    with pytest.raises(InputError, match="larger than the 2 MiB limit"):
        read_bytes("/dev/zero")


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads VmHWM (Linux)")
def test_a_huge_sparse_file_is_refused_without_being_read(tmp_path: Path) -> None:
    """3 GB on paper, nothing on disk: refused from its size, not loaded."""
    path = tmp_path / "huge.md"
    with open(path, "wb") as handle:
        handle.truncate(3 * 1024**3)
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the (large) test process
    code = (
        "import sys\nfrom awesomelint.parse import read_bytes\n"
        "try:\n    read_bytes(sys.argv[1])\nexcept Exception as exc:\n    print(exc)\n"
        "status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
        "print(status.split()[0])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, check=True, timeout=60
    )
    message, rss_kb = done.stdout.decode().splitlines()
    assert "larger than the 64 MiB limit" in message
    assert int(rss_kb) < 200 * 1024


def test_the_limit_can_be_raised_and_a_bad_one_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(b"x" * 2000)
    assert max_bytes() == DEFAULT_MAX_BYTES == 64 * 1024 * 1024
    monkeypatch.setenv("AWESOMELINT_MAX_FILE_SIZE", "1000")
    with pytest.raises(InputError, match="larger than the 1000 bytes limit"):
        read_bytes(str(path))
    monkeypatch.setenv("AWESOMELINT_MAX_FILE_SIZE", "2k")
    assert read_bytes(str(path)) == b"x" * 2000 and max_bytes() == 2048
    monkeypatch.setenv("AWESOMELINT_MAX_FILE_SIZE", "1G")
    assert max_bytes() == 1024**3
    for bad in ("lots", "-5", "0", "1.5M", "3T"):
        monkeypatch.setenv("AWESOMELINT_MAX_FILE_SIZE", bad)
        with pytest.raises(InputError, match="AWESOMELINT_MAX_FILE_SIZE"):
            max_bytes()
