"""Merging the upstream lists: the right pairs merge, traps stay apart, one taxonomy."""

from __future__ import annotations

from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from awesomelint.canonical import canonical_url
from awesomelint.merge import MergeResult, check_links, choose_title, choose_url, merge_documents
from awesomelint.model import Document
from awesomelint.parse import parse_file, parse_text
from awesomelint.render import render
from tests_support import SEEDS


@cache
def _seeds() -> tuple[Document, ...]:
    return tuple(parse_file(str(SEEDS[key])) for key in ("001", "004", "002", "000"))


@cache
def _merged() -> MergeResult:
    return merge_documents(_seeds(), title="Awesome LLM Interpretability")


def _sources_of(title_start: str) -> list[list[tuple[str, int]]]:
    return [
        [(s.file.rsplit("/", 1)[-1][:8], s.line) for s in m.sources]
        for m in _merged().entries
        if m.entry.title.lower().startswith(title_start.lower())
    ]


def test_same_paper_in_three_lists_with_pdf_abs_and_openreview_links() -> None:
    (wild,) = _sources_of("Interpretability in the wild")
    assert sorted(wild) == [("cooperle", 160), ("jshollaj", 83), ("llm-pape", 63)]
    (poly,) = _sources_of("Polysemanticity and capacity")  # arXiv pdf vs abs, case differs
    assert len(poly) == 3


def test_entries_listed_twice_in_one_list_are_merged() -> None:
    assert _sources_of("Progress measures for grokking") == [[("cooperle", 174), ("cooperle", 275)]]
    assert _sources_of("Discovering Latent Knowledge") == [[("jshollaj", 58), ("jshollaj", 107)]]


def test_containment_traps_are_not_merged() -> None:
    for title in (
        "A Survey of Large Language Models",
        "Explainability for Large Language Models: A Survey",
        "Emergent Abilities of Large Language Models",
        "Are Emergent Abilities of Large Language Models a Mirage?",
    ):
        assert len(_sources_of(title)) == 1, title
    assert [len(s) for s in _sources_of("A Survey of Large Language Models")] == [1]


def test_shared_wrong_urls_are_conflicts_and_stay_apart() -> None:
    conflicts = {c.url: c for c in _merged().conflicts}
    pythia = next(c for url, c in conflicts.items() if "2310.11207" in url)
    assert len(pythia.entries) == 4
    holders = [
        m for m in _merged().entries if any("2310.11207" in (s.url or "") for s in m.sources)
    ]
    # four works, one wrongly copied URL: never merged together; the URL stays with one
    # of them, and a work left with no link of its own is left out, and said so
    assert len(holders) == 2
    keepers = [m for m in holders if "2310.11207" in (m.entry.url or "")]
    assert len(keepers) == 1
    unlinked = [
        x
        for x in _merged().left_out
        if x.reason == "entry without a link" and "https://arxiv.org/abs/2310.11207" in x.links
    ]
    assert len(unlinked) == 2
    assert {x.line for x in unlinked}.isdisjoint(s.line for m in holders for s in m.sources)
    # one of them is a real paper that another list links correctly: merged by title there
    (sae,) = [m for m in holders if m.entry.title.startswith("Sparse Autoencoders Find")]
    assert sae.entry.url == "https://openreview.net/forum?id=F76bwRSLeK"
    assert any("getting-started" in url for url in conflicts)


def test_every_input_link_is_kept_and_output_is_canonical() -> None:
    text = render(_merged().document)
    assert check_links(_merged(), text, _seeds()) == []
    assert render(parse_text(text, "again.md")) == text
    assert render(merge_documents(_seeds(), title="Awesome LLM Interpretability").document) == text


def test_merge_decisions_carry_reasons() -> None:
    reasons = {d.reason.split()[0] for d in _merged().merges}
    assert {"same-url", "same-arxiv-id", "same-openreview-id", "same-title"} <= reasons
    assert _merged().entries_in == 356


def test_choices() -> None:
    assert choose_title(["TOY MODELS", "toy models", "Toy Models", "Toy Models"], "first") == (
        "Toy Models"
    )
    assert choose_title(["interpreting GPT", "Interpreting GPT"], "first") == "Interpreting GPT"
    assert choose_url(["https://arxiv.org/pdf/1.pdf", "http://arxiv.org/abs/1"]) == (
        "http://arxiv.org/abs/1"
    )
    assert choose_url(["http://a.org/x", "https://a.org/x"]) == "https://a.org/x"


