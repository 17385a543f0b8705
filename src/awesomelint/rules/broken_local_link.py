"""A relative link to a file, directory or ``file.md#anchor`` that does not exist.

Checked offline, the way GitHub resolves it: relative to the directory of the
list; ``other.md#anchor`` against that file's headings and ids (the same
anchors ``links`` uses).  Root-relative links (``/docs/x.md``) are left to
``awesomelint links --root-dir``; standard input has no directory, so its
links are not checked.

Fails::

    - [Contributing](docs/no-such-guide.md) - How to add an entry.

Passes::

    - [Browse](./) - The folder of this list.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.context import LINKS, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.local_links import check_local, is_local, markdown_anchors

ID = "AL035"
NAME = "broken-local-link"
SEVERITY: Severity = "error"
FIX: FixAvailability = "none"
CONSUMES = frozenset({LINKS})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report every local link whose file, directory or anchor is missing."""
    if ctx.path in ("-", "<stdin>"):
        return
    found: dict[str, frozenset[str] | None] = {}

    def anchors_of(path: str) -> frozenset[str] | None:
        if path not in found:
            found[path] = markdown_anchors(path)
        return found[path]

    seen: set[tuple[str, int]] = set()
    for site in ctx.url_sites:
        url = site.ref.url
        if not is_local(url) or (url, site.ref.line) in seen:
            continue
        seen.add((url, site.ref.line))
        verdict = check_local(url, ctx.path, None, anchors_of)
        if verdict.verdict in ("dead", "fragment-missing"):
            line, column = site.line or site.ref.line, site.column or 1
            yield ctx.diagnostic(ID, options, line, column, f"{url}: {verdict.detail}")
