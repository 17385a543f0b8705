"""Dates beside an entry against its arXiv id: the one reading lint and merge share."""

from __future__ import annotations

import pytest

from awesomelint.dates import before_arxiv, tag_date, venue_year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023", (2023, None)),
        ("2023/05", (2023, 5)),
        ("2023.9", (2023, 9)),
        ("2309", (2023, 9)),
        ("2023-13", (2023, None)),  # no such month: the year alone counts
        ("2313", None),
        ("May 2023", None),
    ],
)
def test_tag_date(text: str, expected: tuple[int, int | None] | None) -> None:
    assert tag_date(text) == expected


def test_venue_year() -> None:
    assert venue_year("ICLR 2023") == 2023
    assert venue_year("NeurIPS") is None


@pytest.mark.parametrize(
    ("kind", "text", "early"),
    [
        ("date", "2023/05", True),  # ThuCCSLab/Awesome-LM-SSP: "2023/05" on arXiv 2309.07870
        ("date", "2023/08", False),  # a month's slack
        ("date", "2021", True),
        ("date", "2022", False),  # a year's slack for a bare year
        ("venue", "EMNLP 2021", True),
        ("venue", "EMNLP 2022", False),
        ("topic", "2019", False),
    ],
)
def test_before_arxiv_of_september_2023(kind: str, text: str, early: bool) -> None:
    assert before_arxiv(kind, text, 2023, 9) is early


def test_a_december_id_gives_a_bare_year_the_same_slack() -> None:
    # arXiv 2312.x: "2022" is within a year's slack, as for any other month of 2023
    assert not before_arxiv("date", "2022", 2023, 12)
    assert before_arxiv("date", "2022/10", 2023, 12)