def test_one_taxonomy_the_spines_with_a_catch_all_and_credits_last() -> None:
    titles = [s.title for s in _merged().document.sections]
    spine = [s.title for s in _seeds()[0].sections]  # 001 is the spine: its top-level headings
    assert titles[: len(spine)] == spine
    assert titles[len(spine) :] == ["More resources", "Sources"]


def test_boilerplate_and_introductions_are_left_out_and_reported() -> None:
    everywhere = [heading for s in _merged().document.all_sections() for heading in [s.title]]
    assert not any("Contributing" in h or h == "Updates" for h in everywhere)
    reasons = {x.reason for x in _merged().left_out}
    assert {"boilerplate section", "upstream introduction"} <= reasons
    contributing = [x for x in _merged().left_out if "Contributing" in x.what]
    assert contributing and all(
        x.file.endswith("jshollaj-awesome-llm-interpretability.md") for x in contributing
    )


# --- properties ---------------------------------------------------------------

_WORDS = st.sampled_from(
    "attention circuit neuron sparse probing causal transformer language model feature "
    "superposition analysis layer head patching editing knowledge".split()
)


@st.composite
def _list(draw: st.DrawFn, name: str) -> str:
    ids = draw(st.lists(st.integers(1000, 9999), min_size=1, max_size=12, unique=True))
    lines = [f"# {name}", ""]
    for n, ident in enumerate(ids):
        if n % 4 == 0:
            lines += ["", f"## {draw(st.sampled_from(['Papers', 'Tools', 'Surveys']))}", ""]
        words = draw(st.lists(_WORDS, min_size=4, max_size=7))
        title = f"{' '.join(words).capitalize()} {ident}"
        url = draw(
            st.sampled_from(
                [
                    f"https://arxiv.org/abs/2301.{ident:05d}",
                    f"https://arxiv.org/pdf/2301.{ident:05d}.pdf",
                    f"https://github.com/o/r{ident}",
                ]
            )
        )
        lines.append(f"- [{title}]({url}) - About {ident}.")
    return "\n".join(lines) + "\n"


def _works(result: MergeResult) -> set[frozenset[str]]:
    return {frozenset(canonical_url(u) for u in m.entry.urls()) for m in result.entries}


@settings(max_examples=40, deadline=None)
@given(_list("A"))
def test_merging_a_list_with_itself_gives_the_list(text: str) -> None:
    doc = parse_text(text, "a.md")
    alone, twice = merge_documents([doc]), merge_documents([doc, doc])
    assert len(twice.entries) == len(alone.entries) == sum(1 for _ in doc.entries())
    assert _works(twice) == _works(alone)
    assert [m.entry.title for m in twice.entries] == [m.entry.title for m in alone.entries]


@settings(max_examples=40, deadline=None)
@given(_list("A"), _list("B"))
def test_works_and_links_do_not_depend_on_input_order(a: str, b: str) -> None:
    docs = [parse_text(a, "a.md"), parse_text(b, "b.md")]
    forward, backward = merge_documents(docs), merge_documents(docs[::-1])
    assert _works(forward) == _works(backward)
    for result in (forward, backward):
        assert check_links(result, render(result.document), docs) == []


def test_sections_match_across_lists_ignoring_a_shared_heading_prefix() -> None:
    titles = [s.title for s in _merged().document.sections]
    assert "Survey" in titles and "survey" not in titles  # 001's "Survey" = 000's "survey"
    assert "LLM Interpretability Papers" not in titles and "papers" not in titles
    grokking = [m for m in _merged().entries if m.entry.title.startswith("Grokking: Gener")]
    assert [m.section for m in grokking] == [("Paper & Blog",)]  # 000's and 002's "papers"


def test_nested_entries_stay_nested_under_the_merged_parent() -> None:
    (subspace,) = [m for m in _merged().entries if m.entry.title.startswith("Is This the Subspace")]
    assert [c.title for c in subspace.entry.children] == [
        'A Reply to Makelov et al. (2023)\'s "Interpretability Illusion" Arguments'
    ]
    (reply,) = [m for m in _merged().entries if m.entry.title.startswith("A Reply to Makelov")]
    assert reply.section == subspace.section
    top_level = [
        e.title for s in _merged().document.all_sections() for e in s.items if hasattr(e, "title")
    ]
    assert not any(t.startswith("A Reply to Makelov") for t in top_level)


def test_a_link_nested_in_a_destination_is_repaired_in_the_merged_list() -> None:
    (flow,) = [m for m in _merged().entries if "Attention Dynamic Memory" in m.entry.title]
    assert flow.entry.url == "http://arxiv.org/abs/2305.13417"
    assert flow.sources[0].url == "[10.48550/arXiv.2305.13417](http://arxiv.org/abs/2305.13417)"
