"""Many parsed lists in, one list with one taxonomy out, every decision recorded.

Pure: Documents and a MergePlan in, a ``MergeResult`` out.  Which entries are
the same work is dedupe's call (with the merge file's ``same``/``different``
decisions on top); this module decides where each merged entry goes and what is
left out (boilerplate sections, upstream introductions, the other lists' prose),
recording every left-out link in the result so that nothing disappears unseen.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from awesomelint.dedupe import Candidate, DedupeResult, find_duplicates
from awesomelint.extract import iter_links, links_in_markdown
from awesomelint.merge.edits import HandEdits
from awesomelint.merge.entries import merge_entries
from awesomelint.merge.ids import entry_key, source_id
from awesomelint.merge.plan import MergePlan
from awesomelint.merge.sections import Node, heading_key, is_boilerplate
from awesomelint.merge.tidy import Tidied, fit, lift
from awesomelint.model import Block, Document, Entry, Item, Section, Source, Span
from awesomelint.slug import heading_text, slug
from awesomelint.urls import canonical_url, key_kind

_CONTENTS = frozenset({"contents", "table-of-contents"})
_TWIN_SHARE = 0.6  # a heading goes where this share of its entries' twins sit in the spine
_MIN_TWINS = 2
# a URL that names one paper: two titles on it are two works, and one link is wrong
# (a project page or repository is shared by the parts of one release by design)
_PAPER_KINDS = frozenset(
    {"arxiv", "openreview", "doi", "acl", "neurips", "ieee", "pmlr", "lesswrong"}
)


@dataclass(frozen=True)
class SourceRef:
    """One input entry behind a merged entry: where it stood and what it said."""

    file: str
    line: int
    title: str
    url: str | None
    id: str = ""

    @property
    def span(self) -> Span:
        """The same position as the one source-position type (a line, no end)."""
        return Span(self.file, self.line)


@dataclass(frozen=True)
class MergedEntry:
    """A merged entry, its stable id, the sections it is listed in, and its sources.

    ``upstream`` is what the upstream lists alone give it (title, description,
    section), recorded so the next run can tell hand edits apart; ``hand``
    names the fields a hand edit decides (``title``, ``description``,
    ``section``, ``added``).
    """

    entry: Entry
    id: str
    sections: tuple[tuple[str, ...], ...]
    sources: tuple[SourceRef, ...]
    key: str = ""
    upstream: tuple[str, str, tuple[str, ...]] = ("", "", ())
    hand: tuple[str, ...] = ()

    @property
    def section(self) -> tuple[str, ...]:
        return self.sections[0] if self.sections else ()


@dataclass(frozen=True)
class MergeRecord:
    """Why ``from_`` was merged into ``into``."""

    into: SourceRef
    from_: SourceRef
    reason: str


@dataclass(frozen=True)
class ConflictReport:
    """Entries that share a primary URL but are different works: kept apart."""

    url: str
    reason: str
    entries: tuple[SourceRef, ...]
    resolved: str = ""  # "same" when a decision merged them


@dataclass(frozen=True)
class LeftOut:
    """Input material the merged list does not carry, and why (its links listed)."""

    file: str
    line: int
    what: str
    reason: str
    links: tuple[str, ...]


@dataclass(frozen=True)
class MergeResult:
    """The merged Document and the record of how it was made."""

    document: Document
    entries: tuple[MergedEntry, ...]
    merges: tuple[MergeRecord, ...]
    conflicts: tuple[ConflictReport, ...]
    inputs: tuple[str, ...]
    entries_in: int
    left_out: tuple[LeftOut, ...] = ()
    required_links: tuple[str, ...] = ()  # every input link the output must still hold
    hand_dropped: tuple[tuple[str, str, str | None], ...] = ()  # key, title, url
    collisions: tuple[str, ...] = ()  # upstream changes a hand edit overrode


@dataclass(frozen=True)
class _Source:
    """A flattened input entry: which input, where in it, under which upstream headings."""

    index: int
    doc: int
    entry: Entry
    path: tuple[str, ...]  # upstream heading titles (wrappers left out)
    keys: tuple[str, ...]  # their keys, sibling prefixes dropped
    parent: int | None = None
    sid: str = ""  # its stable id, from the entry as upstream wrote it

    def ref(self) -> SourceRef:
        e = self.entry
        return SourceRef(e.source.file, e.source.line, e.title, e.url, self.sid)


@dataclass
class _Gathered:
    sources: list[_Source] = field(default_factory=list)
    blocks: list[tuple[int, int, tuple[str, ...], Block]] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    headings: dict[tuple[int, tuple[str, ...]], tuple[str, ...]] = field(default_factory=dict)


def _web_links(text: str) -> tuple[str, ...]:
    if "http" not in text:
        return ()
    return tuple(
        ref.url
        for ref in links_in_markdown(text, "", 1)
        if ref.url.startswith(("http://", "https://"))
    )


def _entry_links(entry: Entry) -> tuple[str, ...]:
    urls: list[str] = []
    for e in entry.walk():
        urls.extend(u for u in e.urls() if u.startswith(("http://", "https://")))
        for note in e.notes:
            urls.extend(_web_links(note))
        urls.extend(_web_links(e.description))
    return tuple(urls)


def _shared_prefix(sections: Sequence[Section]) -> int:
    """How many leading words all these sibling headings share (0 for fewer than two)."""
    if len(sections) < 2:
        return 0
    keys = [heading_key(s.title).split() for s in sections]
    count = 0
    while all(len(k) > count + 1 and k[count] == keys[0][count] for k in keys):
        count += 1
    return count


def _is_wrapper(section: Section) -> bool:
    # A second level-1 heading (the list's own name again) and a "Contents" section
    # wrap the real sections: their subsections belong one level up.
    return section.level == 1 or slug(section.title) in _CONTENTS


def _gather(documents: Sequence[Document], plan: MergePlan) -> _Gathered:
    got = _Gathered()
    keep = {heading_key(h) for h in plan.keep_sections}

    def add(doc: int, entry: Entry, path, keys, parent=None) -> None:  # type: ignore[no-untyped-def]
        index = len(got.sources)
        tidied = lift(entry)
        entry = tidied.entry
        by_reason: dict[str, list[str]] = defaultdict(list)
        for url, reason in tidied.removed:
            by_reason[reason].append(url)
        for reason, urls in by_reason.items():
            got.left_out.append(
                LeftOut(
                    documents[doc].path,
                    entry.source.line,
                    f"text of {entry.title!r}",
                    reason,
                    tuple(u for u in urls if u.startswith(("http://", "https://"))),
                )
            )
        flat = dataclasses.replace(entry, children=()) if entry.children else entry
        got.sources.append(_Source(index, doc, flat, path, keys, parent, source_id(flat)))
        for child in entry.children:
            add(doc, child, path, keys, index)

    def leave(doc: int, item: Item, what: str, reason: str) -> None:
        links = _entry_links(item) if isinstance(item, Entry) else _web_links(item.text)
        got.left_out.append(
            LeftOut(documents[doc].path, item.source.line, what, reason, tuple(links))
        )

    def leave_section(doc: int, section: Section, reason: str) -> None:
        for item in section.items:
            kind = "entry" if isinstance(item, Entry) else "block"
            leave(doc, item, f"{kind} under {heading_text(section.title)!r}", reason)
        for child in section.children:
            leave_section(doc, child, reason)

    def walk(doc: int, section: Section, path, keys, prefix: int) -> None:  # type: ignore[no-untyped-def]
        if is_boilerplate(section.title) and heading_key(section.title) not in keep:
            leave_section(doc, section, "boilerplate section")
            return
        heading_links = _web_links(section.title)
        if heading_links and (doc != plan.spine or _is_wrapper(section)):
            got.left_out.append(
                LeftOut(
                    documents[doc].path,
                    section.source.line,
                    f"heading {heading_text(section.title).strip()!r}",
                    "upstream heading",
                    heading_links,
                )
            )
        if not _is_wrapper(section):
            key = " ".join(heading_key(section.title).split()[prefix:])
            path, keys = (*path, section.title), (*keys, key)
            got.headings[(doc, path)] = keys
        for item in section.items:
            if isinstance(item, Entry):
                add(doc, item, path, keys)
            elif item.kind == "toc":
                continue  # a table of contents is made anew for the merged list
            elif doc == plan.spine or plan.keep_blocks:
                got.blocks.append((doc, len(got.sources), path, item))
            else:
                leave(
                    doc, item, f"text under {heading_text(section.title)!r}", "other list's prose"
                )
        shared = _shared_prefix(section.children)  # once for all siblings, not once each
        for child in section.children:
            walk(doc, child, path, keys, shared)

    for doc, document in enumerate(documents):
        title_links = _web_links(document.title or "")
        if title_links and (doc != plan.spine or plan.title is not None):
            got.left_out.append(
                LeftOut(
                    document.path,
                    document.title_line or 1,
                    f"main heading {heading_text(document.title or '').strip()!r}",
                    "upstream heading",
                    title_links,
                )
            )
        for item in (*document.prelude, *document.preamble):
            if isinstance(item, Entry):
                add(doc, item, (), ())
            elif item.kind != "toc":
                leave(doc, item, "introduction", "upstream introduction")
        shared = _shared_prefix(document.sections)
        for section in document.sections:
            walk(doc, section, (), (), shared)
    return got


def _correct_urls(got: _Gathered, plan: MergePlan) -> None:
    """``set-url`` decisions: an upstream entry's wrong link replaced before dedupe sees it."""
    fixes = {d.ids[0]: d for d in plan.decisions if d.kind == "set-url"}
    if not fixes:
        return
    for n, source in enumerate(got.sources):
        decision = fixes.get(source.sid)
        if decision is None or source.entry.url == decision.url:
            continue
        wrong = source.entry.url
        got.sources[n] = dataclasses.replace(
            source, entry=dataclasses.replace(source.entry, url=decision.url)
        )
        got.left_out.append(
            LeftOut(
                source.entry.source.file,
                source.entry.source.line,
                f"link of {source.entry.title!r} [{decision.ids[0]}]"
                + (f" ({decision.note})" if decision.note else ""),
                "wrong link, corrected by decision",
                (wrong,) if wrong else (),
            )
        )


