"""The public face: a sorted, complete ``__all__``; documented errors; the JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gijiroku
from gijiroku import DecodeError, FormatNotFound, GijirokuError, ParseError


def test_all_is_sorted_and_complete() -> None:
    assert list(gijiroku.__all__) == sorted(gijiroku.__all__)
    public = {n for n in dir(gijiroku) if (not n.startswith("_") and n[0].isupper()) or n in {
        "parse", "parse_file", "tokenize", "json_schema", "detect_format"}}  # fmt: skip
    assert public <= set(gijiroku.__all__)
    for name in gijiroku.__all__:
        assert hasattr(gijiroku, name)


def test_exception_tree() -> None:
    assert issubclass(DecodeError, GijirokuError)
    assert issubclass(DecodeError, ValueError)
    assert issubclass(FormatNotFound, GijirokuError)
    assert issubclass(FormatNotFound, LookupError)
    assert issubclass(ParseError, GijirokuError)
    assert issubclass(ParseError, ValueError)


@pytest.mark.parametrize("bad", [None, 42, ["座長"], object()])
def test_wrong_input_type_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        gijiroku.parse(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        gijiroku.tokenize(bad)  # type: ignore[arg-type]


def test_unknown_format_name() -> None:
    with pytest.raises(FormatNotFound):
        gijiroku.parse("座長 はい。", format="no-such-family")


def test_bad_on_issue_value() -> None:
    with pytest.raises(ValueError, match="on_issue"):
        gijiroku.parse("座長 はい。", on_issue="ignore")  # type: ignore[arg-type]


def test_on_issue_raise_and_warn() -> None:
    text = "第1回 会議録\n日時：令和6年5月17日\n何の構造もない文章です。\n座長 はい。"
    quiet = gijiroku.parse(text)
    assert [d.code for d in quiet.diagnostics] == ["unmatched-header-line"]
    with pytest.raises(ParseError) as caught:
        gijiroku.parse(text, on_issue="raise")
    assert [d.code for d in caught.value.diagnostics] == ["unmatched-header-line"]
    with pytest.warns(gijiroku.GijirokuWarning, match="unmatched-header-line"):
        gijiroku.parse(text, on_issue="warn")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "euc_jp", "utf-16"])
def test_bytes_in_japanese_encodings(encoding: str) -> None:
    text = "座長 髙橋委員と﨑山委員に伺います。\n"
    if encoding == "euc_jp":
        text = "座長 高橋委員と山崎委員に伺います。\n"
    m = gijiroku.parse(text.encode(encoding))
    assert m.utterances[0].text == text.split(" ", 1)[1].strip()
    assert m.source.encoding == encoding.replace("-sig", "").replace("utf-16", "utf-16")


@pytest.mark.parametrize(
    ("data", "what"),
    [(b"%PDF-1.7\n...", "PDF"), (b"PK\x03\x04rest", "zip"), (b"abc\x00def", "NUL")],
)
def test_binary_input_is_refused(data: bytes, what: str) -> None:
    with pytest.raises(DecodeError, match=what):
        gijiroku.parse(data)


def test_undecodable_bytes_name_the_offset() -> None:
    with pytest.raises(DecodeError) as caught:
        gijiroku.parse(b"abc\x81\x00")
    assert caught.value.offset is not None


def test_json_round_trip_and_schema(sendai_text: str) -> None:
    m = gijiroku.parse(sendai_text, source_name="sendai.txt")
    again = gijiroku.Minutes.model_validate_json(m.to_json())
    assert again == m
    assert m.to_json() == gijiroku.parse(sendai_text, source_name="sendai.txt").to_json()
    schema = gijiroku.json_schema()
    assert schema["title"] == "gijiroku Minutes"
    for key in ("schema_version", "source", "meeting", "members", "sections", "utterances",
                "events", "diagnostics"):  # fmt: skip
        assert key in schema["properties"]
    json.dumps(schema)


def test_json_contract_field_names(sendai_text: str) -> None:
    d = gijiroku.parse(sendai_text).model_dump(mode="json")
    assert set(d["source"]) >= {"name", "sha256", "encoding", "format", "chars", "lines"}
    assert set(d["meeting"]) >= {"title", "body", "number", "date", "date_raw", "start_time",
                                 "end_time", "venue"}  # fmt: skip
    assert set(d["members"][0]) >= {"id", "name", "title", "group", "roles", "attendance", "span"}
    assert set(d["sections"][0]) >= {"id", "number", "title", "level", "span"}
    u = d["utterances"][1]
    assert set(u) >= {"id", "order", "speaker", "speaker_id", "section_id", "text", "notes", "span"}
    assert set(u["speaker"]) >= {"label", "name", "role"}
    assert set(u["notes"][0]) >= {"kind", "text", "start", "end"}
    assert set(u["span"]) >= {"start", "end", "line_start", "line_end", "page"}
    assert set(d["events"][0]) >= {"kind", "time", "text", "span"}


def test_parse_file(tmp_path: pytest.TempPathFactory, sendai_text: str) -> None:
    path = tmp_path / "minutes.txt"  # type: ignore[operator]
    path.write_bytes(sendai_text.encode("cp932"))
    m = gijiroku.parse_file(path)
    assert m.source.name == "minutes.txt"
    assert m.source.encoding == "cp932"
    assert len(m.utterances) == 42
    with pytest.raises(TypeError):
        gijiroku.parse_file(42)  # type: ignore[arg-type]


def test_minutes_parse_file_says_what_to_call(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text("座長 はじめます。\n", encoding="utf-8")
    with pytest.raises(TypeError, match=r"gijiroku\.parse_file\(path\)") as caught:
        gijiroku.Minutes.parse_file(path)  # no DeprecationWarning: warnings are errors here
    assert "model_validate_json" in str(caught.value)
    with pytest.raises(TypeError, match="deprecated JSON reader"):
        gijiroku.Minutes.parse_file(str(path), encoding="utf-8")
    assert gijiroku.parse_file(path).utterances[0].speaker.role == "座長"
