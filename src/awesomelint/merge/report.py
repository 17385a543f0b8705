"""The merge report (JSON) and the review a maintainer pastes decisions from."""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.merge.assemble import MergeResult, SourceRef
from awesomelint.merge.edits import REPORT_FORMAT

_FUZZY = re.compile(r"fuzzy-title (\d+)")
REVIEW_BELOW = 97  # fuzzy merges scored below this are shown for review


def _ref(ref: SourceRef) -> dict[str, object]:
    return {"id": ref.id, "file": ref.file, "line": ref.line, "title": ref.title, "url": ref.url}


def report_data(result: MergeResult) -> dict[str, object]:
    """The ``--report`` JSON: entries with ids and sources, merges, conflicts, what was left out."""
    return {
        "format": REPORT_FORMAT,
        "inputs": list(result.inputs),
        "entries": [
            {
                "id": m.id,
                "key": m.key,
                "title": m.entry.title,
                "url": m.entry.url,
                "description": m.entry.description,
                # the whole author list: the list shows the first three ("A, B, C et al.")
                **({"authors": m.entry.authors} if m.entry.authors else {}),
                "section": " > ".join(m.section),
                **(
                    {"also_in": [" > ".join(s) for s in m.sections[1:]]}
                    if len(m.sections) > 1
                    else {}
                ),
                "sources": [_ref(s) for s in m.sources],
                "upstream": {
                    "title": m.upstream[0],
                    "description": m.upstream[1],
                    "section": " > ".join(m.upstream[2]),
                },
                **({"hand": list(m.hand)} if m.hand else {}),
                **({"added": True} if "added" in m.hand else {}),
            }
            for m in result.entries
        ],
        "hand_dropped": [
            {"id": key, "title": title, "url": url} for key, title, url in result.hand_dropped
        ],
        "collisions": list(result.collisions),
        "merges": [
            {"into": _ref(d.into), "from": _ref(d.from_), "reason": d.reason} for d in result.merges
        ],
        "conflicts": [
            {
                "url": c.url,
                "reason": c.reason,
                **({"resolved": c.resolved} if c.resolved else {}),
                "entries": [_ref(s) for s in c.entries],
            }
            for c in result.conflicts
        ],
        "left_out": [
            {
                "file": x.file,
                "line": x.line,
                "what": x.what,
                "reason": x.reason,
                "links": list(x.links),
            }
            for x in result.left_out
        ],
    }


def _host(url: str | None) -> str:
    from awesomelint.urls import site_of

    return site_of(url) if url else ""


def _is_work(url: str | None) -> bool:
    """A paper, repository or post with an identity of its own (arXiv id, DOI, …)."""
    from awesomelint.urls import work_key

    return bool(url) and work_key(url or "") is not None


def _line(ref: SourceRef) -> str:
    return f"#   [{ref.id}] {ref.title!r} {ref.url or '(no link)'} ({ref.file}:{ref.line})"


def review_items(result: MergeResult) -> Iterator[str]:
    """What needs a human, as TOML to paste into the merge file's decisions (commented out)."""
    for conflict in result.conflicts:
        if conflict.resolved:
            continue
        yield f"# conflict ({conflict.reason}): one URL, different titles: {conflict.url}"
        yield from (_line(ref) for ref in conflict.entries)
        ids = ", ".join(f'"{ref.id}"' for ref in conflict.entries)
        yield "# [[decisions]]"
        yield f"# same = [{ids}]   # if they are one work"
        yield ""
    for merge in result.merges:
        fuzzy = _FUZZY.fullmatch(merge.reason)
        low = fuzzy is not None and int(fuzzy.group(1)) < REVIEW_BELOW
        cross_site = (
            merge.reason == "same-title"
            and _host(merge.into.url) != _host(merge.from_.url)
            and not (_is_work(merge.into.url) or _is_work(merge.from_.url))
        )
        if not (low or cross_site):
            continue
        why = "a weak fuzzy match" if low else "same title on different sites"
        yield f"# merged ({merge.reason}): {why}"
        yield _line(merge.into)
        yield _line(merge.from_)
        yield "# [[decisions]]"
        yield f'# different = ["{merge.into.id}", "{merge.from_.id}"]   # if they are two works'
        yield ""