def _apply_decisions(
    groups: list[list[int]], sources: Sequence[_Source], plan: MergePlan
) -> tuple[list[list[int]], set[str]]:
    """``same`` joins groups, ``different`` splits the named entries off; returns ids joined."""
    ids = [s.sid for s in sources]
    joined: set[str] = set()
    for decision in plan.decisions:
        wanted = set(decision.ids)
        if decision.kind == "different":
            new: list[list[int]] = []
            for group in groups:
                named = [wanted & {ids[i]} for i in group]
                if sum(1 for n in named if n) < 2:
                    new.append(group)
                    continue
                # each named id takes its own group; the unnamed stay with the first
                split: dict[str, list[int]] = {}
                first = next(iter(sorted({ids[i] for i in group} & wanted)))
                for i in group:
                    split.setdefault(ids[i] if ids[i] in wanted else first, []).append(i)
                new.extend(split.values())
            groups = new
        elif decision.kind == "same":
            hit = [g for g in groups if any(ids[i] in wanted for i in g)]
            if len(hit) > 1:
                merged = sorted(i for g in hit for i in g)
                groups = [g for g in groups if not any(g is h for h in hit)] + [merged]
                joined |= wanted
    groups = [sorted(g) for g in groups]
    groups.sort(key=lambda g: g[0])
    return groups, joined


