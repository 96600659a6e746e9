"""Writers: a file appears whole under its name or not at all; a document an output cannot
hold is an OutputError, and the writer goes on."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

import gijiroku
from gijiroku import OutputError
from gijiroku.tables import check_integers
from gijiroku.writers import open_writer
from tests.conftest import read_sample


def numbered(number: int, source_name: str | None = "huge") -> gijiroku.Minutes:
    """Minutes whose meeting number is ``number``: built, not parsed (parse reads no number
    above ``dates.MAX_NUMBER``, so only records made by hand or read back reach a writer with
    one that no column can hold)."""
    minutes = gijiroku.parse("仙台市議会会議録\n座長 はい。\n", source_name=source_name)
    meeting = minutes.meeting.model_copy(update={"number": number})
    return minutes.model_copy(update={"meeting": meeting})


HUGE = 99999999999999999999


@pytest.fixture(scope="module")
def sendai() -> gijiroku.Minutes:
    return gijiroku.parse(read_sample("council/sendai-ict-2016-02-08.txt"), source_name="sendai")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "parquet"])
def test_the_file_appears_at_close(tmp_path: Path, sendai: gijiroku.Minutes, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    target = tmp_path / f"out.{fmt}"
    writer = open_writer(fmt, target)  # type: ignore[arg-type]
    writer.write(sendai)
    assert not target.exists()
    (temporary,) = tmp_path.glob(f".out.{fmt}.*.part")
    writer.close()
    assert not temporary.exists()
    assert _leftovers(tmp_path) == [f"out.{fmt}"]
    assert writer.rows == 42


def test_an_aborted_writer_leaves_the_old_file(tmp_path: Path, sendai: gijiroku.Minutes) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    writer = open_writer("jsonl", target)

    def stopped_while_writing() -> None:
        with writer:
            writer.write(sendai)
            raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        stopped_while_writing()
    assert target.read_text(encoding="utf-8") == "old\n"
    assert _leftovers(tmp_path) == ["out.jsonl"]


def test_an_aborted_parquet_writer_is_quiet(tmp_path: Path, sendai: gijiroku.Minutes) -> None:
    pytest.importorskip("pyarrow")
    writer = open_writer("parquet", tmp_path / "out.parquet")
    writer.write(sendai)
    writer.abort()  # no "Exception ignored" from pyarrow when it is collected (warnings: errors)
    del writer
    import gc

    gc.collect()
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_a_stream_target_is_written_as_before(sendai: gijiroku.Minutes, fmt: str) -> None:
    out = io.StringIO()
    with open_writer(fmt, out) as writer:  # type: ignore[arg-type]
        writer.write(sendai)
        writer.write(sendai)
    assert writer.documents == 2
    if fmt == "json":
        assert len(json.loads(out.getvalue())) == 2


def test_a_parquet_writer_goes_on_after_a_document_it_cannot_hold(
    tmp_path: Path, sendai: gijiroku.Minutes
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    huge = numbered(HUGE)
    target = tmp_path / "out.parquet"
    with open_writer("parquet", target) as writer:
        writer.write(sendai)
        with pytest.raises(OutputError, match="meeting_number 99999999999999999999") as caught:
            writer.write(huge)
        assert caught.value.source == "huge"
        writer.write(sendai)
    assert writer.documents == 2
    assert pq.read_table(target).num_rows == 84


def test_check_integers_names_the_column() -> None:
    rows = numbered(HUGE).utterances_table()
    check_integers(rows[:0], 32)
    with pytest.raises(
        OutputError, match=r"^huge: meeting_number 99999999999999999999 does not fit a 64-bit"
    ):
        check_integers(rows, 64)
    fine = numbered(2147483647, None).utterances_table()
    check_integers(fine, 32)
    too_big = numbered(2147483648, None).utterances_table()
    with pytest.raises(OutputError, match="2147483648 does not fit a 32-bit"):
        check_integers(too_big, 32)


def test_to_pandas_and_to_parquet_raise_output_error(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    huge = numbered(HUGE)
    with pytest.raises(OutputError, match="64-bit"):
        huge.to_pandas()
    with pytest.raises(OutputError, match="64-bit"):
        gijiroku.tables.to_arrow([huge])
    with pytest.raises(OutputError, match="64-bit"):
        gijiroku.to_parquet([huge], tmp_path / "x.parquet")
    assert _leftovers(tmp_path) == []  # no partial file


def test_json_that_cannot_be_written_is_an_output_error() -> None:
    broken = gijiroku.parse("座長 はい。").model_copy(
        update={"meeting": gijiroku.Meeting(title="\ud800")}  # not through parse: no repair
    )
    out = io.StringIO()
    writer = open_writer("jsonl", out)
    with pytest.raises(OutputError, match="cannot be written as JSON"):
        writer.write(broken)
    assert out.getvalue() == ""
    plain = gijiroku.parse("座長 はい。")
    odd_turn = plain.utterances[0].model_copy(update={"text": "\udc80"})
    odd = plain.model_copy(update={"utterances": (odd_turn,)})
    csv_out = io.StringIO()
    with pytest.raises(OutputError, match="cannot be written as CSV"):
        open_writer("csv", csv_out).write(odd)
    assert csv_out.getvalue().count("\n") == 1  # the header only


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs Linux /proc")
def test_a_signal_while_the_file_opens_closes_it_once(
    tmp_path: Path, sendai: gijiroku.Minutes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stop (a signal raising in the main thread) between the temporary file's creation and
    its file object: the descriptor is closed once, by its owner, and the file is deleted
    (closing it twice could close whatever file later gets the same number)."""
    from gijiroku.writers import JsonLinesWriter

    def interrupted(self: object, raw: io.FileIO) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(JsonLinesWriter, "_wrap_raw", interrupted)
    before = _open_descriptors()
    writer = open_writer("jsonl", tmp_path / "out.jsonl")
    with pytest.raises(KeyboardInterrupt):
        writer.write(sendai)
    writer.abort()
    assert _open_descriptors() == before
    assert _leftovers(tmp_path) == []
