"""What a merged entry says: one title, one primary URL, every other link once, clean fields."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from awesomelint.merge.plan import Prefer
from awesomelint.model import Entry, Link, Tag
from awesomelint.syntax import WEB_LINK
from awesomelint.urls import canonical_url, is_pdf_url, site_of, work_key

# Venue spellings that name one venue (the key is matched case-insensitively, as a word).
_VENUES = {
    "nips": "NeurIPS",
    "neurips": "NeurIPS",
    "iclr": "ICLR",
    "icml": "ICML",
    "acl": "ACL",
    "emnlp": "EMNLP",
    "naacl": "NAACL",
    "aaai": "AAAI",
    "ijcai": "IJCAI",
    "cvpr": "CVPR",
    "iccv": "ICCV",
    "eccv": "ECCV",
    "tmlr": "TMLR",
    "arxiv": "arXiv",
}
_VENUE_WORD = re.compile(r"\b(" + "|".join(_VENUES) + r")\b", re.IGNORECASE)
# separators, a closing bracket, an escaped mark ("\\*. Chiang"): never how a description starts
_LEADING_PUNCT = re.compile(r"^(?:[\s.,;:|·•\-–—)\]）]|\\[*.,;:|\-])+")


def normalise_venue(text: str) -> str:
    """``NIPS 2022`` → ``NeurIPS 2022``; other text unchanged."""
    return _VENUE_WORD.sub(lambda m: _VENUES[m.group(1).lower()], text)


def clean_description(text: str) -> str:
    """A description never starts with punctuation (``. This survey…`` → ``This survey…``)."""
    return _LEADING_PUNCT.sub("", text).strip()


def _pick(values: Sequence[str], prefer: Prefer) -> str:
    """One of the values (in source order) by the --prefer strategy."""
    if prefer == "first":
        return values[0]
    if prefer == "last":
        return values[-1]
    return max(values, key=len)  # max keeps the first of equal lengths


def choose_title(titles: Sequence[str], prefer: Prefer) -> str:
    """The form most sources use, avoiding ALL CAPS and all lower case where possible."""
    cleaned = [t.strip() for t in titles if t.strip()]
    if not cleaned:
        return ""
    decent = [t for t in cleaned if not (t.isupper() or t.islower())] or cleaned
    decent = [t for t in decent if t[0].isupper()] or decent  # "Interpreting", not "interpreting"
    counts = Counter(decent)
    best = max(counts.values())
    return _pick([t for t in decent if counts[t] == best], prefer)


def choose_url(urls: Sequence[str]) -> str:
    """An abstract page over a PDF, https over http; the first among equals."""
    return max(
        enumerate(urls), key=lambda p: (not is_pdf_url(p[1]), p[1].startswith("https:"), -p[0])
    )[1]


def label_for(url: str, label: str) -> str:
    """The label a secondary link is shown with: the source's, else what the URL is."""
    if label:
        return label
    if is_pdf_url(url):
        return "pdf"
    key = work_key(url)
    if key:
        return key.split(":", 1)[0]
    return site_of(url) or "link"


def repair_url(url: str) -> str:
    """The URL meant by a link nested in a destination (``[10.48550/x](http://…)``)."""
    nested = WEB_LINK.fullmatch(url)
    return nested.group(1) if nested else url


def _fact(text: str) -> str:
    return normalise_venue(text).casefold().strip()


def merge_entries(entries: Sequence[Entry], prefer: Prefer = "longest") -> Entry:
    """One entry from several that are the same work (in source order)."""
    entries = [
        dataclasses.replace(
            e,
            url=repair_url(e.url) if e.url else e.url,
            links=tuple(dataclasses.replace(x, url=repair_url(x.url)) for x in e.links),
        )
        if any(u.startswith("[") for u in e.urls())  # only a nested link needs repair
        else e
        for e in entries
    ]
    first = entries[0]
    urls = [e.url for e in entries if e.url]
    url = choose_url(urls) if urls else None
    url_label = next((e.url_label for e in entries if e.url == url and e.url_label), "")
    taken = {canonical_url(url)} if url else set()
    links: list[Link] = []
    for entry in entries:
        offered = []
        if entry.url and entry.url != url:
            offered.append(Link(label_for(entry.url, entry.url_label), entry.url))
        offered.extend(entry.links)
        for link in offered:
            key = canonical_url(link.url)
            if key not in taken:
                taken.add(key)
                links.append(link)
    descriptions = [d for d in (clean_description(e.description) for e in entries) if d]
    tags: list[Tag] = []
    # one tag per fact: "NIPS 2022" and "NeurIPS 2022" are one venue; a venue already
    # shown as the primary link's label is not repeated
    seen = {_fact(url_label)} if url_label else set()
    for entry in entries:
        for tag in entry.tags:
            text = normalise_venue(tag.text) if tag.kind == "venue" else tag.text
            mark = _fact(text)
            if tag.kind == "star":
                mark = "\x00star:" + mark
            if mark not in seen:
                seen.add(mark)
                tags.append(tag if text == tag.text else dataclasses.replace(tag, text=text))
    facts = {_fact(t.text) for t in tags} | seen
    notes = [n for n in dict.fromkeys(note for e in entries for note in e.notes)]
    notes = [n for n in notes if _fact(n) not in facts]  # the date as a tag, not again as a note
    return Entry(
        authors=next((e.authors for e in entries if e.authors), ""),
        year=next((e.year for e in entries if e.year), ""),
        title=choose_title([e.title for e in entries], prefer),
        url=url,
        url_label=normalise_venue(url_label),
        links=tuple(links),
        description=_pick(descriptions, prefer) if descriptions else "",
        tags=tuple(sorted(tags, key=lambda t: t.kind != "star")),
        notes=tuple(notes),
        source=first.source,
    )
