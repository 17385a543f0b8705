"""A merged entry in a publishable shape: fields out of the description, lines bounded."""

from __future__ import annotations

from awesomelint.merge.tidy import fit, lift, names_short
from awesomelint.model import Entry, Link, Span, Tag
from awesomelint.parse import parse_text
from awesomelint.render import render

_AT = Span("x.md", 1)


def test_chips_badges_and_authors_leave_the_description() -> None:
    # jxzhangjhu/Awesome-LLM-Uncertainty-Reliability-Robustness, README.md
    entry = Entry(
        title="Plex: Towards Reliability using Pretrained Large Model Extensions",
        url=None,
        source=_AT,
        description="*Dustin Tran, Jeremiah Liu, Michael W. Dusenberry, Du Phan, Mark Collier*  "
        "arXiv 2022. \\[[Paper](https://arxiv.org/abs/2207.07411)\\] "
        "![](https://img.shields.io/badge/ArXiv-FAEFCA)",
    )
    done = lift(entry)
    assert done.entry.url == "https://arxiv.org/abs/2207.07411"  # the paper is the link now
    assert (
        done.entry.description
        == "*Dustin Tran, Jeremiah Liu, Michael W. Dusenberry et al.* arXiv 2022."
    )
    assert done.entry.authors.startswith("Dustin Tran, ") and done.entry.authors.endswith("Collier")
    assert done.removed == (("https://img.shields.io/badge/ArXiv-FAEFCA", "badge image"),)


def test_relative_links_go_and_are_reported() -> None:
    # BradyFU/Awesome-Multimodal-Large-Language-Models, README.md
    entry = Entry(
        title="MME: A Comprehensive Evaluation Benchmark for Multimodal Large Language Models",
        url=None,
        source=_AT,
        description="NeurIPS 2025 DB Highlight, [Paper](https://arxiv.org/pdf/2306.13394.pdf), "
        "[✒️ Citation](./images/bib_mme.txt)",
    )
    done = lift(entry)
    assert done.entry.url == "https://arxiv.org/pdf/2306.13394.pdf"
    assert done.entry.description == "NeurIPS 2025 DB Highlight"
    assert [reason for _, reason in done.removed] == [
        "relative link (no base to resolve it against)"
    ]


def test_prose_links_stay_in_prose() -> None:
    # opm06/awesome-mech-interp, README.md
    for text in (
        "A list of ideas. Also as a [sequence](https://a.org/s) and a [Coda doc](https://c.io/d).",
        "Tracing internals. Source on [GitHub](https://github.com/ndif-team/nnsight). More.",
    ):
        entry = Entry(title="Open Problems", url="https://a.org/p", source=_AT, description=text)
        assert lift(entry).entry.description == text
    text = "Learn this early. [Docs](https://d.io/), [Tutorials](https://d.io/t)"
    entry = Entry(title="TransformerLens", url="https://a.org/p", source=_AT, description=text)
    lifted = lift(entry).entry
    assert lifted.description == "Learn this early."
    assert [link.label for link in lifted.links] == ["Docs", "Tutorials"]


def test_a_foreign_url_goes_to_its_owner_and_a_link_of_its_own_takes_its_place() -> None:
    entry = Entry(
        title="Pythia",
        url="https://arxiv.org/abs/2310.11207",
        source=_AT,
        links=(Link("code", "https://github.com/EleutherAI/pythia"),),
        tags=(Tag("date", "2022.3"),),
    )
    done = fit(entry, {"arxiv:2310.11207"})
    assert done.entry.url == "https://github.com/EleutherAI/pythia" and done.entry.links == ()
    assert done.removed[0][0] == "https://arxiv.org/abs/2310.11207"


def test_a_date_before_the_arxiv_id_is_taken_out() -> None:
    # ThuCCSLab/Awesome-LM-SSP: "2023/05" on arXiv 2309.07870
    entry = Entry(
        title="Agents",
        url="https://arxiv.org/abs/2309.07870",
        source=_AT,
        tags=(Tag("date", "2023/05"), Tag("date", "2023/09")),
    )
    done = fit(entry)
    assert done.entry.tags == (Tag("date", "2023/09"),)
    assert done.removed == (("2023/05", "date or venue earlier than the entry's arXiv id"),)


def test_a_badge_with_parentheses_goes_whole() -> None:
    # ThuCCSLab/Awesome-LM-SSP, collection/paper/safety/jailbreak.md
    badge = "https://img.shields.io/badge/ACL'24_(Findings)-f1b800"
    entry = Entry(
        title="CodeAttack",
        url="https://arxiv.org/abs/2403.07865",
        source=_AT,
        description=f"![ACL'24\\_(Findings)]({badge}) ![LLM](https://img.shields.io/badge/LLM-589cf4)",
    )
    done = lift(entry)
    assert done.entry.description == ""
    assert [url for url, _ in done.removed] == [badge, "https://img.shields.io/badge/LLM-589cf4"]


def test_names_short() -> None:
    assert names_short("Ann Lee, Bo Chen, Cy Dee, Di Eve") == "Ann Lee, Bo Chen, Cy Dee et al."
    assert names_short("Ann Lee, Bo Chen, Cy Dee") is None  # three names are shown whole
    assert names_short("Reading, Writing, Arithmetic, Beyond") is None  # a title


def test_long_lines_wrap_and_read_back_the_same() -> None:
    words = " ".join(f"word{n}" for n in range(120))
    text = f"# T\n\n## S\n\n- [A](https://a.org/) - {words} · [pdf](https://b.org/b.pdf) · 2023.5\n"
    document = parse_text(text, "x.md")
    wrapped = render(document, width=100)
    assert max(len(line) for line in wrapped.splitlines()) <= 100
    assert render(parse_text(wrapped, "x.md")) == render(document)


def test_a_row_whose_title_cell_is_a_date_takes_its_links_text() -> None:
    # ydyjya/Awesome-LLM-Safety, subtopic/Robustness.md: two rows fused by a lost line
    # break; GitHub shows "26.05" in the Paper column and hides the papers' links
    text = (
        "| Date | Institute | Publication | Paper | Keywords |\n"
        "|:-:|:-:|:-:|:-:|:-:|\n"
        "| 25.12 | Zhejiang University || 26.05 | Columbia University | arxiv "
        "| [Engineering Robustness into Personal Agents](https://arxiv.org/abs/2605.10907) "
        "| **LLM Agents** |\n"
    )
    (entry,) = parse_text(text, "x.md").entries()
    assert entry.title == "26.05" and entry.url is None
    tidy = lift(entry).entry
    assert tidy.title == "Engineering Robustness into Personal Agents"
    assert tidy.url == "https://arxiv.org/abs/2605.10907"
