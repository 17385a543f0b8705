"""A link written the wrong way round: ``(text)[url]``.

Markdown reads ``(Paper)[https://arxiv.org/abs/2305.10601]`` as the text
"(Paper)" and a bracketed URL, not a link.  Reported where the brackets hold
a URL (``http(s)://``, ``www.``) or an ``#anchor`` and nothing else; the fix
swaps the pairs: ``[Paper](https://arxiv.org/abs/2305.10601)``.

Fails::

    - Tree of Thoughts (Paper)[https://arxiv.org/abs/2305.10601]

Passes::

    - Tree of Thoughts [Paper](https://arxiv.org/abs/2305.10601)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import CODE, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Fix, FixAvailability, Severity
from awesomelint.lint.presets import EVERY

ID = "AL032"
NAME = "reversed-link"
SEVERITY: Severity = "error"
FIX: FixAvailability = "always"
CONSUMES = frozenset({CODE})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}

# "(text)" not closing a link destination ("](…)") nor a call ("f(x)"), then "[url]"
_REVERSED = re.compile(
    r"(?<![\]\w\\])\(([^()\[\]\n]*[^()\[\]\s\n][^()\[\]\n]*)\)"
    r"\[((?:https?://|www\.|#)[^\[\]\s()]+)\](?![(\[:])"
)


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Find ``(text)[url]`` outside code."""
    for number, line in ctx.markdown_lines(blank_code=True):
        if ")[" not in line:
            continue
        source = ctx.lines[number - 1]
        for match in _REVERSED.finditer(line):
            old = source[match.start() : match.end()]
            text, url = source[match.start(1) : match.end(1)], source[match.start(2) : match.end(2)]
            yield ctx.diagnostic(
                ID,
                options,
                number,
                match.start() + 1,
                f"({text})[{url}] is a link written backwards: [{text}]({url})",
                fix=Fix.replace(number, match.start() + 1, old, f"[{text}]({url})"),
            )
