"""Title normalisation: the form in which two titles of one work are compared.

Lists write one title in many ways: ``**Toy Models of Superposition**``,
``Toy models of superposition.``, ``"Toy Models of Superposition"``, with
curly or straight quotes, and with encoding damage (``Sirenâ€™s`` for
``Siren’s``).  :func:`normalise_title` removes all of that, so the fuzzy
scores of the dedupe engine only see differences in words.

Standard library only (``ftfy`` is imported on the first non-ASCII title),
cheap to import: the lint path uses it too.
"""

from __future__ import annotations

import html
import re
import unicodedata

from awesomelint.mojibake_clue import may_hold_mojibake
from awesomelint.syntax import BACKSLASH_ESCAPE, FLAT_IMAGE, FLAT_LINK, HTML_TAG

__all__ = [
    "COMMON_WORDS",
    "STOPWORDS",
    "content_tokens",
    "distinctive_words",
    "normalise_title",
    "strip_quotes",
    "title_core",
]

# Words whose presence or absence does not make another work: "A Survey on X"
# and "Survey of X" are one title.  Negations and question words stay out.
STOPWORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "for", "to", "and", "with", "by", "from", "at", "as"}
    | {"via", "into", "is", "are"}
)
# Words too common in list titles and descriptions to tell two works apart: more
# function words, and the field's own vocabulary ("Large Language Models for X").
# Not stopwords: "Neural X" and "X" may well be two works.
COMMON_WORDS = frozenset(
    "about after also based between deep language large learning llm llms model models "
    "network networks neural over paper that their this through toward towards using".split()
)

# An apostrophe inside a word joins it (Siren's -> sirens); quotes elsewhere are punctuation.
_APOSTROPHE = re.compile(r"(?<=\w)['\u2019\u02bc\u2018`\u00b4](?=\w)")
# ICML's position track titles its papers "Position: ..."; lists also write "Position Paper: ...".
_POSITION_PAPER = re.compile(r"^(\W*)position\s+paper\s*:", re.IGNORECASE)
_APOSTROPHE_CHAR = re.compile("['\u2019\u02bc\u2018`\u00b4]")
_DIGIT = re.compile(r"\d")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_NON_WORD = re.compile(r"[\W_]+")
_PARENTHETICAL = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_LATIN_END = 0x024F


def _fix_mojibake(text: str) -> str:
    """Repair UTF-8 read as Latin-1/cp1252, and nothing else ftfy could change."""
    if not may_hold_mojibake(text):
        return text
    from ftfy import fix_encoding

    return fix_encoding(text)


def _strip_markup(text: str) -> str:
    # The membership tests skip the regexes for the common plain title.
    if "](" in text:
        text = FLAT_LINK.sub(r"\1", FLAT_IMAGE.sub(r"\1", text))
    if "<" in text:
        text = HTML_TAG.sub(" ", text)
    if "\\" in text:
        text = BACKSLASH_ESCAPE.sub(r"\1", text)
    return html.unescape(text) if "&" in text else text


def _fold_latin_accents(text: str) -> str:
    """Drop accents on Latin letters (Gödel = Godel), keep marks other scripts need."""
    out: list[str] = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char) and out and ord(out[-1]) <= _LATIN_END:
            continue
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


def _words_and_marks(text: str) -> str:
    """Letters and digits, and the marks attached to them; everything else a space."""
    out: list[str] = []
    for char in text:
        attached = out and out[-1] != " " and unicodedata.category(char).startswith("M")
        out.append(char if char.isalnum() or attached else " ")
    return "".join(out)


def normalise_title(title: str) -> str:
    """Casefolded words of ``title`` separated by single spaces.

    Mojibake is repaired, markdown and HTML markup removed, a leading "Position
    Paper:" read as "Position:", accents on Latin
    letters dropped, apostrophes inside words removed, every other punctuation
    and quote turned into a space, and letters split from digits
    (``GPT-2`` = ``GPT2`` = ``gpt 2``).  Idempotent.
    """
    text = _strip_markup(_fix_mojibake(title))
    if "aper" in text:
        text = _POSITION_PAPER.sub(r"\1position:", text)
    if text.isascii():
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
        text = _fold_latin_accents(text)
    # The membership and search tests skip the costlier substitutions for most titles.
    if _APOSTROPHE_CHAR.search(text):
        text = _APOSTROPHE.sub("", text)
    # Non-ASCII text keeps the combining marks other scripts spell with (Devanagari vowels).
    text = _NON_WORD.sub(" ", text) if text.isascii() else _words_and_marks(text)
    if _DIGIT.search(text):
        text = _LETTER_DIGIT.sub(" ", text)
    return " ".join(text.split())


def title_core(title: str) -> str:
    """The normalised title without parenthesised or bracketed asides.

    ``Locating and Editing Factual Associations in GPT (ROME)`` and the same
    title without ``(ROME)`` are one work; the aside is an acronym or a note.
    """
    previous = None
    text = _strip_markup(_fix_mojibake(title))
    while previous != text:
        previous, text = text, _PARENTHETICAL.sub(" ", text)
    return normalise_title(text)


def content_tokens(normalised: str) -> tuple[str, ...]:
    """The words of a normalised title that carry meaning (no stopwords)."""
    return tuple([word for word in normalised.split() if word not in STOPWORDS])


def distinctive_words(text: str) -> frozenset[str]:
    """The words of a title or description that can tell one work from another.

    Read as titles are compared (``normalise_title``: markup gone, case and
    accents folded, letters split from digits), without STOPWORDS and COMMON_WORDS.
    """
    return frozenset(content_tokens(normalise_title(text))) - COMMON_WORDS


_QUOTES = '"\u201c\u201d\u201e'


def strip_quotes(title: str) -> str:
    """A title without the quotes around it (``"Zeta"`` → ``Zeta``), unless it quotes inside."""
    if len(title) > 2 and title[0] in _QUOTES and title[-1] in _QUOTES:
        inner = title[1:-1]
        if not any(q in inner for q in _QUOTES):
            return inner.strip()
    return title
