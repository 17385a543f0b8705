"""A merged entry in the shape a published list wants: one short line, fields out of the prose.

Upstream lists pack their metadata into the description: author lists of forty
names, ``\\[[Paper](url)\\] \\[[Github](url)\\]`` chips, shields badges, the title
again as a table cell.  Joined by a merge, that makes lines of 1,000 characters.
Here the chips become the entry's links (the first one its primary link when it
had none), a long author list shows its first three names and "et al." (the
whole list stays in ``Entry.authors`` and the report), badges and links that
cannot work in another file (relative paths) go and are reported.  (A line
still long is wrapped by the writer: ``merge.MAX_LINE``.)  Nothing here drops a
web link silently: every one taken out is returned with
its reason, for the merge to report.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from awesomelint.dates import before_arxiv
from awesomelint.model import Entry, Link, Tag
from awesomelint.parse.inline import escape, unescape
from awesomelint.urls import canonical_url, identity_key, work_key

MAX_LINE = 400  # the merged list is written wrapped to this width (``render(width=)``)
_LONGEST_URL = MAX_LINE - 40  # a URL that cannot stand on a wrapped line of its own
_SHOWN_NAMES = 3  # "A, B, C et al."
_MIN_LIST = 4  # shorter name lists are shown whole

# [label](url), optionally wrapped in (escaped) brackets: \[[Paper](url)\], [[pdf](url)]
_CHIP = re.compile(
    r"(?P<open>\\?\[)?\[(?P<label>[^\[\]\n]{0,60})\]"
    r"\((?P<url><[^>\n]*>|[^()\s]+(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"\n]*\")?\)"
    r"(?P<close>\\?\])?"
)
_IMAGE_LINK = re.compile(r"\[\s*<img\b[^>]*>\s*\]\((?P<url>[^()\s]+)(?:\s+\"[^\"\n]*\")?\)", re.I)
_BADGE = re.compile(
    r"!\[[^\]\n]*\]\((?P<url>https?://(?:img\.shields\.io|badgen\.net|badge\.fury\.io)/"
    r"(?:[^()\s]|\([^()\s]*\))*)\)"  # a badge's text may hold "(Findings)"
)
# label words that name a kind of link, not a thing: such a chip is the entry's metadata
_LINK_WORDS = frozenset(
    (
        "paper pdf code github project website dataset data demo blog video slides tool "
        "citation link homepage leaderboard model models arxiv openreview huggingface colab "
        "docs documentation tutorial tutorials poster talk page repo repository benchmark "
        "notebook bib bibtex hf space proceedings abstract doi eval"
    ).split()
)
_SRC = re.compile(r"""\bsrc\s*=\s*["']?(https?://[^"'\s>]+)""", re.I)
_RELATIVE = "relative link (no base to resolve it against)"
_WORDS = re.compile(r"[^\W_]+")
_SEPARATORS = re.compile(r"(?:\s*[,;|·]\s*)+(?=[,;|·]|$)")
_EMPHASIS = re.compile(r"^(?P<mark>\*\*|\*|__|_)(?P<names>[^*_\n]+?)(?P=mark)")
_ET_AL = re.compile(r",?\s*et\.?\s*al\.?\s*$", re.I)


@dataclasses.dataclass(frozen=True)
class Tidied:
    """The tidy entry and what was taken out of it: (URL or tag, reason) pairs."""

    entry: Entry
    removed: tuple[tuple[str, str], ...] = ()


def _is_link_word(label: str) -> bool:
    words = _WORDS.findall(label.casefold())
    return bool(words) and len(words) <= 3 and all(w in _LINK_WORDS for w in words)


_BEFORE_CHIP = re.compile(r"(?:^|[,;|·.:!?)\]]|\\\])\s*$")
_AFTER_CHIP = re.compile(r"^\s*(?:$|[,;|·]|\\?\[)")


def _standalone(match: re.Match[str]) -> bool:
    """A chip among separators, not a word of a sentence ("Source on [GitHub](…).")."""
    text = match.string
    return bool(
        _BEFORE_CHIP.search(text[max(0, match.start() - 4) : match.start()])
        and _AFTER_CHIP.match(text[match.end() : match.end() + 4])
    )


def _web(url: str) -> bool:
    return url.startswith(("http://", "https://"))


def _local(url: str) -> bool:
    """A link that only works next to the upstream file (``./images/x``, ``owner/repo``)."""
    return not _web(url) and not url.startswith(("#", "mailto:")) and "://" not in url


def _clean(text: str) -> str:
    """Prose with its chips taken out: no doubled separators, no stray ones at the ends."""
    text = re.sub(r"([.:])\s+(?:[,;|·]\s*)+", r"\1 ", text)  # "2022. , 2023.1": a chip went
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\s+([,;])", r"\1", text)
    text = _SEPARATORS.sub("", text)
    text = re.sub(r"^[\s,;|·.\-–—\\]+", "", text)
    return text.strip()


def names_short(text: str) -> str | None:
    """``A, B, C et al.`` for a list of four or more names; None for anything else."""
    names = [n.strip() for n in _ET_AL.sub("", text).replace(" and ", ", ").split(",")]
    names = [n for n in names if n]
    if len(names) < _MIN_LIST or sum(" " in n for n in names) * 2 < len(names):
        return None  # "Reading, Writing, Arithmetic, Beyond" is a title, not names
    for name in names:
        words = name.split()
        if not 1 <= len(words) <= 6 or any(c.isdigit() for c in name) or "://" in name:
            return None
        if not (words[0][0].isupper() or words[0].islower() and len(words) > 1):
            return None
    return ", ".join(names[:_SHOWN_NAMES]) + " et al."


def _authors(description: str) -> tuple[str, str]:
    """(the author list the description opens with, the description with it shortened)."""
    match = _EMPHASIS.match(description)
    if match is None:
        return "", description
    names = match.group("names").strip()
    short = names_short(names)
    if short is None:
        return "", description
    mark = match.group("mark")
    rest = description[match.end() :]
    return _ET_AL.sub("", names), f"{mark}{short}{mark}{rest}"


def _arxiv_date(url: str) -> tuple[int, int] | None:
    """(year, month) of the arXiv id ``url`` names (``2309.07870`` → (2023, 9))."""
    key = work_key(url) or ""
    match = re.match(r"arxiv:(\d{2})(\d{2})\.\d{4,5}$", key)
    if match is None:
        return None
    return 2000 + int(match.group(1)), int(match.group(2))


def _fold(entry: Entry) -> Entry:
    """A nested "entry" that is the paper's author line (``*A, B, …*. [[pdf](url)], 2022.12``)
    read into the paper itself: one list writes a paper's fields on a second line."""
    fields = [c for c in entry.children if c.url is None and names_short(c.title) is not None]
    if not fields:
        return entry
    parts = [entry.description] if entry.description else []
    for child in fields:
        parts.append(f"*{escape(child.title)}*")
        if child.description:
            parts.append(child.description)
    return dataclasses.replace(
        entry,
        description=" ".join(parts),
        links=entry.links + tuple(link for c in fields for link in c.links),
        tags=entry.tags + tuple(tag for c in fields for tag in c.tags),
        notes=entry.notes + tuple(note for c in fields for note in c.notes),
        children=tuple(c for c in entry.children if c not in fields),
    )


def lift(entry: Entry) -> Tidied:
    """The metadata an upstream entry wrote in its description, as its fields (before dedupe).

    Link chips become links (the first the primary link of an entry that had
    none, so dedupe can match it); badges and relative links go (returned);
    a long author list is shortened (whole in ``authors``).
    """
    removed: list[tuple[str, str]] = []
    entry = _fold(entry)
    description = entry.description
    lifted: list[Link] = []

    def badge(match: re.Match[str]) -> str:
        removed.append((match.group("url"), "badge image"))
        return ""

    def image_link(match: re.Match[str]) -> str:
        url = match.group("url")
        removed.extend((src, "badge image") for src in _SRC.findall(match.group(0)))
        if _web(url):
            lifted.append(Link("link", url))
        else:
            removed.append((url, _RELATIVE))
        return ""

    def chip(match: re.Match[str]) -> str:
        label = unescape(match.group("label")).strip()
        url = match.group("url").strip("<>")
        wrapped = bool(match.group("open") and match.group("close"))
        if _local(url):
            removed.append((url, _RELATIVE))
            return "" if wrapped or _is_link_word(label) else match.group("label")
        if wrapped or (_is_link_word(label) and _standalone(match)):
            lifted.append(Link(label or "link", url))
            return ""
        return match.group(0)

    authors = ""
    if description and ("](" in description or description[0] in "*_\\"):
        description = _BADGE.sub(badge, description)
        description = _IMAGE_LINK.sub(image_link, description)
        description = _CHIP.sub(chip, description)
        if description != entry.description:
            description = _clean(description)
        authors, description = _authors(description)
    title = entry.title
    short_title = names_short(title.strip("*_ ")) if entry.url is None else None
    if short_title is not None:  # an author line read as an entry of its own
        authors = authors or title
        title = short_title
    url, url_label = entry.url, entry.url_label
    if url and _local(url):
        removed.append((url, _RELATIVE))
        url, url_label = None, ""
    links = [link for link in entry.links if not _local(link.url)]
    removed.extend((link.url, _RELATIVE) for link in entry.links if _local(link.url))
    links.extend(lifted)
    if url is None and links:
        first, links = links[0], links[1:]
        url = first.url
        if not any(char.isalpha() for char in title) and len(first.label.split()) >= 3:
            # a row whose title cell holds a date or a number (ydyjya's rows fused by a
            # lost line break): the link's own text names the work, not "26.05"
            title = first.label
    if not removed and not lifted and description == entry.description and title == entry.title:
        return Tidied(entry)
    return Tidied(
        dataclasses.replace(
            entry,
            title=title,
            url=url,
            url_label=url_label,
            links=tuple(links),
            description=description,
            authors=entry.authors or authors,
        ),
        tuple(removed),
    )


def fit(entry: Entry, foreign: Iterable[str] = ()) -> Tidied:
    """A merged entry made fit to publish: each link once, no contradicted date, a short line.

    ``foreign`` are identity keys of links that belong to another entry (a URL
    upstream gave two different titles, kept by the title most sources give
    it): they are taken out of this one, and a link of its own takes the
    primary place.
    """
    removed: list[tuple[str, str]] = []
    foreign = frozenset(foreign)
    title, url, url_label = entry.title, entry.url, entry.url_label
    links = list(entry.links)
    too_long = f"URL longer than a line of the list (over {_LONGEST_URL} characters)"
    if url and len(url) > _LONGEST_URL:
        removed.append((url, too_long))
        url, url_label = None, ""
    removed.extend((link.url, too_long) for link in links if len(link.url) > _LONGEST_URL)
    links = [link for link in links if len(link.url) <= _LONGEST_URL]
    if url is None and links:
        url, links = links[0].url, links[1:]
    if url and identity_key(url) in foreign:
        removed.append((url, "another entry's link (one URL, two titles upstream)"))
        promoted = next((link for link in links if identity_key(link.url) not in foreign), None)
        if promoted is not None and url_label and len(promoted.label.split()) >= 3:
            title = promoted.label  # a table row whose title cell was not the link's text
        url, url_label = (promoted.url, "") if promoted is not None else (None, "")
    if url is None and links:
        url = links[0].url
    taken = {canonical_url(url)} if url else set()
    kept: list[Link] = []
    for link in links:
        key = canonical_url(link.url)
        if identity_key(link.url) in foreign:
            removed.append((link.url, "another entry's link (one URL, two titles upstream)"))
        elif key not in taken:
            taken.add(key)
            kept.append(link)
    if url_label and url_label.strip().casefold() == title.strip().casefold():
        url_label = ""
    assigned = next((d for u in (url, *(k.url for k in kept)) if u and (d := _arxiv_date(u))), None)
    tags: list[Tag] = []
    for tag in entry.tags:
        if tag.text.strip().casefold() == title.strip().casefold():
            continue  # the title again, from a table column
        if assigned is not None and before_arxiv(tag.kind, tag.text, *assigned):
            removed.append((tag.text, "date or venue earlier than the entry's arXiv id"))
            continue
        if tag.kind == "topic" and (short := names_short(tag.text)) is not None:
            tag = dataclasses.replace(tag, text=short)
        tags.append(tag)
    if (title, url, url_label, tuple(kept), tuple(tags)) == (
        entry.title,
        entry.url,
        entry.url_label,
        entry.links,
        entry.tags,
    ):
        return Tidied(entry, tuple(removed))  # the usual case: nothing to change
    tidy_entry = dataclasses.replace(
        entry,
        title=title,
        url=url,
        url_label=url_label,
        links=tuple(kept),
        tags=tuple(tags),
    )
    return Tidied(tidy_entry, tuple(removed))
