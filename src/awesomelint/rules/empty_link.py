"""A link with nothing to follow: ``[x]()``, ``[x](#)``, ``[blog](...)``, ``<a href="">``.

The author meant to fill the target in and never did: the page shows a link
that goes nowhere (or back to the top).  Reported: an empty destination, a
bare ``#``, a placeholder (``...``, ``…``, ``url``, ``link``, ``todo``), an
HTML ``href`` that is empty or ``#``; and ``[here]`` or ``[link]`` written as
a link with no target and no definition, which shows as bracketed text.
A ``#`` link whose text says "back to top" (``[⬆ top](#)``) is that idiom,
and ``[Coming soon]()`` says on purpose that there is no target yet.
There is no fix: only the author knows the URL.

Fails::

    - [Kosmos-2](https://arxiv.org/abs/2306.14824) - Grounding [blog](...).
    - Coming soon [code]()

Passes::

    - [Kosmos-2](https://arxiv.org/abs/2306.14824) - Grounding [blog](https://aka.ms/kosmos).
    - [⬆ back to top](#)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import CODE, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.syntax import DEFINITION

ID = "AL029"
NAME = "empty-link"
SEVERITY: Severity = "error"
FIX: FixAvailability = "none"
CONSUMES = frozenset({CODE})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}

# the end of ``[text](target)`` where the target is empty, ``#`` or a placeholder (a title may
# follow); the text is then found by walking back to the bracket that opens it
_EMPTY_TAIL = re.compile(
    r"\]\([ \t]*(<>|#|\.{2,}|…|url|link|todo|tbd)?(?:[ \t]+\"[^\"\n]*\")?[ \t]*\)",
    re.IGNORECASE,
)
_HREF = re.compile(
    r"""<a\b[^<>]*?\bhref\s*=\s*(?:""|''|"#"|'#')[^<>]*>(.*?)(?:</a>|$)""", re.IGNORECASE
)
# ``[here]`` standing alone: not an image, not escaped, not a reference, a link or a definition
_SHORTCUT = re.compile(r"(?<![\\\[\]!\w])\[(here|link|this link|click here)\](?![(\[\]:])", re.I)
# what "back to top" says in the lists read: words, arrows and the emoji
_TOP = re.compile(
    r"top|back|up\b|[↑⬆⇧▲⏫🔝]|вверх|наверх|оглавлени|返回|顶部|トップ|arriba|volver|voltar"
    r"|início|inicio|topo",
    re.IGNORECASE,
)


# text that says the target is not there yet on purpose (``[Coming soon]()`` in a table)
_LATER = re.compile(r"soon|\btbd\b|\btodo\b|\bwip\b|^\s*n/?a\s*$|^\s*-\s*$", re.IGNORECASE)


def _opening(line: str, close: int) -> int | None:
    """The index of the ``[`` that the ``]`` at ``close`` closes (one level of nesting), or None."""
    depth = 0
    for index in range(close - 1, -1, -1):
        char = line[index]
        if index > 0 and line[index - 1] == "\\":
            continue
        if char == "]":
            depth += 1
            if depth > 1:
                return None
        elif char == "[":
            if depth == 0:
                return None if index > 0 and line[index - 1] == "\\" else index
            depth -= 1
    return None


def _defined(ctx: LintContext) -> frozenset[str]:
    """The labels the file defines, normalised."""
    return frozenset(
        " ".join(match.group(1).split()).casefold()
        for _, line in ctx.markdown_lines()
        if "]:" in line and (match := DEFINITION.match(line))
    )


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Scan markdown outside code for empty targets, empty ``href`` and target-less ``[here]``."""
    defined: frozenset[str] | None = None
    for number, line in ctx.markdown_lines(blank_code=True):
        if "](" in line:
            for match in _EMPTY_TAIL.finditer(line):
                start = _opening(line, match.start())
                if start is None:
                    continue
                target = (match.group(1) or "").strip()
                text = line[start + 1 : match.start()]
                if target == "#" and (_TOP.search(text) or not text.strip()):
                    continue
                if target in ("", "<>") and _LATER.search(text):
                    continue
                shown = target or "empty"
                image = start > 0 and line[start - 1] == "!"
                kind = "image" if image else "link"
                yield ctx.diagnostic(
                    ID,
                    options,
                    number,
                    start + (0 if image else 1),
                    f"{kind} [{text}] has no target ({shown}): give the URL or remove the link",
                )
        if "href" in line or "HREF" in line or "Href" in line:
            for match in _HREF.finditer(line):
                if _TOP.search(re.sub(r"<[^<>]*>", "", match.group(1))):
                    continue
                yield ctx.diagnostic(
                    ID,
                    options,
                    number,
                    match.start() + 1,
                    "HTML link with an empty href: give the URL or remove the link",
                )
        low = line.lower() if "[" in line else ""
        if ("here]" in low or "link]" in low) and _SHORTCUT.search(line):
            if defined is None:
                defined = _defined(ctx)
            for match in _SHORTCUT.finditer(line):
                if match.group(1).casefold() in defined:
                    continue
                yield ctx.diagnostic(
                    ID,
                    options,
                    number,
                    match.start() + 1,
                    f"[{match.group(1)}] is written as a link but has no target",
                )
