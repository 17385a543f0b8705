"""A link written inside another link's destination.

``[[arxiv 2305]]([10.48550/arXiv.2305.13417](http://arxiv.org/abs/2305.13417))``
is valid markdown for a link to the relative path
``[10.48550/arXiv.2305.13417](http://arxiv.org/abs/2305.13417)``: a broken
link that looks right in the editor.  The fix keeps the inner URL.

Fails::

    * **Interpreting Transformer's Attention Dynamic Memory** [[arxiv 2305]]([10.48550/arXiv.2305.13417](http://arxiv.org/abs/2305.13417))

Passes::

    * **Interpreting Transformer's Attention Dynamic Memory** [[arxiv 2305]](http://arxiv.org/abs/2305.13417)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.context import CODE, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, Fix, FixAvailability, Severity
from awesomelint.lint.presets import EVERY
from awesomelint.syntax import LINK_IN_DESTINATION

ID = "AL005"
NAME = "link-in-destination"
SEVERITY: Severity = "error"
FIX: FixAvailability = "always"
CONSUMES = frozenset({CODE})
PRESETS = EVERY
OPTIONS: dict[str, object] = {}


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Find ``](`` followed by ``[text](url))`` on every markdown line."""
    for number, code_free in ctx.markdown_lines(blank_code=True):
        if "](" not in code_free:
            continue
        line = ctx.lines[number - 1]
        for match in LINK_IN_DESTINATION.finditer(code_free):
            inner = match.group(3)
            column = match.start(1) + 1
            yield ctx.diagnostic(
                ID,
                options,
                number,
                column,
                f"link destination is itself a link, {line[match.start(1) : match.end(1)]}; "
                f"the destination should be {inner}",
                fix=Fix.replace(number, column, line[match.start(1) : match.end(1)], inner),
            )
