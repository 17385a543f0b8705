"""The dedupe engine: real duplicates and traps from the seed lists, and its invariants."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesomelint.dedupe import Candidate, Conflict, Decision, DedupeResult, find_duplicates
from seed_entries import SEED_FILES, SEEDS, all_seed_entries


def _dedupe(
    *entries: tuple[str, str | None] | tuple[str, str | None, tuple[str, ...]],
) -> DedupeResult:
    return find_duplicates([Candidate(i, *entry) for i, entry in enumerate(entries)])


def _together(result: DedupeResult, *indices: int) -> bool:
    return any(set(indices) <= set(group) for group in result.groups)


# --- the same work ---------------------------------------------------------------------------


def test_ioi_paper_in_three_lists_is_one_work() -> None:
    result = _dedupe(
        (
            "Interpretability in the Wild: a Circuit for Indirect Object Identification in GPT-2 small.",  # noqa: E501 (a real title)
            "https://arxiv.org/pdf/2211.00593.pdf",
        ),
        (
            "Interpretability in the wild: a circuit for indirect object identification in GPT-2 small",  # noqa: E501 (a real title)
            "https://openreview.net/forum?id=NpsVSN6o4ul",
        ),
        ("Interpretability in the Wild: GPT-2 small (arXiv)", "https://arxiv.org/abs/2211.00593"),
    )
    assert result.groups == ((0, 1, 2),)
    reasons = {(m.into, m.from_): m.reason for m in result.merges}
    assert reasons[(0, 2)] == "same-arxiv-id"  # the short title alone would not merge
    assert reasons[(0, 1)] == "same-title"  # OpenReview vs arXiv: only the title can tell
    assert result.conflicts == ()


def test_pdf_and_abs_links_with_titles_differing_in_case() -> None:
    result = _dedupe(
        (
            "Polysemanticity and Capacity in Neural Networks.",
            "https://arxiv.org/pdf/2210.01892.pdf",
        ),
        ("Polysemanticity and capacity in neural networks", "https://arxiv.org/abs/2210.01892"),
    )
    assert result.groups == ((0, 1),)
    assert result.merges[0].reason == "same-arxiv-id"


def test_same_page_with_and_without_index_html() -> None:
    result = _dedupe(
        (
            "Toy Models of Superposition.",
            "https://transformer-circuits.pub/2022/toy_model/index.html",
        ),
        ("Toy Models of Superposition", "https://transformer-circuits.pub/2022/toy_model/"),
    )
    assert result.groups == ((0, 1),)
    assert result.merges[0].reason == "same-url"


def test_lesswrong_and_alignment_forum_decided_by_the_id_not_the_title() -> None:
    # The titles are a containment pair that a fuzzy title score must not merge on its own.
    af = (
        "200 Concrete Open Problems in Mechanistic Interpretability: Introduction by Neel Nanda",
        "https://www.alignmentforum.org/s/yivyHaCAmMJ3CqSyj",
    )
    lw = (
        "200 Concrete Open Problems in Mechanistic Interpretability",
        "https://www.lesswrong.com/s/yivyHaCAmMJ3CqSyj",
    )
    result = _dedupe(af, lw)
    assert result.groups == ((0, 1),)
    assert result.merges[0].reason == "same-lesswrong-id"
    elsewhere = (lw[0], "https://example.org/open-problems")
    assert _dedupe(af, elsewhere).groups == ((0,), (1,))


def test_fuzzy_title_variants() -> None:
    result = _dedupe(
        ("Towards monosemanticity: Decomposing language models with dictionary learning", None),
        (
            '"Towards Monosemanticity: Decomposing Language Models With Dictionary Learning"',
            "https://a.org/1",
        ),
        (
            "Towards Monosemanticity: Decomposing Language Models With Dictionary Lerning",
            "https://b.org/2",
        ),
        (
            "Decomposing Language Models With Dictionary Learning: Towards Monosemanticity",
            "https://c.org/3",
        ),
        (
            "Sirenâ€™s Song in the AI Ocean: A Survey on Hallucination in Large Language Models",
            None,
        ),
        (
            "Siren's Song in the AI Ocean: A Survey on Hallucination in Large Language Models",
            "https://d.org",
        ),
        ("Locating and Editing Factual Associations in GPT (*ROME*)", "https://e.org"),
        ("Locating and Editing Factual Associations in GPT.", "https://f.org"),
    )
    assert result.groups == ((0, 1, 2, 3), (4, 5), (6, 7))
    assert any(m.reason.startswith("fuzzy-title ") for m in result.merges)


def test_entries_listed_twice_in_one_list() -> None:
    result = _dedupe(
        (
            "Progress measures for grokking via mechanistic interpretability",
            "https://openreview.net/forum?id=9XFSbDPmdW",
        ),
        ("In-context learning and induction heads", None),
        (
            "Progress measures for grokking via mechanistic interpretability",
            "https://openreview.net/forum?id=9XFSbDPmdW",
        ),
        (
            "In-context learning and induction heads",
            "https://transformer-circuits.pub/2022/in-context-learning-and-induction-heads/index.html",
        ),
    )
    assert result.groups == ((0, 2), (1, 3))


# --- different works -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("A Survey of Large Language Models", "Explainability for Large Language Models: A Survey"),
        (
            "Emergent Abilities of Large Language Models",
            "Are Emergent Abilities of Large Language Models a Mirage?",
        ),
        (
            "Transformer Feed-Forward Layers Are Key-Value Memories",
            "Transformer Feed-Forward Layers Build Predictions",
        ),
        (
            "Language models can explain neurons in language models",
            "Can Large Language Models Explain Themselves?",
        ),
        ("Towards Monosemanticity", "Monosemanticity"),
        (
            "Locating and Editing Factual Associations in GPT",
            "Locating and Editing Factual Associations in GPT-J",
        ),
        (
            "Llama 2: Open Foundation and Fine-Tuned Chat Models",
            "Llama 3: Open Foundation and Fine-Tuned Chat Models",
        ),
        (
            "Large Language Models Are Not Robust Multiple Choice Selectors",
            "Large Language Models Are Robust Multiple Choice Selectors",
        ),
        (
            "Scaling Laws for Neural Language Models",
            "Scaling Laws and Interpretability of Learning from Repeated Data",
        ),
        (
            "Interpretability in the Wild: GPT-2 small (arXiv)",
            "Interpretability in the Wild: a Circuit for Indirect Object Identification in GPT-2 small",  # noqa: E501 (a real title)
        ),
    ],
)
def test_traps_stay_apart(a: str, b: str) -> None:
    result = _dedupe((a, "https://example.org/a"), (b, "https://example.org/b"))
    assert result.groups == ((0,), (1,))


def test_shared_secondary_link_is_not_a_duplicate() -> None:
    result = _dedupe(
        (
            "ReFT: Representation Finetuning for Language Models",
            "https://arxiv.org/abs/2404.03592",
            ("https://github.com/stanfordnlp/pyreft",),
        ),
        ("pyreft", "https://github.com/stanfordnlp/pyreft"),
        ("Rome", "https://github.com/kmeng01/rome"),
        (
            "Locating and Editing Factual Associations in GPT (*ROME*)",
            "https://proceedings.neurips.cc/paper_files/paper/2022/hash/6f1d43d5a82a37e89b0665b33bf3a182-Abstract-Conference.html",
            ("https://github.com/kmeng01/rome",),
        ),
    )
    assert result.groups == ((0,), (1,), (2,), (3,))


def test_same_name_on_two_repositories_is_two_tools() -> None:
    result = _dedupe(
        ("Sparse Autoencoder", "https://github.com/ai-safety-foundation/sparse_autoencoder"),
        ("Sparse Autoencoder", "https://github.com/openai/sparse_autoencoder"),
        ("Sparse Autoencoder", "https://github.com/OpenAI/sparse_autoencoder#readme"),
    )
    assert result.groups == ((0,), (1, 2))


def test_short_generic_titles_need_a_shared_link() -> None:
    assert _dedupe(("Pythia", "https://a.org"), ("Pythia", "https://b.org")).groups == ((0,), (1,))
    assert _dedupe(("Pythia", "https://a.org/"), ("pythia", "http://a.org")).groups == ((0, 1),)


# --- conflicts: one URL, clearly different titles --------------------------------------------


def test_wrongly_copied_arxiv_link_is_a_conflict() -> None:
    url = "https://arxiv.org/abs/2310.11207"
    result = _dedupe(
        ("Pythia: A Suite for Analyzing Large Language Models Across Training and Scaling", url),
        ("Can Large Language Models Explain Themselves?", url),
        ("Sparse Autoencoders Find Highly Interpretable Features in Language Models", url),
        ("Emergent and Predictable Memorization in Large Language Models", url),
        (
            "Sparse Autoencoders Find Highly Interpretable Features in Language Models",
            "https://openreview.net/forum?id=F76bwRSLeK",
        ),
    )
    assert result.groups == ((0,), (1,), (2, 4), (3,))
    (conflict,) = result.conflicts
    assert conflict == Conflict(
        indices=(0, 1, 2, 3),
        url="https://arxiv.org/abs/2310.11207",
        key="arxiv:2310.11207",
        clusters=((0,), (1,), (2,), (3,)),
        reason="different-titles",
    )


def test_wrongly_copied_blog_link_is_a_conflict() -> None:
    url = "https://www.neelnanda.io/mechanistic-interpretability/getting-started"
    result = _dedupe(
        ("Concrete Steps to Get Started in Transformer Mechanistic Interpretability", url),
        ("Mechanistic Interpretability Quickstart Guide", url),
    )
    assert result.groups == ((0,), (1,))
    assert [c.key for c in result.conflicts] == [
        "https://neelnanda.io/mechanistic-interpretability/getting-started"
    ]


def test_conflict_sides_are_not_joined_through_a_third_title() -> None:
    url = "https://example.org/paper"
    result = _dedupe(
        ("Mechanistic Interpretability Quickstart Guide", url),
        ("Concrete Steps to Get Started in Transformer Mechanistic Interpretability", url),
        ("Mechanistic Interpretability Quickstart Guide", "https://example.org/quickstart"),
        (
            "Concrete Steps to Get Started in Transformer Mechanistic Interpretability",
            "https://example.org/steps",
        ),
    )
    assert result.groups == ((0, 2), (1, 3))
    assert len(result.conflicts) == 1


def test_untitled_entries_on_a_url_join_its_only_title() -> None:
    result = _dedupe(
        ("", "https://arxiv.org/abs/2211.00593"),
        ("Interpretability in the Wild", "https://arxiv.org/pdf/2211.00593"),
    )
    assert result.groups == ((0, 1),)


# --- the four seeds --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> tuple[list, DedupeResult]:
    entries = all_seed_entries()
    candidates = [Candidate(i, e.title, e.url, e.links) for i, e in enumerate(entries)]
    return entries, find_duplicates(candidates)


def _find(entries: Sequence, seed: str, title_start: str) -> int:
    (index,) = [
        i for i, e in enumerate(entries) if e.seed == seed and e.title.startswith(title_start)
    ][:1]
    return index


@pytest.mark.parametrize(
    "members",
    [
        [
            ("000", "Interpretability in the Wild: a Circuit"),
            ("001", "Interpretability in the wild"),
            ("002", "Interpretability in the Wild: GPT-2"),
        ],
        [
            ("000", "Toy Models of Superposition"),
            ("001", "Toy Models of Superposition"),
            ("002", "Toy Models of Superposition"),
        ],
        [
            ("000", "Polysemanticity and Capacity"),
            ("001", "Polysemanticity and Capacity"),
            ("002", "Polysemanticity and capacity"),
        ],
        [
            ("000", "Toward Transparent AI"),
            ("001", "Toward Transparent AI"),
            ("002", "Toward Transparent AI"),
        ],
        [
            ("000", "How does GPT-2 compute"),
            ("001", "How does GPT-2 compute"),
            ("002", "How does GPT-2 compute"),
        ],
        [("001", "200 Concrete Open Problems"), ("002", "200 Concrete Open Problems")],
        [("001", "interpreting GPT: the logit lens"), ("002", "Interpreting GPT: the logit lens")],
        [("001", "Towards monosemanticity"), ("002", "Towards Monosemanticity")],
        [("001", "Finding Neurons in a Haystack"), ("002", "Finding Neurons in a Haystack")],
        [("001", "Copy Suppression"), ("002", "Copy Suppression")],
        [("001", "Successor Heads"), ("002", '"Successor Heads')],
        [("001", "Sparse Autoencoders Find"), ("002", "Sparse Autoencoders Find")],
        [("000", "A Mathematical Framework"), ("001", "A mathematical framework")],
        [
            ("000", "Explainability for Large Language Models"),
            ("001", "Explainability for Large Language Models"),
        ],
        [("000", "Mass-Editing Memory"), ("001", "Mass-Editing Memory")],
    ],
)
def test_seed_duplicates_are_merged(
    seeds: tuple[list, DedupeResult], members: list[tuple[str, str]]
) -> None:
    entries, result = seeds
    assert _together(result, *(_find(entries, seed, title) for seed, title in members))


def test_seed_entries_listed_twice_in_one_list_are_merged(seeds: tuple[list, DedupeResult]) -> None:
    entries, result = seeds
    for seed, title in [
        ("001", "Progress measures for grokking"),
        ("001", "DEPN: Detecting and Editing"),
        ("001", "In-context learning and induction heads"),
        ("002", "Discovering Latent Knowledge"),
    ]:
        indices = [i for i, e in enumerate(entries) if e.seed == seed and e.title.startswith(title)]
        assert len(indices) == 2 and _together(result, *indices), title


def test_seed_traps_stay_apart(seeds: tuple[list, DedupeResult]) -> None:
    entries, result = seeds
    for a, b in [
        (
            ("000", "A Survey of Large Language Models"),
            ("000", "Explainability for Large Language Models"),
        ),
        (("000", "Emergent Abilities of Large"), ("000", "Are Emergent Abilities")),
        (
            ("002", "Rome"),
            ("001", "Locating and Editing Factual"),
        ),  # tool vs paper with its code link
        (("001", "pyreft"), ("001", "ReFT: Representation Finetuning")),
    ]:
        assert not _together(result, _find(entries, *a), _find(entries, *b)), (a, b)


def test_seed_conflicts(seeds: tuple[list, DedupeResult]) -> None:
    entries, result = seeds
    by_key = {c.key: c for c in result.conflicts}
    pythia = by_key["arxiv:2310.11207"]
    assert sorted(entries[i].title[:20] for i in pythia.indices) == [
        "Can Large Language M",
        "Emergent and Predict",
        "Pythia: A Suite for ",
        "Sparse Autoencoders ",
    ]
    assert len(pythia.clusters) == 4
    neel = by_key["https://neelnanda.io/mechanistic-interpretability/getting-started"]
    assert len(neel.indices) == 2 and len(neel.clusters) == 2
    for conflict in result.conflicts:  # no conflict side was merged into another
        for a in conflict.clusters:
            for b in conflict.clusters:
                if a != b:
                    assert not _together(result, a[0], b[0])


def test_seed_with_real_parser(seeds: tuple[list, DedupeResult]) -> None:
    """The same through the project's parser, once it reads the lists."""
    from awesomelint.parse import parse_file

    candidates = []
    for name in SEED_FILES.values():
        for entry in parse_file(str(SEEDS / name)).entries():
            links = tuple(link.url for link in entry.links)
            candidates.append(Candidate(len(candidates), entry.title, entry.url, links))
    result = find_duplicates(candidates)
    titles = [c.title for c in candidates]

    def group_of(start: str) -> set[int]:
        (group,) = {
            g for g in result.groups for i in g if titles[i].lower().startswith(start.lower())
        }
        return set(group)

    assert len(group_of("Toy Models of Superposition")) == 3
    assert len(group_of("Polysemanticity and capacity")) == 3
    assert not group_of("A Survey of Large Language Models") & group_of("Explainability for Large")
    assert any(c.key == "arxiv:2310.11207" for c in result.conflicts)


