"""The dialects real lists write besides the classic ones: one fixture each, cut from the list."""

from __future__ import annotations

from pathlib import Path

from awesomelint.model import Entry, Link, Tag
from awesomelint.parse import parse_file, parse_text
from awesomelint.render import render


def _entries(path: Path) -> list[Entry]:
    return list(parse_file(str(path)).entries())


def _stable(path: Path) -> None:
    """The canonical writer keeps every link of the fixture and reads back the same."""
    once = render(parse_file(str(path)))
    assert render(parse_text(once, "again.md")) == once


def test_date_and_task_prefixes_lead_the_title(dialects: Path) -> None:
    entries = _entries(dialects / "prefixes.md")
    dated = entries[0]
    assert dated.title.startswith("AutoDAN-Reasoning")
    assert dated.url == "https://arxiv.org/abs/2510.05379"
    assert dated.tags == (Tag("date", "2025/10"),)
    assert dated.description == "![LLM](https://img.shields.io/badge/LLM-589cf4)"
    group = next(e for e in entries if e.title == "Бинарный поиск")  # `- ### heading` over tasks
    assert group.url is None
    assert [c.tags for c in group.children][:1] == [(Tag("task", "[ ]"),)]
    assert group.children[3].title == "[Review] Binary search in 4 minutes (video)"
    _stable(dialects / "prefixes.md")


def test_block_quote_entries(dialects: Path) -> None:
    regulus, simple = _entries(dialects / "quote_entries.md")
    assert (regulus.title, regulus.url) == ("Regulus", "https://github.com/neul-labs/regulus")
    assert regulus.description.startswith("<kbd>★ 6</kbd> <kbd>MIT</kbd>")
    assert simple.source.line == 9
    _stable(dialects / "quote_entries.md")


def test_cards_and_hard_break_paragraphs(dialects: Path) -> None:
    first, second = _entries(dialects / "cards.md")
    assert first.url == "https://arxiv.org/abs/2406.05130"
    assert first.title.startswith("An Empirical Study on Parameter-Efficient")
    assert second.source.line == 13
    (store,) = _entries(dialects / "hard_breaks.md")
    assert store.title == "GPT Is an Unreliable Information Store"
    assert "*Noble Ackerson*" in store.description
    assert (store.source.line, store.source.last_line) == (5, 8)
    _stable(dialects / "cards.md")
    _stable(dialects / "hard_breaks.md")


def test_numbered_citations(dialects: Path) -> None:
    bible, survey = _entries(dialects / "citations.md")
    assert (bible.title, bible.url) == ("Deep learning", "http://www.deeplearningbook.org/")
    assert bible.authors == "Bengio, Yoshua, Ian J. Goodfellow, and Aaron Courville"
    assert bible.year == "2015"
    assert survey.url_label == "pdf"
    _stable(dialects / "citations.md")


def test_numbered_entries_over_several_lines(dialects: Path) -> None:
    order, active = _entries(dialects / "numbered_lines.md")
    assert order.title.startswith("Fantastically Ordered Prompts")
    # the indented authors line, too shallow to belong to the item, is the entry's too
    assert (order.source.line, order.source.last_line) == (5, 7)
    assert "https://arxiv.org/abs/2104.08786" in order.description
    assert active.title == "Active example selection for in-context learning."
    _stable(dialects / "numbered_lines.md")


def test_bare_urls_and_cited_items(dialects: Path) -> None:
    entries = _entries(dialects / "bare_and_cited.md")
    assert [(e.title, e.url) for e in entries[:2]] == [
        ("Auth0", "https://auth0.com/blog/"),
        ("Avenue Code", "http://blog.avenuecode.com/"),
    ]
    mobile = entries[3]
    assert mobile.title.startswith("MobileNets: Efficient Convolutional")
    assert (mobile.year, mobile.authors) == ("2017", "Andrew G. Howard et al")
    assert mobile.description == "(2017), Andrew G. Howard et al."
    assert mobile.url == "https://arxiv.org/pdf/1704.04861.pdf"
    _stable(dialects / "bare_and_cited.md")


def test_tables_with_badges_and_a_title_column(dialects: Path) -> None:
    omni, glm, rag = _entries(dialects / "badge_table.md")
    assert omni.title.startswith("OmniVideo-100K")
    assert omni.description.startswith("![Star](https://img.shields.io/github/stars/")
    assert [link.label for link in omni.links] == ["Github", "Demo"]
    assert omni.year == "2026-06-12"
    assert (glm.title, glm.url) == ("VisualGLM-6B", "https://github.com/THUDM/VisualGLM-6B")
    assert Tag("topic", "-") not in glm.tags
    # the title is in the fourth column, under "Paper"
    assert rag.title.startswith("RAG Makes Guardrails Unsafe?")
    assert rag.url == "https://arxiv.org/abs/2510.05310"
    _stable(dialects / "badge_table.md")


