"""Link labels against their URLs: ``[pdf]`` on a PDF, ``[github]`` on a repository."""

from __future__ import annotations

import re

from .identity import key_kind, work_key
from .parts import site_of

__all__ = ["is_pdf_url", "label_is_implied"]

_SEPARATORS = re.compile(r"[\s_-]+")


def is_pdf_url(url: str) -> bool:
    """Does the URL name a PDF rather than a page (``.pdf``, arXiv/OpenReview ``/pdf``)?"""
    path = url.lower().split("#", 1)[0].split("?", 1)[0]
    return path.endswith((".pdf", "/pdf")) or "/pdf/" in path


def label_is_implied(label: str, url: str) -> bool:
    """Does a link label only restate what the URL shows (``[pdf]`` on a PDF, ``[github]``)?

    Such labels carry nothing a reader needs once the title is the link; a label
    with more in it (``arxiv 2303``, ``EMNLP 2023``) or one that contradicts the
    URL (``[github]`` on arXiv) is never implied.
    """
    word = _SEPARATORS.sub("", label.casefold())
    if not word.isalpha():
        return False
    if word in ("pdf", "paper") and is_pdf_url(url):
        return True
    key = work_key(url)
    if key is not None and word == key_kind(key):
        return True
    host = site_of(url).replace("-", "").replace(".", "")
    return len(word) >= 4 and word in host
