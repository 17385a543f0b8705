"""Shared fixtures: the upstream lists and the dialect fixtures."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests_support import DIALECTS, SEEDS  # noqa: E402

# CI must not be flaky: there, property tests run a fixed sequence of examples.
settings.register_profile("ci", derandomize=True, database=None, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def seeds() -> dict[str, Path]:
    return SEEDS


@pytest.fixture
def dialects() -> Path:
    return DIALECTS
