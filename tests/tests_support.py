"""Importable constants for tests (conftest fixtures cannot be imported by name)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UPSTREAM = ROOT / "lists" / "upstream"
DIALECTS = Path(__file__).resolve().parent / "fixtures" / "dialects"

SEEDS = {
    "000": UPSTREAM / "llm-papers-interpretability-after-2020.md",
    "001": UPSTREAM / "cooperleong00-awesome-llm-interpretability.md",
    "002": UPSTREAM / "jshollaj-awesome-llm-interpretability.md",
    "004": UPSTREAM / "dakingrai-awesome-mechanistic-interpretability-lm-papers.md",
}
