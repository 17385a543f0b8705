"""The markdown syntax patterns every layer shares: one copy of each.

Parse, the guard, link extraction, render and lint all need to find the same
shapes in raw lines (a link, a reference definition, a code fence, a heading,
a list marker, front matter).  Each lives here once, named for the shape it
matches, so a fix to one reaches every reader.  Where two readers need two
readings of one shape, both are here, side by side, with the reason.

Compiled ``re`` patterns (and the two fence-closing tests) only: this module
is imported on the lint path and must stay cheap.  Compiling them all costs a
few milliseconds, what their users paid before when each compiled its own
copy.  All patterns are linear: no nested quantifiers over overlapping classes.
"""

from __future__ import annotations

import re

# --- building blocks (text, not patterns) -----------------------------------

# A list item's marker: a bullet, or 1-9 digits and "." or ")" (CommonMark).
_MARKER = r"(?:[-*+]|\d{1,9}[.)])"
# Link text with backslash escapes and no unescaped bracket, on one line.
_LABEL = r"(?:\\.|[^\[\]\\\n])*"

# --- inline links and images -------------------------------------------------

# ``[text](destination "title")``: text may hold one level of brackets; the
# destination is ``<…>`` or a run without spaces and with balanced parentheses.
# group 1: the text, group 2: the destination as written (``<…>`` included).
INLINE_LINK = re.compile(
    r"!?\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*(<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
    r"(?:\s+\"[^\"]*\")?\s*\)"
)
# An inline link at the start of an item's text (``.match``), text escapes read:
# how awesome-lint's list-item rule finds the item's own link.
LEADING_LINK = re.compile(
    r"^\[(?:\\.|[^\[\]\\]|\[[^\]]*\])+\]\((?:<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
    r"(?:\s+\"[^\"]*\")?\)"
)
# A link or image whose destination runs to the first ``)`` (spaces, a title):
# removed whole from a heading's text, so a malformed one leaves no URL behind.
LINK_MARKUP = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\([^)]*\)")
# An image / a link with no bracket in its text, destination to the first ``)``:
# enough to reduce a title to its words (group 1: the text).
FLAT_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
FLAT_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# A whole ``[text](https://…)`` (``.fullmatch``); group 1 the URL: what a link
# pasted as another link's destination meant.
WEB_LINK = re.compile(r"\[[^\]]*\]\((https?://[^\s()]+)\)")
# ``](`` then a whole inline link as the destination, then ``)``:
# ``[a]([b](url))``.  group 1: the inner link, 2: its text, 3: its URL.
LINK_IN_DESTINATION = re.compile(
    r"\]\(\s*(<?\[((?:\\.|[^\[\]\\\n])*)\]\(\s*<?([^()\s<>]+)>?\s*\)>?)\s*\)"
)
# A badge: a web image inside a web link, ``[![alt](img)](url)``;
# group 1 the image URL, group 2 the link URL.
BADGE_LINK = re.compile(
    r"\[!\[[^\]]*\]\(\s*<?(https?://[^)\s>]+)>?[^)]*\)\]\(\s*<?(https?://[^)\s>]+)>?\s*\)"
)
# A link to an anchor of the same file, ``[text](#fragment)``; group 1 the
# text (escapes kept), group 2 the destination with its ``#``.
FRAGMENT_LINK = re.compile(r"\[((?:\\.|[^\[\]\\])*)\]\((#[^)\s]*)\)")
# Only the destination part of one, ``](#fragment)``; group 1 the fragment.
FRAGMENT_DESTINATION = re.compile(r"\]\(#([^)\s]*)\)")
# Any sign that a text meant to hold a link (inline, reference, HTML, bare URL).
LINK_CUE = re.compile(r"\]\(|\]\[|<a\s|https?://", re.IGNORECASE)

# --- destinations --------------------------------------------------------------