def test_html_table_rows(dialects: Path) -> None:
    doc = parse_file(str(dialects / "html_rows.md"))
    changelog, issue = doc.entries()
    assert changelog.title == "/add-to-changelog"
    assert changelog.authors == "berrydev-ai"
    assert changelog.links == (Link("berrydev-ai", "https://github.com/berrydev-ai"),)
    assert changelog.tags[0] == Tag("topic", "Slash-Commands")
    assert changelog.description.startswith("Adds new entries to changelog files")
    assert (issue.source.line, issue.source.last_line) == (26, 31)
    # the head, the badge rows and the end of the table stay in place
    blocks = [b.text for b in doc.blocks()][1:]
    assert [b.split("\n")[0] for b in blocks] == ["<table>", "<tr>", "<tr>"]
    assert blocks[-1].endswith("</tbody>\n</table>")
    _stable(dialects / "html_rows.md")


def test_link_title_attributes_and_pipe_metadata() -> None:
    text = (
        "## Logging\n\n"
        '* [donnie4w/tklog](https://github.com/donnie4w/tklog "donnie4w/tklog") - structured log\n'
        "* [Spring](https://spring.io) | VMware, 2024\n"
    )
    tklog, spring = parse_text(text, "t.md").entries()
    assert (tklog.url, tklog.description) == ("https://github.com/donnie4w/tklog", "structured log")
    assert spring.url == "https://spring.io"
    assert "VMware, 2024" in spring.description


def test_html_entry_lines_citation_lines_and_pipe_lines() -> None:
    # shapes from lists outside the corpus, as the issue quotes them
    text = (
        "## Tools\n\n"
        '&nbsp; <a href="https://a.org"><b>Alpha</b></a> - Does &amp; a thing.<br>\n'
        '&nbsp; <a href="https://b.org"><b>Beta</b></a> - Beta <code>x</code>.<br>\n\n'
        "[Attention Is All You Need](https://arxiv.org/abs/1706.03762), NeurIPS 2017\n\n"
        "[Spring](https://spring.io) | VMware, 2024-05\n"
    )
    alpha, beta, attention, spring = parse_text(text, "t.md").entries()
    assert (alpha.title, alpha.url, alpha.description) == (
        "Alpha",
        "https://a.org",
        "Does & a thing.",
    )
    assert beta.description == "Beta <code>x</code>."
    assert (beta.source.line, beta.source.last_line) == (4, 4)
    assert attention.tags == (Tag("venue", "NeurIPS 2017"),) and attention.year == "2017"
    assert (spring.url, spring.description) == ("https://spring.io", "VMware, 2024-05")
    once = render(parse_text(text, "t.md"))
    assert render(parse_text(once, "t.md")) == once


def test_acronym_led_papers() -> None:
    text = (
        "## Papers\n\n"
        "* `DQN`: Playing Atari with Deep Reinforcement Learning. _Mnih et al. 2013_ "
        "[pdf](https://arxiv.org/pdf/1312.5602) | [code](https://github.com/x/dqn)\n"
        "* `A3C`: Asynchronous Methods. _Mnih et al. 2016_ [pdf](https://arxiv.org/pdf/1602.01783)\n"
    )
    dqn, a3c = parse_text(text, "t.md").entries()
    assert dqn.title == "Playing Atari with Deep Reinforcement Learning"
    assert (dqn.url, dqn.url_label) == ("https://arxiv.org/pdf/1312.5602", "pdf")
    assert dqn.links == (Link("code", "https://github.com/x/dqn"),)
    assert (dqn.authors, dqn.year, dqn.tags) == ("Mnih et al.", "2013", (Tag("topic", "DQN"),))
    assert a3c.title == "Asynchronous Methods"
    once = render(parse_text(text, "t.md"))
    assert render(parse_text(once, "t.md")) == once


def test_thousands_of_numeric_reference_definitions() -> None:
    count = 3000
    text = "## Refs\n\n" + "".join(
        f"- [Title {i}][{i}], [Author][{i + count}]\n" for i in range(count)
    )
    text += "\n" + "".join(f"[{i}]: https://r.org/{i}\n" for i in range(2 * count))
    doc = parse_text(text, "t.md")
    entries = list(doc.entries())
    assert len(entries) == count
    assert entries[7].url == "https://r.org/7"
    assert entries[7].links == (Link("Author", f"https://r.org/{7 + count}"),)
    assert entries[7].authors == "Author"
    assert doc.sections[0].items[-1].text.count("\n") == 2 * count - 1  # the definitions, kept


