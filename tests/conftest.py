"""Shared fixtures: the upstream lists and the dialect fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests_support import DIALECTS, SEEDS  # noqa: E402


@pytest.fixture
def seeds() -> dict[str, Path]:
    return SEEDS


@pytest.fixture
def dialects() -> Path:
    return DIALECTS
