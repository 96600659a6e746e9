"""The cyclic garbage collector is paused while a document is read, and only then."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

import gijiroku
from gijiroku import FormatNotFound, collector
from gijiroku.collector import collector_paused
from tests.conftest import read_sample

#: The longest sample: run throughout, the collector starts a score of collections in its parse.
LONG_SAMPLE = "pdf/kyoto-sangyo-2024-05-17.txt"


@pytest.fixture
def collections_seen() -> Iterator[list[int]]:
    """The generation of each collection that starts while the test runs."""
    seen: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(note)
    try:
        yield seen
    finally:
        gc.callbacks.remove(note)


def test_a_parse_runs_at_most_the_collection_due_at_its_end(
    collections_seen: list[int],
) -> None:
    text = read_sample(LONG_SAMPLE)
    gijiroku.parse(text)  # (the first parse imports the families: imports collect as usual)
    gc.collect()
    collections_seen.clear()
    minutes = gijiroku.parse(text)
    assert len(minutes.utterances) > 400
    assert collections_seen in ([], [0], [1])
    assert gc.isenabled()


def test_the_collector_runs_throughout_when_the_pause_is_switched_off(
    collections_seen: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = read_sample(LONG_SAMPLE)
    gijiroku.parse(text)
    monkeypatch.setattr(collector, "PAUSE", False)
    gc.collect()
    collections_seen.clear()
    gijiroku.parse(text)
    assert len(collections_seen) > 10  # (what the pause saves: the test above can fail)
    assert gc.isenabled()


def test_tokenize_is_paused_too(collections_seen: list[int]) -> None:
    gijiroku.tokenize(read_sample(LONG_SAMPLE))
    gc.collect()
    collections_seen.clear()
    gijiroku.tokenize(read_sample(LONG_SAMPLE))
    assert collections_seen in ([], [0], [1])


def test_a_collector_switched_off_stays_off_and_collects_nothing(
    collections_seen: list[int],
) -> None:
    gc.disable()
    try:
        gijiroku.parse(read_sample(LONG_SAMPLE))
        assert not gc.isenabled()
        assert collections_seen == []
    finally:
        gc.enable()


def test_the_collector_comes_back_after_an_error() -> None:
    with pytest.raises(FormatNotFound):
        gijiroku.parse("座長 開会します。", format="no-such-family")
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("inside")
    assert gc.isenabled()


def test_nested_pauses_end_with_the_outer_one() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_concurrent_parses_leave_the_collector_on() -> None:
    text = read_sample("council/sendai-ict-2016-02-08.txt")
    expected = gijiroku.parse(text).to_json()
    results: list[str] = []
    start = threading.Barrier(4)

    def work() -> None:
        start.wait()
        for _ in range(3):
            results.append(gijiroku.parse(text).to_json())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 12
    assert gc.isenabled()