def _spine_tree(documents: Sequence[Document], got: _Gathered, plan: MergePlan) -> Node:
    root = Node(title="", key="")
    if plan.taxonomy:
        for path in plan.taxonomy:
            node = root
            for part in path:
                node = node.add(part)
        return root
    for doc, path in got.headings:
        if doc != plan.spine:
            continue
        node = root
        for part in path:
            node = node.add(part)
    return root


def merge_documents(
    documents: Sequence[Document],
    plan: MergePlan | None = None,
    *,
    title: str | None = None,
    edits: HandEdits | None = None,
    decide: Callable[[Sequence[Candidate], DedupeResult], DedupeResult] | None = None,
) -> MergeResult:
    """Merge the documents (in the given order, which breaks ties) into one list.

    ``edits`` are the maintainer's changes to the previous output (``merge.edits``):
    they win over what the upstream lists say.  ``decide`` may revise dedupe's
    verdict before the merge file's decisions apply (``merge --metadata`` settles
    shared-id conflicts by what the id really is).
    """
    plan = plan or MergePlan()
    if title is not None:
        plan = dataclasses.replace(plan, title=title)
    if documents and not 0 <= plan.spine < len(documents):
        plan = dataclasses.replace(plan, spine=0)
    edits = edits or HandEdits()
    got = _gather(documents, plan)
    _correct_urls(got, plan)
    hand_doc = len(documents)
    for entry, path in edits.added:
        got.sources.append(
            _Source(
                len(got.sources),
                hand_doc,
                entry,
                path,
                tuple(heading_key(p) for p in path),
                sid=source_id(entry),
            )
        )
    sources = got.sources
    links_of = [_entry_links(s.entry) for s in sources]  # each source's links, read once
    candidates = [
        Candidate(
            index=s.index,
            title=s.entry.title,
            url=s.entry.url,
            links=tuple(link.url for link in s.entry.links),
        )
        for s in sources
    ]
    result = find_duplicates(candidates)
    if decide is not None:
        result = decide(candidates, result)
    groups, joined = _apply_decisions([list(g) for g in result.groups], sources, plan)
    group_of = {i: n for n, g in enumerate(groups) for i in g}

    pins = {d.ids[0]: d.title for d in plan.decisions if d.kind == "pin-title"}
    drops = {i for d in plan.decisions if d.kind == "drop" for i in d.ids}
    ids = [min(sources[i].sid for i in g) for g in groups]
    dropped = {
        n
        for n, g in enumerate(groups)
        if ids[n] in drops or any(sources[i].sid in drops for i in g)
    }
    upstream_entries = [
        [
            sources[i].entry
            for i in sorted(g, key=lambda i: (sources[i].doc, i))
            if sources[i].doc != hand_doc
        ]
        for g in groups
    ]
    foreign = _foreign_keys(result, sources, groups, group_of)
    tidied: list[Tidied | None] = [
        fit(merge_entries(upstream, plan.prefer), foreign.get(n, ())) if upstream else None
        for n, upstream in enumerate(upstream_entries)
    ]
    chosen_of = [t.entry if t is not None else None for t in tidied]
    previous_id = [
        edits.id_for(ids[n], entry_key(chosen)) if chosen is not None and edits.previous else None
        for n, chosen in enumerate(chosen_of)
    ]
    by_hand = {n for n in range(len(groups)) if previous_id[n] in edits.dropped}
    dropped |= by_hand

    def hand_key(n: int, table: Mapping[str, object]) -> str | None:
        return previous_id[n] if previous_id[n] in table else None

    root = _spine_tree(documents, got, plan)
    catch_all = Node(title="", key="").add(plan.catch_all)
    placer = _Placer(root, plan, sources, groups, group_of, got, catch_all, hand_doc)

    # a nested entry stays under its parent where the earliest source nested it
    nested: dict[int, list[int]] = defaultdict(list)
    parent_of: dict[int, int] = {}
    for n, group in enumerate(groups):
        first = min((sources[i] for i in group), key=lambda s: (s.doc, s.index))
        if (
            first.parent is not None
            and group_of[first.parent] != n
            and group_of[first.parent] not in dropped
        ):
            nested[group_of[first.parent]].append(n)
            parent_of[n] = group_of[first.parent]

    # an entry left with no link at all points nowhere: reported, not written
    unlinked = {
        n
        for n, chosen in enumerate(chosen_of)
        if chosen is not None
        and n not in dropped
        and n not in nested
        and all(sources[i].doc != hand_doc for i in groups[n])
        and not _entry_links(chosen)
    }
    dropped |= unlinked

    built: dict[int, Entry] = {}
    upstream_of: dict[int, Entry] = {}
    hand_fields: dict[int, list[str]] = defaultdict(list)

    def build(n: int) -> Entry:
        if n not in built:
            members = sorted((sources[i] for i in groups[n]), key=lambda s: (s.doc, s.index))
            hand = [m.entry for m in members if m.doc == hand_doc]
            chosen = chosen_of[n]
            if not hand and chosen is not None:
                entry = chosen  # upstream only: the usual case
            else:
                entry = fit(merge_entries([m.entry for m in members], plan.prefer)).entry
                if chosen is not None:
                    entry = dataclasses.replace(
                        entry, title=chosen.title, description=chosen.description
                    )
            if ids[n] in pins:
                entry = dataclasses.replace(entry, title=pins[ids[n]])
            upstream_of[n] = entry
            if (key := hand_key(n, edits.titles)) is not None:
                entry = dataclasses.replace(entry, title=edits.titles[key])
                hand_fields[n].append("title")
            if (key := hand_key(n, edits.descriptions)) is not None:
                entry = dataclasses.replace(entry, description=edits.descriptions[key])
                hand_fields[n].append("description")
            if hand:  # an entry the maintainer added: their words win
                entry = dataclasses.replace(
                    entry, title=hand[0].title, description=hand[0].description
                )
                hand_fields[n].append("added")
            kids = tuple(
                build(k)
                for k in sorted(nested.get(n, ()), key=lambda k: groups[k][0])
                if k not in dropped
            )
            built[n] = (
                dataclasses.replace(entry, children=kids) if kids or entry.children else entry
            )
        return built[n]

    items: dict[int, list[tuple[tuple[int, int, int], Item]]] = defaultdict(list)
    nodes_by_id: dict[int, Node] = {}
    placed: dict[int, list[Node]] = {}
    left_out = list(got.left_out)
    upstream_place: dict[int, tuple[str, ...]] = {}
    for n, group in enumerate(groups):
        if n in dropped:
            first = sources[group[0]]
            left_out.append(
                LeftOut(
                    first.entry.source.file,
                    first.entry.source.line,
                    f"entry {first.entry.title!r} [{ids[n]}]",
                    "deleted by hand"
                    if n in by_hand
                    else "entry without a link"
                    if n in unlinked
                    else "dropped by decision",
                    tuple(u for i in group for u in links_of[i]),
                )
            )
            continue
        if n in parent_of:
            continue
        targets = placer.place(n) or [_catch_all_node(catch_all, placer.upstream_heading(n))]
        upstream_place[n] = targets[0].path()
        if (key := hand_key(n, edits.sections)) is not None:
            targets = [placer.node_at(edits.sections[key])]
            hand_fields[n].append("section")
        placed[n] = targets
        order = min((0 if sources[i].doc == plan.spine else 1, sources[i].doc, i) for i in group)
        for node in targets:
            nodes_by_id[id(node)] = node
            items[id(node)].append(((*order, 1), build(n)))
    for doc, position, path, block in got.blocks:
        node = root.find_path(path) if doc == plan.spine and not plan.taxonomy else None
        if node is None:
            node = placer.node_for(doc, path) or _catch_all_node(catch_all, path[-1:] or ())
        nodes_by_id[id(node)] = node
        rank = 0 if doc == plan.spine else 1
        items[id(node)].append(((rank, doc, position, 0), block))

    sections = [s for s in (_freeze(c, 2, items) for c in root.children) if s]
    tail = _freeze(catch_all, 2, items)
    if tail is not None:
        sections.append(tail)
    sections.append(_sources_section(documents, plan))
    title = (
        plan.title
        if plan.title is not None
        else (documents[plan.spine].title if documents else None)
    )
    origin = Source("merged", 0)
    preamble: tuple[Item, ...] = ()
    if plan.preamble:
        preamble = (Block(plan.preamble.strip(), origin),)
    document = Document(
        path="merged",
        title=title,
        preamble=(
            *preamble,
            *(item for _, item in sorted(items.get(id(root), []), key=lambda p: p[0])),
        ),
        sections=tuple(sections),
    )

    merged: list[MergedEntry] = []
    collisions: list[str] = []
    for n, group in enumerate(groups):
        if n in dropped:
            continue
        top = n
        while top in parent_of:
            top = parent_of[top]
        members = sorted((sources[i] for i in group), key=lambda m: (m.doc, m.index))
        entry = build(n)
        up = upstream_of[n]
        before = edits.previous.get(previous_id[n] or "")
        if before is not None:
            now = (up.title, up.description, upstream_place.get(top, ()))
            was = (before.title, before.description, before.section)
            for name, new, old in zip(("title", "description", "section"), now, was, strict=True):
                if name in hand_fields.get(n, ()) and new != old:
                    collisions.append(
                        f"[{ids[n]}] {name}: upstream changed it to {new!r}; the hand edit stays"
                    )
        merged.append(
            MergedEntry(
                entry=entry,
                id=ids[n],
                sections=tuple(node.path() for node in placed.get(top, [])),
                sources=tuple(m.ref() for m in members if m.doc != hand_doc),
                key=entry_key(entry),
                upstream=(up.title, up.description, upstream_place.get(top, ())),
                hand=tuple(dict.fromkeys(hand_fields.get(n, ()))),
            )
        )
    order = {id(e): k for k, e in enumerate(document.entries())}
    merged.sort(key=lambda m: order.get(id(m.entry), len(order)))

    conflicts = []
    for c in result.conflicts:
        refs = tuple(sources[i].ref() for i in c.indices)
        together = len({group_of[i] for i in c.indices}) == 1
        resolved = "same" if together and {r.id for r in refs} & joined else ""
        conflicts.append(
            ConflictReport(url=c.url, reason=c.reason, entries=refs, resolved=resolved)
        )
    merges = [
        MergeRecord(sources[m.into].ref(), sources[m.from_].ref(), m.reason)
        for m in result.merges
        if group_of[m.into] == group_of[m.from_]
    ]
    kept: list[str] = []
    for n, group in enumerate(groups):
        if n in dropped:
            continue
        shown = _entry_links(built[n]) if n in built else ()
        kept.extend(shown)
        # what the tidy took out (badges, another entry's link, dates that contradict
        # the arXiv id) and, of several copies, a badge or link only a copy carried in
        # its text: said so (the merged entry keeps every link of the entries themselves)
        why = dict(tidied[n].removed) if tidied[n] is not None else {}
        if len(group) == 1 and not why:
            continue  # one entry, nothing taken out: it shows every link it had
        have = {canonical_url(u) for u in shown}
        for i in group:
            entry = sources[i].entry
            missing = tuple(u for u in dict.fromkeys(links_of[i]) if canonical_url(u) not in have)
            by_reason: dict[str, list[str]] = defaultdict(list)
            for u in missing:
                reason = why.get(u)
                if reason is None:
                    reason = "link in a merged copy's text"
                by_reason[reason].append(u)
            for reason, urls in by_reason.items():
                left_out.append(
                    LeftOut(
                        entry.source.file,
                        entry.source.line,
                        f"text of {entry.title!r}, merged into [{ids[n]}]",
                        reason,
                        tuple(urls),
                    )
                )
        for text, reason in why.items():
            if not text.startswith(("http://", "https://")):
                first = sources[group[0]].entry
                left_out.append(
                    LeftOut(
                        first.source.file, first.source.line, f"{text!r} of [{ids[n]}]", reason, ()
                    )
                )
    kept_links = tuple(dict.fromkeys(kept))
    block_links = tuple(u for _, _, _, b in got.blocks for u in _web_links(b.text))
    hand_dropped = tuple(sorted((key, title, url) for key, (title, url) in edits.dropped.items()))
    return MergeResult(
        hand_dropped=hand_dropped,
        collisions=tuple(collisions),
        document=document,
        entries=tuple(merged),
        merges=tuple(merges),
        conflicts=tuple(conflicts),
        inputs=tuple(d.path for d in documents),
        entries_in=len(sources),
        left_out=tuple(left_out),
        required_links=tuple(dict.fromkeys((*kept_links, *block_links))),
    )