# --- invariants ------------------------------------------------------------------------------

_TITLES = [
    "Toy Models of Superposition",
    "toy models of superposition.",
    "Toy Model of Superposition",
    "Emergent Abilities of Large Language Models",
    "Are Emergent Abilities of Large Language Models a Mirage?",
    "A Survey of Large Language Models",
    "Large Language Models: A Survey",
    "Pythia",
    "",
    "Sparse Autoencoder",
    "Mechanistic Interpretability Quickstart Guide",
]
_URLS = [
    None,
    "https://arxiv.org/abs/2211.00593",
    "https://arxiv.org/pdf/2211.00593v2.pdf",
    "https://openreview.net/forum?id=NpsVSN6o4ul",
    "https://github.com/openai/sparse_autoencoder",
    "https://github.com/OpenAI/sparse_autoencoder/",
    "https://github.com/other/sparse_autoencoder",
    "https://example.org/page",
]
_entries = st.lists(
    st.tuples(st.sampled_from(_TITLES) | st.text(max_size=12), st.sampled_from(_URLS)), max_size=14
)


def _partition(
    entries: Sequence[tuple[str, str | None]], order: Sequence[int]
) -> set[frozenset[tuple]]:
    """The grouping of ``entries`` fed in ``order``, as sets of (entry number, content)."""
    candidates = [Candidate(i, *entries[n]) for i, n in enumerate(order)]
    result = find_duplicates(candidates)
    return {frozenset((order[i], entries[order[i]]) for i in group) for group in result.groups}


