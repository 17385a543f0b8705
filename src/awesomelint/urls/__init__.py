"""URL identity, in one place: normalisation, hosts, work keys per site, labels, tracking.

Lists link one work in many forms (``arxiv.org/pdf/2211.00593v2.pdf`` and
``http://arxiv.org/abs/2211.00593``; a LessWrong post on the Alignment
Forum).  Everyone who asks "is this the same link?", "which host?" or "is this
a tracking parameter?" asks here:

- :func:`canonical_url`: one normalised, still working form (``https``, no
  ``www.``, no default port, no trailing slash or ``index.html``, no tracking
  parameters, sorted query, the landing page of a work on the sites that have
  one).  Parsing is yarl's, so IDNA hosts, IPv6 literals, dot segments and
  percent-encoding are right (:mod:`.parts`).
- :func:`work_key`: the work a URL names whatever the site and form
  (``arxiv:2211.00593``, ``openreview:NpsVSN6o4ul``, ``github:owner/repo``
  ...), read by the table of sites in :mod:`.sites`; :func:`identity_key`:
  the work key, else the canonical URL; :func:`current_key` follows a
  repository's move to its new owner.
- :func:`host_of`, :func:`site_of`: the one way to take a URL's host.
- :func:`label_is_implied`, :func:`is_pdf_url`: labels (:mod:`.labels`).
- :data:`TRACKING_PARAMS` and friends: the one list of tracking parameters.

Cheap to import (yarl and the standard library; no httpx): the lint path uses it.
"""

from __future__ import annotations

from .identity import canonical_url, identity_key, key_kind, parts_key, work_key
from .labels import is_pdf_url, label_is_implied
from .parts import Parts, host_of, site_of, split
from .sites import REPOSITORY_MOVES, SITES, WORK_KINDS, Site, current_key
from .tracking import (
    AMBIGUOUS_TRACKING_PARAMS,
    REPORTED_TRACKING_PARAMS,
    TRACKING_PARAMS,
    TRACKING_PREFIXES,
    is_tracking_param,
)

__all__ = [
    "AMBIGUOUS_TRACKING_PARAMS",
    "REPORTED_TRACKING_PARAMS",
    "REPOSITORY_MOVES",
    "SITES",
    "TRACKING_PARAMS",
    "TRACKING_PREFIXES",
    "WORK_KINDS",
    "Parts",
    "Site",
    "canonical_url",
    "current_key",
    "host_of",
    "identity_key",
    "is_pdf_url",
    "is_tracking_param",
    "key_kind",
    "label_is_implied",
    "parts_key",
    "site_of",
    "split",
    "work_key",
]
