"""Local links: relative files and directories, ``other.md#anchor``, root-relative paths.

Offline and cheap (a ``stat`` per distinct target), so ``lint`` can run it
too.  A relative link resolves against the directory of the file it stands
in, as GitHub resolves it; a root-relative one (``/docs/x.md``) against
``root_dir``, and is skipped without one.  Anchors of another markdown file
are that file's own (``awesomelint.anchors``), computed once per file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from awesomelint.anchors import has_anchor

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")
# not a path at all: markup caught as a destination (a link nested in a link) or a template
_NOT_A_PATH = re.compile(r"[\s\[\]<>{}]")
_MARKDOWN = (".md", ".markdown", ".mdown", ".mkd")


@dataclass(frozen=True)
class LocalVerdict:
    """What a local link points at: ``ok``, ``dead``, ``fragment-missing`` or ``skipped``."""

    verdict: str
    detail: str = ""
    path: str = ""


def is_local(url: str) -> bool:
    """True for a link to a file of the repository: no scheme, not ``//host``, not ``#x``."""
    url = url.strip()
    if not url or url.startswith(("#", "//", "\\")) or _NOT_A_PATH.search(url):
        return False
    return not _SCHEME.match(url)


def target(url: str, file: str, root_dir: str | None) -> tuple[str | None, str]:
    """The filesystem path a local link names (None when it cannot be resolved), and its fragment.

    The path is normalised, so ``./a/../b.md`` and ``b.md`` are one target.
    """
    base, _, fragment = url.strip().partition("#")
    base = unquote(base.split("?", 1)[0])
    if not base:
        return None, fragment
    if base.startswith("/"):
        if root_dir is None:
            return None, fragment
        path = os.path.join(root_dir, base.lstrip("/"))
    else:
        directory = os.path.dirname(file) if file not in ("-", "<stdin>") else os.getcwd()
        path = os.path.join(directory, base)
    return os.path.normpath(path), fragment


def check_local(
    url: str,
    file: str,
    root_dir: str | None,
    anchors_of: Callable[[str], frozenset[str] | None],
) -> LocalVerdict:
    """The verdict for one local link written in ``file``.

    ``anchors_of(path)`` gives the anchors of a markdown file (None when it
    cannot be read as one).
    """
    path, fragment = target(url, file, root_dir)
    if path is None:
        if url.strip().startswith("/"):
            return LocalVerdict("skipped", "root-relative link: give --root-dir to check it")
        return LocalVerdict("ok")  # "?x" or "" : the file itself
    if not os.path.exists(path):
        return LocalVerdict("dead", f"no such file: {path}", path)
    if fragment and os.path.isfile(path) and path.lower().endswith(_MARKDOWN):
        known = anchors_of(path)
        if known is not None and not has_anchor(fragment, known):
            return LocalVerdict(
                "fragment-missing", f"no heading or anchor #{fragment} in {path}", path
            )
    return LocalVerdict("ok", path=path)


def markdown_anchors(path: str) -> frozenset[str] | None:
    """The anchors of the markdown file at ``path``; None when it cannot be read or parsed."""
    from awesomelint.anchors import file_anchors
    from awesomelint.errors import AwesomelintError
    from awesomelint.parse import parse_text, read_file

    try:
        decoded = read_file(path)
        document = parse_text(decoded.text, path, decoded.newline, decoded.repairs)
    except (AwesomelintError, OSError, RecursionError, ValueError):
        return None
    return file_anchors(document, decoded.text)
