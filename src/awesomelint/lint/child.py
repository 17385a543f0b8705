"""Run one pure computation in a forked child and collect its result later.

For work that is CPU-bound, independent of what the parent does meanwhile, and
worth more than a fork (milliseconds): the lint runs the dedupe engine this way
beside its other rules.  Anything that goes wrong in the child (an exception, a
crash, no ``fork`` on this platform) makes ``result`` return None, and the
caller computes the value itself: the outcome never depends on the child.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Child:
    """A computation running in a child process."""

    pid: int
    read_fd: int

    def result(self) -> object | None:
        """Wait for the child; its value, or None if it failed."""
        chunks = []
        try:
            with os.fdopen(self.read_fd, "rb") as pipe:
                while chunk := pipe.read(1 << 16):
                    chunks.append(chunk)
        finally:
            _, status = os.waitpid(self.pid, 0)
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0 or not chunks:
            return None
        try:
            return pickle.loads(b"".join(chunks))
        except Exception:  # a torn or foreign payload: compute it again
            return None


def start_in_child(work: Callable[[], object]) -> Child | None:
    """Fork a child that runs ``work`` and pipes back its pickled value; None if no fork."""
    if not hasattr(os, "fork"):
        return None
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid == 0:  # the child: compute, write, and leave without running any cleanup
        code = 1
        try:
            os.close(read_fd)
            payload = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_fd, "wb") as pipe:
                pipe.write(payload)
            code = 0
        finally:
            os._exit(code)
    os.close(write_fd)
    return Child(pid, read_fd)
