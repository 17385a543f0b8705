"""Many parsed lists in, one deduplicated Document out, with every decision recorded.

Pure: Documents in, a ``MergeResult`` out.  Which entries are the same work is
``dedupe.find_duplicates``'s call; this module decides what the merged entry
looks like (title, primary URL, links, description, tags), where it goes (a
section tree matched across inputs), and keeps every non-entry block so that
no input link is lost.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from awesomelint.canonical import canonical_url, is_pdf_url, work_key
from awesomelint.dedupe import Candidate, find_duplicates
from awesomelint.model import Block, Document, Entry, Item, Link, Section, Source, Span, Tag
from awesomelint.render import CONTENTS_SLUGS
from awesomelint.slug import heading_text, slug

Prefer = Literal["first", "last", "longest"]
SectionMode = Literal["majority", "first", "flat"]

_SECTION_MATCH = 90.0
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SourceRef:
    """One input entry behind a merged entry: where it stood and what it said."""

    file: str
    line: int
    title: str
    url: str | None

    @property
    def span(self) -> Span:
        """The same position as the one source-position type (a line, no end)."""
        return Span(self.file, self.line)


@dataclass(frozen=True)
class MergedEntry:
    """A merged entry, the section path it was put in, and the entries it came from."""

    entry: Entry
    section: tuple[str, ...]
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class Decision:
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


@dataclass(frozen=True)
class MergeResult:
    """The merged Document and the record of how it was made."""

    document: Document
    entries: tuple[MergedEntry, ...]
    merges: tuple[Decision, ...]
    conflicts: tuple[ConflictReport, ...]
    inputs: tuple[str, ...]
    entries_in: int


@dataclass
class _Node:
    """A section of the merged tree, matched across inputs by its heading."""

    title: str
    key: str
    children: list[_Node] = field(default_factory=list)
    # (input, position in the inputs, 0 block / 1 entry): blocks keep their place
    # among the entries of their own input; later inputs' entries follow
    items: list[tuple[tuple[int, int, int], Item]] = field(default_factory=list)

    def ordered(self) -> list[Item]:
        return [item for _, item in sorted(self.items, key=lambda pair: pair[0])]

    def child(self, title: str, prefix: int = 0) -> _Node:
        """The matching subsection, created when no heading is close enough.

        ``prefix`` words that all sibling headings of the source share ("LLM
        Interpretability Tools", "LLM Interpretability Papers") are ignored.
        """
        key = " ".join(_section_key(title).split()[prefix:])
        for node in self.children:
            if node.key == key:
                return node
        from rapidfuzz import fuzz  # only the merge path pays for rapidfuzz

        scored = [(fuzz.ratio(node.key, key), i) for i, node in enumerate(self.children)]
        best = max(scored, default=(0.0, -1))
        if best[0] >= _SECTION_MATCH:
            return self.children[best[1]]
        node = _Node(title=title, key=key)
        self.children.append(node)
        return node

    def path_of(self, target: _Node) -> tuple[str, ...] | None:
        for node in self.children:
            if node is target:
                return (heading_text(node.title),)
            below = node.path_of(target)
            if below is not None:
                return (heading_text(node.title), *below)
        return None


def _section_key(title: str) -> str:
    words = [w.lower() for w in _WORD.findall(heading_text(title))]
    # "Papers" and "paper" are one section
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)


@dataclass(frozen=True)
class _Source:
    """A flattened input entry: which input, where in it, under which merged section."""

    index: int
    doc: int
    order: int
    entry: Entry
    node: _Node
    parent: int | None = None  # the source index of the entry it was nested under

    def ref(self) -> SourceRef:
        entry = self.entry
        return SourceRef(entry.source.file, entry.source.line, entry.title, entry.url)


def merge_documents(
    documents: Sequence[Document],
    *,
    sections: SectionMode = "majority",
    prefer: Prefer = "longest",
    title: str | None = None,
) -> MergeResult:
    """Merge the documents (in the given order, which breaks ties) into one."""
    root = _Node(title="", key="")
    sources: list[_Source] = []
    intros: list[list[Block]] = []
    for doc_index, document in enumerate(documents):
        # the first input's introduction opens the merged list; the others' go to "Sources"
        intro: list[Block] = []
        if doc_index > 0:
            intro.extend(b for b in document.prelude + document.preamble if isinstance(b, Block))
        intros.append(intro)
        for entry in document.preamble:
            if isinstance(entry, Entry):
                _add_entry(sources, doc_index, entry, root)
        for section in document.sections:
            _walk(section, root, doc_index, sources, intro, _shared_prefix(document.sections))

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

    group_of = {index: n for n, group in enumerate(result.groups) for index in group}
    plain = [merge_entries([sources[i].entry for i in group], prefer) for group in result.groups]
    nested = _nesting(result.groups, sources, group_of)
    built: dict[int, Entry] = {}

    def build(n: int) -> Entry:
        if n not in built:
            kids = tuple(build(k) for k in sorted(nested.get(n, ()), key=lambda k: group_first[k]))
            built[n] = dataclasses.replace(plain[n], children=kids)
        return built[n]

    group_first = [
        min((sources[i].doc, sources[i].order) for i in group) for group in result.groups
    ]
    # a parent always comes before its children in source order, so this is a forest
    parent_of = {kid: n for n, kids in nested.items() for kid in kids}
    nodes = [_choose_node([sources[i] for i in g], sections, root) for g in result.groups]
    merged: list[MergedEntry] = []
    for n, group in enumerate(result.groups):
        top = n
        while top in parent_of:
            top = parent_of[top]
        if top == n:
            nodes[n].items.append(((*group_first[n], 1), build(n)))
        members = sorted((sources[i] for i in group), key=lambda m: (m.doc, m.order))
        merged.append(
            MergedEntry(
                entry=build(n),
                section=root.path_of(nodes[top]) or (),
                sources=tuple(m.ref() for m in members),
            )
        )

    document = _document(documents, root, intros, title)
    order = {id(e): n for n, e in enumerate(document.entries())}
    merged.sort(key=lambda m: order.get(id(m.entry), len(order)))
    return MergeResult(
        document=document,
        entries=tuple(merged),
        merges=tuple(
            Decision(sources[m.into].ref(), sources[m.from_].ref(), m.reason) for m in result.merges
        ),
        conflicts=tuple(
            ConflictReport(
                url=c.url, reason=c.reason, entries=tuple(sources[i].ref() for i in c.indices)
            )
            for c in result.conflicts
        ),
        inputs=tuple(d.path for d in documents),
        entries_in=len(sources),
    )


def _add_entry(
    sources: list[_Source], doc: int, entry: Entry, node: _Node, parent: int | None = None
) -> None:
    """Flatten an entry and its nested entries (a reply under a paper) for dedupe."""
    index = len(sources)
    sources.append(
        _Source(index, doc, index, dataclasses.replace(entry, children=()), node, parent)
    )
    for child in entry.children:
        _add_entry(sources, doc, child, node, index)


def _shared_prefix(sections: Sequence[Section]) -> int:
    """How many leading words all these sibling headings share (0 for fewer than two)."""
    if len(sections) < 2:
        return 0
    keys = [_section_key(s.title).split() for s in sections]
    count = 0
    while all(len(k) > count + 1 and k[count] == keys[0][count] for k in keys):
        count += 1
    return count


def _walk(
    section: Section,
    parent: _Node,
    doc: int,
    sources: list[_Source],
    intro: list[Block],
    prefix: int = 0,
) -> None:
    # A second level-1 heading (the list's own name again) and a "Contents" section
    # are wrappers: their subsections belong one level up.
    wrapper = section.level == 1 or slug(section.title) in CONTENTS_SLUGS
    node = parent if wrapper else parent.child(section.title, prefix)
    if wrapper and "](" in section.title:
        intro.append(Block(section.title, section.source))  # its badges and links
    seen_entry = False
    for item in section.items:
        if isinstance(item, Entry):
            seen_entry = True
            _add_entry(sources, doc, item, node)
        elif item.kind == "toc":
            continue  # regenerated for the merged list
        elif wrapper and not seen_entry and parent.key == "":
            intro.append(item)  # prose under a wrapper heading introduces the list
        else:
            node.items.append(((doc, len(sources), 0), item))
    for child in section.children:
        _walk(child, node, doc, sources, intro, _shared_prefix(section.children))


def _nesting(
    groups: Sequence[Sequence[int]], sources: Sequence[_Source], group_of: dict[int, int]
) -> dict[int, list[int]]:
    """Which merged entries stay nested under which: where the earliest source nested it.

    A reply listed under its paper in one list stays under the merged paper.
    """
    nested: dict[int, list[int]] = {}
    for n, group in enumerate(groups):
        first = min((sources[i] for i in group), key=lambda s: (s.doc, s.order))
        if first.parent is not None and group_of[first.parent] != n:
            nested.setdefault(group_of[first.parent], []).append(n)
    return nested


def _choose_node(members: Sequence[_Source], mode: SectionMode, root: _Node) -> _Node:
    if mode == "flat":
        return root
    ordered = sorted(members, key=lambda m: (m.doc, m.order))
    if mode == "first":
        return ordered[0].node
    votes = Counter(id(m.node) for m in ordered)
    best = max(votes.values())
    return next(m.node for m in ordered if votes[id(m.node)] == best)


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


def _label_for(url: str, label: str) -> str:
    if label:
        return label
    if is_pdf_url(url):
        return "pdf"
    key = work_key(url)
    if key:
        return key.split(":", 1)[0]
    host = re.sub(r"^www\.", "", url.split("//", 1)[-1].split("/", 1)[0])
    return host or "link"


_NESTED = re.compile(r"\[[^\]]*\]\((https?://[^\s()]+)\)")


def repair_url(url: str) -> str:
    """The URL meant by a link nested in a destination (``[10.48550/x](http://…)``)."""
    nested = _NESTED.fullmatch(url)
    return nested.group(1) if nested else url


def merge_entries(entries: Sequence[Entry], prefer: Prefer = "longest") -> Entry:
    """One entry from several that are the same work (in source order)."""
    entries = [
        dataclasses.replace(
            e,
            url=repair_url(e.url) if e.url else e.url,
            links=tuple(dataclasses.replace(x, url=repair_url(x.url)) for x in e.links),
        )
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
            offered.append(Link(_label_for(entry.url, entry.url_label), entry.url))
        offered.extend(entry.links)
        for link in offered:
            key = canonical_url(link.url)
            if key not in taken:
                taken.add(key)
                links.append(link)
    descriptions = [e.description for e in entries if e.description]
    tags: list[Tag] = []
    # a venue already shown as the primary link's label is not repeated as a tag
    seen_tags = {(kind, url_label.casefold()) for kind in ("venue", "date", "topic")}
    for entry in entries:
        for tag in entry.tags:
            mark = (tag.kind, tag.text.casefold())
            if mark not in seen_tags:
                seen_tags.add(mark)
                tags.append(tag)
    notes = list(dict.fromkeys(note for e in entries for note in e.notes))
    return Entry(
        title=choose_title([e.title for e in entries], prefer),
        url=url,
        url_label=url_label,
        links=tuple(links),
        description=_pick(descriptions, prefer) if descriptions else "",
        tags=tuple(sorted(tags, key=lambda t: t.kind != "star")),
        notes=tuple(notes),
        source=first.source,
    )


def _document(
    documents: Sequence[Document], root: _Node, intros: list[list[Block]], title: str | None
) -> Document:
    first = documents[0] if documents else Document(path="merged")
    merged_title = title if title is not None else first.title
    origin = Source("merged", 0)
    sections = [s for s in (_freeze(n, 1, origin) for n in root.children) if s is not None]
    sources_section = _sources_section(documents, intros, origin)
    if sources_section is not None:
        sections.append(sources_section)
    return Document(
        path="merged",
        title=merged_title,
        prelude=tuple(b for b in first.prelude if isinstance(b, Block)),
        preamble=(
            *(b for b in first.preamble if isinstance(b, Block) and b.kind != "toc"),
            *(intros[0] if intros else ()),
            *root.ordered(),
        ),
        sections=tuple(sections),
    )


def _freeze(node: _Node, level: int, origin: Source) -> Section | None:
    children = [s for s in (_freeze(c, level + 1, origin) for c in node.children) if s]
    items = node.ordered()
    if not items and not children:
        return None  # an empty heading says nothing in a merged list
    return Section(
        title=node.title,
        level=level + 1,
        source=origin,
        items=tuple(items),
        children=tuple(children),
    )


def _sources_section(
    documents: Sequence[Document], intros: list[list[Block]], origin: Source
) -> Section | None:
    """Where each input came from, with the introductions of all but the first."""
    if not documents:
        return None
    children = []
    for index, document in enumerate(documents):
        intro = intros[index] if index > 0 else []
        note = Block(f"From `{document.path}`.", origin)
        children.append(
            Section(
                title=document.title or document.path,
                level=3,
                source=origin,
                items=(note, *(b for b in intro if b.kind != "toc")),
            )
        )
    return Section(title="Sources", level=2, source=origin, children=tuple(children))


def input_links(document: Document) -> Iterator[str]:
    """The http(s) link targets of a parsed input (what a merge must keep)."""
    from awesomelint.extract import iter_links

    for link in iter_links(document):
        if link.url.startswith(("http://", "https://")):
            yield link.url


def check_links(documents: Sequence[Document], output: str) -> list[str]:
    """Input http(s) links whose canonical form is missing from the output text.

    Links are compared by canonical URL because the merge keeps one link per
    canonical key (``http``/``https``, ``www.``, tracking parameters ...).
    """
    from awesomelint.guard import missing_web_links

    return missing_web_links((url for doc in documents for url in input_links(doc)), output)


def _ref(ref: SourceRef) -> dict[str, object]:
    return {"file": ref.file, "line": ref.line, "title": ref.title, "url": ref.url}


def report_data(result: MergeResult) -> dict[str, object]:
    """The ``--report`` JSON: entries with their sources, merges with reasons, conflicts."""
    return {
        "inputs": list(result.inputs),
        "entries": [
            {
                "title": m.entry.title,
                "url": m.entry.url,
                "section": " > ".join(m.section),
                "sources": [_ref(s) for s in m.sources],
            }
            for m in result.entries
        ],
        "merges": [
            {"into": _ref(d.into), "from": _ref(d.from_), "reason": d.reason} for d in result.merges
        ],
        "conflicts": [
            {"url": c.url, "reason": c.reason, "entries": [_ref(s) for s in c.entries]}
            for c in result.conflicts
        ],
    }
