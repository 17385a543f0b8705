from __future__ import annotations

from lint_support import lint, positions

RULE = "missing-link"


def test_a_bold_title_without_link_is_reported() -> None:
    text = "## A\n\n- **In-context Learning and Induction Heads**\n- **Toy Models** [[blog]](https://x.org/t)\n"
    assert positions(text, RULE) == [(3, 1)]


def test_a_link_in_the_description_or_a_note_counts() -> None:
    text = (
        "- **Tuned Lens** - see [the paper](https://arxiv.org/abs/2303.08112)\n"
        "- **Logit Lens**\n"
        "  - [post](https://www.lesswrong.com/posts/AcKRB8wDpdaN6v6ru)\n"
    )
    assert positions(text, RULE) == []


def test_a_group_of_nested_entries_is_not_reported() -> None:
    text = "- **Lenses**\n  - [Tuned Lens](https://arxiv.org/abs/2303.08112)\n"
    assert positions(text, RULE) == []


def test_a_nested_bold_line_without_link_is_a_note_not_an_entry() -> None:
    """Under an entry, only a title with a link is a nested entry; a bold line is a note.

    (A note written back as a sub-bullet must read as a note again, and release-note
    style items put bold sentences in their sub-paragraphs.)
    """
    text = "- [Lenses](https://x.org/lenses)\n  - **Tuned Lens**\n"
    assert positions(text, RULE) == []


def test_metadata_bullets_and_feature_lists_are_prose_not_entries() -> None:
    # EdinburghNLP/awesome-hallucination-detection: a heading per paper, metadata bullets
    # under it; e2b-dev/awesome-ai-agents: a feature list in an entry's text (trimmed)
    text = (
        "### [Cognometry](https://arxiv.org/abs/2601.00001)\n\n"
        "- **Metrics:** AUC (held-out test, 3-seed averaged)\n"
        "- **Datasets:** HaluEval-QA, TruthfulQA\n"
        "- **Comments:** Introduces cognometry.\n\n"
        "## Agents\n\n"
        "- **Reliable agents**: Built on ground truth data.\n"
        "- **Controllable output**: Tailor output with flexible constraints.\n"
    )
    assert lint(text, RULE) == []


def test_a_deprecated_entry_without_its_link_is_deliberate() -> None:
    # analysis-tools-dev/static-analysis marks unmaintained tools and drops their link
    text = (
        "- [squawk](https://squawkhq.com) — Linter for PostgreSQL.\n"
        "- **STOKE** :warning: — A stochastic optimizer for the x86_64 instruction set.\n"
        "- [clang-tidy](https://clang.llvm.org/extra/clang-tidy) — Clang-based C++ linter.\n"
        "- **Lost Tool** — A tool whose link was lost in an edit.\n"
    )
    assert [d.line for d in lint(text, RULE)] == [4]


def test_a_lone_title_item_whose_links_follow_in_the_next_block() -> None:
    # BradyFU/Awesome-Multimodal-Large-Language-Models (trimmed): a bullet names the
    # benchmark, a logo and a line of links follow, then the next entries
    text = (
        "## Benchmarks\n\n"
        "- 🔥 **Video-MME-v2: Towards the Next Stage in Video Understanding Evaluation**\n\n"
        '<p align="center">\n    <img src="./images/video-mme-v2-logo.png" width="100%">\n</p>\n\n'
        "<font size=7><div align='center' > [[🍎 Project Page](https://video-mme-v2.netlify.app/)]"
        " [[📖 Paper](https://arxiv.org/pdf/2604.05015)]</div></font>\n\n"
        "- 🌟 **MME-Survey: A Comprehensive Survey on Evaluation of Multimodal LLMs**  \n"
        "arXiv 2025, [Paper](https://arxiv.org/pdf/2411.15296.pdf)\n\n"
        "- **MME: A Comprehensive Evaluation Benchmark**  \n"
        "NeurIPS 2025, [Paper](https://arxiv.org/pdf/2306.13394.pdf)\n"
        "- **Lost Benchmark**\n"
    )
    assert [line for line, _ in positions(text, "missing-link")] == [16]


def test_a_note_among_one_subjects_links() -> None:
    # e2b-dev/awesome-ai-agents (trimmed): an agent's "Links" list with a note under it
    text = (
        "## [Westworld](https://github.com/TheoLvs/westworld)\n\n### Links\n"
        "- [GitHub](https://github.com/TheoLvs/westworld)\n"
        "- [Documentation](https://theolvs.github.io/westworld/)\n"
        "- [Underlying paper - Generative Agents](https://arxiv.org/abs/2304.03442)\n"
        "- A paper simulating interactions between tens of agents\n"
    )
    assert positions(text, "missing-link") == []
