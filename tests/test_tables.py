"""Flat views: utterances_table, speakers, to_pandas, Parquet."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

import gijiroku
from gijiroku.tables import COLUMNS, SpeakerStats


@pytest.fixture
def sendai(sendai_text: str) -> gijiroku.Minutes:
    return gijiroku.parse(sendai_text, source_name="sendai.txt")


def test_utterances_table_rows(sendai: gijiroku.Minutes) -> None:
    rows = sendai.utterances_table()
    assert len(rows) == 42
    assert all(tuple(row) == COLUMNS for row in rows)
    first = rows[0]
    assert first["source"] == "sendai.txt"
    assert first["meeting_body"] == "仙台市情報化推進会議"
    assert first["meeting_date"] == dt.date(2016, 2, 8)
    assert first["meeting_number"] == 2
    assert (first["speaker_name"], first["speaker_role"], first["speaker_id"]) == ("曽根", "座長", "m2")  # fmt: skip
    assert first["section_id"] is None
    assert first["section_title"] is None
    fourth = rows[3]
    assert fourth["speaker_label"] == "情報政策課長"
    assert fourth["speaker_name"] == "渋谷"
    assert fourth["section_title"] == "議題（1）仙台市ICT利活用方針2016-2020の策定について"
    assert fourth["chars"] == 648
    assert fourth["chars"] == len(fourth["text"].replace("\n", ""))
    assert (fourth["line_start"], fourth["line_end"]) == (67, 110)
    assert [row["order"] for row in rows] == list(range(1, 43))


def test_speakers(sendai: gijiroku.Minutes) -> None:
    stats = sendai.speakers()
    assert sum(s.utterances for s in stats) == 42
    assert sum(s.characters for s in stats) == sum(r["chars"] for r in sendai.utterances_table())
    chair = next(s for s in stats if s.name == "曽根")
    assert chair == SpeakerStats(
        speaker_id="m2",
        name="曽根",
        role="座長",
        labels=("座長（曽根委員）", "座長"),
        utterances=12,
        characters=1936,
        first_turn=1,
        last_turn=42,
    )
    assert stats[0].name == "渋谷"  # the most characters first
    assert (stats[0].role, stats[0].utterances) == ("情報政策課長", 15)
    assert [s.characters for s in stats] == sorted((s.characters for s in stats), reverse=True)
    secretariat = next(s for s in stats if s.role == "事務局")
    assert secretariat.name is None
    assert secretariat.utterances == 1


def test_speakers_without_a_roster() -> None:
    m = gijiroku.parse("座長 はじめます。\n林委員 賛成です。\n座長 では次に。\n○山田 はい。")
    stats = [(s.speaker_id, s.name, s.role, s.utterances, s.first_turn, s.last_turn)
             for s in m.speakers()]  # fmt: skip
    assert stats[0] == (None, None, "座長", 2, 1, 3)
    assert (None, "林", "委員", 1, 2, 2) in stats
    assert gijiroku.parse("").speakers() == []
    assert gijiroku.parse("").utterances_table() == []


def test_to_pandas(sendai: gijiroku.Minutes) -> None:
    pd = pytest.importorskip("pandas")
    df = sendai.to_pandas()
    assert list(df.columns) == list(COLUMNS)
    assert len(df) == 42
    assert df["chars"].sum() == sum(r["chars"] for r in sendai.utterances_table())
    by_speaker = df.groupby("speaker_name")["order"].count()
    assert by_speaker["曽根"] == 12
    assert df["meeting_date"].iloc[0] == pd.Timestamp("2016-02-08")
    assert str(df["page"].dtype) == "Int64"
    empty = gijiroku.to_pandas([])
    assert list(empty.columns) == list(COLUMNS)
    assert len(empty) == 0


def test_to_pandas_of_many_skips_failures(sendai_text: str) -> None:
    pytest.importorskip("pandas")
    results = list(
        gijiroku.parse_many([("a", sendai_text), ("bad", b"%PDF-1.4"), ("b", sendai_text)], jobs=1)
    )
    df = gijiroku.to_pandas(results)
    assert len(df) == 84
    assert df["source"].value_counts().to_dict() == {"a": 42, "b": 42}
    with pytest.raises(TypeError):
        gijiroku.to_pandas([42])  # type: ignore[list-item]


def test_to_parquet(tmp_path: Path, sendai_text: str) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "corpus.parquet"
    docs = gijiroku.parse_many([("a", sendai_text), ("b", "座長 はい。")], jobs=1)
    assert gijiroku.to_parquet(docs, target) == 43
    table = pq.read_table(target)
    assert table.num_rows == 43
    assert table.column_names == list(COLUMNS)
    assert str(table.schema.field("meeting_date").type) == "date32[day]"
    assert table.column("speaker_role").to_pylist()[-1] == "座長"


def test_a_missing_optional_dependency_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, sendai: gijiroku.Minutes
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(ImportError, match=r"gijiroku\[pandas\]"):
        sendai.to_pandas()


@pytest.mark.parametrize("module", ["gijiroku.batch", "gijiroku.tables", "gijiroku.writers"])
def test_docstring_examples(module: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import doctest
    import importlib

    monkeypatch.chdir(tmp_path)  # the examples name files that must not exist
    outcome = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert outcome.failed == 0
    assert outcome.attempted > 0
