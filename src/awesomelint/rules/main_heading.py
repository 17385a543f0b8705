"""The list's main heading: one ``#`` heading, first, in title case.

awesome-lint's heading rule.  The title is what GitHub and the awesome index
show; one level-1 heading keeps the outline (and the generated table of
contents) in one tree.  Words in links and images are not checked; short
words (a, and, of, the ...) may stay in lower case, and so may a site's name
written as its domain (``# free-for.dev``).  An HTML ``<h1>`` logo
heading, or a logo image with its alt text (awesome-nodejs), before the first
section is a main heading too.

Fails::

    # awesome-mechanistic-interpretability-LM-papers

    # Another Title

Passes::

    # Awesome Mechanistic Interpretability LM Papers
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import DOCUMENT, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import AWESOME
from awesomelint.slug import heading_text
from awesomelint.syntax import HTML_TITLE, LINK_MARKUP

ID = "AL023"
NAME = "main-heading"
SEVERITY: Severity = "error"
FIX: FixAvailability = "none"
CONSUMES = frozenset({DOCUMENT})
PRESETS = AWESOME
OPTIONS: dict[str, object] = {}

SMALL_WORDS = frozenset(
    "a an and as at but by en for from if in into nor of on onto or over per so than the to"
    " up upon via vs with yet".split()
)
# a site's name written as its domain (``free-for.dev``): a name, kept as it is spelt
_DOMAIN = re.compile(r"^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}$")


def title_case_problem(text: str) -> str | None:
    """The first word of ``text`` that title case would capitalise, or None."""
    tokens = [t for t in text.split() if not _DOMAIN.match(t.strip("\"'“”()[]{},:;!?*_`"))]
    words = [w for w in re.split(r"[\s\-\u2013\u2014]+", " ".join(tokens)) if w]
    for position, word in enumerate(words):
        core = word.strip("\"'“”‘’()[]{}.,:;!?*_`")
        if not core or not core[0].isalpha() or not core[0].islower():
            continue
        if any(char.isupper() or char.isdigit() for char in core):
            continue  # camelCase, iOS, gpt2: a name, not a word to capitalise
        inner = 0 < position < len(words) - 1
        if inner and core.lower() in SMALL_WORDS:
            continue
        return word
    return None


def _html_heading(ctx: LintContext) -> bool:
    """An HTML main heading (``<h1 align="center"><img …></h1>``, as sindresorhus/awesome has)
    before the first section."""
    first = min((s.source.line for s in ctx.document.sections), default=len(ctx.lines) + 1)
    return any(HTML_TITLE.search(line) for line in ctx.lines[: first - 1])


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """One main heading, and its text (outside links and images) in title case."""
    document = ctx.document
    if document.title is None:
        if not _html_heading(ctx):
            yield ctx.diagnostic(ID, options, 1, 1, "the list has no main heading (# Title)")
        return
    line = document.title_line or 1
    text = heading_text(LINK_MARKUP.sub(" ", document.title))
    word = title_case_problem(text)
    if word is not None:
        yield ctx.diagnostic(
            ID, options, line, 1, f'main heading should be in title case ("{word}")'
        )
    for section in document.all_sections():
        if section.level == 1:
            yield ctx.diagnostic(
                ID,
                options,
                section.source.line,
                1,
                f"a second main heading (the first is at line {line}); use ## for sections",
            )