def _content_partition(partition: set[frozenset[tuple]]) -> set[frozenset[tuple]]:
    # Identical entries are interchangeable: compare the groups by content (with multiplicity).
    return {
        frozenset((content, sum(1 for _, c in group if c == content)) for _, content in group)
        for group in partition
    }


@settings(max_examples=150, deadline=None)
@given(_entries, st.randoms(use_true_random=False))
def test_grouping_does_not_depend_on_input_order(entries: list, rng) -> None:
    order = list(range(len(entries)))
    shuffled = order[:]
    rng.shuffle(shuffled)
    assert _content_partition(_partition(entries, order)) == _content_partition(
        _partition(entries, shuffled)
    )


@settings(max_examples=100, deadline=None)
@given(_entries)
def test_result_shape(entries: list) -> None:
    candidates = [Candidate(10 * i + 3, *entry) for i, entry in enumerate(entries)]
    result = find_duplicates(candidates)
    flat = [i for group in result.groups for i in group]
    assert sorted(flat) == sorted(c.index for c in candidates)  # every index exactly once
    assert all(list(group) == sorted(group) for group in result.groups)
    assert [group[0] for group in result.groups] == sorted(group[0] for group in result.groups)
    assert len(result.merges) == len(candidates) - len(result.groups)  # a spanning forest
    for merge in result.merges:
        assert _together(result, merge.into, merge.from_)
    for conflict in result.conflicts:
        assert sorted(i for cluster in conflict.clusters for i in cluster) == list(conflict.indices)


