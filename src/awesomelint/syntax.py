"""The markdown syntax patterns every layer shares: one copy of each.

Parse, the guard, link extraction and lint all need to find the same few
shapes in raw lines (a link, a reference definition, a code fence, front
matter, a link nested in a destination).  Each lives here once, named for the
shape it matches, so a fix to one reaches every reader.  Compiled ``re``
patterns only: this module must stay cheap to import on the lint path.

All patterns are linear: no nested quantifiers over overlapping classes.
"""

from __future__ import annotations

import re

# ``[text](destination "title")``: text may hold one level of brackets; the
# destination is ``<…>`` or a run without spaces and with balanced parentheses.
# group 1: the text, group 2: the destination as written (``<…>`` included).
INLINE_LINK = re.compile(
    r"!?\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*(<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
    r"(?:\s+\"[^\"]*\")?\s*\)"
)
# Where a destination starts: ``](`` then the destination, as the guard reads it.
DESTINATION = re.compile(r"\]\([ \t]*\n?[ \t]*(<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)")
# A link reference definition's first line: ``[label]: destination``.
# group 1: the label, group 2: the destination (without ``<>``).
DEFINITION = re.compile(r"^ {0,3}\[(?!\^)([^\]\n]+)\]:[ \t]*<?([^\s>]*)", re.MULTILINE)
# The opening line of a fenced code block; group 1 is the fence (``` or ~~~ run).
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# YAML front matter: a first line ``---`` and a closing ``---`` or ``...``.
FRONT_MATTER_OPEN = re.compile(r"^---[ \t]*$")
FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
# A line a YAML block may hold (keys, list items, comments, continuations).
FRONT_MATTER_LINE = re.compile(r"^(\s*#.*|\s*[\w\-. ]+\s*:.*|\s+.*|\s*-\s.*|\s*)$")
# A link nested in a link's text: ``[![badge](img)](url)``; group 1 the inner
# image or link, group 2 the outer destination.
NESTED_LINK = re.compile(r"\[(!?\[[^\[\]]*\]\([^()\s]*\))\]\(([^()\s]*)\)")
# An http(s) URL standing in running text (not inside ``(``, ``<``, quotes).
BARE_URL = re.compile(r"(?<![(<\"'=\w])https?://[^\s<>\"'`\]\[)]+")
# An autolink ``<https://…>``; group 1 the URL.
AUTOLINK = re.compile(r"<(https?://[^\s>]+)>")
# ``href=`` / ``src=`` attributes of raw HTML; group 1 the URL.
HTML_URL_ATTRIBUTE = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
# A list item's marker at the start of a line.
LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