# Where a destination starts: ``](`` then the destination, as the guard reads it
# (it may wrap to the next line; group 1 as written, ``<…>`` included).
DESTINATION = re.compile(r"\]\([ \t]*\n?[ \t]*(<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)")
# ``](destination "title")`` whole, unbracketed destination on one line: the
# parentheses a link's syntax owns, masked before prose punctuation is counted.
DESTINATION_AND_TITLE = re.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)")
# ``](`` + a URL + whitespace + something that is not a link title + ``)``: a
# destination broken by a space (a space just before ``)`` is allowed: CommonMark
# reads ``(https://x.org/api )`` as a link).  group 1 the URL, group 2 the space.
SPACED_DESTINATION = re.compile(
    r"\]\(\s*((?:https?://|www\.)[^\s()<>]*)([ \t]+)(?![\"'(])[^)\s][^)\n]*\)"
)
# What may follow a destination up to the link's ``)``: an optional title in
# any of CommonMark's three quotings (``.match`` just after the destination).
LINK_TITLE_END = re.compile(
    r"\s*(?:\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'|\((?:\\.|[^()\\])*\))?\s*\)"
)

# --- reference links and definitions ---------------------------------------------

# Where a link reference definition starts, ``[label]:`` (``[^1]:`` is a
# footnote).  The parser only asks whether one starts (its destination may be
# on the next line); group 1: the label, group 2: a destination on this line.
DEFINITION = re.compile(r"^ {0,3}\[(?!\^)([^\]\n]+)\]:[ \t]*<?([^\s>]*)", re.MULTILINE)
# A definition line with its destination, as link extraction reports it, one
# line at a time: no destination on the line, no link.  group 1 label, 2 URL.
DEFINITION_WITH_TARGET = re.compile(r"^ {0,3}\[(?!\^)([^\]\n]+)\]:\s*<?([^\s>]+)")
# The guard's reading: footnotes included, so it never depends on what the
# parser takes for a definition (it checks the parser).  group 1 the target.
GUARD_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)", re.MULTILINE)
# A definition's label as references are matched to it (escapes allowed, no
# unescaped bracket); group 1 the label.
DEFINITION_LABEL = re.compile(r"^ {0,3}\[((?:\\.|[^\[\]\\])+)\]:")
# A line holding only a link title: a definition's title continued on the
# line after its destination.  group 1 the quoted title.
DEFINITION_TITLE = re.compile(r"""^\s*("[^"]*"|'[^']*'|\([^)]*\))\s*$""")
# A footnote definition ``[^note]:``; group 1 the note's name (an anchor).
FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:")
# A full or collapsed reference link ``[text][label]`` / ``[text][]`` (an image
# too), not escaped, not a definition, not followed by ``(``: group 1 text, 2 label.
REFERENCE_LINK = re.compile(
    rf"(?<![\\\]])!?\[((?:\\.|[^\[\]\\\n]|\[{_LABEL}\])*)\]\[({_LABEL})\](?![(:\[])"
)
# A reference link at the start of an item's text (``.match``).
LEADING_REFERENCE_LINK = re.compile(r"^\[(?:\\.|[^\[\]\\])+\]\[[^\]]*\]")

# --- URLs in text -----------------------------------------------------------------

# An http(s) URL standing in running text (not inside ``(``, ``<``, quotes).
BARE_URL = re.compile(r"(?<![(<\"'=\w])https?://[^\s<>\"'`\]\[)]+")
# The guard's URL: anywhere, parentheses kept when balanced, so every
# destination the parser could take is counted whatever surrounds it.
GUARD_URL = re.compile(
    r"https?://[^\s<>\"'`\]\[(){}|^]+(?:\([^\s<>\"'()]*\)[^\s<>\"'`\]\[(){}|^]*)*"
)
# An http(s) URL with the ``<>`` around it if any, as far as a space or bracket:
# masked from prose (its parentheses and brackets are not the sentence's).
URL_RUN = re.compile(r"<?https?://[^\s<>\[\]]+>?")
# An autolink ``<https://…>``; group 1 the URL.  No ``<`` inside: each try stops
# at the next one, so ``<http://`` repeated stays linear.
AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")
# CommonMark's autolink of any scheme, or an email autolink; group 1 inside ``<>``.
ANY_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
# What a text repair must not touch: URLs (with or without a scheme, as link
# destinations, autolinks, definitions and attributes).  A URL names a resource
# byte for byte; "fixing" it yields another address, which only a person may choose.
URL_TEXT = re.compile(
    r"""[A-Za-z][A-Za-z0-9+.\-]*://[^\s<>"'`]*"""  # scheme://…, up to a space or quote
    r"""|\]\(<[^>\n]*>|\]\([^\s)]*"""  # ](destination
    r"""|^ {0,3}\[[^\]\n]+\]:[ \t]*\S+"""  # [label]: destination
    r"""|(?:href|src)\s*=\s*(?:"[^"]*"|'[^']*')"""  # HTML attributes
)

