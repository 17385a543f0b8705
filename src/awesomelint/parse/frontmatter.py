"""YAML front matter: the ``---`` block a static-site generator reads before the list."""

from __future__ import annotations

from awesomelint.syntax import FRONT_MATTER_CLOSE, FRONT_MATTER_LINE, FRONT_MATTER_OPEN

# a front matter block longer than this is not one: a list that opens with a rule
_MAX_LINES = 500


def split_front_matter(lines: list[str]) -> tuple[str | None, int]:
    """YAML front matter (without fences) and the index of the first body line.

    ``lines`` keep their line ends.  Only a block whose every line looks like
    YAML counts: a list that opens with a ``---`` rule has no front matter.
    """
    if not lines or not FRONT_MATTER_OPEN.match(lines[0].rstrip("\n")):
        return None, 0
    for index in range(1, min(len(lines), _MAX_LINES)):
        if FRONT_MATTER_CLOSE.match(lines[index].rstrip("\n")):
            body = lines[1:index]
            if body and all(FRONT_MATTER_LINE.match(line.rstrip("\n")) for line in body):
                return "".join(body).rstrip("\n"), index + 1
            return None, 0
    return None, 0
