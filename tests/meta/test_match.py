"""Title matching: fuzzy on whole titles and whole segments, never on containment."""

from __future__ import annotations

import pytest

from awesomelint.meta.match import compare

RIGHT = "Can Large Language Models Explain Themselves? A Study of LLM-Generated Self-Explanations"


@pytest.mark.parametrize(
    "listed, resolved, verdict",
    [
        (
            "Polysemanticity and capacity in neural networks",
            "Polysemanticity and Capacity in Neural Networks",
            "same",
        ),
        ("**Toy Models of Superposition.**", "Toy Models of Superposition", "same"),
        ("Can Large Language Models Explain Themselves?", RIGHT, "abbreviated"),
        (
            "Interpretability in the Wild: GPT-2 small (arXiv)",
            "Interpretability in the Wild: a Circuit for Indirect Object Identification in GPT-2 "
            "small",
            "abbreviated",
        ),
        (
            "Pythia: A Suite for Analyzing Large Language Models Across Training and Scaling",
            RIGHT,
            "different",
        ),
        (
            "Sparse Autoencoders Find Highly Interpretable Features in Language Models",
            RIGHT,
            "different",
        ),
        # containment is not a match: the longer title is another paper
        (
            "Emergent Abilities of Large Language Models",
            "Are Emergent Abilities of Large Language Models a Mirage?",
            "different",
        ),
        ("Language Models", "Language Models are Few-Shot Learners", "different"),
        ("GPT-2", "GPT-3", "different"),
        ("[pdf]", RIGHT, "unknown"),
    ],
)
def test_compare(listed: str, resolved: str, verdict: str) -> None:
    assert compare(listed, resolved) == verdict