# --- HTML -----------------------------------------------------------------------------

# ``href=`` / ``src=`` attributes of raw HTML; group 1 the URL.
HTML_URL_ATTRIBUTE = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
# ``id=`` / ``name=`` of an HTML element: an anchor a link may target; group 1.
HTML_ID_ATTRIBUTE = re.compile(r"""<[a-zA-Z][^<>]*?\b(?:id|name)\s*=\s*["']([^"'<>]+)["']""")
# An HTML start or end tag, loosely: stops at the next ``<`` so a stray one
# costs no rescan.
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# CommonMark's raw inline HTML exactly (a tag with attributes, or a comment):
# what GitHub drops from a heading's anchor.
INLINE_HTML = re.compile(
    r"<(?:/?[A-Za-z][A-Za-z0-9\-]*(?:\s+[A-Za-z_:][\w.:\-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|"
    r"[^\s\"'=<>`]+))?)*\s*/?>|!--.*?-->)",
    re.DOTALL,
)
# ``<pre>`` / ``<code>`` tags, open or close; group 1 the ``/``, group 2 the name.
HTML_CODE_TAG = re.compile(r"<(/?)(pre|code)\b[^<>]*>", re.IGNORECASE)

# --- code -------------------------------------------------------------------------------

# The opening line of a fenced code block; group 1 is the fence (``` or ~~~ run).
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def closes_fence(line: str, fence: str) -> bool:
    """Does ``line`` close the block ``fence`` opened: its character only, as many or more?

    Any indentation: lint, anchors and extraction read leniently, so that a
    sloppy close still ends the code they skip (the parser's rule is ``fence_closer``).
    """
    stripped = line.strip()
    return stripped.startswith(fence) and not stripped.strip(fence[0])


def fence_closer(fence: str) -> re.Pattern[str]:
    """CommonMark's closing line for ``fence`` (``.match``): up to three spaces, as many
    fence characters or more, then only spaces and tabs; the fast path must end a
    block exactly where mistletoe does."""
    return re.compile(rf" {{0,3}}{fence[0]}{{{len(fence)},}}[ \t]*$")


# A fence at any indentation and after any ``>``: link extraction blanks code
# in fragments cut out of lists and quotes, and reading too little as code
# extracts examples as links.  group 1 the prefix, group 2 the fence.
QUOTED_FENCE = re.compile(r"^([ \t]*(?:>[ \t]*)*)(`{3,}|~{3,})")
# A run of backticks not escaped: code spans are paired from these runs.
BACKTICK_RUN = re.compile(r"(?<!\\)`+")
# A code span on one line, not opened by an escaped backtick; group 1 the
# backticks, group 2 the code.
CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)(.+?)(?<!`)\1(?!`)")
# (An indented code block is a matter of indentation and the line before it,
# not of a pattern: see ``extract._code_block_lines``.)

# --- headings -----------------------------------------------------------------------------

