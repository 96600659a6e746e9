"""Every bundled sample against its reviewed golden JSON (``--update-golden`` rewrites them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gijiroku
from tests.conftest import GOLDEN, SAMPLES, sample_paths


def _golden_path(sample: Path) -> Path:
    relative = sample.relative_to(SAMPLES)
    return GOLDEN / relative.parent / (sample.stem + ".json")


def _output(sample: Path) -> dict[str, object]:
    minutes = gijiroku.parse(sample.read_bytes(), source_name=sample.name)
    return minutes.model_dump(mode="json")


@pytest.mark.parametrize("sample", sample_paths(), ids=lambda p: str(p.relative_to(SAMPLES)))
def test_sample_matches_golden(sample: Path, request: pytest.FixtureRequest) -> None:
    golden = _golden_path(sample)
    output = _output(sample)
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(output, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden file for {sample.name}; run pytest --update-golden"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert output == expected


def test_every_golden_has_a_sample() -> None:
    samples = {_golden_path(s) for s in sample_paths()}
    stale = [g for g in GOLDEN.rglob("*.json") if g not in samples]
    assert stale == []