def test_identical_candidates_always_merge() -> None:
    result = _dedupe(
        *[("Toy Models of Superposition", "https://transformer-circuits.pub/2022/toy_model")] * 5
    )
    assert result.groups == ((0, 1, 2, 3, 4),)


def test_duplicate_indices_are_rejected() -> None:
    with pytest.raises(ValueError, match="unique"):
        find_duplicates([Candidate(1, "a", None), Candidate(1, "b", None)])


def test_empty_input() -> None:
    assert find_duplicates([]) == DedupeResult((), (), ())


def test_blocking_scales_past_a_single_block() -> None:
    """Many titles sharing common words still meet their own duplicates (no all-pairs needed)."""
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
    entries = []
    for i in range(300):
        first, second, third = words[i % 10], words[(i // 10) % 10], words[(i // 100) % 10]
        title = f"Large Language Models {first} {second} Study {third}x{i}"
        entries.append((title, f"https://example.org/{i}"))
    entries.append((entries[123][0].upper() + ".", "https://other.org/123"))
    result = _dedupe(*entries)
    assert _together(result, 123, 300)
    assert len(result.duplicate_groups()) == 1


_WORDS = "sparse autoencoders circuits probing probings attention heads the of neuron".split()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map(" ".join),
            st.sampled_from(["", "s", " 2023", " v2", " (ACL'23)"]),
        ).map("".join),
        min_size=2,
        max_size=120,
    )
)
def test_the_plain_path_for_small_lists_finds_the_pairs_the_numpy_path_finds(
    titles: list[str],
) -> None:
    """Small lists (lint's case) are blocked without numpy; the blocks must be the same."""
    from awesomelint.dedupe import blocking
    from awesomelint.dedupe.scoring import prepare

    prepared = [prepare(t) for t in titles]
    forms = [
        (n, f)
        for n, t in enumerate(prepared)
        for f in ((t,) if t.core is None else (t, t.core))
        if f.bag
    ]
    few = blocking._few_candidate_pairs(forms, prepared)
    assert few == blocking._many_candidate_pairs(prepared)


