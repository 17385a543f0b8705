"""One small module per API, each behind the same interface (``base.Provider``)."""

from __future__ import annotations

from awesomelint.meta.providers.base import Provider


def make(name: str, root: str) -> Provider:
    """The provider called ``name``, asking the API at ``root``."""
    if name == "arxiv":
        from awesomelint.meta.providers.arxiv import Arxiv

        return Arxiv(root)
    if name == "openreview":
        from awesomelint.meta.providers.openreview import OpenReview

        return OpenReview(root)
    if name == "crossref":
        from awesomelint.meta.providers.crossref import Crossref

        return Crossref(root)
    if name == "semanticscholar":
        from awesomelint.meta.providers.semanticscholar import SemanticScholar

        return SemanticScholar(root)
    if name == "github":
        from awesomelint.meta.providers.github import GitHub

        return GitHub(root)
    raise ValueError(f"unknown provider {name!r}")