def test_an_entry_wrapped_over_lines() -> None:
    text = "- [Long](https://l.org) - A description that the author\n  wrapped over two lines.\n"
    (entry,) = parse_text(text, "t.md").entries()
    assert entry.description == "A description that the author wrapped over two lines."
    assert (entry.source.line, entry.source.last_line) == (1, 2)


def test_one_heading_per_paper_with_field_bullets(dialects: Path) -> None:
    doc = parse_file(str(dialects / "heading_papers.md"))
    (papers,) = doc.sections
    assert papers.title == "Papers and Summaries" and papers.children == ()
    cognometry, tokens, embeddings = papers.items
    assert isinstance(cognometry, Entry)
    assert cognometry.title.startswith("Cognometry v0: 8-Benchmark")
    assert cognometry.url == "https://doi.org/10.5281/zenodo.19703527"
    assert [note.split("**")[1] for note in cognometry.notes] == [
        "Metrics:",
        "Datasets:",
        "Comments:",
    ]
    assert (cognometry.source.line, cognometry.source.last_line) == (7, 10)
    assert isinstance(embeddings, Entry) and embeddings.notes[0].startswith("**Metrics**:")
    _stable(dialects / "heading_papers.md")


def test_a_linked_heading_over_prose_stays_a_section() -> None:
    text = (
        "## Papers\n\n### [A](https://a.org)\n\nSome prose.\n\n"
        "### [B](https://b.org)\n- **Metrics:** x\n"
    )
    (papers,) = parse_text(text, "t.md").sections
    assert [child.title for child in papers.children] == [
        "[A](https://a.org)",
        "[B](https://b.org)",
    ]


def test_table_columns_are_githubs_an_empty_cell_counts_and_excess_cells_name_nothing() -> None:
    # ydyjya/Awesome-LLM-Safety subtopic/Robustness.md (trimmed): two rows fused into one,
    # `||` between them; GitHub keeps the empty cell and hides the cells past the header
    text = (
        "## Papers\n\n"
        "| Date | Institute | Publication | Paper | Keywords |\n"
        "|:-:|:-:|:-:|:-:|:-:|\n"
        "| 25.12 | Zhejiang University || 26.05 | Columbia University and Google | arxiv "
        "| [Engineering Robustness into Personal Agents](https://arxiv.org/abs/2605.10907) "
        "| **LLM Agents** |\n"
        "| 26.05 | Columbia University and Google | arxiv "
        "| [Engineering Robustness into Personal Agents](https://arxiv.org/abs/2605.10907) "
        "| **LLM Agents** |\n"
        "| 25.11 | NewMind AI | | [PARROT](https://arxiv.org/abs/2511.17220) | **Sycophancy** |\n"
    )
    fused, row, padded = parse_text(text, "t.md").entries()
    assert (fused.title, fused.url) == ("26.05", None)  # the Paper column shows the date
    assert [link.url for link in fused.links] == ["https://arxiv.org/abs/2605.10907"]
    assert "Columbia University and Google" not in fused.title
    assert (row.title, row.url) == (
        "Engineering Robustness into Personal Agents",
        "https://arxiv.org/abs/2605.10907",
    )
    assert "Columbia University and Google" in [tag.text for tag in row.tags]
    assert (padded.title, padded.url) == ("PARROT", "https://arxiv.org/abs/2511.17220")


def test_a_fused_table_row_is_no_shared_url() -> None:
    from lint_support import lint

    text = (
        "## Papers\n\n| Date | Institute | Publication | Paper |\n|---|---|---|---|\n"
        "| 25.12 | Zhejiang University || 26.05 | Columbia University and Google | arxiv "
        "| [Engineering Robustness into Personal Agents](https://arxiv.org/abs/2605.10907) |\n"
        "| 26.05 | Columbia University and Google | arxiv "
        "| [Engineering Robustness into Personal Agents](https://arxiv.org/abs/2605.10907) |\n"
    )
    assert lint(text, "shared-url") == []


def test_a_wrapped_line_starting_with_a_parenthesis_continues_its_item() -> None:
    # WooooDyy/LLM-Agent-Paper-List (trimmed): ") et al." is no list marker (no digits)
    text = (
        "## Agents\n\n"
        "- [2023/08] **AutoGen: Enabling Next-Gen LLM Applications.** *Qingyun Wu (Pennsylvania"
        " State University\n) et al. arXiv.* [[paper](https://arxiv.org/abs/2308.08155)]\n"
    )
    [entry] = parse_text(text, "t.md").entries()
    assert entry.url == "https://arxiv.org/abs/2308.08155"
    assert entry.description.endswith("et al. arXiv.*")