def _foreign_keys(
    result: DedupeResult,
    sources: Sequence[_Source],
    groups: Sequence[Sequence[int]],
    group_of: Mapping[int, int],
) -> dict[int, set[str]]:
    """Paper URLs each merged entry must give up: upstream gave the URL another title.

    A source whose title is the link's own text claims it first (a table row
    whose title cell is something else is the weaker claim), then the work
    whose copies use this URL most (a work the other lists link elsewhere has
    a URL of its own), then the one most sources give it; ties go to the
    earliest source.  The others
    lose the link, which stays in the list on its owner.
    """
    foreign: dict[int, set[str]] = defaultdict(set)
    for conflict in result.conflicts:
        if key_kind(conflict.key) not in _PAPER_KINDS:
            continue
        members: dict[int, list[int]] = defaultdict(list)
        for i in conflict.indices:
            members[group_of[i]].append(i)
        if len(members) < 2:
            continue

        def claim(
            n: int, members: Mapping[int, list[int]] = members
        ) -> tuple[int, float, int, int]:
            own = sum(
                1
                for i in members[n]
                if sources[i].entry.url_label.casefold() in ("", sources[i].entry.title.casefold())
            )
            # a work the other lists link elsewhere has its own URL: this one is a copy
            share = len(members[n]) / len(groups[n])
            return (-own, -share, -len(members[n]), min(members[n]))

        owner = min(members, key=claim)
        for n in members:
            if n != owner:
                foreign[n].add(conflict.key)
    return foreign


