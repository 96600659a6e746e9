"""Shared test fixtures: sample paths and the --update-golden switch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
SAMPLE_SUFFIXES = (".txt", ".md")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current output (review the diff before committing)",
    )


def sample_paths() -> list[Path]:
    """Every bundled sample, sorted."""
    return sorted(
        p for p in SAMPLES.rglob("*") if p.suffix in SAMPLE_SUFFIXES and p.name != "README.md"
    )


def read_sample(relative: str) -> str:
    """A bundled sample's text, exactly as stored (line endings kept)."""
    return (SAMPLES / relative).read_bytes().decode("utf-8")


@pytest.fixture
def sendai_text() -> str:
    return read_sample("council/sendai-ict-2016-02-08.txt")


# Property tests: a bounded number of examples in CI; `HYPOTHESIS_PROFILE=fuzz pytest
# tests/test_invariants.py` for a long run (10,000 examples per property) before a release.
settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile("fuzz", max_examples=10_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
