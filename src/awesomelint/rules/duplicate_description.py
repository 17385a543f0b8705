"""Two different entries with the same description.

The description was copied with the line above and not rewritten, so at
least one entry says something false about its link.  A description can be
simply true of both ("Expose locally running servers over a tunnel", said of
two tunnelling services), so a copy is reported only when the description names
the entry it was written for: it holds a word of that entry's title that the
copy's own title lacks ("Quantization" under a docstring circuit).  Short
descriptions (fewer than ``min-words`` words, such as "Official code.") may
repeat, and two entries for the same work are ``duplicate-entry``'s business.

Options: ``min-words`` (``6``).

Fails::

    - [The Quantization Model](https://arxiv.org/abs/2303.13506) - Proposes the Quantization
      Model for explaining neural scaling laws.
    - [A circuit for Python docstrings](https://www.lesswrong.com/posts/u6KXXmKFbXfWzoAXn) -
      Proposes the Quantization Model for explaining neural scaling laws.

Passes::

    - [The Quantization Model](https://arxiv.org/abs/2303.13506) - Proposes the Quantization
      Model for explaining neural scaling laws.
    - [A circuit for Python docstrings](https://www.lesswrong.com/posts/u6KXXmKFbXfWzoAXn) -
      Finds the circuit a 4-layer transformer uses to complete docstrings.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.context import ENTRIES, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.model import Entry
from awesomelint.titles import distinctive_words, normalise_title
from awesomelint.urls import identity_key

ID = "AL028"
NAME = "duplicate-description"
SEVERITY: Severity = "warning"
FIX: FixAvailability = "none"
CONSUMES = frozenset({ENTRIES})
PRESETS = EVERY
OPTIONS = {"min-words": 6}


def _same_work(a: Entry, b: Entry) -> bool:
    if a.url and b.url and identity_key(a.url) == identity_key(b.url):
        return True
    return normalise_title(a.title) == normalise_title(b.title)


_MIN_LENGTH = 4  # shorter words ("2", "d" of "Box2D") meet in a description by chance


def _words(text: str) -> set[str]:
    return {w for w in distinctive_words(text) if len(w) >= _MIN_LENGTH and not w.isdigit()}


def _names(description: str, original: str, copy: str) -> bool:
    """Does the description name the original entry rather than the copy?"""
    return bool((_words(original) - _words(copy)) & _words(description))


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Group entries by normalised description; report every later one of another work."""
    minimum = int(options["min-words"])  # type: ignore[call-overload]
    first: dict[str, Entry] = {}
    for item in ctx.located:
        entry = item.entry
        words = entry.description.casefold().split()
        if len(words) < minimum:
            continue
        key = " ".join(words).rstrip(".!?")
        original = first.setdefault(key, entry)
        if original is entry or _same_work(original, entry):
            continue
        if not _names(key, original.title, entry.title):
            continue
        line = entry.source.line
        where = ctx.locate(entry.description[:30], line) or (line, ctx.indent_column(line))
        yield ctx.diagnostic(
            ID,
            options,
            *where,
            f'same description as "{original.title}" (line {original.source.line}): '
            "copied and not rewritten?",
        )