def _catch_all_node(catch_all: Node, path: tuple[str, ...]) -> Node:
    """The catch-all, or its subsection named after the upstream heading the entry had."""
    if not path:
        return catch_all
    return catch_all.add(path[-1])


class _Placer:
    """Where the entries of a non-spine heading go in the spine's tree."""

    def __init__(self, root, plan, sources, groups, group_of, got, catch_all, hand_doc) -> None:  # type: ignore[no-untyped-def]
        self.catch_all: Node = catch_all
        self.hand_doc: int = hand_doc
        self.root: Node = root
        self.plan: MergePlan = plan
        self.sources: Sequence[_Source] = sources
        self.groups = groups
        self.group_of = group_of
        self.got = got
        self._by_heading: dict[tuple[int, tuple[str, ...]], list[_Source]] | None = None
        self._cache: dict[tuple[int, tuple[str, ...]], Node | None] = {}
        self._spine_nodes: dict[int, Node | None] = {}

    def upstream_heading(self, n: int) -> tuple[str, ...]:
        first = min((self.sources[i] for i in self.groups[n]), key=lambda s: (s.doc, s.index))
        return first.path

    def node_at(self, path: tuple[str, ...]) -> Node:
        """The node at an output path (made if missing); the catch-all's own paths too."""
        if path and heading_key(path[0]) == self.catch_all.key:
            node = self.catch_all
            for part in path[1:]:
                node = node.add(part)
            return node
        return self.root.find_path(path) or self._make(path) if path else self.catch_all

    def _spine_node(self, source: _Source) -> Node | None:
        if self.plan.taxonomy:
            return self.node_for(source.doc, source.path)
        return self.root.find_path(source.path)

    def place(self, n: int) -> list[Node]:
        """The nodes a merged entry is listed under (several for a deliberate cross-listing)."""
        members = sorted((self.sources[i] for i in self.groups[n]), key=lambda s: (s.doc, s.index))
        spine = [m for m in members if m.doc == self.plan.spine]
        chosen = spine or [m for m in members if m.doc == members[0].doc]
        if chosen[0].doc == self.hand_doc:
            return [self.node_at(chosen[0].path)]
        nodes: list[Node] = []
        for member in chosen:
            node = self._spine_node(member) if member.doc == self.plan.spine else None
            if node is None:
                node = self.node_for(member.doc, member.path)
            if node is not None and all(node is not other for other in nodes):
                nodes.append(node)
        if self.plan.cross_listings == "one":
            nodes = nodes[:1]
        return nodes

    def node_for(self, doc: int, path: tuple[str, ...]) -> Node | None:
        """The spine node an upstream heading maps to, or None for the catch-all."""
        if not path:
            return None
        key = (doc, path)
        if key not in self._cache:
            self._cache[key] = self._map(doc, path)
        return self._cache[key]

    def _map(self, doc: int, path: tuple[str, ...]) -> Node | None:
        if doc == self.plan.spine and not self.plan.taxonomy:
            return self.root.find_path(path)
        for depth in range(len(path), 0, -1):  # the merge file's explicit map first
            target = self.plan.map_for(path[depth - 1])
            if target is not None:
                return self.root.find_path(target) or self._make(target)
        voted = self._twin_vote(doc, path)
        if voted is not None:
            return voted
        keys = self.got.headings.get((doc, path), ())
        for depth in range(len(keys), 0, -1):  # by name, the deepest heading first
            found = self.root.best_match(keys[depth - 1])
            if found is not None:
                return found
        return None

    def _make(self, target: tuple[str, ...]) -> Node:
        node = self.root
        for part in target:
            node = node.add(part)
        return node

    def _twin_vote(self, doc: int, path: tuple[str, ...]) -> Node | None:
        """Where the spine lists the twins of this heading's entries, if most agree."""
        if self.plan.taxonomy:
            return None  # an explicit tree places the spine's entries by name too
        votes: Counter[int] = Counter()
        nodes: dict[int, Node] = {}
        if self._by_heading is None:  # the sources of each upstream heading, gathered once
            self._by_heading = defaultdict(list)
            for each in self.sources:
                self._by_heading[(each.doc, each.path)].append(each)
        for source in self._by_heading.get((doc, path), ()):
            group = self.groups[self.group_of[source.index]]
            twins = [self.sources[i] for i in group if self.sources[i].doc == self.plan.spine]
            for twin in twins[:1]:
                node = self._spine_node(twin)
                if node is not None:
                    votes[id(node)] += 1
                    nodes[id(node)] = node
        total = sum(votes.values())
        if total < _MIN_TWINS:
            return None
        best, count = max(votes.items(), key=lambda kv: (kv[1], -list(nodes).index(kv[0])))
        if count / total < _TWIN_SHARE:
            return None
        return nodes[best]


