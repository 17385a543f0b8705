"""mistletoe span tokens to our own markdown and plain text.

We render spans ourselves instead of using mistletoe's MarkdownRenderer, which
decodes HTML entities and changes module-level state.  The escaping here and
``unescape`` are inverses, which keeps ``fmt`` idempotent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from awesomelint.parse.tokens import kind
from awesomelint.syntax import BACKSLASH_ESCAPE

# Characters that could start markup inside running text.
_ESCAPE = re.compile(r"([\\`*\[\]<])|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_ENTITY_LIKE = re.compile(r"&(#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
# every character either pattern above can match: most text holds none, and one
# scan for them is a tenth of the cost of the substitutions
_SPECIAL = re.compile(r"[\\`*\[\]<_&]")
# what puts a link destination in angle brackets
_UNSAFE_DESTINATION = re.compile(r"[ \t<>]")


def escape(text: str) -> str:
    """Plain text to markdown that shows exactly that text (private-use icons included:
    the entry parser's placeholders are out of band, see parse/entries.py)."""
    if _SPECIAL.search(text) is None:
        return text
    text = _ESCAPE.sub(lambda m: "\\" + m.group(0), text)
    if "&" in text:
        text = _ENTITY_LIKE.sub(lambda m: "\\" + m.group(0), text)
    return text


def unescape(markdown: str) -> str:
    """Undo ``escape`` on plain text: backslash escapes."""
    return BACKSLASH_ESCAPE.sub(r"\1", markdown)


def destination(url: str) -> str:
    """A link destination as markdown, in angle brackets where it needs them."""
    if url == "" or _UNSAFE_DESTINATION.search(url) or not _balanced(url):
        return "<" + url.replace("\\", "\\\\").replace("<", "\\<").replace(">", "\\>") + ">"
    return url.replace("\\", "\\\\")


def _balanced(url: str) -> bool:
    if "(" not in url and ")" not in url:
        return True
    depth = 0
    for char in url:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _title(title: str | None) -> str:
    if not title:
        return ""
    return ' "' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _code(content: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{fence}{pad}{content}{pad}{fence}"


_TEXT_TOKENS = frozenset({"RawText", "EscapeSequence", "LineBreak"})


def to_markdown(tokens: Iterable[Any], opaque: Callable[[Any], str] | None = None) -> str:
    """Render span tokens as one line of markdown.

    ``opaque``, if given, renders every top-level span that is not plain text
    (links, emphasis, code, images, HTML) instead, e.g. as a placeholder.
    """
    return "".join(_md(token, opaque) for token in tokens)


def _md(token: Any, opaque: Callable[[Any], str] | None) -> str:
    name = kind(token)
    if opaque is not None and name not in _TEXT_TOKENS:
        return opaque(token)
    if name == "RawText":
        return escape(token.content)
    if name == "EscapeSequence":
        return "\\" + token.children[0].content
    if name == "LineBreak":
        return " "
    if name in ("Strong", "Emphasis"):
        # the source's delimiter: `_a_*b*` must not become `*a**b*`
        mark = getattr(token, "delimiter", "*") * (2 if name == "Strong" else 1)
        return mark + to_markdown(token.children) + mark
    if name == "Strikethrough":
        return "~~" + to_markdown(token.children) + "~~"
    if name == "InlineCode":
        return _code(token.children[0].content)
    if name == "Link":
        text = to_markdown(token.children)
        return f"[{text}]({destination(token.target)}{_title(token.title)})"
    if name == "Image":
        alt = to_markdown(token.children)
        return f"![{alt}]({destination(token.src)}{_title(token.title)})"
    if name == "AutoLink":
        return "<" + token.children[0].content + ">"
    if name == "HtmlSpan":
        return token.content
    children = getattr(token, "children", None)
    if children:
        return to_markdown(children)
    return escape(getattr(token, "content", ""))


def to_plain(tokens: Iterable[Any]) -> str:
    """The visible text of span tokens (links by their text, images by alt, markup gone)."""
    parts: list[str] = []
    for token in tokens:
        name = kind(token)
        if name == "RawText":
            parts.append(token.content)
        elif name == "EscapeSequence":
            parts.append(token.children[0].content)
        elif name == "LineBreak":
            parts.append(" ")
        elif name == "InlineCode" or name == "AutoLink":
            parts.append(token.children[0].content)
        elif name == "HtmlSpan":
            continue
        elif getattr(token, "children", None):
            parts.append(to_plain(token.children))
    return "".join(parts)
