"""``http://`` links to sites that serve https.

The plain-http link works only through a redirect, and leaks what the reader
follows to anyone on the network.  Only hosts known to serve https are
reported (arXiv, GitHub, OpenReview, ACL Anthology, YouTube ...; add your own
with ``hosts``), so the fix, ``https://``, never breaks a link.

Options: ``hosts`` (``[]``: more hosts that serve https; subdomains included).

Fails::

    - [Tracr](http://arxiv.org/abs/2301.05062) - Compiled transformers.

Passes::

    - [Tracr](https://arxiv.org/abs/2301.05062) - Compiled transformers.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.context import LINKS, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Fix, FixAvailability, Severity
from awesomelint.lint.presets import STRICT
from awesomelint.lint.sites import on_host, split_url

ID = "AL008"
NAME = "insecure-url"
SEVERITY: Severity = "warning"
FIX: FixAvailability = "sometimes"
CONSUMES = frozenset({LINKS})
PRESETS = STRICT
OPTIONS: dict[str, object] = {"hosts": ()}

HTTPS_HOSTS = frozenset(
    {
        "arxiv.org",
        "github.com",
        "github.io",
        "githubusercontent.com",
        "gitlab.com",
        "openreview.net",
        "aclanthology.org",
        "youtube.com",
        "youtu.be",
        "huggingface.co",
        "lesswrong.com",
        "alignmentforum.org",
        "doi.org",
        "proceedings.neurips.cc",
        "papers.nips.cc",
        "proceedings.mlr.press",
        "distill.pub",
        "transformer-circuits.pub",
        "openai.com",
        "anthropic.com",
        "deepmind.google",
        "wikipedia.org",
        "medium.com",
        "twitter.com",
        "x.com",
        "reddit.com",
        "stackoverflow.com",
        "pypi.org",
        "npmjs.com",
        "readthedocs.io",
        "semanticscholar.org",
        "paperswithcode.com",
        "dl.acm.org",
        "ieeexplore.ieee.org",
        "link.springer.com",
        "nature.com",
        "science.org",
        "google.com",
        "colab.research.google.com",
        "discord.com",
        "discord.gg",
    }
)


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report each http link to a known https host, with the fix."""
    hosts = HTTPS_HOSTS | frozenset(h.lower() for h in options["hosts"])  # type: ignore[attr-defined]
    for site in ctx.url_sites:
        url = site.ref.url
        if url[:7].lower() != "http://":
            continue
        web = split_url(url)
        if web is None or not on_host(web.site, hosts):
            continue
        line, column = site.line, site.column
        fix = None
        if line is None or column is None:
            line, column = site.ref.line, 1
        else:
            fix = Fix.replace(line, column, url[:7], "https://")
        yield ctx.diagnostic(
            ID, options, line, column, f"{web.site} serves https: use https://{url[7:]}", fix=fix
        )
