"""gijiroku.integrations.dask on dask's local multiprocessing scheduler."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
pq = pytest.importorskip("pyarrow.parquet")

import dask.bag  # noqa: E402

from gijiroku.integrations.dask import Failure, parse_bag, parse_corpus  # noqa: E402
from tests.conftest import SAMPLES  # noqa: E402

SENDAI = SAMPLES / "council" / "sendai-ict-2016-02-08.txt"


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Five copies of the sendai sample, a PDF and a missing file: seven paths."""
    root = tmp_path_factory.mktemp("corpus")
    found = []
    for n in range(5):
        path = root / f"sendai-{n}.txt"
        path.write_bytes(SENDAI.read_bytes())
        found.append(str(path))
    (root / "bad.txt").write_bytes(b"%PDF-1.5 binary")
    found.insert(2, str(root / "bad.txt"))
    found.append(str(root / "missing.txt"))
    return found


def test_jsonl_and_parquet_partitions_on_local_processes(paths: list[str], tmp_path: Path) -> None:
    # One run per format, each on the multiprocessing scheduler with two workers.
    reports = parse_corpus(paths, str(tmp_path / "jsonl"), npartitions=3,
                           scheduler="processes", num_workers=2)  # fmt: skip
    assert len(reports) == 3
    files = sorted((tmp_path / "jsonl").glob("part-*.jsonl"))
    assert [f.name for f in files] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    assert [r.path for r in reports] == [str(tmp_path / "jsonl" / f.name) for f in files]
    docs = [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 5
    assert sorted(doc["source"]["name"] for doc in docs) == sorted(
        p for p in paths if "sendai" in p
    )
    assert all(len(doc["utterances"]) == 42 for doc in docs)
    assert sum(r.documents for r in reports) == 5
    assert sum(r.rows for r in reports) == 5 * 42
    failures = [f for r in reports for f in r.failures]
    assert [(Path(f.source).name, f.error_type) for f in failures] == [
        ("bad.txt", "BrokenPdfError"),
        ("missing.txt", "FileNotFoundError"),
    ]
    assert isinstance(failures[0], Failure)

    reports = parse_corpus(paths, str(tmp_path / "parquet"), format="parquet", npartitions=2,
                           scheduler="processes", num_workers=2)  # fmt: skip
    tables = [pq.read_table(path) for path in sorted((tmp_path / "parquet").glob("*.parquet"))]
    assert len(tables) == 2
    assert sum(t.num_rows for t in tables) == 5 * 42
    assert [r.rows for r in reports] == [t.num_rows for t in tables]
    speakers = [name for t in tables for name in t.column("speaker_name").to_pylist()]
    assert speakers.count("曽根") == 5 * 12


def test_parse_bag_keeps_partitions(paths: list[str]) -> None:
    bag = dask.bag.from_sequence(paths[:3], npartitions=2)  # type: ignore[no-untyped-call]
    results = parse_bag(bag).compute(scheduler="sync")  # type: ignore[no-untyped-call]
    assert [r.ok for r in results] == [True, True, False]
    assert [r.index for r in results] == [0, 1, 0]  # positions within each partition
    assert results[0].minutes is not None
    assert results[0].minutes.source.name == paths[0]


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        parse_corpus("one.txt", str(tmp_path))
    with pytest.raises(ValueError, match="jsonl or parquet"):
        parse_corpus(["a.txt"], str(tmp_path), format="csv")  # type: ignore[arg-type]
