"""Reading and writing list files safely.

Reading is bounded (``read_limited``): a list is a few hundred kilobytes, so a
file past the limit (``/dev/zero``, a disk image named ``.md``) is refused
before it is loaded.  Writing (``atomic_write``) goes to a temp file in the
target's directory, then an atomic rename, and refuses every case where a
rename would lose something: a symlink is written through to its target,
anything that is not a regular file is refused, hard links, read-only files and
files changed since they were read are left alone.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from awesomelint.errors import InputError

DEFAULT_MAX_BYTES = 64 * 1024 * 1024  # no awesome list comes near this; a bigger file is a mistake
MAX_BYTES_ENV = "AWESOMELINT_MAX_FILE_SIZE"
_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}
_CHUNK = 1024 * 1024


class WriteRefused(OSError):
    """A rewrite that would lose data, refused before anything is replaced.

    An ``OSError`` so that every command already reporting a failed write as
    ``<path>: cannot write (<reason>)`` reports this one the same way.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "refused"


class TooLarge(ValueError):
    """Input past the size limit; ``limit`` is the limit in bytes."""

    def __init__(self, limit: int) -> None:
        shown = f"{limit // 1024**2} MiB" if limit % 1024**2 == 0 else f"{limit} bytes"
        super().__init__(
            f"larger than the {shown} limit, not a list? ({MAX_BYTES_ENV}=200M raises it)"
        )
        self.limit = limit


def max_bytes() -> int:
    """The size limit for one input: ``AWESOMELINT_MAX_FILE_SIZE`` (bytes, or 64M, 1G …).

    ``InputError`` when the variable is malformed: a limit silently ignored
    would be no limit.
    """
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    unit = raw[-1].upper() if raw[-1].isalpha() else ""
    number = raw[:-1] if unit else raw
    if unit not in _UNITS or not number.isdigit() or int(number) == 0:
        raise InputError(f"{MAX_BYTES_ENV}={raw!r}: expected a size such as 67108864, 64M or 1G")
    return int(number) * _UNITS[unit]


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """All of ``stream``, or ``TooLarge`` as soon as more than ``limit`` bytes come.

    A regular file is judged by its size before any byte is read; pipes and
    devices are read in chunks, so ``/dev/zero`` stops at the limit.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        info = os.fstat(stream.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise TooLarge(limit)
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise TooLarge(limit)


def read_bytes(path: str) -> bytes:
    """A list file's bytes (``-``: standard input), read with the size limit.

    Every failure, a file past the limit included, is an ``InputError`` naming
    the file; the limit is ``max_bytes()`` (64 MiB unless raised).  Here, not
    in ``parse``, so a command can read a file without loading the parser.
    """
    name = "<stdin>" if path == "-" else path
    try:
        limit = max_bytes()
        if path == "-":
            if sys.stdin is None:  # started with standard input closed
                raise InputError("<stdin>: standard input is closed")
            return read_limited(sys.stdin.buffer, limit)
        if os.path.isdir(path):
            raise InputError(f"{path}: is a directory, not a markdown file")
        with open(path, "rb") as handle:
            return read_limited(handle, limit)
    except TooLarge as exc:
        raise InputError(f"{name}: {exc}") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None


def same_file(a: str, b: str) -> bool:
    """Whether two paths name one file: equal once symlinks are resolved, or hard links."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def output_clash(outputs: Iterable[tuple[str, str]], inputs: Iterable[str]) -> str | None:
    """Why these outputs cannot be written (two on one path, or one over an input), or None.

    ``outputs`` are (option, path) pairs, e.g. ``("-o", "out.md")``; inputs that
    are URLs are skipped.
    """
    seen: list[tuple[str, str]] = []
    files = [i for i in inputs if not i.startswith(("http://", "https://"))]
    for option, path in outputs:
        for other_option, other in seen:
            if same_file(path, other):
                return f"{option} {path} and {other_option} {other} are the same file"
        for source in files:
            if same_file(path, source):
                return f"{option} {path} is also an input ({source}); write it elsewhere"
        seen.append((option, path))
    return None


# --- cleanup on SIGTERM / SIGHUP -------------------------------------------------------
# The default action of these signals ends the process without running ``finally``
# blocks, which would leave the temp file behind.  While a write is under way the
# handler removes every temp file in flight, then dies of the signal as before.
# (signal and threading are imported on first write: the lint path only reads)
_IN_FLIGHT: set[str] = set()


def _cleanup_and_die(signum: int, _frame: object) -> None:
    import signal

    for temp in list(_IN_FLIGHT):
        with contextlib.suppress(OSError):
            os.unlink(temp)
    _IN_FLIGHT.clear()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


