"""gijiroku.parse_many: input order, failure isolation, the process pool, on_error."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import gijiroku
from gijiroku import DecodeError, ParseResult, parse_many
from gijiroku.batch import Task
from tests.conftest import SAMPLES

SENDAI = SAMPLES / "council" / "sendai-ict-2016-02-08.txt"
SHORT = "日時：令和6年5月17日\n座長 それでは始めます。\n林委員 賛成です。\n"


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    """Six inputs: good files with 1..4 short turns, the sendai sample, and a broken PDF."""
    paths = []
    for n in range(1, 5):
        path = tmp_path / f"short-{n}.txt"
        names = ["林", "及川", "千葉", "吉田"][:n]
        path.write_text("".join(f"{name}委員 発言です。\n" for name in names), "utf-8")
        paths.append(path)
    paths.append(tmp_path / "sendai.txt")
    paths[-1].write_bytes(SENDAI.read_bytes())
    paths.append(tmp_path / "bad.txt")
    paths[-1].write_bytes(b"%PDF-1.7 not text")
    return paths


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_in_input_order(corpus: list[Path], jobs: int) -> None:
    inputs = corpus * 3  # 18 inputs, so the pool has work to share out
    results = list(parse_many(inputs, jobs=jobs))
    assert [r.index for r in results] == list(range(18))
    assert [r.source for r in results] == [str(p) for p in inputs]
    turns = [len(r.minutes.utterances) if r.minutes else None for r in results]
    assert turns == [1, 2, 3, 4, 42, None] * 3


def test_a_bad_file_is_a_failure_record_and_the_run_goes_on(corpus: list[Path]) -> None:
    missing = corpus[0].with_name("missing.txt")
    inputs: list[gijiroku.BatchInput] = [missing, corpus[5], ("memo", SHORT), corpus[4]]
    results = list(parse_many(inputs, jobs=2))
    assert [r.ok for r in results] == [False, False, True, True]
    gone, pdf, memo, sendai = results
    assert gone.source == str(missing)
    assert gone.error_type == "FileNotFoundError"
    assert "missing.txt" in (gone.error or "")
    assert isinstance(gone.exception, FileNotFoundError)
    assert pdf.error_type == "BrokenPdfError"  # a DecodeError
    assert "PDF" in (pdf.error or "")
    assert isinstance(pdf.exception, DecodeError)
    assert not gone.internal
    assert not pdf.internal
    assert pdf.minutes is None
    with pytest.raises(DecodeError):
        pdf.unwrap()
    assert memo.unwrap().source.name == "memo"
    assert [u.speaker.label for u in memo.unwrap().utterances] == ["座長", "林委員"]
    assert sendai.unwrap().meeting.body == "仙台市情報化推進会議"


def test_the_pool_gives_what_parse_file_gives(corpus: list[Path]) -> None:
    results = list(parse_many([corpus[4], corpus[4], corpus[0]], jobs=2))
    expected = gijiroku.parse_file(corpus[4])
    assert results[0].minutes == expected  # validated again from the worker's JSON: equal
    assert results[1].minutes == expected
    assert results[0].minutes is not None
    assert results[0].minutes.source.name == "sendai.txt"  # as parse_file: the file name
    assert results[2].minutes == gijiroku.parse_file(corpus[0])


def test_a_pool_only_when_there_is_work_to_share(
    corpus: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from gijiroku import batch
    from gijiroku.pool import WorkerPool as real

    started: list[int] = []

    def spy(size: int, work: Any) -> Any:
        started.append(size)
        return real(size, work)

    monkeypatch.setattr(batch, "WorkerPool", spy)
    assert len(list(parse_many(corpus * 2, jobs=2))) == 12
    assert len(list(parse_many(corpus[:1], jobs=2))) == 1  # one input: in this process
    assert len(list(parse_many(corpus * 2, jobs=1))) == 12  # jobs=1: in this process
    assert len(list(parse_many(corpus[:2], jobs=8))) == 2  # never more workers than inputs
    assert started == [2, 2]


def test_the_workers_are_other_processes() -> None:
    import functools

    from gijiroku import batch
    from gijiroku.pool import WorkerPool

    tasks = [Task(i, f"t{i}", content=SHORT) for i in range(6)]
    pids: WorkerPool[int, object, int] = WorkerPool(2, _worker_pid)
    pids.submit(0, None)  # None is a job like any other
    pids.submit(1, "x")
    answers = pids.collect()
    while pids.busy():
        answers += pids.collect()
    pids.close()
    assert all(isinstance(pid, int) for _, pid in answers)
    assert len({pid for _, pid in answers} | {os.getpid()}) == 3
    parse = functools.partial(batch._parse_chunk, options=batch._Options(None, None, "collect"))
    chunks: WorkerPool[int, list[Task], list[Any]] = WorkerPool(2, parse)
    chunks.submit(0, tasks[:3])
    chunks.submit(1, tasks[3:])
    done = dict(chunks.collect())
    while chunks.busy():
        done.update(chunks.collect())
    chunks.close()
    first, second = done[0], done[1]
    assert isinstance(first, list)  # not Lost: no worker was lost
    assert isinstance(second, list)
    outcomes = first + second
    assert [o.result().unwrap().utterances[1].speaker.name for o in outcomes] == ["林"] * 6


def _worker_pid(_: object) -> int:
    return os.getpid()


def test_on_error_raise(corpus: list[Path]) -> None:
    for jobs in (1, 2):
        seen: list[ParseResult] = []
        results = parse_many([corpus[0], corpus[1], corpus[5], corpus[2]], jobs=jobs,
                             on_error="raise")  # fmt: skip
        with pytest.raises(DecodeError, match="PDF"):
            seen.extend(results)
        assert [r.source for r in seen] == [str(corpus[0]), str(corpus[1])]


def test_on_issue_raise_makes_diagnostics_failures() -> None:
    odd = "第1回 会議録\n日時：令和6年5月17日\n何の構造もない文章です。\n座長 はい。"
    results = list(parse_many([("odd", odd), ("fine", SHORT)], jobs=1, on_issue="raise"))
    assert [r.error_type for r in results] == ["ParseError", None]


def test_inputs_are_read_lazily() -> None:
    consumed: list[int] = []

    def inputs() -> Iterator[tuple[str, str]]:
        for i in range(100):
            consumed.append(i)
            yield (f"doc{i}", SHORT)

    results = parse_many(inputs(), jobs=2)
    first = next(results)
    assert first.source == "doc0"
    assert len(consumed) < 100  # only a window of inputs is in flight
    results.close()


def test_options_reach_the_workers(corpus: list[Path]) -> None:
    sjis = corpus[0].with_name("sjis.txt")
    sjis.write_bytes(SHORT.encode("cp932"))
    (result,) = parse_many([sjis], jobs=1, encoding="cp932", format="committee")
    assert result.unwrap().source.encoding == "cp932"
    (result,) = parse_many([("x", b"\x82\xa0")], jobs=1, encoding="utf-8")
    assert result.error_type == "DecodeError"


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: parse_many("one.txt"), TypeError),
        (lambda: parse_many(Path("one.txt")), TypeError),  # type: ignore[arg-type]
        (lambda: list(parse_many([42], jobs=1)), TypeError),  # type: ignore[list-item]
        (lambda: list(parse_many([("name",)], jobs=1)), TypeError),  # type: ignore[list-item]
        (lambda: parse_many([], jobs=0), ValueError),
        (lambda: parse_many([], jobs=True), ValueError),
        (lambda: parse_many([], chunksize=0), ValueError),
        (lambda: parse_many([], on_error="ignore"), ValueError),  # type: ignore[arg-type]
        (lambda: parse_many([], on_issue="shout"), ValueError),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments(call: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        call()  # type: ignore[operator]


def test_an_unexpected_exception_is_recorded_as_internal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gijiroku import batch

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(batch, "parse", broken)
    (result,) = parse_many([("x", SHORT)], jobs=1)
    assert result.internal
    assert result.error_type == "KeyError"
    assert "broken" in (result.traceback or "")
    with pytest.raises(KeyError):
        list(parse_many([("x", SHORT)], jobs=1, on_error="raise"))


def test_empty_input_and_chunks(corpus: list[Path]) -> None:
    assert list(parse_many([], jobs=2)) == []
    results = list(parse_many(corpus * 3, jobs=2, chunksize=4))
    assert [r.index for r in results] == list(range(18))


def _kill_self_on(name: str) -> Any:
    """A stand-in for parse that kills its own process on input ``name`` (a crash, or the
    out-of-memory killer); forked workers inherit it."""
    from gijiroku.api import parse as real

    def parse(text: object, *, source_name: str | None = None, **kwargs: Any) -> Any:
        if source_name == name:
            os.kill(os.getpid(), 9)
        return real(text, source_name=source_name, **kwargs)  # type: ignore[arg-type]

    return parse


def test_a_worker_that_dies_costs_only_its_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    from gijiroku import batch

    monkeypatch.setattr(batch, "parse", _kill_self_on("doc3"))
    inputs = [(f"doc{i}", SHORT) for i in range(12)]
    results = list(parse_many(inputs, jobs=2, chunksize=2))
    assert [r.index for r in results] == list(range(12))
    lost = [r for r in results if not r.ok]
    assert [r.source for r in lost] == ["doc2", "doc3"]  # doc3's chunk
    assert all(r.error_type == "WorkerLost" and r.internal for r in lost)
    assert "killed by signal 9 (SIGKILL)" in (lost[0].error or "")
    assert "or one of the 1 others sent with it" in (lost[0].error or "")
    assert all(r.ok for r in results if r.source not in ("doc2", "doc3"))  # a new worker went on


def test_stopping_early_terminates_the_workers() -> None:
    import multiprocessing
    import time

    results = parse_many([(f"doc{i}", SHORT * 200) for i in range(200)], jobs=2, chunksize=1)
    next(results)
    workers = multiprocessing.active_children()
    assert len(workers) == 2
    started = time.monotonic()
    results.close()
    assert time.monotonic() - started < 5
    assert not any(worker.is_alive() for worker in workers)
    assert multiprocessing.active_children() == []


def test_a_fifo_is_a_failure_not_a_hang(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs FIFOs")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (result,) = parse_many([fifo], jobs=1)
    assert result.error_type == "OSError"
    assert "a FIFO, not a regular file" in (result.error or "")


def test_a_worker_that_died_while_idle_is_replaced() -> None:
    import signal

    from gijiroku.pool import WorkerPool

    pool: WorkerPool[int, object, int] = WorkerPool(1, _worker_pid)
    try:
        first = pool._idle[0].process
        os.kill(first.pid, signal.SIGKILL)
        first.join()
        pool.submit(0, None)  # the dead worker's pipe is broken: a new worker takes the job
        ((key, pid),) = pool.collect()
        assert key == 0
        assert isinstance(pid, int)
        assert pid not in (os.getpid(), first.pid)
    finally:
        pool.close()
