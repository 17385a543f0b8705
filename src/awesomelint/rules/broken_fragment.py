"""A ``#fragment`` link to a heading (or HTML anchor) that does not exist.

Anchors are computed the way GitHub computes them (lower case, punctuation
dropped, spaces to hyphens, ``-1`` ``-2`` for repeats).  When a heading's text
is the link's text, the fix points the link at that heading's anchor
(``[Techniques](#mi-techniques)`` becomes ``[Techniques](#techniques)``).

Fails::

    - [Techniques](#mi-techniques)

    ## Techniques

Passes::

    - [Techniques](#techniques)

    ## Techniques
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.anchors import anchor_key, has_anchor
from awesomelint.lint.context import LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Fix, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.slug import heading_text

ID = "AL015"
NAME = "broken-fragment"
SEVERITY: Severity = "error"
FIXABLE = True
PRESETS = EVERY
OPTIONS: dict[str, object] = {}


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report every in-page link whose fragment names no anchor."""
    sites = [site for site in ctx.url_sites if site.ref.url.startswith("#")]
    if not sites:
        return
    keys = {anchor_key(anchor) for anchor in ctx.anchors}
    by_text: dict[str, list[str]] = {}
    for heading in ctx.headings:
        by_text.setdefault(heading.text.casefold(), []).append(heading.slug)
    for site in sites:
        url = site.ref.url
        if anchor_key(url[1:]) in keys or has_anchor(url[1:], ctx.anchors):
            continue
        line, column = site.line or site.ref.line, site.column or 1
        slugs = by_text.get(heading_text(site.ref.label).casefold(), [])
        fix = None
        hint = ""
        if len(slugs) == 1:
            hint = f" (the heading {site.ref.label!r} is #{slugs[0]})"
            if site.line is not None and site.column is not None:
                fix = Fix.replace(site.line, site.column, url, f"#{slugs[0]}")
        yield ctx.diagnostic(ID, options, line, column, f"no heading for {url}{hint}", fix=fix)