# An ATX heading's opening ``#`` run (1 to 6, then a space, a tab or the end).
ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
# A closed ATX heading, ``## Title ##``.
CLOSED_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t].*?[ \t]#+[ \t]*$")
# A level-1 ATX heading's start, ``# ``.
ATX_H1 = re.compile(r"^ {0,3}#\s")
# The closing ``#`` run of an ATX heading (group 2), with what precedes it (group 1).
ATX_CLOSING = re.compile(r"(^|[ \t])(#+[ \t]*)$")
# An ATX heading inside a blockquote, where the parser reads no section; group 1 the text.
QUOTED_ATX_HEADING = re.compile(r"^\s*(?:>\s*)+#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
# An ATX heading inside list items or block quotes (after their markers, or indented
# as an item's continuation): not in the document's outline, but GitHub renders its
# anchor.  Group 1 the ``#`` run, group 2 the text.
NESTED_ATX_HEADING = re.compile(
    r"^ {0,3}(?:(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]?)* {0,3}(#{1,6})"
    r"(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$"
)
# A setext heading's underline (``===`` level 1, ``---`` level 2); group 1 the run.
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
# An HTML heading element on one line; group 1 its inner HTML.
HTML_HEADING = re.compile(r"<h[1-6]\b[^>]*>(.*?)</h[1-6]\s*>", re.IGNORECASE)
# A line that opens an HTML heading, or a ``<details>``/``<summary>`` used as one.
HTML_HEADING_START = re.compile(r"^\s*<(?:h[1-6]|summary|details)\b", re.IGNORECASE)
# An HTML ``<h1>``, or a logo image with alt text: a list's title written in HTML.
HTML_TITLE = re.compile(r"<h1\b|<img\b[^>]*\balt=", re.IGNORECASE)

# --- lists and other block starts ----------------------------------------------------------

# A list item's marker at the start of a line: a space, a tab or the end after it.
LIST_MARKER = re.compile(rf"^[ \t]*{_MARKER}(?:[ \t]|$)")
# A list item with text after its marker (an empty ``-`` is not one).
LIST_MARKER_AND_SPACE = re.compile(rf"^[ \t]*{_MARKER}[ \t]")
# A list item split at its text: group 1 indent + marker + gap, group 2 the text.
LIST_ITEM_TEXT = re.compile(rf"^([ \t]*{_MARKER}[ \t]+)(.*)$")
# A list item's parts, as house style records them (the gap is never empty).
LIST_ITEM_PARTS = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[-*+]|(?P<number>\d{1,9})[.)])(?P<gap>[ \t]+)"
)
# An ordered item: group 1 indent, 2 number, 3 delimiter.
ORDERED_ITEM = re.compile(r"^([ \t]*)(\d{1,9})([.)])(?:[ \t]+|$)")
# A bullet item: group 1 indent.
BULLET_ITEM = re.compile(r"^([ \t]*)[-*+](?:[ \t]+|$)")
# A task-list item, ``- [ ]`` / ``- [x]``.
TASK_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]")
# A line that starts a new unit of text: a list item, an ATX heading, a table row.
UNIT_START = re.compile(rf"^[ \t]*{_MARKER}(?:[ \t]|$)|^[ \t]{{0,3}}#|^[ \t]*\|")
# A line that ends a list whatever its indent: a heading, a rule, a fence.
LIST_BREAK = re.compile(r"^\s{0,3}(?:#{1,6}(?:\s|$)|(?:[-*_][ \t]*){3,}$|```|~~~)")
# A thematic break, ``***`` / ``- - -`` / ``___``; group 1 the character.
THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# Text at the margin that markdown would read as a bullet / as any block
# marker: what render must escape at the start of a line it writes.
BULLET_AT_MARGIN = re.compile(r"^[-*+](?:[ \t]|$)")
BLOCK_MARKER_AT_MARGIN = re.compile(r"^(?:[#>+\-*=]|\d{1,9}[.)])(?=\s|$)")

# A table-of-contents line as ``fmt`` regenerates it: a bullet, one fragment
# link, nothing after; a line it cannot rewrite exactly is not matched.
TOC_LINE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[-*+])(?P<gap> +)"
    r"\[(?P<label>[^\]\n]*)\]\(#(?P<anchor>[^)\s]*)\)[ \t]*$"
)
# Any item a table of contents may hold, as lint recognises one: ordered too,
# a reference form, and at most a short gloss after the anchor link
# ("[New Papers](#new-papers) : Less than 6 months").
CONTENTS_ITEM = re.compile(
    r"^\s*(?:[-*+]|\d{1,9}[.)])\s+\[(?:\\.|[^\[\]\\])*\](?:\(#[^)\s]*\)|\[#[^\]]*\])"
    r"(?:\s*[:\-–—][^\[\]()]{0,80})?\s*$"
)

# --- escapes ----------------------------------------------------------------------------------

# A backslash escape: only ASCII punctuation can be escaped (CommonMark);
# group 1 the escaped character.
BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")

# --- front matter -------------------------------------------------------------------------------

# YAML front matter: a first line ``---`` and a closing ``---`` or ``...``.
FRONT_MATTER_OPEN = re.compile(r"^---[ \t]*$")
FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
# A line a YAML block may hold (keys, list items, comments, continuations).
FRONT_MATTER_LINE = re.compile(r"^(\s*#.*|\s*[\w\-. ]+\s*:.*|\s+.*|\s*-\s.*|\s*)$")
