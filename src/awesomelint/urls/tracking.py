"""Tracking parameters: query parameters that say where a click came from, not what a link is.

One list for everyone: the deduplicator and the link checker ignore all of
them, lint's tracking-parameter rule reports the unambiguous ones.
"""

from __future__ import annotations

__all__ = [
    "AMBIGUOUS_TRACKING_PARAMS",
    "REPORTED_TRACKING_PARAMS",
    "TRACKING_PARAMS",
    "TRACKING_PREFIXES",
    "is_tracking_param",
]

TRACKING_PARAMS = frozenset(
    {
        "fbclid",  # Facebook
        "gclid",  # Google Ads
        "gclsrc",
        "dclid",
        "msclkid",  # Microsoft Ads
        "yclid",  # Yandex
        "twclid",  # X / Twitter
        "igshid",  # Instagram
        "mc_cid",  # Mailchimp
        "mc_eid",
        "_hsenc",  # HubSpot
        "_hsmi",
        "ref_src",  # X / Twitter embeds
        "ref_url",
        "sc_cid",
        "spm",  # Alibaba; a real parameter elsewhere
        "trk",  # LinkedIn
        "si",  # YouTube / Spotify share links; a real parameter elsewhere
        "mkt_tok",  # Marketo
    }
)
# Names that track clicks on some sites and select content on others: safe to ignore
# when comparing two links, too often wrong to report as a defect.
AMBIGUOUS_TRACKING_PARAMS = frozenset({"si", "spm"})
REPORTED_TRACKING_PARAMS = TRACKING_PARAMS - AMBIGUOUS_TRACKING_PARAMS
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")  # Google Analytics, Piwik, Matomo


def is_tracking_param(name: str) -> bool:
    """Is the query parameter ``name`` (any case) one that only tracks clicks?"""
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)
