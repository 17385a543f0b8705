"""The four upstream lists end to end: entries, known fields, repairs, links, idempotency."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesomelint.guard import link_targets
from awesomelint.model import Document, Entry, Link, Tag
from awesomelint.parse import parse_file, parse_text
from awesomelint.render import render
from tests_support import SEEDS

EXPECTED_ENTRIES = {"000": 58, "001": 226, "002": 72, "004": 0}


def _doc(key: str) -> Document:
    return parse_file(str(SEEDS[key]))


def _entry(doc: Document, title: str) -> Entry:
    (entry,) = [e for e in doc.entries() if e.title == title]
    return entry


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_every_entry_is_read(key: str) -> None:
    assert sum(1 for _ in _doc(key).entries()) == EXPECTED_ENTRIES[key]


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_every_http_link_survives_and_fmt_is_idempotent(key: str) -> None:
    source = SEEDS[key].read_text(encoding="utf-8")
    once = render(_doc(key))
    before = {t for t in link_targets(source) if t.startswith("http")}
    assert before <= link_targets(once)
    twice = render(parse_text(once, "again.md"))
    assert twice == once
    assert sum(1 for _ in parse_text(once, "x").entries()) == EXPECTED_ENTRIES[key]


def test_seed_000_paragraph_entries() -> None:
    doc = _doc("000")
    label = _entry(
        doc,
        "Label Words are Anchors: An Information Flow Perspective for Understanding "
        "In-Context Learning",
    )
    assert label.url == "https://arxiv.org/pdf/2305.14160.pdf"
    assert label.tags == (Tag("venue", "EMNLP 2023"), Tag("date", "2023.5"))
    calibrate = _entry(
        doc, "Calibrate Before Use: Improving Few-Shot Performance of Language Models"
    )
    assert calibrate.url == "https://arxiv.org/pdf/2102.09690.pdf"
    assert calibrate.source.line == 117
    siren = [e for e in doc.entries() if e.title.startswith("Siren")][0]
    assert siren.title.startswith("Siren\u2019s Song in the AI Ocean")
    assert [r.line for r in doc.repairs] == [16]
    assert [s.title for s in doc.sections] == ["survey", "papers"]


def test_seed_001_bold_titles_notes_nesting_stars() -> None:
    doc = _doc("001")
    survey = _entry(
        doc,
        "Toward Transparent AI: A Survey on Interpreting the Inner Structures of Deep "
        "Neural Networks",
    )
    assert survey.url == "https://ieeexplore.ieee.org/abstract/document/10136140"
    assert survey.url_label == "SaTML 2023"
    assert survey.links == (Link("arxiv 2207", "https://arxiv.org/abs/2207.13243"),)
    subspace = [e for e in doc.entries() if e.title.startswith("Is This the Subspace")][0]
    assert [c.title for c in subspace.children] == [
        'A Reply to Makelov et al. (2023)\'s "Interpretability Illusion" Arguments'
    ]
    pyvene = _entry(doc, "pyvene")
    assert len(pyvene.notes) == 2
    heads = [e for e in doc.entries() if e.title == "In-context learning and induction heads"]
    assert [h.url for h in heads] == [
        None,
        "https://transformer-circuits.pub/2022/in-context-learning-and-induction-heads/index.html",
    ]
    label = [e for e in doc.entries() if e.title.startswith("Label Words are Anchors")][0]
    assert label.notes == ("EMNLP 2023 best paper",)
    stars = [e for e in doc.entries() if any(t.kind == "star" for t in e.tags)]
    assert len(stars) == SEEDS["001"].read_text(encoding="utf-8").count("ðŸŒŸ")
    assert _entry(
        doc, "We Inspected Every Head In GPT-2 Small using SAEs So You Don\u2019t Have To"
    )
    assert len(list(doc.all_sections())) == 45


def test_seed_002_front_matter_linked_title_quotes_and_lines() -> None:
    doc = _doc("002")
    assert doc.front_matter is not None and doc.front_matter.startswith("title: ")
    assert doc.title == (
        "[JShollaj/awesome-llm-interpretability](https://github.com/JShollaj/awesome-llm-interpretability)"
    )
    verify = _entry(doc, "Let's Verify Step by Step")
    assert verify.url == "https://openreview.net/forum?id=v8L0pN6EOi"
    assert verify.source.line == 67
    nous = _entry(doc, "Nous Research")
    assert nous.description.startswith("Research group discussing")
    assert sum(1 for b in doc.blocks() if b.kind == "toc") == 1


def test_seed_004_skeleton_is_kept() -> None:
    doc = _doc("004")
    out = render(doc)
    toc = [b for b in doc.blocks() if b.kind == "toc"]
    assert len(toc) == 1
    # its anchors point at headings that do not exist yet: kept verbatim, not regenerated
    assert toc[0].text in out
    assert '<div align="center">' in out and "@article{rai2024practical," in out
    for heading in ("### Techniques", "### Evaluation", "### Other Resources"):
        assert heading + "\n" in out


def test_all_seeds_parse_from_the_upstream_folder(seeds: dict[str, Path]) -> None:
    assert all(path.exists() for path in seeds.values())
