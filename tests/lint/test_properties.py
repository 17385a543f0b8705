"""Lint never crashes on any text, and --fix reaches a fixed point."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesomelint.config import Config
from awesomelint.errors import InputError
from awesomelint.lint.context import LintContext
from awesomelint.lint.runner import fix_text, lint_context
from awesomelint.lint.settings import lint_settings
from awesomelint.parse import decode

EVERY_RULE = lint_settings(Config(), ("default", "awesome", "strict"))
PIECES = [
    "# Awesome Things",
    "## Section",
    "### Section",
    "- [Name](https://arxiv.org/abs/2302.12461) - Description.",
    "* **Title** [[arxiv 2303]](http://arxiv.org/abs/2302.12461)",
    "1. [A](https://x.org/a?utm_source=x)",
    "8. [B](https://github.com/your-username/b)",
    "- [Toc](#section)",
    "- [K][#k]",
    "[[x]]([y](http://arxiv.org/abs//1))",
    "Title. \\[[pdf](https://arxiv.org/pdf/2303.1.pdf)\\] \\[2019.1\\]",
    "Sirenâ€™s ðŸŒŸ",
    "Icon \uf15b title. \\[[pdf](https://a.org/p.pdf)\\]",
    "```",
    "<!-- awesomelint-disable -->",
    "  ",
    "",
    '"quote” (paren',
    "| a | b |",
    "|---|---|",
    "| [x](https://x.org) | y |",
]
# Private-use characters included: the parser's placeholders are out of band.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
lines = st.lists(st.one_of(st.sampled_from(PIECES), TEXT), max_size=25)


def context(text: str) -> LintContext | None:
    try:
        decoded = decode(text.encode("utf-8"), "p.md")
    except InputError:
        return None
    return LintContext.from_decoded(decoded, "p.md")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines, st.booleans())
def test_lint_and_fix_never_crash_and_fix_is_idempotent(parts: list[str], newline: bool) -> None:
    text = "\n".join(parts) + ("\n" if newline else "")
    ctx = context(text)
    if ctx is None:
        return
    lint_context(ctx, EVERY_RULE)
    fixed, left, _ = fix_text(ctx, EVERY_RULE)
    again = context(fixed)
    if again is None:
        return
    refixed, _, applied = fix_text(again, EVERY_RULE)
    assert refixed == fixed and applied == 0
    assert not [d for d in left if d.fix is not None]
