"""No contributing guide beside the list's readme (``contributing.md``).

awesome-lint's ``awesome-contributing``: a list that wants entries says how
to propose them, in a non-empty ``contributing.md`` (any case) beside the
readme or in ``.github/``.  A file check: it runs only for a file on disk
named ``readme…`` (a list's front page; not standard input, not a sub-list),
and also accepts a guide in a parent directory up to the repository's root
(the directory holding ``.git``).  There is no fix: the guide is the
author's to write.

Fails::

    # Awesome Mechanistic Interpretability

Passes::

    # Awesome Mechanistic Interpretability

    Read the [contribution guidelines](contributing.md) first.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from awesomelint.lint.context import DOCUMENT, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import AWESOME

ID = "AL038"
NAME = "awesome-contributing"
SEVERITY: Severity = "error"
FIX: FixAvailability = "none"
CONSUMES = frozenset({DOCUMENT})
PRESETS = AWESOME
OPTIONS: dict[str, object] = {}
FILE_CHECK = True  # looks beside the file: the documented examples are README.md on disk

_NAMES = frozenset({"contributing.md", "contributing.markdown", "contributing"})


def _guide_in(directory: str) -> bool:
    """Is there a non-empty contributing guide in ``directory`` or its ``.github``?"""
    for place in (directory, os.path.join(directory, ".github")):
        try:
            names = os.listdir(place)
        except OSError:
            continue
        for name in names:
            path = os.path.join(place, name)
            if name.lower() in _NAMES and os.path.isfile(path):
                try:
                    with open(path, "rb") as handle:
                        if handle.read(4096).strip():
                            return True
                except OSError:
                    continue
    return False


def has_guide(list_path: str) -> bool:
    """A guide beside the list, or above it up to the repository root."""
    directory = os.path.dirname(os.path.abspath(list_path))
    while True:
        if _guide_in(directory):
            return True
        parent = os.path.dirname(directory)
        if os.path.isdir(os.path.join(directory, ".git")) or parent == directory:
            return False
        if not any(os.path.isdir(os.path.join(p, ".git")) for p in _ancestors(parent)):
            return False  # not inside a repository: only the list's own directory counts
        directory = parent


def _ancestors(directory: str) -> Iterator[str]:
    while True:
        yield directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return
        directory = parent


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """On a readme file on disk, look for the guide."""
    name = os.path.basename(ctx.path).lower()
    if ctx.path in ("-", "<stdin>") or not name.startswith("readme"):
        return
    if not os.path.isfile(ctx.path):
        return
    if not has_guide(ctx.path):
        yield ctx.diagnostic(
            ID, options, 1, 1, "no contributing.md beside the list: say how to propose an entry"
        )
