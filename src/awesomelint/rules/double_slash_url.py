"""A doubled slash in a URL path.

``https://arxiv.org/abs//2309.15025`` is an editing slip (a slash pasted next
to one already there); some servers forgive it, others answer 404, and the
link checker and the deduplicator see another URL.  A URL inside the path
(``https://web.archive.org/web/2020/https://example.org/``) is not reported.

Fails::

    - [Large Language Model Alignment: A Survey](https://arxiv.org/abs//2309.15025)

Passes::

    - [Large Language Model Alignment: A Survey](https://arxiv.org/abs/2309.15025)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import LINKS, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.lint.sites import split_url

ID = "AL009"
NAME = "double-slash-url"
SEVERITY: Severity = "warning"
FIX: FixAvailability = "none"
CONSUMES = frozenset({LINKS})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}

_DOUBLE = re.compile(r"(?<!:)//+")


# sites whose routes a doubled slash breaks; elsewhere (Google's "en//archive/…") it can
# be the site's own form, and a maintainer would not call it a defect
_STRICT = ("arxiv.org", "openreview.net", "github.com", "doi.org", "aclanthology.org")
_PASTED = re.compile(r"^[\w-]+(?:\.[\w-]+)+/")  # "//jguegant.github.io/…": a URL pasted twice


def _broken(host: str, after: str) -> bool:
    host = host.lower().removeprefix("www.")
    return host.endswith(_STRICT) or bool(_PASTED.match(after))


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report the first doubled slash in each URL path."""
    for site in ctx.url_sites:
        url = site.ref.url
        web = split_url(url)
        if web is None or "//" not in web.path:
            continue
        match = _DOUBLE.search(web.path)
        if match is None or not _broken(web.host, web.path[match.end() :]):
            continue
        offset = len(web.scheme) + 3 + len(web.host) + match.start()
        line = site.line or site.ref.line
        column = (site.column or 1) + (offset if site.column else 0)
        yield ctx.diagnostic(ID, options, line, column, f"doubled slash in the path of {url}")
