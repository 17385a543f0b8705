"""A link definition (``[label]: url``) or footnote (``[^1]: …``) that nothing refers to.

A definition shows nothing by itself: unused, it is a link the reader never
sees, usually left behind when its entry was removed or its label retyped.
Any ``[label]`` in the file counts as a use (a full, collapsed or shortcut
reference, an image, text inside HTML), so only a label that appears
nowhere else is reported; the comment idiom ``[//]: # (note)`` is not a
definition of a link.  A second definition of a label to another URL is
reported too: the first one wins (the same definition repeated loses nothing).
There is no fix: deleting a link is for the author to decide.

Fails::

    - [TransformerLens][tl] - Interpretability library.

    [tl]: https://github.com/TransformerLensOrg/TransformerLens
    [nnsight]: https://github.com/ndif-team/nnsight

Passes::

    - [TransformerLens][tl] - Interpretability library.
    - [nnsight] - Interpretability of large models.

    [tl]: https://github.com/TransformerLensOrg/TransformerLens
    [nnsight]: https://github.com/ndif-team/nnsight
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import CODE, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import HYGIENE

ID = "AL033"
NAME = "unused-definition"
SEVERITY: Severity = "warning"
FIX: FixAvailability = "none"
CONSUMES = frozenset({CODE})
PRESETS = HYGIENE
OPTIONS: dict[str, object] = {}

# "[label]: destination" and at most a title: "- [Flask]: a web framework" is text
_DEFINITION = re.compile(
    r"^ {0,3}\[((?:\\.|[^\[\]\\])+)\]:[ \t]*(?:<[^<>\n]*>|\S+)"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*$"
)
_FOOTNOTE = re.compile(r"^ {0,3}\[(\^[^\[\]\s]+)\]:")
_BRACKETS = re.compile(r"(?<!\\)\[((?:\\.|[^\[\]\\\n])+)\]")


def _key(label: str) -> str:
    return " ".join(label.split()).casefold()


def _is_comment(label: str, rest: str) -> bool:
    """``[//]: # (…)``, ``[comment]: <> (…)``: a hidden note, not a link."""
    target = rest.strip().split(maxsplit=1)[0] if rest.strip() else ""
    return label.startswith("//") or target in ("", "#", "<>")


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Collect definitions, count every other bracketed label as a use, report the rest."""
    definitions: list[tuple[int, int, str, str, str]] = []  # line, column, label, key, target
    spans: dict[int, tuple[int, int]] = {}  # a definition's own label is not a use of it
    for number, line in ctx.markdown_lines():
        if "]:" not in line:
            continue
        match = _FOOTNOTE.match(line) or _DEFINITION.match(line)
        if match is None or _is_comment(match.group(1), line[match.end(1) + 2 :]):
            continue
        label = match.group(1)
        target = line[match.end(1) + 2 :].strip().split(maxsplit=1)
        definitions.append((number, match.start(1), label, _key(label), "".join(target[:1])))
        spans[number] = (match.start(1) - 1, match.end(1) + 1)
    if not definitions:
        return
    used: set[str] = set()
    for index, line in enumerate(ctx.lines):
        if "[" not in line:
            continue
        skip = spans.get(index + 1)
        for match in _BRACKETS.finditer(line):
            if skip is not None and match.start() == skip[0]:
                continue
            used.add(_key(match.group(1)))
    first: dict[str, str] = {}
    for number, column, label, key, target in definitions:
        # the same definition repeated (RELEASES.md keeps one per release) loses nothing
        twice = key in first and first[key] != target and not label.startswith("^")
        first.setdefault(key, target)
        kind = "footnote" if label.startswith("^") else "link definition"
        if twice:
            message = f"[{label}] is defined again here; the first definition wins"
        elif key not in used and first[key] == target:
            message = f"{kind} [{label}] is never used"
        else:
            continue
        yield ctx.diagnostic(ID, options, number, column, message)
