"""The mistletoe adapter: the only module that imports mistletoe.

Its functions import mistletoe lazily (never at module level): mistletoe's
import costs a quarter of a second, and a list read entirely by the fast path
never needs it.  The builder and the dialects tell tokens apart with ``kind``
(the class name: ``Link``, ``RawText`` …); the names they read are listed here.
"""

from __future__ import annotations

import functools
from typing import Any

# The token class names the parser reads (mistletoe 1.x): every name compared
# with ``kind`` anywhere is one of these (a test holds it), so a mistletoe
# upgrade that renames a class is caught here, not as entries silently unread.
BLOCK_TOKENS = frozenset(
    {
        "Heading",
        "SetextHeading",
        "List",
        "ListItem",
        "Paragraph",
        "Quote",
        "HtmlBlock",
        "Table",
        "TableRow",
    }
)
SPAN_TOKENS = frozenset(
    {
        "RawText",
        "EscapeSequence",
        "LineBreak",
        "Strong",
        "Emphasis",
        "Strikethrough",
        "InlineCode",
        "Link",
        "Image",
        "AutoLink",
        "HtmlSpan",
    }
)


@functools.cache
def _html_aware() -> Any:
    """A mistletoe renderer class that registers the HTML tokens for a ``with`` block.

    mistletoe keeps its token registry in module globals; a renderer used as a
    context manager adds tokens and restores the registry on exit.  We never
    render with it.
    """
    from mistletoe.base_renderer import BaseRenderer
    from mistletoe.block_token import HtmlBlock
    from mistletoe.span_token import HtmlSpan

    class HtmlAware(BaseRenderer):
        def __init__(self) -> None:
            super().__init__(HtmlBlock, HtmlSpan)

        def render_html_block(self, token: Any) -> str:
            return ""

        def render_html_span(self, token: Any) -> str:
            return ""

    return HtmlAware


def tokenize(lines: list[str]) -> list[Any]:
    """mistletoe's block tokens of some lines (with their line ends), HTML included."""
    from awesomelint.parse.mistletoe_import import import_mistletoe

    import_mistletoe()
    from mistletoe import Document as MistletoeDocument

    with _html_aware()():
        return list(MistletoeDocument(lines).children or [])


def raw_text(content: str) -> Any:
    """A plain-text span token, to split a token's text in two."""
    from mistletoe.span_token import RawText

    return RawText(content)


def kind(token: Any) -> str:
    """A token's kind: its mistletoe class name."""
    return type(token).__name__
