from __future__ import annotations

import pytest

from awesomelint.lint.runner import lint_context
from lint_support import context, lint, positions, settings
from tests_support import SEEDS

RULE = "label-mismatch"


def item(label: str, url: str) -> str:
    return f"* **A Paper Title** [[{label}]]({url})\n"


@pytest.mark.parametrize(
    ("label", "url"),
    [
        ("arxiv 2303", "http://arxiv.org/abs/2302.12461"),
        ("arxiv 211", "http://arxiv.org/abs/2311.06668"),
        ("arxiv 2402", "http://arxiv.org/abs/2403.08081"),
        ("github 2403", "http://arxiv.org/abs/2403.19851"),
        ("github", "https://gitlab.com/a/b"),
        ("openreview", "https://arxiv.org/abs/2310.01405"),
        ("arxiv", "https://openreview.net/forum?id=aCgybhcZFi"),
        ("ICLR 2019", "https://arxiv.org/abs/2302.03025"),
        ("ACL 2023", "https://aclanthology.org/2022.emnlp-main.3"),
        ("EMNLP 2022", "https://aclanthology.org/2023.emnlp-main.751"),
        ("NIPS 2022", "https://proceedings.neurips.cc/paper_files/paper/2023/hash/x-Abstract.html"),
    ],
)
def test_contradicting_labels_are_reported(label: str, url: str) -> None:
    [found] = lint(item(label, url), RULE)
    assert found.line == 1 and found.column == 22  # at the label's "["
    assert f'"{label}"' in found.message


@pytest.mark.parametrize(
    ("label", "url"),
    [
        ("arxiv 2302", "http://arxiv.org/abs/2302.12461"),
        ("arxiv 2024", "http://arxiv.org/abs/2402.03902"),  # a year that fits
        ("arxiv", "https://arxiv.org/pdf/2302.12461v2.pdf"),
        ("arxiv 2305", "https://doi.org/10.48550/arXiv.2305.13417"),
        ("github", "https://github.com/kmeng01/rome"),
        ("github", "https://kmeng01.github.io/rome"),
        ("EMNLP 2023 Findings", "https://arxiv.org/abs/2304.13734"),
        ("NIPS 2022", "https://arxiv.org/abs/2211.00593"),  # venue a year after the preprint
        ("ACL 2023 Findings", "https://aclanthology.org/2023.findings-acl.895.pdf"),
        ("TACL 2022", "https://aclanthology.org/2022.tacl-1.74"),
        ("Neel Nanda's blog", "https://www.neelnanda.io/mechanistic-interpretability/othello"),
        ("pdf", "https://arxiv.org/abs/2302.12461"),
    ],
)
def test_fitting_labels_are_not_reported(label: str, url: str) -> None:
    assert lint(item(label, url), RULE) == []


def test_secondary_links_are_checked_too() -> None:
    text = (
        "- [ReFT](https://arxiv.org/abs/2404.03592) · [github](https://arxiv.org/abs/2404.03592)\n"
    )
    assert len(lint(text, RULE)) == 1


def test_a_date_tag_before_the_arxiv_id_is_reported() -> None:
    text = "A Paper. \\[[pdf](https://arxiv.org/pdf/2305.14160.pdf)\\] \\[2023.2\\]\n"
    [found] = lint(text, RULE)
    assert "2023.2" in found.message and "2305.14160" in found.message
    assert found.column == text.index("2023.2") + 1


def test_a_date_one_month_early_or_later_fits() -> None:
    # an id is assigned when the paper is announced: a paper sent on 30 April gets 2305
    early = "A Paper. \\[[pdf](https://arxiv.org/pdf/2305.00586.pdf)\\] \\[2023.4\\]\n"
    later = "A Paper. \\[[pdf](https://arxiv.org/pdf/2307.06435.pdf)\\] \\[2023.12\\]\n"
    assert positions(early, RULE) == positions(later, RULE) == []


def test_seed_001_label_defects() -> None:
    ctx = context(SEEDS["001"].read_text(encoding="utf-8"), "001.md")
    found = lint_context(ctx, settings(RULE))
    assert [d.line for d in found] == [98, 206, 234, 270, 330]
    assert "names GitHub, but the link goes to arxiv.org" in found[2].message


def test_seed_000_dates_fit_their_ids() -> None:
    ctx = context(SEEDS["000"].read_text(encoding="utf-8"), "000.md")
    assert lint_context(ctx, settings(RULE)) == []
