"""A description that does not start with a capital letter or end with punctuation.

awesome-lint's description rule: ``- [Name](url) - Description.``.  A first
word in camelCase, with capitals or digits inside (``iOS``, ``p2p``), a name
written in lower case (``npm``), and a script without letter case (Chinese,
Japanese) count as capitalised, as does a first word that starts with a digit,
code or a link, and a first word that is the entry's name (its title, or the
name its URL spells, ``nanomsg-next-generation`` for ``…/nanomsg/nng``).  A
sentence may end inside a closing link's text.  What follows the final stop
(an emoji, a badge, a licence tag ``[MIT]``, ``(Japanese)``) is not the end
of the sentence.  A list is held to
its own habit: a check is made only where nearly every description of the list
already follows it, so a list that writes ``- lowercase desc`` throughout is
not asked to change every line.

Fails::

    - [Inseq](https://github.com/inseq-team/inseq) - interpretability for sequence models

Passes::

    - [Inseq](https://github.com/inseq-team/inseq) - Interpretability for sequence models.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import ENTRIES, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import AWESOME
from awesomelint.model import Entry
from awesomelint.syntax import LIST_MARKER_AND_SPACE

ID = "AL021"
NAME = "awesome-description"
SEVERITY: Severity = "error"
FIX: FixAvailability = "none"
CONSUMES = frozenset({ENTRIES})
PRESETS = AWESOME
OPTIONS: dict[str, object] = {}

_LEADING_MARKUP = re.compile(r"^[*_~\s\"'“(]+")
_END = re.compile(r"[.!?…。！？][\"'”’)*_」』]*$")


_LOWER_NAMES = frozenset(
    "npm pnpm yarn npx webpack git curl wget vim neovim emacs bash zsh fish jq sed awk grep "
    "make cmake gcc clang rustc cargo pip conda brew apt ssh rsync ffmpeg tmux ls".split()
)
_TRAILING = re.compile(
    r"(?:\s*(?:!?\[[^\]]*\]\([^)]*\)|\[[^\]]{1,30}\]|\([^()]{1,30}\)|:[\w+-]+:"
    r"|<[^>]+>|[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u200d]+))+\s*$"
)
_URL_WORDS = frozenset("https http www com org net io github gitlab html".split())
_HOUSE_SHARE = 0.9  # a habit nearly every description of the list follows
_HABIT_MIN = 5


def _capitalised(text: str) -> bool:
    text = _LEADING_MARKUP.sub("", text)
    if not text or not text[0].isalpha():
        return True
    if not text[0].isupper() and not text[0].islower():
        return True  # a script without letter case
    word = text.split()[0]
    core = word.strip(".,:;!?")
    if core.lower() in _LOWER_NAMES or any(char.isdigit() for char in core):
        return True
    return word[0].isupper() or any(char.isupper() for char in word[1:])


_FINAL_LINK = re.compile(r"\[([^\[\]]*)\]\([^()\s]*\)\s*$")


def _ended(text: str) -> bool:
    text = text.rstrip()
    if _END.search(text):
        return True
    last = _FINAL_LINK.search(text)
    if last and _END.search(last.group(1).rstrip()):
        return True  # the sentence ends inside a closing link's text: "… [Use decimals.](url)"
    trimmed = _TRAILING.sub("", text)
    return trimmed != text and bool(_END.search(trimmed.rstrip()))


def _names_itself(entry: Entry) -> bool:
    """A first word that is the entry's own name, as written ("ggshield is a CLI …")."""
    word = _LEADING_MARKUP.sub("", entry.description).split()[0].strip(".,:;!?")
    if word.casefold() in entry.title.casefold():
        return True
    # or the project's name as its URL spells it: "nanomsg-next-generation" for
    # github.com/nanomsg/nng
    parts = {part for part in re.split(r"[-_.]", word.casefold()) if len(part) >= 3}
    where = set(re.split(r"[/.:?#=&_-]+", (entry.url or "").casefold()))
    return bool(parts & (where - _URL_WORDS))


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Check the description of every entry that is a list item, by the list's own habit."""
    described = [
        item.entry.description
        for item in ctx.located
        if item.entry.description
        and 1 <= item.entry.source.line <= len(ctx.lines)
        and LIST_MARKER_AND_SPACE.match(ctx.lines[item.entry.source.line - 1])
    ]
    if not described:
        return
    few = len(described) < _HABIT_MIN  # too few to have a habit: awesome-lint's rule
    capitals = few or sum(map(_capitalised, described)) / len(described) >= _HOUSE_SHARE
    stops = few or sum(map(_ended, described)) / len(described) >= _HOUSE_SHARE
    for item in ctx.located:
        entry = item.entry
        line = entry.source.line
        if not entry.description or not 1 <= line <= len(ctx.lines):
            continue
        if not LIST_MARKER_AND_SPACE.match(ctx.lines[line - 1]):
            continue
        where = ctx.locate(entry.description[:30], line) or (line, ctx.indent_column(line))
        if capitals and not _capitalised(entry.description) and not _names_itself(entry):
            yield ctx.diagnostic(
                ID, options, *where, "description should start with a capital letter"
            )
        if stops and not _ended(entry.description):
            yield ctx.diagnostic(
                ID, options, *where, "description should end with punctuation (. ! ?)"
            )
