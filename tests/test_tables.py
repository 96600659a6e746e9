"""Flat views: the four tables and their keys, speakers, to_pandas, Parquet (one dtype per
column for every document and after a round trip, metadata), CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

import gijiroku
from gijiroku.tables import (
    COLUMNS,
    TABLES,
    ItemRow,
    MemberRow,
    SectionRow,
    SpeakerStats,
    UtteranceRow,
    rows,
    table_rows,
)
from gijiroku.writers import open_writer
from tests.conftest import ROOT, SAMPLES, read_sample

#: A document of each family: the Diet, an assembly, a committee, summary minutes.
FAMILIES = [
    "diet/shugiin-monka-2023-11-01.txt",
    "assembly/aomori-2024-12-25.txt",
    "council/sendai-ict-2016-02-08.txt",
    "notes/pyconjp-board-77-2025-12-08.md",
]


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
    pytest.importorskip("pandas")
    df = sendai.to_pandas()
    assert list(df.columns) == list(COLUMNS)
    assert len(df) == 42
    assert df["chars"].sum() == sum(r["chars"] for r in sendai.utterances_table())
    by_speaker = df.groupby("speaker_name")["order"].count()
    assert by_speaker["曽根"] == 12
    assert df["meeting_date"].iloc[0] == dt.date(2016, 2, 8)
    assert str(df["meeting_date"].dtype) == "date32[day][pyarrow]"
    assert df["meeting_date"].dt.year.iloc[0] == 2016
    assert str(df["page"].dtype) == "Int64"
    assert str(df["text"].dtype) == "string"
    assert df["speaker_yomi"].isna().all()  # all-null columns keep their types
    assert str(df["speaker_yomi"].dtype) == "string"
    assert df["meeting_session"].isna().all()
    assert str(df["meeting_session"].dtype) == "Int64"
    assert df["text"].str.contains("ICT").sum() > 0
    secretariat = df[df["speaker_role"] == "事務局"]
    assert secretariat["speaker_name"].isna().all()  # missing text is pd.NA
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
    assert json.loads(table.schema.metadata[b"gijiroku"]) == {
        "schema_version": gijiroku.SCHEMA_VERSION,
        "version": gijiroku.__version__,
        "table": "utterances",
    }
    file_metadata = pq.read_metadata(target).metadata
    assert json.loads(file_metadata[b"gijiroku"])["version"] == gijiroku.__version__


# -- the four tables -------------------------------------------------------------------------


def test_columns_are_declared_once_and_described() -> None:
    for name, row_type in (
        ("utterances", UtteranceRow),
        ("members", MemberRow),
        ("sections", SectionRow),
        ("items", ItemRow),
    ):
        columns = TABLES[name]  # type: ignore[index]
        assert tuple(c.name for c in columns) == tuple(row_type.__annotations__), name
        assert all(c.description for c in columns)
    assert tuple(c.name for c in TABLES["utterances"]) == COLUMNS


def test_the_readme_documents_every_column() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Tables") :]
    section = section[: section.index("\n## ")]
    for name, columns in TABLES.items():
        assert f"`{name}`" in section
        for column in columns:
            assert f"`{column.name}`" in section, (name, column.name)


def test_api_columns_of_the_utterances_table() -> None:
    m = gijiroku.from_kokkai((SAMPLES / "kokkai-api/121205124X00120231101.xml").read_bytes())
    row = m.utterances_table()[7]
    assert (row["speaker_name"], row["speaker_yomi"], row["speaker_title"]) == (
        "盛山正仁",
        "もりやままさひと",
        "文部科学大臣",
    )
    assert row["speaker_group"] == "自由民主党・無所属の会"
    assert (row["meeting_house"], row["meeting_session"]) == ("衆議院", 212)
    # a text parse: the roster's title stands in for the API's 肩書き; no 会派, no reading
    text_row = gijiroku.parse(read_sample("diet/shugiin-monka-2023-11-01.txt")).utterances_table()[
        7
    ]
    assert (text_row["speaker_title"], text_row["speaker_group"], text_row["speaker_yomi"]) == (
        "文部科学大臣",
        None,
        None,
    )


def test_seat_and_affiliation_columns() -> None:
    m = gijiroku.parse(read_sample("assembly/aomori-2024-12-25.txt"))
    seated = [r for r in m.utterances_table() if r["speaker_seat"] is not None]
    assert seated
    first = seated[0]
    assert (first["speaker_label"], first["speaker_seat"]) == ("4番（奈良祥孝君）", 4)
    notes = gijiroku.parse(read_sample("notes/ict-kyouikukei-2013-05-01.md"))
    assert notes.utterances_table() == []
    sendai = gijiroku.parse(read_sample("council/sendai-ict-2016-02-08.txt"))
    affiliations = {r["speaker_affiliation"] for r in sendai.utterances_table()}
    members = {m.affiliation for m in sendai.members}
    assert affiliations - {None} <= members


def test_members_table_joins_the_utterances(sendai: gijiroku.Minutes) -> None:
    members = table_rows(sendai, table="members")
    assert [r["member_id"] for r in members] == [m.id for m in sendai.members]
    sone = next(r for r in members if r["name"] == "曽根")
    assert (sone["title"], sone["roles"], sone["attendance"]) == ("委員", ["座長"], "present")
    assert sone["utterances"] == 12
    by_id = {r["member_id"]: r for r in members}
    turns = sendai.utterances_table()
    joined = [by_id[t["speaker_id"]]["name"] for t in turns if t["speaker_id"]]
    assert joined.count("曽根") == 12
    assert sum(r["utterances"] for r in members) == len(joined)


def test_sections_and_items_tables() -> None:
    notes = gijiroku.parse(read_sample("notes/pyconjp-board-77-2025-12-08.md"), source_name="77")
    items = table_rows(notes, table="items")
    assert len(items) == 306
    sections = {r["section_id"]: r for r in table_rows(notes, table="sections")}
    assert sum(r["items"] for r in sections.values()) == 306
    assert all(sections[i["section_id"]]["title"] == i["section_title"] for i in items)
    second = sections["s2"]
    assert (second["title"], second["owner"], second["tags"]) == (
        "PyCon JP 2025",
        "nishimotz",
        ["高", "報告"],
    )
    assert [i["item"] for i in items if i["section_id"] == "s2"][:3] == [1, 2, 3]
    todos = [i for i in items if i["kind"] == "todo"]
    assert todos
    assert all(i["source"] == "77" for i in items)
    sendai = gijiroku.parse(read_sample("council/sendai-ict-2016-02-08.txt"))
    counted = {r["section_id"]: r["utterances"] for r in table_rows(sendai, table="sections")}
    assert counted == {s.id: len(sendai.turns_in(s)) for s in sendai.sections}
    assert rows([notes, sendai], table="items") == items
    with pytest.raises(ValueError, match="table must be one of"):
        rows([notes], table="speeches")  # type: ignore[call-overload]


@pytest.mark.parametrize("table", list(TABLES))
def test_one_dtype_per_column_for_every_family_and_after_parquet(
    table: str, tmp_path: Path
) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    frames = []
    for family in FAMILIES:
        minutes = gijiroku.parse_file(SAMPLES / family)
        frame = minutes.to_pandas(table=table)  # type: ignore[arg-type]
        path = tmp_path / f"{table}-{Path(family).stem}.parquet"
        gijiroku.to_parquet(minutes, path, table=table)  # type: ignore[arg-type]
        back = pd.read_parquet(path)  # default settings
        assert back.dtypes.to_dict() == frame.dtypes.to_dict(), family
        pd.testing.assert_frame_equal(back, frame)
        frames.append(frame)
    empty = gijiroku.to_pandas([], table=table)  # type: ignore[arg-type]
    frames.append(empty)
    for frame in frames:
        assert list(frame.columns) == [c.name for c in TABLES[table]]  # type: ignore[index]
        assert frame.dtypes.to_dict() == frames[0].dtypes.to_dict()
    assert sum(len(f) for f in frames) > 0


def test_parquet_gives_dates_and_integers(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    path = tmp_path / "x.parquet"
    gijiroku.to_parquet(gijiroku.parse(read_sample("council/sendai-ict-2016-02-08.txt")), path)
    back = pd.read_parquet(path)
    assert back["meeting_date"].iloc[0] == dt.date(2016, 2, 8)
    assert str(back["page"].dtype) == "Int64"
    assert str(back["order"].dtype) == "Int64"


def test_csv_of_the_members_table() -> None:
    out = io.StringIO()
    with open_writer("csv", out, table="members") as writer:
        writer.write(gijiroku.parse(read_sample("council/sendai-ict-2016-02-08.txt")))
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(table[0]) == [c.name for c in TABLES["members"]]
    sone = next(r for r in table if r["name"] == "曽根")
    assert (sone["roles"], sone["utterances"], sone["seat"]) == ("座長", "12", "")
    assert writer.rows == len(table) == 11


def test_a_missing_optional_dependency_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, sendai: gijiroku.Minutes
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(ImportError, match=r"gijiroku\[pandas\]"):
        sendai.to_pandas()


@pytest.mark.parametrize(
    "module", ["gijiroku.batch", "gijiroku.tables", "gijiroku.tei", "gijiroku.writers"]
)
def test_docstring_examples(module: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import doctest
    import importlib

    monkeypatch.chdir(tmp_path)  # the examples name files that must not exist
    outcome = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert outcome.failed == 0
    assert outcome.attempted > 0
