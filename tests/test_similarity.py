"""Our ratio is rapidfuzz's ``fuzz.ratio`` to the last bit, and hands over to it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from awesomelint.dedupe import similarity
from awesomelint.dedupe.similarity import pure_ratio, ratio

# titles as dedupe compares them: a few letters (so matches are common), spaces, accents,
# CJK and an astral character, short and long (past one machine word of bits)
_TEXT = st.text(alphabet="abcde  é漢\U0001f680", max_size=140)


@settings(max_examples=400, deadline=None)
@given(_TEXT, _TEXT, st.sampled_from([0.0, 50.0, 85.0, 90.5, 100.0]))
def test_pure_ratio_is_rapidfuzz_ratio(a: str, b: str, cutoff: float) -> None:
    assert pure_ratio(a, b, cutoff) == fuzz.ratio(a, b, score_cutoff=cutoff)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("", ""),
        ("", "abc"),
        ("this is a test", "this is a test!"),
        ("towards monosemanticity", "towards monosemanticty"),
        ("attention is all you need", "need you all is attention"),
    ],
)
def test_known_pairs(a: str, b: str) -> None:
    assert pure_ratio(a, b) == fuzz.ratio(a, b)
    assert pure_ratio(b, a) == pure_ratio(a, b)


def test_after_the_first_comparisons_rapidfuzz_takes_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(similarity, "_calls", similarity.PURE_CALLS - 1)
    monkeypatch.setattr(similarity, "_compiled", None)
    assert ratio("sparse probing", "sparse probes") == fuzz.ratio("sparse probing", "sparse probes")
    assert similarity._compiled is None  # the last pure comparison
    assert ratio("sparse probing", "sparse probes", 99.0) == 0.0
    assert similarity._compiled is fuzz.ratio