def _freeze(node: Node, level: int, items) -> Section | None:  # type: ignore[no-untyped-def]
    children = [s for s in (_freeze(c, level + 1, items) for c in node.children) if s]
    own = [item for _, item in sorted(items.get(id(node), []), key=lambda p: p[0])]
    if not own and not children:
        return None  # an empty heading says nothing in a merged list
    return Section(
        title=node.title,
        level=min(level, 6),
        source=Source("merged", 0),
        items=tuple(own),
        children=tuple(children),
    )


def _sources_section(documents: Sequence[Document], plan: MergePlan) -> Section:
    """One short credit line per upstream list: its name, its home, its file."""
    lines = []
    for index, document in enumerate(documents):
        spec = plan.inputs[index] if index < len(plan.inputs) else None
        name = (
            (spec.name if spec and spec.name else None)
            or heading_text(document.title or "").strip()
            or document.path
        )
        home = spec.home if spec and spec.home else None
        shown = f"[{name}]({home})" if home else f"**{name}**"
        lines.append(f"- {shown}")
    origin = Source("merged", 0)
    return Section(
        title="Sources", level=2, source=origin, items=(Block("\n".join(lines), origin),)
    )


def input_links(document: Document) -> Iterator[str]:
    """The http(s) link targets of a parsed input."""
    for link in iter_links(document):
        if link.url.startswith(("http://", "https://")):
            yield link.url


def check_links(result: MergeResult, output: str, documents: Sequence[Document] = ()) -> list[str]:
    """Input links missing from the output text that the merge did not account for.

    Every link the merge keeps (entries, kept blocks) must be in the output;
    given the ``documents``, every other http(s) link of theirs must be either
    in the output or in ``result.left_out`` (listed there with its reason).
    Links are compared by canonical URL because the merge keeps one link per
    canonical key (``http``/``https``, ``www.``, tracking parameters ...).
    """
    from awesomelint.guard import link_targets, missing_web_links

    kept = link_targets(output)  # read once for both checks
    missing = missing_web_links(result.required_links, kept)
    if documents:
        # a left-out URL is accounted for as recorded (a URL with a quote in it is
        # not one the text reader would find in any text)
        accounted = {canonical_url(url) for x in result.left_out for url in x.links}
        every = {url for doc in documents for url in input_links(doc)}
        unseen = missing_web_links(every, kept)
        missing.extend(
            url for url in unseen if url not in missing and canonical_url(url) not in accounted
        )
    return missing