def test_a_small_list_never_imports_numpy() -> None:
    import subprocess
    import sys

    names = [f"{a}{b} {c}" for a in "BCDFG" for b in "aeiou" for c in ("Kit", "Lens", "Probe")]
    entries = "".join(f"- [{name}](https://x.org/{n}) - D.\n" for n, name in enumerate(names * 4))
    document = "# T\n\n## A\n\n" + entries
    code = (
        "import sys\nfrom awesomelint.dedupe import Candidate, find_duplicates\n"
        "from awesomelint.parse import parse_text\n"
        f"doc = parse_text({document!r}, 't.md')\n"
        "cands = [Candidate(index=i, title=e.title, url=e.url, links=()) "
        "for i, e in enumerate(doc.entries())]\n"
        "find_duplicates(cands)\nassert 'numpy' not in sys.modules, 'numpy imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]


# --- issue 10: generic titles, moved repositories, asides, prefixes, decisions ---------------


@pytest.mark.parametrize(
    ("title", "a", "b"),
    [
        # issue 10: the UK Parliament's and Siemens' glossaries, merged on the title alone
        (
            "Artificial intelligence glossary",
            "https://committees.parliament.uk/publications/ai-glossary/",
            "https://www.siemens.com/global/en/company/stories/artificial-intelligence-glossary.html",
        ),
        # the Danish and the Norwegian national strategies
        (
            "National Strategy for Artificial Intelligence",
            "https://en.digst.dk/policy-and-strategy/denmark-s-national-strategy-for-ai/",
            "https://www.regjeringen.no/en/dokumenter/nasjonal-strategi-for-kunstig-intelligens/id2685594/",
        ),
        # two posts of one blog, each listed under the blog's name
        (
            "Neptune-AI blog",
            "https://neptune.ai/blog/explainability-auditability-ml-definitions-techniques-tools",
            "https://neptune.ai/blog/ml-model-interpretation-tools",
        ),
    ],
)
def test_a_generic_title_does_not_join_two_different_links(title: str, a: str, b: str) -> None:
    assert _dedupe((title, a), (title, b)).groups == ((0,), (1,))
    # nor through a third entry without a link
    assert _dedupe((title, a), (title, None), (title, b)).duplicate_groups() in (
        ((0, 1),),
        ((1, 2),),
    )
    # the same link still is the same page
    assert _dedupe((title, a), (title.lower(), a)).groups == ((0, 1),)


def test_a_specific_title_still_joins_two_sites() -> None:
    result = _dedupe(
        ("Toy Models of Superposition", "https://transformer-circuits.pub/2022/toy_model/"),
        ("Toy models of superposition.", "https://arxiv.org/abs/2209.10652"),
        # a glossary of a named subject is specific enough
        (
            "Mechanistic Interpretability Glossary",
            "https://www.neelnanda.io/mechanistic-interpretability/glossary",
        ),
        ("Mechanistic Interpretability Glossary", "https://dynalist.io/d/n2ZWtnoYHrU1s4vnFSAQ519J"),
    )
    assert result.groups == ((0, 1), (2, 3))


def test_a_branch_root_and_a_moved_repository_are_one_repository() -> None:
    # cooperleong00's list (lists/upstream) links the old owner; newer lists the new one
    result = _dedupe(
        ("TransformerLens", "https://github.com/neelnanda-io/TransformerLens"),
        ("TransformerLens", "https://github.com/TransformerLensOrg/TransformerLens/tree/main"),
        ("CircuitsVis", "https://github.com/alan-cooney/CircuitsVis"),
        ("CircuitsVis", "https://github.com/TransformerLensOrg/CircuitsVis"),
        # a folder of the repository is another link
        (
            "TransformerLens demos",
            "https://github.com/TransformerLensOrg/TransformerLens/tree/main/demos",
        ),
    )
    assert result.groups == ((0, 1), (2, 3), (4,))
    assert {m.reason for m in result.merges} == {"same-github-id"}


def test_aliases_follow_a_move_the_link_checker_saw() -> None:
    entries = [
        Candidate(0, "Sparse Autoencoder", "https://github.com/old-owner/sparse_autoencoder"),
        Candidate(1, "Sparse Autoencoder", "https://github.com/openai/sparse_autoencoder"),
    ]
    assert find_duplicates(entries).groups == ((0,), (1,))
    moved = {"github:old-owner/sparse_autoencoder": "github:openai/sparse_autoencoder"}
    assert find_duplicates(entries, aliases=moved).groups == ((0, 1),)


def test_a_venue_suffix_is_compared_and_merged() -> None:
    # issue 10: the suffix scores 100 without it, but blocking on rare words never compared them
    result = _dedupe(
        (
            "Interpretability of Language Models via Task Spaces (ACL'23 BlackboxNLP)",
            "https://aclanthology.org/2023.blackboxnlp-1.1",
        ),
        (
            "Interpretability of Language Models via Task Spaces",
            "https://arxiv.org/abs/2305.12345",
        ),
    )
    assert result.groups == ((0, 1),)
    assert result.merges[0].reason.startswith("fuzzy-title")


def test_position_and_position_paper_are_one_prefix() -> None:
    # cooperleong00's list (lists/upstream) writes "Position Paper:", the arXiv page "Position:"
    result = _dedupe(
        (
            "Position Paper: Toward New Frameworks for Studying Model Representations",
            "http://arxiv.org/abs/2402.03855",
        ),
        (
            "Position: Toward New Frameworks for Studying Model Representations",
            "https://openreview.net/forum?id=abcdEFGH12",
        ),
    )
    assert result.groups == ((0, 1),)


def test_a_same_decision_joins_a_renamed_paper_without_a_conflict() -> None:
    # RepE: one arXiv id listed under its first and its final title
    url = "https://arxiv.org/abs/2310.01405"
    entries = [
        Candidate(0, "Representation Engineering: A Top-Down Approach to AI Transparency", url),
        Candidate(1, "Steering Language Models from the Top Down", url + "v3", ident="e7f3"),
    ]
    before = find_duplicates(entries)
    assert before.groups == ((0,), (1,)) and len(before.conflicts) == 1
    for ref in ("arxiv:2310.01405", url, "https://arxiv.org/pdf/2310.01405v2"):
        after = find_duplicates(entries, decisions=[Decision("same", (ref,))])
        assert after.groups == ((0, 1),)
        assert after.conflicts == ()
        assert [m.reason for m in after.merges] == ["decision"]


def test_a_different_decision_keeps_a_merge_apart() -> None:
    entries = [
        Candidate(0, "Toy Models of Superposition", "https://arxiv.org/abs/2209.10652", ident="a"),
        Candidate(1, "Toy models of superposition", "https://example.org/toy", ident="b"),
        Candidate(2, "Toy Models of Superposition.", None, ident="c"),
    ]
    assert find_duplicates(entries).groups == ((0, 1, 2),)
    decided = find_duplicates(entries, decisions=[Decision("different", ("a", "b"))])
    assert decided.groups in (((0, 2), (1,)), ((0,), (1, 2)))
    # by URL as well; and a `same` that contradicts a `different` loses
    decisions = [
        Decision("different", ("https://arxiv.org/pdf/2209.10652", "https://example.org/toy")),
        Decision("same", ("a", "b")),
    ]
    assert find_duplicates(entries, decisions=decisions).duplicate_groups() != ((0, 1, 2),)


@pytest.mark.parametrize(
    "formula", ["Interpretability of transformer {n}", "Chapter {n}", "Entry {n} {x}"]
)
def test_titles_that_differ_only_by_numbers_are_never_compared(formula: str) -> None:
    # issue 13: 5,000 such titles took 30 s, 50k "Entry N x" 500 s and 5 GB
    from awesomelint.dedupe.blocking import candidate_pairs
    from awesomelint.dedupe.scoring import prepare

    titles = [prepare(formula.format(n=n, x="abc"[n % 3])) for n in range(5_000)]
    assert candidate_pairs(titles) == []
    result = _dedupe(*((formula.format(n=n, x="x"), None) for n in range(2_000)))
    assert len(result.groups) == 2_000


def test_blocks_stay_bounded_on_a_small_vocabulary() -> None:
    # 40 words for 3,000 titles: every rare-word block of the old blocking held hundreds
    import random

    from awesomelint.dedupe.blocking import BLOCK_BOUND, candidate_pairs
    from awesomelint.dedupe.scoring import prepare

    rng = random.Random(7)
    words = [f"w{chr(97 + i // 8)}{'aeiou'[i % 5]}{'klmnp'[i % 8 % 5]}x" for i in range(40)]
    titles = list({" ".join(rng.sample(words, rng.randint(3, 6))): None for _ in range(3_000)})
    prepared = [prepare(title) for title in titles]
    pairs = candidate_pairs(prepared)
    keys = sum(1 + len(p.bag) for p in prepared)
    assert len(pairs) <= BLOCK_BOUND * keys
    assert len(pairs) < len(titles) * (len(titles) - 1) // 20


def test_table_of_contents_rows_are_not_works() -> None:
    # issue 10: rows of two lists' tables of contents were merged with each other and entries
    result = _dedupe(
        ("Mechanistic Interpretability", "#mechanistic-interpretability"),
        ("Mechanistic Interpretability", "#mechanistic-interpretability"),
        ("Mechanistic Interpretability", "https://www.neelnanda.io/mechanistic-interpretability"),
    )
    assert result.groups == ((0,), (1,), (2,))
