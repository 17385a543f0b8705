"""Tracking parameters in a URL (``utm_source``, ``fbclid``, Mailchimp's ``mc_cid`` ...).

They say where a click came from, not what the link is: they make one page
look like many (to readers, to the deduplicator, to the link checker's cache)
and report the list's readers to the site.  The fix removes them and keeps the
rest of the URL as written.  A ``utm_source`` (or ``ref``) that names an
awesome list or GitHub is a sponsor link crediting the list on purpose, a
social site's ``ref_src`` belongs to its own button, and ``utm_source=badge``
is the markup a service (Gitter) hands out for its badge: all are left alone.

Options: ``parameters`` (``[]``: more parameter names to remove).

Fails::

    - [A New Approach to Computation](https://www.quantamagazine.org/a-new-approach-to-computation-20230413/?utm_source=newsletter&id=7)

Passes::

    - [A New Approach to Computation](https://www.quantamagazine.org/a-new-approach-to-computation-20230413/?id=7)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.context import LINKS, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Fix, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.urls import REPORTED_TRACKING_PARAMS as TRACKING
from awesomelint.urls import TRACKING_PREFIXES as _PREFIXES

ID = "AL010"
NAME = "tracking-parameter"
SEVERITY: Severity = "warning"
FIX: FixAvailability = "sometimes"
CONSUMES = frozenset({LINKS})
PRESETS = EVERY
OPTIONS: dict[str, object] = {"parameters": ()}


def clean(url: str, names: frozenset[str]) -> tuple[str, list[str]]:
    """``url`` without its tracking parameters, and their names (none: unchanged)."""
    head, hash_, fragment = url.partition("#")
    base, question, query = head.partition("?")
    if not question or not query:
        return url, []
    kept, dropped = [], []
    for pair in query.split("&"):
        name = pair.split("=", 1)[0].lower()
        if name in names or name.startswith(_PREFIXES):
            dropped.append(pair.split("=", 1)[0])
        else:
            kept.append(pair)
    if not dropped:
        return url, []
    return base + ("?" + "&".join(kept) if kept else "") + hash_ + fragment, dropped


def _attribution(url: str) -> bool:
    """``?utm_source=awesome-ai-agents`` or ``=github``: a sponsor link crediting its referrer."""
    query = url.partition("?")[2].partition("#")[0].lower()
    for pair in query.split("&"):
        name, _, value = pair.partition("=")
        if name == "ref_src":
            return True  # a social site's own follow or share button
        if name in ("utm_source", "ref") and value == "github":
            return True
        if name in ("utm_source", "utm_medium") and value == "badge":
            return True  # a service's badge markup, as the service hands it out
        if (name.startswith("utm_") or name == "ref") and "awesome" in value:
            return True
    return False


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report each URL with tracking parameters, with the cleaned URL as the fix."""
    names = TRACKING | frozenset(p.lower() for p in options["parameters"])  # type: ignore[attr-defined]
    for site in ctx.url_sites:
        url = site.ref.url
        if "?" not in url or not url.lower().startswith(("http://", "https://")):
            continue
        cleaned, dropped = clean(url, names)
        if not dropped or _attribution(url):
            continue
        line, column = site.line, site.column
        fix = None
        if line is None or column is None:
            line, column = site.ref.line, 1
        else:
            fix = Fix.replace(line, column, url, cleaned)
        yield ctx.diagnostic(
            ID,
            options,
            line,
            column,
            f"tracking parameter{'s' if len(dropped) > 1 else ''} {', '.join(dropped)} in {url}",
            fix=fix,
        )
