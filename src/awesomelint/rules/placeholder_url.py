"""A placeholder URL left from a template (``your-username``, ``example.com``).

Templates and badge generators write ``https://github.com/your-username/repo``;
the list looks finished in the editor, and the badge or link is broken on the
page.  Reported: a path segment such as ``your-username``, ``your_repo``,
``<user>`` or ``{repo}``; GitHub's ``username/repo``; the ``example.com`` /
``.org`` / ``.net`` domains reserved for examples.

Fails::

    # Awesome LLM Interpretability ![](https://github.com/your-username/awesome-llm-interpretability/workflows/Awesome%20Bot/badge.svg)

Passes::

    # Awesome LLM Interpretability ![](https://github.com/JShollaj/awesome-llm-interpretability/workflows/Awesome%20Bot/badge.svg)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from awesomelint.lint.context import LINKS, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.lint.sites import on_host, split_url

ID = "AL011"
NAME = "placeholder-url"
SEVERITY: Severity = "error"
FIX: FixAvailability = "none"
CONSUMES = frozenset({LINKS})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}

_EXAMPLE_HOSTS = frozenset({"example.com", "example.org", "example.net"})
_SEGMENT = re.compile(
    r"^(?:your|my)[-_]?(?:user[-_]?name|user|name|org|organi[sz]ation|repo|repository|project"
    r"|github[-_]?(?:user[-_]?name|handle)?|account|handle|team|package)$"
    r"|^<[^<>]+>$|^\{\{?[^{}]+\}?\}$|^x{3,}$",
    re.IGNORECASE,
)
# Every placeholder holds one of these: a cheap test before the URL is taken apart.
_HINTS = ("example.", "your", "my", "<", "{", "%3c", "%7b", "xxx", "github.com/")
_GITHUB_OWNERS = frozenset({"username", "user", "owner", "yourname", "your-name", "org"})
_GITHUB_REPOS = frozenset({"repo", "repository", "project", "repo-name", "reponame", "repo_name"})


def placeholder(url: str) -> str | None:
    """The placeholder part of ``url``, or None."""
    low = url.lower()
    if not any(hint in low for hint in _HINTS):
        return None
    web = split_url(url)
    if web is None:
        return None
    if on_host(web.site, _EXAMPLE_HOSTS):
        return web.site
    segments = [unquote(s) for s in web.path.split("/") if s]
    for segment in segments:
        if _SEGMENT.match(segment):
            return segment
    if web.site == "github.com" and len(segments) >= 2:
        owner, repo = segments[0].lower(), segments[1].lower()
        if owner in _GITHUB_OWNERS and (repo in _GITHUB_REPOS or owner == "username"):
            return f"{segments[0]}/{segments[1]}"
    return None


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report each URL that holds a placeholder."""
    for site in ctx.url_sites:
        found = placeholder(site.ref.url)
        if found is None:
            continue
        yield ctx.diagnostic(
            ID,
            options,
            site.line or site.ref.line,
            site.column or 1,
            f"placeholder in URL ({found}): {site.ref.url}",
        )
