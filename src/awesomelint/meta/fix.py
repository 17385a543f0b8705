"""``--fix``: moved repositories (and titles with ``--fix-titles``), written atomically.

URLs are replaced only where they stand as link targets on the finding's
line (the link checker's ``links.fix.apply_text``); a title only where it
occurs once on its line.  A new URL must be a plain http(s) URL that needs no
escaping as a markdown destination.  Before a file is written, the
never-lose-a-link guard checks that every link of the old text is still
there, except the URLs replaced on purpose; otherwise the file is left as is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from awesomelint.fileio import atomic_write
from awesomelint.meta.model import Fix

_SAFE_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~%!$&'*+,;=:@/?#-]*)?$")


@dataclass(frozen=True)
class FixResult:
    """What ``apply`` did per file: fixes made, and files refused with why."""

    fixed: dict[str, int]
    refused: dict[str, str]


def safe_destination(url: str) -> bool:
    """An http(s) URL that stays one markdown destination without escaping."""
    return bool(_SAFE_URL.match(url)) and "(" not in url and ")" not in url


def apply_text(text: str, fixes: Iterable[Fix]) -> tuple[str, int, set[str]]:
    """``text`` with the fixes made, how many were made, and the URLs replaced."""
    from awesomelint.links.fix import Rewrite
    from awesomelint.links.fix import apply_text as rewrite_urls

    changed = 0
    replaced: set[str] = set()
    lines = text.split("\n")
    for fix in sorted(fixes, key=lambda f: (f.line, f.kind, f.old)):
        index = fix.line - 1
        if not 0 <= index < len(lines) or fix.old == fix.new:
            continue
        if fix.kind == "title":
            if lines[index].count(fix.old) == 1 and "\n" not in fix.new:
                lines[index] = lines[index].replace(fix.old, fix.new)
                changed += 1
            continue
        if not safe_destination(fix.new):
            continue
        line, count = rewrite_urls(lines[index], [Rewrite("", 1, fix.old, fix.new)])
        if count:
            lines[index] = line
            changed += count
            replaced.add(fix.old)
    return "\n".join(lines), changed, replaced


def apply(fixes: Iterable[Fix]) -> FixResult:
    """Apply the fixes file by file, each file atomically and only if no link is lost."""
    from awesomelint.guard import link_targets, missing_web_links

    by_file: dict[str, list[Fix]] = {}
    for fix in fixes:
        by_file.setdefault(fix.file, []).append(fix)
    fixed: dict[str, int] = {}
    refused: dict[str, str] = {}
    for file, file_fixes in sorted(by_file.items()):
        before = Path(file).read_bytes().decode("utf-8")
        after, count, replaced = apply_text(before, file_fixes)
        if not count:
            continue
        kept = link_targets(before) - replaced
        lost = missing_web_links(kept, after)
        if lost:
            refused[file] = f"a fix would lose {len(lost)} link(s): {', '.join(lost[:5])}"
            continue
        atomic_write(file, after.encode("utf-8"))
        fixed[file] = count
    return FixResult(fixed, refused)
