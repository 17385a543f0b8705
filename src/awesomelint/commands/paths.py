"""Which files a command works on: one convention for every command.

- files as given, ``-`` for standard input;
- a directory: the markdown files under it (hidden directories and
  ``node_modules`` skipped; regular files only, never a fifo or a device);
- a quoted glob (``'docs/**/*.md'``), expanded here so it works on every shell;
- no path at all: the markdown files git tracks in the current repository,
  or, outside a repository, the markdown files under the current directory;
- ``--exclude GLOB`` (repeatable) drops matching paths, by whole path or by any
  trailing part (``--exclude 'vendor/*'``, ``--exclude CHANGELOG.md``).

Paths come out in a stable order (as given; sorted within a directory or a
glob), each once, so output is deterministic.
"""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import click

MARKDOWN = (".md", ".markdown")
_SKIP_DIRS = frozenset({"node_modules", "__pycache__", "site-packages"})
_GLOB = frozenset("*?[")

F = TypeVar("F", bound=Callable[..., Any])


def _walk(directory: str) -> Iterator[str]:
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
        for name in sorted(names):
            path = os.path.join(root, name)
            # regular files only: opening a fifo found on the way waits for a writer forever,
            # and a device, a socket or a dangling or looping link is no list
            if name.lower().endswith(MARKDOWN) and os.path.isfile(path):
                yield path


def _tracked() -> list[str] | None:
    """Markdown files git tracks under the current directory; None outside a repository."""
    import subprocess  # only when no path is given: not on the pre-commit path

    try:
        done = subprocess.run(
            ["git", "ls-files", "-z", "--", *(f"*{suffix}" for suffix in MARKDOWN)],
            capture_output=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    names = [name for name in done.stdout.decode("utf-8", "replace").split("\0") if name]
    return sorted(name for name in names if os.path.isfile(name))


def _excluded(path: str, patterns: Sequence[str]) -> bool:
    if not patterns:
        return False
    normal = os.path.normpath(path).replace(os.sep, "/")
    parts = normal.split("/")
    tails = ["/".join(parts[i:]) for i in range(len(parts))]
    return any(fnmatch.fnmatch(tail, pattern) for pattern in patterns for tail in tails)


def expand(paths: Sequence[str], exclude: Sequence[str] = ()) -> list[str]:
    """The files ``paths`` name (see the module docstring), minus the excluded ones.

    A path that does not exist is kept, so the command reports it as it
    reports any unreadable file.
    """
    if not paths:
        found = _tracked()
        chosen = found if found is not None else list(_walk("."))
        return [p for p in chosen if not _excluded(p, exclude)]
    out: list[str] = []
    for path in paths:
        if path == "-":
            out.append(path)
        elif os.path.isdir(path):
            out.extend(_walk(path))
        elif not os.path.exists(path) and _GLOB & set(path):
            matches = sorted(glob.glob(path, recursive=True))
            files = [m for m in matches if os.path.isfile(m)]
            for match in matches:
                if os.path.isdir(match):
                    files.extend(_walk(match))
            out.extend(files or [path])
        else:
            out.append(path)
    return [p for p in dict.fromkeys(out) if p == "-" or not _excluded(p, exclude)]


def path_arguments(exclude_flag: str = "--exclude") -> Callable[[F], F]:
    """The ``PATHS...`` argument and the exclude option, as one decorator.

    The command receives ``paths`` (tuple) and ``exclude_paths`` (tuple) and
    calls ``expand(paths, exclude_paths)``.
    """

    def decorate(func: F) -> F:
        func = click.option(
            exclude_flag,
            "exclude_paths",
            multiple=True,
            metavar="GLOB",
            help="Skip files matching GLOB (repeatable).",
        )(func)
        return click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))(func)

    return decorate
