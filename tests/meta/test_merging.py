"""The merge hook on dedupe's own conflicts: matching sides merge, the others are wrong links."""

from __future__ import annotations

from awesomelint.dedupe import Candidate, find_duplicates
from awesomelint.meta.merging import conflict_keys, decide
from awesomelint.meta.model import Record

URL = "https://arxiv.org/abs/2310.11207"
RIGHT = "Can Large Language Models Explain Themselves? A Study of LLM-Generated Self-Explanations"
# Titles as jshollaj/awesome-llm-interpretability lists them under one arXiv id.
CANDIDATES = [
    Candidate(
        0, "Pythia: A Suite for Analyzing Large Language Models Across Training and Scaling", URL
    ),
    Candidate(1, "Can Large Language Models Explain Themselves?", URL),
    Candidate(2, "Sparse Autoencoders Find Highly Interpretable Features in Language Models", URL),
]


def test_wrong_links_are_kept_apart_and_reported_each() -> None:
    before = find_duplicates(CANDIDATES)
    assert len(before.conflicts) == 1
    records = {"arxiv:2310.11207": [Record("arxiv:2310.11207", "arxiv", title=RIGHT)]}
    after = decide(CANDIDATES, before, records)
    assert after.groups == ((0,), (1,), (2,))
    assert [c.indices for c in after.conflicts] == [(0,), (2,)]
    assert all(c.reason.startswith("wrong-link: arxiv:2310.11207 is") for c in after.conflicts)


def test_renamed_paper_merges_through_its_other_id() -> None:
    # cooperleong00 lists RepE under its OpenReview title and links both ids
    repe = "https://arxiv.org/abs/2310.01405"
    candidates = [
        Candidate(
            0,
            "Enhancing Neural Network Transparency through Representation Analysis",
            repe,
            ("https://openreview.net/forum?id=aCgybhcZFi",),
        ),
        Candidate(1, "Representation Engineering: A Top-Down Approach to AI Transparency", repe),
    ]
    before = find_duplicates(candidates)
    assert before.groups == ((0,), (1,))
    assert conflict_keys(candidates, before) == ["arxiv:2310.01405", "openreview:aCgybhcZFi"]
    records = {
        "arxiv:2310.01405": [Record("arxiv:2310.01405", "arxiv", title=candidates[1].title)],
        "openreview:aCgybhcZFi": [
            Record("openreview:aCgybhcZFi", "openreview", title=candidates[0].title)
        ],
    }
    after = decide(candidates, before, records)
    assert after.groups == ((0, 1),)
    assert after.conflicts == ()
    assert after.merges[-1].reason == "same-arxiv-id metadata"


def test_unknown_ids_leave_the_conflict_as_it_was() -> None:
    before = find_duplicates(CANDIDATES)
    assert decide(CANDIDATES, before, {}) == before
