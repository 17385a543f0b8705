"""An entry without any link.

An awesome list points somewhere; an entry with no link is usually a link
lost in an edit (``* **Title**`` with its ``[[venue]](url)`` gone).  Only an
item among linked siblings is reported: a list whose items mostly have no link
is prose (features, steps, metadata bullets such as ``- **Metrics:** …``), not
entries, and the item must look like an entry: a name in bold, or a short title
that is not a sentence.  Not reported either: an entry with nested entries (a
group heading), a field label ending in ``:``, a to-do item (``- [ ]``), and an
entry marked deprecated or struck out
(``:warning:``, ``⚠``, ``~~…~~``, "deprecated", "archived"), whose link a
maintainer removed on purpose; an item alone in its list whose links follow in
the next block (a title bullet over a logo and a line of ``[Paper](…)`` links);
and a note among the links of one subject (``- [GitHub](…)``, ``- [Docs](…)``,
then ``- A paper simulating …``), which describes the link above it.

Fails::

    - [Toy Models of Superposition](https://transformer-circuits.pub/2022/toy_model/index.html)
    - **In-context Learning and Induction Heads**
    - [Softmax Linear Units](https://transformer-circuits.pub/2022/solu/index.html)

Passes::

    - [Toy Models of Superposition](https://transformer-circuits.pub/2022/toy_model/index.html)
    - **In-context Learning and Induction Heads** [[blog]](https://transformer-circuits.pub/2022/in-context-learning-and-induction-heads/index.html)
    - **STOKE** :warning: — A stochastic optimizer for x86_64 (no longer maintained).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from awesomelint.extract import links_in_markdown
from awesomelint.lint.context import ENTRIES, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.model import Entry
from awesomelint.syntax import ATX_HEADING, LINK_CUE, LIST_MARKER, TASK_ITEM

ID = "AL003"
NAME = "missing-link"
SEVERITY: Severity = "error"
FIX: FixAvailability = "none"
CONSUMES = frozenset({ENTRIES})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}


_DEPRECATED = re.compile(
    r":warning:|\u26a0|~~|\b(?:deprecated|archived|discontinued|unmaintained|abandoned)\b",
    re.IGNORECASE,
)
_LINKED_SHARE = 0.5  # below this share of linked siblings, a list is prose


def _linked(entry: Entry, path: str) -> bool:
    if entry.url or entry.links:
        return True
    texts = (entry.description, *entry.notes)
    return any(next(links_in_markdown(text, path, 1), None) for text in texts if text)


_MAX_WORDS = 12  # a longer title is a sentence of prose


def _entry_like(title: str, line: str) -> bool:
    """A short title, in bold or not a sentence; not a field label or a to-do item.

    A line with link syntax that was not read as a link (``[x][https://…]``, a Liquid
    ``({{ … }})`` target) is the markup rules' to report, not this one's.
    """
    text = title.strip()
    if not text or TASK_ITEM.match(line) or line.rstrip().endswith(":") or text.endswith(":"):
        return False
    if LINK_CUE.search(line) or len(text.split()) > _MAX_WORDS:
        return False
    bold = f"**{text[:20]}" in line or f"__{text[:20]}" in line
    return bold or not text.endswith((".", "!", "?", ";"))


_FOLLOWING = 12  # lines after a lone item where its links may stand
# labels of links about one subject (its repository, its docs), not names of entries
_SUBJECT_LINKS = frozenset(
    "github gitlab website site homepage home docs documentation paper arxiv pdf blog "
    "twitter tweet x discord slack demo video youtube replit code source project "
    "project page linkedin reddit medium slides api npm pypi".split()
)


def _links_follow(ctx: LintContext, line: int) -> bool:
    """Is the item on ``line`` alone in its list, with links in the block after it?"""
    number = line + 1
    last = min(len(ctx.lines), line + _FOLLOWING)
    blank = False
    while number <= last:
        text = ctx.lines[number - 1]
        if not text.strip():
            blank = True
        elif LIST_MARKER.match(text) or ATX_HEADING.match(text):
            return False
        elif not blank and text.startswith((" ", "\t")):
            pass  # the item's own continuation
        elif blank and LINK_CUE.search(text):
            return True
        number += 1
    return False


def _subject_links(titles: list[str]) -> bool:
    """Are most of these linked titles labels of one subject's links (GitHub, Docs …)?"""
    generic = sum(1 for title in titles if title.strip().casefold() in _SUBJECT_LINKS)
    return bool(titles) and generic * 2 >= len(titles)


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Report unlinked entries among linked siblings (same section, same depth)."""
    siblings: dict[tuple[int, int], list[bool]] = defaultdict(list)
    linked_titles: dict[tuple[int, int], list[str]] = defaultdict(list)
    for item in ctx.located:
        linked = _linked(item.entry, ctx.path)
        siblings[(id(item.section), item.depth)].append(linked)
        if linked:
            linked_titles[(id(item.section), item.depth)].append(item.entry.title)
    for item in ctx.located:
        entry = item.entry
        if entry.children or _linked(entry, ctx.path):
            continue
        around = siblings[(id(item.section), item.depth)]
        if len(around) < 2 or sum(around) / len(around) < _LINKED_SHARE:
            continue
        line = entry.source.line
        if not _entry_like(entry.title, ctx.lines[line - 1] if line <= len(ctx.lines) else ""):
            continue
        if _DEPRECATED.search(ctx.lines[line - 1] if line <= len(ctx.lines) else entry.title):
            continue
        if _subject_links(linked_titles[(id(item.section), item.depth)]):
            continue  # a note among one subject's links
        if _links_follow(ctx, line):
            continue
        yield ctx.diagnostic(
            ID, options, line, ctx.indent_column(line), f'entry "{entry.title}" has no link'
        )
