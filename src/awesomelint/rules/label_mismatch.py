"""A link label, venue or date that contradicts the URL it stands for.

Labels such as ``[[arxiv 2303]](url)``, ``[[github]](url)`` or ``[[EMNLP 2023]](url)``
promise something about the link; when the link was copied from another entry
the promise breaks.  Reported:

- a site label (``github``, ``arxiv``, ``openreview``, ``youtube``) on a link to
  another site;
- an ``arxiv YYMM`` label whose number is not the year and month of the arXiv
  id (``[arxiv 2303]`` on ``2302.12461``; ``[arxiv 2024]``, a year, fits ``2402.x``);
- a venue label or tag dated more than a year before the arXiv id was assigned,
  a date tag more than a month before it (an id is assigned when the paper is
  announced; a later date is a revision or the publication, and fits);
- a venue label that contradicts an ACL Anthology id (``[ACL 2023]`` on
  ``2022.emnlp-main.3``) or a NeurIPS proceedings year.

Fails::

    * **Analyzing And Editing Inner Mechanisms of Backdoored Language Models** [[arxiv 2303]](https://arxiv.org/abs/2302.12461)
    * **Localizing Paragraph Memorization in Language Models** [[github 2403]](https://arxiv.org/abs/2403.19851)

Passes::

    * **Analyzing And Editing Inner Mechanisms of Backdoored Language Models** [[arxiv 2302]](https://arxiv.org/abs/2302.12461)
    * **Localizing Paragraph Memorization in Language Models** [[arxiv 2403]](https://arxiv.org/abs/2403.19851)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.dates import before_arxiv
from awesomelint.lint.context import ENTRIES, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.lint.sites import ArxivId, arxiv_id, on_host, split_url
from awesomelint.model import Entry

ID = "AL004"
NAME = "label-mismatch"
SEVERITY: Severity = "error"
FIX: FixAvailability = "none"
CONSUMES = frozenset({ENTRIES})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}

_SITES: dict[str, tuple[str, frozenset[str]]] = {
    "github": ("GitHub", frozenset({"github.com", "github.io", "githubusercontent.com"})),
    "openreview": ("OpenReview", frozenset({"openreview.net"})),
    "youtube": ("YouTube", frozenset({"youtube.com", "youtu.be", "youtube-nocookie.com"})),
}
_ARXIV_HOSTS = frozenset({"arxiv.org", "ar5iv.org", "ar5iv.labs.arxiv.org", "export.arxiv.org"})
_ACL_VENUES = frozenset(
    {"acl", "emnlp", "naacl", "eacl", "aacl", "tacl", "conll", "coling", "findings", "cl"}
    | {"lrec", "semeval", "blackboxnlp", "ijcnlp", "wmt"}
)
_WORD = re.compile(r"[a-z0-9]+")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_ACL_PATH = re.compile(r"^/(\d{4})\.([a-z0-9-]+)\.\d+", re.I)
_NEURIPS_PATH = re.compile(r"/paper(?:_files/paper)?/(\d{4})/")
_NEURIPS_HOSTS = frozenset({"proceedings.neurips.cc", "papers.nips.cc", "papers.neurips.cc"})


def _arxiv_label(words: list[str], aid: ArxivId) -> bool:
    """Does the number after ``arxiv`` fit the id (yymm, or a year)?"""
    numbers = [word for word in words[1:] if word.isdigit()]
    if not numbers:
        return True
    number = numbers[0]
    if len(number) != 4:
        return False
    return number == aid.yymm or (bool(_YEAR.match(number)) and int(number) == aid.year)


def _label_problem(label: str, url: str) -> str | None:
    """What is wrong with ``[label](url)``, or None."""
    words = _WORD.findall(label.lower())
    if not words:
        return None
    web = split_url(url)
    aid = arxiv_id(url)
    head = words[0]
    if head == "arxiv":
        if aid is not None:
            if _arxiv_label(words, aid):
                return None
            return f'label "{label}" does not match the arXiv id {aid.ident} of its link'
        if web is not None and not on_host(web.site, _ARXIV_HOSTS):
            return f'label "{label}" names arXiv, but the link goes to {web.site}'
        return None
    if head in _SITES:
        site, hosts = _SITES[head]
        if web is not None and not on_host(web.site, hosts):
            return f'label "{label}" names {site}, but the link goes to {web.site}'
        return None
    years = [int(word) for word in words if _YEAR.match(word)]
    if not years:
        return None
    if aid is not None and years[0] < aid.year - 1:
        return (
            f'label "{label}" is dated years before the arXiv id {aid.ident} of its link '
            f"({aid.year})"
        )
    if web is None:
        return None
    if web.site == "aclanthology.org":
        match = _ACL_PATH.match(web.path)
        if match:
            year, venue = int(match.group(1)), match.group(2).lower()
            venues = set(venue.split("-"))
            if year != years[0] or (head in _ACL_VENUES and head not in venues):
                ident = web.path.strip("/").split("/")[0]
                return f'label "{label}" does not match the ACL Anthology id {ident} of its link'
    elif web.site in _NEURIPS_HOSTS:
        match = _NEURIPS_PATH.search(web.path)
        if match and int(match.group(1)) != years[0]:
            return (
                f'label "{label}" does not match the proceedings year {match.group(1)} of its link'
            )
    return None


def _tag_problem(entry: Entry, aid: ArxivId) -> Iterator[tuple[str, str]]:
    """(tag text, message) for date and venue tags that come before the arXiv id."""
    for tag in entry.tags:
        if not before_arxiv(tag.kind, tag.text, aid.year, aid.month):
            continue
        if tag.kind == "date":
            yield (
                tag.text,
                (
                    f'date "{tag.text}" is earlier than the arXiv id {aid.ident} '
                    f"({aid.year}.{aid.month}) of the entry's link"
                ),
            )
        else:
            yield (
                tag.text,
                (
                    f'venue "{tag.text}" is dated years before the arXiv id {aid.ident} '
                    f"({aid.year}) of the entry's link"
                ),
            )


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Check every labelled link of every entry, then its date and venue tags."""
    for item in ctx.located:
        entry = item.entry
        line = entry.source.line
        pairs = [(entry.url_label, entry.url)] if entry.url_label and entry.url else []
        pairs.extend((link.label, link.url) for link in entry.links)
        for label, url in pairs:
            problem = _label_problem(label, url)
            if problem:
                where = ctx.locate(f"[{label}]", line) or ctx.locate(url, line)
                at_line, column = where or (line, ctx.indent_column(line))
                yield ctx.diagnostic(ID, options, at_line, column, problem)
        if not entry.tags:
            continue
        aid = next((a for _, url in pairs if (a := arxiv_id(url))), None)
        if aid is None and entry.url and not entry.url_label:
            aid = arxiv_id(entry.url)
        if aid is None:
            continue
        for text, problem in _tag_problem(entry, aid):
            where = ctx.locate(text, line)
            at_line, column = where or (line, ctx.indent_column(line))
            yield ctx.diagnostic(ID, options, at_line, column, problem)
