"""The arXiv API: ``{root}/query?id_list=...`` answers in Atom XML.

Documented in the arXiv API User's Manual: up to ``max_results`` entries per
page (paged with ``start``; the feed's ``opensearch:totalResults`` says how
many there are), an unknown id is simply missing from the feed, a malformed
one yields an entry titled ``Error``, and clients should wait 3 seconds
between calls.  ``arxiv:journal_ref`` and ``arxiv:doi`` say a paper was
published; a withdrawn paper's last version says so in ``arxiv:comment``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from awesomelint.meta.http import Api, ProviderError
from awesomelint.meta.model import Record
from awesomelint.meta.providers.base import expect, text_of

_NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "arxiv": "http://arxiv.org/schemas/atom",
    "opensearch": "http://a9.com/-/spec/opensearch/1.1/",
}
_ABS_ID = re.compile(r"/abs/(.+?)(?:v\d+)?$")
_WITHDRAWN = re.compile(r"\bwithdrawn\b", re.IGNORECASE)
PAGE = 100


class Arxiv:
    """Batched ``id_list`` queries, paged until every id is answered or the feed ends."""

    name = "arxiv"
    batch = PAGE

    def __init__(self, root: str) -> None:
        self.url = f"{root}/query"

    def accepts(self, key: str) -> bool:
        return key.startswith("arxiv:")

    async def fetch(self, api: Api, keys: Sequence[str]) -> list[Record]:
        wanted = {key.partition(":")[2].lower(): key for key in keys}
        id_list = ",".join(wanted)
        found: dict[str, Record] = {}
        start = 0
        while True:
            response = await api.request(
                self.name,
                "GET",
                self.url,
                params={"id_list": id_list, "start": str(start), "max_results": str(len(wanted))},
                headers={"Accept": "application/atom+xml"},
                ids=len(wanted) if start == 0 else 0,
            )
            if response.status != 200:
                raise ProviderError(f"HTTP {response.status} from {self.url}")
            entries, total = _parse(response.body)
            for record in entries:
                key = wanted.get(record.key.partition(":")[2])
                if key is not None:
                    found[key] = record
            start += len(entries)
            if not entries or start >= min(total, len(wanted)) or len(found) == len(wanted):
                break
        return [found.get(key) or Record(key, self.name, found=False) for key in wanted.values()]


def _parse(body: bytes) -> tuple[list[Record], int]:
    """Records of a feed and its totalResults; ProviderError when it is no Atom feed."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise ProviderError(f"malformed response from the arxiv API: not XML ({exc})") from None
    expect(root.tag == f"{{{_NS['atom']}}}feed", "arxiv", "no Atom <feed>")
    total_text = root.findtext("opensearch:totalResults", default="", namespaces=_NS).strip()
    expect(total_text.isdigit(), "arxiv", "no opensearch:totalResults")
    records = []
    for entry in root.findall("atom:entry", _NS):
        ident = entry.findtext("atom:id", default="", namespaces=_NS).strip()
        title = text_of(entry.findtext("atom:title", default="", namespaces=_NS))
        if "/api/errors" in ident or title == "Error":
            summary = text_of(entry.findtext("atom:summary", default="", namespaces=_NS))
            raise ProviderError(f"the arxiv API refused the query: {summary or ident}")
        match = _ABS_ID.search(ident)
        expect(match is not None and bool(title), "arxiv", f"entry without id or title ({ident})")
        assert match is not None
        published = entry.findtext("atom:published", default="", namespaces=_NS)
        journal = text_of(entry.findtext("arxiv:journal_ref", default="", namespaces=_NS))
        comment = text_of(entry.findtext("arxiv:comment", default="", namespaces=_NS))
        doi = text_of(entry.findtext("arxiv:doi", default="", namespaces=_NS)).lower()
        authors = tuple(
            text_of(a.findtext("atom:name", default="", namespaces=_NS))
            for a in entry.findall("atom:author", _NS)
        )
        records.append(
            Record(
                key=f"arxiv:{match.group(1).lower()}",
                provider="arxiv",
                title=title,
                venue=journal,
                year=int(published[:4]) if published[:4].isdigit() else None,
                authors=authors,
                withdrawn=bool(_WITHDRAWN.search(comment)),
                ids=(f"doi:{doi}",) if doi else (),
            )
        )
    return records, int(total_text)
