"""Deprecated: URL identity moved to :mod:`awesomelint.urls`; import from there.

This module only re-exports the old names so code written against it keeps
working while callers switch.
"""

from __future__ import annotations

from awesomelint.urls import (
    TRACKING_PARAMS,
    TRACKING_PREFIXES,
    canonical_url,
    identity_key,
    is_pdf_url,
    key_kind,
    label_is_implied,
    work_key,
)

__all__ = [
    "TRACKING_PARAMS",
    "TRACKING_PREFIXES",
    "canonical_url",
    "identity_key",
    "is_pdf_url",
    "key_kind",
    "label_is_implied",
    "work_key",
]