@contextlib.contextmanager
def _signals_remove_temps() -> Iterator[None]:
    """Install the cleanup handler where the signal would kill us outright (SIG_DFL)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield  # handlers can only be set from the main thread
        return
    installed = []
    for signum in (
        getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
    ):
        if signal.getsignal(signum) == signal.SIG_DFL:
            signal.signal(signum, _cleanup_and_die)
            installed.append(signum)
    try:
        yield
    finally:
        for signum in installed:
            signal.signal(signum, signal.SIG_DFL)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _check_target(path: str, info: os.stat_result | None, force: bool) -> None:
    if info is None:
        return
    if not stat.S_ISREG(info.st_mode):
        raise WriteRefused("not a regular file; only regular files are rewritten")
    if info.st_nlink > 1:
        raise WriteRefused(
            f"it has {info.st_nlink} hard links, which replacing it would break; "
            "nothing written, rewrite a copy"
        )
    writable = info.st_mode & 0o222 and os.access(path, os.W_OK)
    if not writable and not force:
        raise WriteRefused("the file is read-only; nothing written, --force rewrites it")


def _is_inode(path: str, info: os.stat_result) -> bool:
    try:
        here = os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (info.st_dev, info.st_ino)


def _still_as_read(path: str, expect: bytes) -> bool:
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size != len(expect):
                return False
            return handle.read(len(expect) + 1) == expect
    except FileNotFoundError:
        return False


def atomic_write(
    path: str, data: bytes, *, expect: bytes | None = None, force: bool = False
) -> None:
    """Replace ``path`` with ``data``: readers see the old or the new file, never half.

    A symlink is followed and its target replaced.  Refused with ``WriteRefused``
    (nothing written): what is not a regular file, a file with hard links (a
    rename would split them), a read-only file unless ``force``, a file whose
    owner cannot be kept, and, when ``expect`` (the bytes read) is given, a file
    that no longer holds them: someone changed it during the run.  Mode and
    owner are kept; a new file gets the umask's mode.
    """
    try:
        _replace(path, data, expect, force)
    except WriteRefused as exc:
        exc.filename = path  # the reason is the message; who prints it names the file
        raise


def _replace(path: str, data: bytes, expect: bytes | None, force: bool) -> None:
    target = os.path.realpath(path)
    try:
        info: os.stat_result | None = os.stat(path)  # what the path leads to, symlinks followed
    except FileNotFoundError:
        info = None
        if expect is not None:
            raise WriteRefused("the file was removed since it was read; nothing written") from None
    _check_target(target, info, force)
    if info is not None and not _is_inode(target, info):  # /proc/self/fd/N of a deleted file
        raise WriteRefused("cannot tell where the file lives; nothing written")
    mode = stat.S_IMODE(info.st_mode) if info else 0o666 & ~_umask()
    directory = os.path.dirname(target) or "."
    name = os.path.basename(target)
    temp = ""
    with _signals_remove_temps():
        try:  # one try from the first step: an exception may come between any two
            while True:
                temp = os.path.join(directory, f".{name}.{os.urandom(8).hex()}.tmp")
                _IN_FLIGHT.add(temp)  # before it exists, so the signal handler finds it
                try:
                    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                    break
                except FileExistsError:  # not ours: forget the name, never delete it
                    _IN_FLIGHT.discard(temp)
                    temp = ""
            with os.fdopen(fd, "wb") as handle:
                _fill(handle, data, info, mode)
            if expect is not None and not _still_as_read(target, expect):
                raise WriteRefused("the file changed since it was read; nothing written, run again")
            os.replace(temp, target)
        except BaseException:
            if temp:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temp)
            raise
        finally:
            _IN_FLIGHT.discard(temp)
    _sync_directory(directory)


def _fill(handle: BinaryIO, data: bytes, info: os.stat_result | None, mode: int) -> None:
    """Write the temp file, with the old file's owner and mode, durably."""
    handle.write(data)
    handle.flush()
    fd = handle.fileno()
    here = os.fstat(fd)
    if info is not None and (info.st_uid, info.st_gid) != (here.st_uid, here.st_gid):
        try:
            os.fchown(fd, info.st_uid, info.st_gid)
        except PermissionError:
            raise WriteRefused("cannot keep the file's owner; nothing written") from None
    os.fchmod(fd, mode)  # after fchown, which may clear set-id bits
    os.fsync(fd)


def _sync_directory(directory: str) -> None:
    """Make the rename durable; not every platform lets a directory be fsynced."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
