"""Keeping an existing table of contents in sync, in its own shape.

A ToC covers the headings its links point to.  A heading that stands among
them (after the first covered one, before the last, at a level the ToC lists,
under a parent it lists) but has no line is given one, written like its
neighbours: same indent and marker for that level, the heading's text as label.
Nothing is removed or relabelled (a stale link is lint's to report), and a ToC
that is more than a plain list of anchor links is left as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from awesomelint.format.edits import Lines
from awesomelint.model import Block, Document, Section
from awesomelint.parse.inline import escape
from awesomelint.render import CONTENTS_SLUGS, table_of_contents
from awesomelint.slug import heading_text, unique_slugs
from awesomelint.syntax import TOC_LINE


@dataclass(frozen=True)
class _Heading:
    index: int
    section: Section
    slug: str
    parent: int | None


def _headings(document: Document) -> list[_Heading]:
    sections = list(document.all_sections())
    titles = ([document.title] if document.title is not None else []) + [s.title for s in sections]
    slugs = unique_slugs(titles)[len(titles) - len(sections) :]
    found: list[_Heading] = []
    stack: list[_Heading] = []
    for index, (section, slug) in enumerate(zip(sections, slugs, strict=True)):
        while stack and stack[-1].section.level >= section.level:
            stack.pop()
        heading = _Heading(index, section, slug, stack[-1].index if stack else None)
        found.append(heading)
        stack.append(heading)
    return found


def sync_tocs(out: Lines, document: Document) -> None:
    """Add a line to each plain ToC for every heading it is missing among those it covers."""
    headings = _headings(document)
    by_slug = {heading.slug: heading for heading in headings}
    for block in document.blocks():
        if block.kind == "toc":
            _sync(out, block, headings, by_slug)


def _sync(
    out: Lines, block: Block, headings: Sequence[_Heading], by_slug: dict[str, _Heading]
) -> None:
    first = block.source.line
    rows = block.text.split("\n")
    entries: list[tuple[int, _Heading, str, str]] = []  # (line, heading, indent, marker)
    labels: set[str] = set()
    for offset, row in enumerate(rows):
        if not row.strip():
            continue
        match = TOC_LINE.match(row)
        if match is None:
            return
        heading = by_slug.get(unquote(match["anchor"]).lower())
        if heading is None:
            return  # a stale link: the ToC is out of step in a way only a person can mend
        entries.append((first + offset, heading, match["indent"], match["marker"]))
        labels.add(match["label"].strip().lower())
    if len(entries) < 2:
        return
    indices = [heading.index for _, heading, _, _ in entries]
    if indices != sorted(set(indices)):
        return  # not in document order: a hand-made selection, not a mirror of the headings
    shape: dict[int, tuple[str, str]] = {}
    for _, heading, indent, marker in entries:
        if shape.setdefault(heading.section.level, (indent, marker)) != (indent, marker):
            return  # one level written two ways: no shape to copy
    covered = set(indices)
    children: dict[int | None, int] = {}
    for heading in headings:
        if heading.index in covered:
            children[heading.parent] = children.get(heading.parent, 0) + 1
    top = min(shape)
    for heading in headings[indices[0] + 1 : indices[-1]]:
        level = heading.section.level
        if heading.index in covered or level not in shape or heading.slug in CONTENTS_SLUGS:
            continue
        if level > top and heading.parent not in covered:
            continue
        if not children.get(heading.parent):
            continue  # none of its siblings is listed: the ToC leaves this group out
        label = escape(heading_text(heading.section.title))
        if label.strip().lower() in labels:
            continue
        after = max(line for line, listed, _, _ in entries if listed.index < heading.index)
        indent, marker = shape[level]
        out.insert_after(after, [f"{indent}{marker} [{label}](#{heading.slug})"], "toc")


def generate_toc(out: Lines, document: Document) -> None:
    """``toc = "generate"``: each ToC replaced by the generated one when that drops no link."""
    generated = table_of_contents(document)
    if not generated:
        return
    anchors = set(re.findall(r"\]\(#([^)\s]*)\)", generated))
    if not any(block.kind == "toc" for block in document.blocks()):
        sections = list(document.all_sections())
        line = sections[0].source.line
        out.insert_after(line - 1, ["## Contents", "", *generated.split("\n"), ""], "toc")
        return
    for block in document.blocks():
        if block.kind != "toc":
            continue
        if not set(re.findall(r"\]\(#([^)\s]*)\)", block.text)) <= anchors:
            continue
        rows = generated.split("\n")
        count = block.text.count("\n") + 1
        start = block.source.line
        for offset in range(count):
            line = start + offset
            out.set(line, rows[offset] if offset < len(rows) else "", "toc")
        if len(rows) > count:
            out.insert_after(start + count - 1, rows[count:], "toc")
