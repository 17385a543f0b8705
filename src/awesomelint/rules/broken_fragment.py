"""A ``#fragment`` link to a heading (or HTML anchor) that does not exist.

Anchors are computed the way GitHub computes them (``awesomelint.slug``: lower
case, punctuation dropped, ``_`` and accents kept, spaces to hyphens, ``-1``
``-2`` for repeats).  A fragment is found as GitHub's page script finds it:
whatever its case, and with or without the emoji variation selector U+FE0F.
The fix is offered only when the target is certain: the link's text is the
text of exactly one heading, and no heading the parser may not see (in a
quote, in HTML) could be the one meant.  ``[Techniques](#mi-techniques)``
becomes ``[Techniques](#techniques)``.

Fails::

    - [Techniques](#mi-techniques)

    ## Techniques

Passes::

    - [Techniques](#techniques)

    ## Techniques
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.anchors import has_anchor
from awesomelint.lint.context import ANCHORS, CODE, HEADINGS, LINKS, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Fix, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.slug import fragment_key, heading_text, slug
from awesomelint.syntax import HTML_HEADING

ID = "AL015"
NAME = "broken-fragment"
SEVERITY: Severity = "error"
FIX: FixAvailability = "sometimes"
CONSUMES = frozenset({ANCHORS, CODE, HEADINGS, LINKS})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}

_IMPLICIT = frozenset({"", "top"})


def _unread_heading_keys(ctx: LintContext) -> set[str]:
    """Keys of anchors GitHub may give headings that are not sections of the Document."""
    keys: set[str] = set()
    for _, line in ctx.markdown_lines():
        if "<h" not in line.lower():
            continue
        texts = [match.group(1) for match in HTML_HEADING.finditer(line)]
        keys.update(fragment_key(slug(text)) for text in texts)
    return keys


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report every in-page link whose fragment names no anchor."""
    sites = [site for site in ctx.url_sites if site.ref.url.startswith("#")]
    if not sites:
        return
    keys = {fragment_key(anchor) for anchor in ctx.anchors}
    unread: set[str] | None = None
    by_text: dict[str, list[str]] = {}
    for heading in ctx.headings:
        by_text.setdefault(heading.text.casefold(), []).append(heading.slug)
    for site in sites:
        url = site.ref.url
        key = fragment_key(url[1:])
        if key in _IMPLICIT or key in keys or has_anchor(url[1:], ctx.anchors):
            continue
        if unread is None:
            unread = _unread_heading_keys(ctx)
        if key in unread:
            continue  # most likely a heading we cannot see: GitHub gives it this anchor
        line, column = site.line or site.ref.line, site.column or 1
        label = heading_text(site.ref.label).casefold()
        slugs = by_text.get(label, []) if label else []
        fix = None
        hint = ""
        if len(slugs) == 1:
            hint = f" (the heading {site.ref.label!r} is #{slugs[0]})"
            if site.line is not None and site.column is not None:
                fix = Fix.replace(site.line, site.column, url, f"#{slugs[0]}")
        yield ctx.diagnostic(ID, options, line, column, f"no heading for {url}{hint}", fix=fix)
